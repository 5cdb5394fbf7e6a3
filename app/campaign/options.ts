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

// Formatters are built once: building an Intl formatter (above all one with a time zone) costs far more than
// formatting with it, and list pages format a date on every row.
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const LONDON_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
const NUMBER = new Intl.NumberFormat('en-GB')

export function formatPence(pence: number): string {
  return POUNDS.format(pence / 100)
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return LONDON_DATE.format(date)
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

// Only numeric parts come from Intl: Node's and Chromium's ICU word 12-hour times differently ("0:53 am" and
// "12:53 am"), which broke hydration of server-rendered times in the hour after midnight.
const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
})

/** "25 November 2026 at 12:53am", in UK time, the same on the server and in every browser. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const parts = LONDON_PARTS.formatToParts(date)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const hour = part('hour') % 24
  const minute = String(part('minute')).padStart(2, '0')
  return `${part('day')} ${MONTH_NAMES[part('month') - 1]} ${part('year')} at ${hour % 12 || 12}:${minute}${hour < 12 ? 'am' : 'pm'}`
}

export function formatNumber(value: number): string {
  return NUMBER.format(value)
}
