import { z } from 'zod'
import { NATIONS, REFERENCE_TYPES, REGIMES, RESPONSE_SOUGHT } from '../campaign/options'
import { parseForm, type FieldErrors, type FormValues, type Parsed } from '../utils/forms'
import { choice, dateInput, datePartsFrom, moneyInPence, text, wholeNumber } from './fields'
import { readNumber } from './numbers'

export const CAMPAIGN_LIMITS = {
  name: 120,
  longText: 2000,
  populationSize: 100_000_000,
  liabilityAveragePounds: 10_000_000,
  coOwners: 20,
}

/** Field order on the form, which is also the error summary's order. */
export const CAMPAIGN_FIELD_ORDER = [
  'name',
  'regime',
  'objective',
  'targetPopulation',
  'populationSize',
  'welshCustomers',
  'launchDate',
  'nation',
  'referenceType',
  'responseSought',
  'responseProcess',
  'extraLiability',
  'liabilityCustomers',
  'liabilityAverage',
  'pressInform',
  'pressReason',
  'coOwners',
] as const

export const CAMPAIGN_ERROR_HREFS: Record<string, string> = {
  launchDate: '#launchDate-day',
  coOwners: '#coOwners',
}

function baseSchema(today: string) {
  return z.object({
    name: text({ label: 'Campaign name', required: 'Enter the campaign name', tooLong: `Campaign name must be ${CAMPAIGN_LIMITS.name} characters or fewer` }, CAMPAIGN_LIMITS.name),
    regime: choice(REGIMES, 'Select the tax regime'),
    objective: text({ label: 'Objective', required: 'Enter the objective of the campaign', tooLong: `Objective must be ${CAMPAIGN_LIMITS.longText} characters or fewer` }, CAMPAIGN_LIMITS.longText),
    targetPopulation: text({ label: 'Target population', required: 'Describe the target population', tooLong: `Target population must be ${CAMPAIGN_LIMITS.longText} characters or fewer` }, CAMPAIGN_LIMITS.longText),
    populationSize: wholeNumber(
      {
        required: 'Enter the population size',
        notNumber: 'Population size must be a whole number, like 250000',
        tooSmall: 'Population size must be 1 or more',
        tooBig: `Population size must be ${CAMPAIGN_LIMITS.populationSize.toLocaleString('en-GB')} or fewer`,
      },
      1,
      CAMPAIGN_LIMITS.populationSize,
    ),
    launchDate: dateInput('Planned launch date', { notBefore: today, notBeforeMessage: 'Planned launch date must be today or in the future' }),
    nation: choice(NATIONS, 'Select which nation’s bank holidays apply'),
    referenceType: choice(REFERENCE_TYPES, 'Select the reference that identifies customers'),
    responseSought: choice(RESPONSE_SOUGHT, 'Select whether a response is sought'),
    responseProcess: text({ label: 'Response-handling process', required: 'Describe how information that customers volunteer will be received and dealt with', tooLong: `Response-handling process must be ${CAMPAIGN_LIMITS.longText} characters or fewer` }, CAMPAIGN_LIMITS.longText),
    extraLiability: choice(['yes', 'no'], 'Select yes if the campaign may leave customers with extra tax to pay'),
    pressInform: choice(['yes', 'no'], 'Select yes if the Press Office must be informed'),
    coOwners: z.array(z.string().max(100)).max(CAMPAIGN_LIMITS.coOwners, `Select ${CAMPAIGN_LIMITS.coOwners} co-owners or fewer`),
  })
}

const liabilitySchema = z.object({
  liabilityCustomers: wholeNumber(
    {
      required: 'Enter the estimated number of customers who may owe extra tax',
      notNumber: 'Number of customers must be a whole number, like 12000',
      tooSmall: 'Number of customers must be 1 or more',
      tooBig: 'Number of customers must not be more than the population size',
    },
    1,
    CAMPAIGN_LIMITS.populationSize,
  ),
  liabilityAverage: moneyInPence(
    {
      required: 'Enter the average extra liability',
      notMoney: 'Average extra liability must be an amount of money, like £1,250 or £1250.50',
      tooSmall: 'Average extra liability must be more than £0',
      tooBig: `Average extra liability must be £${CAMPAIGN_LIMITS.liabilityAveragePounds.toLocaleString('en-GB')} or less`,
    },
    CAMPAIGN_LIMITS.liabilityAveragePounds,
  ),
})

const pressReasonSchema = z.object({
  pressReason: text({ label: 'Reason', required: 'Explain why the Press Office does not need to be informed', tooLong: `Reason must be ${CAMPAIGN_LIMITS.longText} characters or fewer` }, CAMPAIGN_LIMITS.longText),
})

export interface CampaignInput {
  name: string
  regime: (typeof REGIMES)[number]
  objective: string
  targetPopulation: string
  populationSize: number
  launchDate: string
  nation: (typeof NATIONS)[number]
  referenceType: (typeof REFERENCE_TYPES)[number]
  responseSought: (typeof RESPONSE_SOUGHT)[number]
  responseProcess: string
  extraLiability: boolean
  liabilityCustomers: number | null
  liabilityAveragePence: number | null
  pressInform: boolean
  pressReason: string | null
  coOwners: string[]
  /** Customers who asked HMRC to write to them in Welsh; 0 (or missing) for none. */
  welshCustomers?: number
}

/**
 * Validates the whole "Describe the campaign" form at once, including the conditional questions, so the
 * user sees every problem in one error summary rather than one layer at a time.
 */
export function parseCampaignForm(values: FormValues, coOwners: string[], options: { today: string }): Parsed<CampaignInput> {
  const input = { ...values, launchDate: datePartsFrom(values, 'launchDate'), coOwners: [...new Set(coOwners)] }
  const base = parseForm(baseSchema(options.today), input)
  const errors: FieldErrors = base.ok ? {} : { ...base.errors }

  let liability: { liabilityCustomers: number; liabilityAverage: number } | null = null
  if (values.extraLiability === 'yes') {
    const parsed = parseForm(liabilitySchema, values)
    if (parsed.ok) liability = parsed.data
    else Object.assign(errors, parsed.errors)
    if (liability && base.ok && liability.liabilityCustomers > base.data.populationSize) {
      errors.liabilityCustomers = 'Number of customers must not be more than the population size'
    }
  }
  // Optional: a campaign with no Welsh-preference customers leaves it blank.
  const welsh = readNumber(values.welshCustomers, {
    label: 'The number of customers who asked for Welsh',
    example: '3200',
    min: 0,
    max: CAMPAIGN_LIMITS.populationSize,
    integer: true,
  })
  if (!welsh.ok) errors.welshCustomers = welsh.message
  else if (base.ok && (welsh.value ?? 0) > base.data.populationSize) {
    errors.welshCustomers = 'The number of customers who asked for Welsh must not be more than the population size'
  }
  let pressReason: string | null = null
  if (values.pressInform === 'no') {
    const parsed = parseForm(pressReasonSchema, values)
    if (parsed.ok) pressReason = parsed.data.pressReason
    else Object.assign(errors, parsed.errors)
  }

  if (!base.ok || Object.keys(errors).length) return { ok: false, errors }
  const data = base.data
  return {
    ok: true,
    data: {
      name: data.name,
      regime: data.regime,
      objective: data.objective,
      targetPopulation: data.targetPopulation,
      populationSize: data.populationSize,
      launchDate: data.launchDate,
      nation: data.nation,
      referenceType: data.referenceType,
      responseSought: data.responseSought,
      responseProcess: data.responseProcess,
      extraLiability: data.extraLiability === 'yes',
      liabilityCustomers: liability?.liabilityCustomers ?? null,
      liabilityAveragePence: liability?.liabilityAverage ?? null,
      pressInform: data.pressInform === 'yes',
      pressReason,
      coOwners: data.coOwners,
      welshCustomers: welsh.ok ? (welsh.value ?? 0) : 0,
    },
  }
}
