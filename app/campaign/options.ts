// The campaign's vocabulary, shared by forms, pages and the server.

export const REGIMES = ['self-assessment', 'paye', 'vat', 'corporation-tax', 'capital-gains', 'other'] as const
export type Regime = (typeof REGIMES)[number]
export const REGIME_LABELS: Record<Regime, string> = {
  'self-assessment': 'Self Assessment',
  paye: 'PAYE',
  vat: 'VAT',
  'corporation-tax': 'Corporation Tax',
  'capital-gains': 'Capital Gains Tax',
  other: 'Other',
}

export const STATUSES = ['draft', 'awaiting-sign-off', 'approved', 'launched', 'closed'] as const
export type CampaignStatus = (typeof STATUSES)[number]
export const STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  'awaiting-sign-off': 'Awaiting sign-off',
  approved: 'Approved',
  launched: 'Launched',
  closed: 'Closed',
}
export const STATUS_TAG_COLOURS: Record<CampaignStatus, string> = {
  draft: 'grey',
  'awaiting-sign-off': 'yellow',
  approved: 'green',
  launched: 'blue',
  closed: 'grey',
}

export const RESPONSE_SOUGHT = ['none', 'possible', 'sought'] as const
export type ResponseSought = (typeof RESPONSE_SOUGHT)[number]
export const RESPONSE_SOUGHT_LABELS: Record<ResponseSought, string> = {
  none: 'No response is sought',
  possible: 'A response is possible',
  sought: 'A response is sought',
}

export const REFERENCE_TYPES = ['nino', 'utr', 'vrn', 'paye', 'ctutr'] as const
export type ReferenceType = (typeof REFERENCE_TYPES)[number]
export const REFERENCE_TYPE_LABELS: Record<ReferenceType, string> = {
  nino: 'National Insurance number',
  utr: 'Unique Taxpayer Reference (UTR)',
  vrn: 'VAT registration number',
  paye: 'PAYE reference',
  ctutr: 'Corporation Tax UTR',
}

export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const
export type Nation = (typeof NATIONS)[number]
export const NATION_LABELS: Record<Nation, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
}

/** Content can change only before launch. */
export function isEditableStatus(status: string): boolean {
  return status === 'draft' || status === 'awaiting-sign-off' || status === 'approved'
}

// Dates, times and numbers are written by app/campaign/format.ts; these names stay here for the pages that import
// them with the rest of the campaign's vocabulary.
export { formatDate, formatDateTime, formatNumber, formatPence } from './format'
