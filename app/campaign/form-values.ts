import { isoToDateParts } from '../schemas/fields'

/** The form's values as text, exactly as the user typed them (or as stored, formatted for editing). */
export interface CampaignFormValues {
  name?: string
  regime?: string
  objective?: string
  targetPopulation?: string
  populationSize?: string
  welshCustomers?: string
  'launchDate-day'?: string
  'launchDate-month'?: string
  'launchDate-year'?: string
  nation?: string
  referenceType?: string
  responseSought?: string
  responseProcess?: string
  extraLiability?: string
  liabilityCustomers?: string
  liabilityAverage?: string
  pressInform?: string
  pressReason?: string
  coOwners?: string[]
}

/** A stored campaign, written back into the form's text fields for editing. */
export function campaignToFormValues(campaign: {
  name: string
  regime: string
  objective: string
  targetPopulation: string
  populationSize: number
  welshCustomers?: number
  plannedLaunchDate: string
  nation: string
  referenceType: string
  responseSought: string
  responseProcess: string
  extraLiability: boolean
  liabilityCustomers: number | null
  liabilityAveragePence: number | null
  pressInform: boolean
  pressReason: string | null
  coOwners: { id: string }[]
}): CampaignFormValues {
  const date = isoToDateParts(campaign.plannedLaunchDate)
  return {
    name: campaign.name,
    regime: campaign.regime,
    objective: campaign.objective,
    targetPopulation: campaign.targetPopulation,
    populationSize: String(campaign.populationSize),
    welshCustomers: campaign.welshCustomers ? String(campaign.welshCustomers) : '',
    'launchDate-day': date.day,
    'launchDate-month': date.month,
    'launchDate-year': date.year,
    nation: campaign.nation,
    referenceType: campaign.referenceType,
    responseSought: campaign.responseSought,
    responseProcess: campaign.responseProcess,
    extraLiability: campaign.extraLiability ? 'yes' : 'no',
    liabilityCustomers: campaign.liabilityCustomers === null ? '' : String(campaign.liabilityCustomers),
    liabilityAverage: campaign.liabilityAveragePence === null ? '' : (campaign.liabilityAveragePence / 100).toFixed(2).replace(/\.00$/, ''),
    pressInform: campaign.pressInform ? 'yes' : 'no',
    pressReason: campaign.pressReason ?? '',
    coOwners: campaign.coOwners.map((c) => c.id),
  }
}

/** Only the text fields the form sends, so a posted form can be shown again exactly as it was. */
export function submittedFormValues(values: Record<string, string>, coOwners: string[]): CampaignFormValues {
  const keys = [
    'name', 'regime', 'objective', 'targetPopulation', 'populationSize', 'welshCustomers', 'launchDate-day', 'launchDate-month',
    'launchDate-year', 'nation', 'referenceType', 'responseSought', 'responseProcess', 'extraLiability',
    'liabilityCustomers', 'liabilityAverage', 'pressInform', 'pressReason',
  ] as const
  const kept: CampaignFormValues = { coOwners: coOwners.slice(0, 50) }
  for (const key of keys) if (typeof values[key] === 'string') kept[key] = values[key]
  return kept
}
