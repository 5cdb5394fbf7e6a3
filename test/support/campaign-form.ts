// Campaigns as the model takes them and as a browser posts them: no database, so any test layer can use them.
import type { CampaignInput } from '../../app/schemas/campaign'
import { todayIso } from '../../app/utils/clock.server'

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

export function campaignInput(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return {
    name: 'Undeclared rental income',
    regime: 'self-assessment',
    objective: 'Prompt landlords to declare rental income.',
    targetPopulation: 'Landlords with letting-agent data and no property pages.',
    populationSize: 100_000,
    launchDate: addDays(todayIso(), 60),
    nation: 'england-and-wales',
    referenceType: 'utr',
    responseSought: 'possible',
    responseProcess: 'Replies go to the SA compliance mailbox and are logged within 5 working days.',
    extraLiability: false,
    liabilityCustomers: null,
    liabilityAveragePence: null,
    pressInform: true,
    pressReason: null,
    coOwners: [],
    ...overrides,
  }
}

/** The campaign form as a browser would post it. */
export function campaignForm(input: CampaignInput, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const [year, month, day] = input.launchDate.split('-')
  return {
    name: input.name,
    regime: input.regime,
    objective: input.objective,
    targetPopulation: input.targetPopulation,
    populationSize: String(input.populationSize),
    'launchDate-day': String(Number(day)),
    'launchDate-month': String(Number(month)),
    'launchDate-year': year!,
    nation: input.nation,
    referenceType: input.referenceType,
    responseSought: input.responseSought,
    responseProcess: input.responseProcess,
    extraLiability: input.extraLiability ? 'yes' : 'no',
    liabilityCustomers: input.liabilityCustomers === null ? '' : String(input.liabilityCustomers),
    liabilityAverage: input.liabilityAveragePence === null ? '' : String(input.liabilityAveragePence / 100),
    pressInform: input.pressInform ? 'yes' : 'no',
    pressReason: input.pressReason ?? '',
    coOwners: input.coOwners,
    ...extra,
  }
}
