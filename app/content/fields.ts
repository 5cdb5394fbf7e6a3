/**
 * The data dictionary: the placeholders that a campaign's mailing data provides, plus sample values for previews.
 * A campaign may add its own custom fields, which the checks receive as `extraFields`.
 */
import { normaliseName } from './placeholders'

export const REFERENCE_TYPES = ['nino', 'utr', 'vrn', 'paye', 'ctutr'] as const
export type ReferenceType = (typeof REFERENCE_TYPES)[number]

export const REFERENCE_TYPE_LABELS: Record<ReferenceType, string> = {
  nino: 'National Insurance number',
  utr: 'Unique Taxpayer Reference',
  vrn: 'VAT registration number',
  paye: 'PAYE reference',
  ctutr: 'Corporation Tax UTR',
}

/** The placeholder that shows each type of reference. `((reference))` always shows the message's own type. */
export const REFERENCE_PLACEHOLDERS: Record<ReferenceType, string> = {
  nino: 'nino',
  utr: 'utr',
  vrn: 'vat_registration_number',
  paye: 'paye_reference',
  ctutr: 'ct_utr',
}

export function isReferenceType(value: unknown): value is ReferenceType {
  return typeof value === 'string' && (REFERENCE_TYPES as readonly string[]).includes(value)
}

export type FieldGroup = 'name-address' | 'reference' | 'other'

export interface FieldDefinition {
  name: string
  label: string
  group: FieldGroup
  /** Realistic but obviously fake, so that a preview can never be mistaken for a real customer's letter. */
  sample: string
}

const SAMPLE_REFERENCES: Record<ReferenceType, string> = {
  // QQ is never issued as a NINO prefix, which is why HMRC's own examples use it.
  nino: 'QQ 12 34 56 C',
  utr: '12345 67890',
  vrn: 'GB 123 4567 89',
  paye: '123/AB45678',
  ctutr: '98765 43210',
}

export const STANDARD_FIELDS: readonly FieldDefinition[] = [
  { name: 'customer_name', label: 'Customer name', group: 'name-address', sample: 'Alex Example' },
  { name: 'address_line_1', label: 'Address line 1', group: 'name-address', sample: '1 Sample Street' },
  { name: 'address_line_2', label: 'Address line 2', group: 'name-address', sample: 'Exampleton' },
  { name: 'address_line_3', label: 'Address line 3', group: 'name-address', sample: 'Testshire' },
  { name: 'address_line_4', label: 'Address line 4', group: 'name-address', sample: '' },
  { name: 'address_line_5', label: 'Address line 5', group: 'name-address', sample: '' },
  { name: 'address_line_6', label: 'Address line 6', group: 'name-address', sample: '' },
  { name: 'postcode', label: 'Postcode', group: 'name-address', sample: 'AA1 1AA' },
  { name: 'reference', label: 'Reference (the message’s reference type)', group: 'reference', sample: SAMPLE_REFERENCES.utr },
  { name: 'nino', label: REFERENCE_TYPE_LABELS.nino, group: 'reference', sample: SAMPLE_REFERENCES.nino },
  { name: 'utr', label: REFERENCE_TYPE_LABELS.utr, group: 'reference', sample: SAMPLE_REFERENCES.utr },
  { name: 'vat_registration_number', label: REFERENCE_TYPE_LABELS.vrn, group: 'reference', sample: SAMPLE_REFERENCES.vrn },
  { name: 'paye_reference', label: REFERENCE_TYPE_LABELS.paye, group: 'reference', sample: SAMPLE_REFERENCES.paye },
  { name: 'ct_utr', label: REFERENCE_TYPE_LABELS.ctutr, group: 'reference', sample: SAMPLE_REFERENCES.ctutr },
  { name: 'tax_year', label: 'Tax year', group: 'other', sample: '2025 to 2026' },
  { name: 'amount', label: 'Amount', group: 'other', sample: '£1,234.56' },
  { name: 'deadline_date', label: 'Deadline date', group: 'other', sample: '31 July 2027' },
  // 0306 999 0xxx is set aside by Ofcom for drama, so it can never reach a real person.
  { name: 'helpline_number', label: 'Helpline number', group: 'other', sample: '0306 999 0123' },
  { name: 'helpline_hours', label: 'Helpline opening hours', group: 'other', sample: 'Monday to Friday, 8am to 6pm' },
  { name: 'date', label: 'Date of the message', group: 'other', sample: '1 June 2027' },
]

const FIELDS_BY_KEY = new Map(STANDARD_FIELDS.map((f) => [normaliseName(f.name), f]))

/** Normalised keys of the fields allowed in a letter's address block. */
export const NAME_ADDRESS_KEYS: ReadonlySet<string> = new Set(
  STANDARD_FIELDS.filter((f) => f.group === 'name-address').map((f) => normaliseName(f.name)),
)

export const NINO_KEY = normaliseName(REFERENCE_PLACEHOLDERS.nino)
export const REFERENCE_KEY = normaliseName('reference')

export function standardField(name: string): FieldDefinition | undefined {
  return FIELDS_BY_KEY.get(normaliseName(name))
}

/** The set of normalised keys known to a campaign: the standard fields plus its custom ones. */
export function knownKeys(extraFields: readonly string[] = []): Set<string> {
  const keys = new Set(FIELDS_BY_KEY.keys())
  for (const name of extraFields) {
    const key = normaliseName(name)
    if (key) keys.add(key)
  }
  return keys
}

export function isKnownField(name: string, extraFields: readonly string[] = []): boolean {
  return knownKeys(extraFields).has(normaliseName(name))
}

/** Normalised keys that show the reference of the given type: `((reference))` and the type's own placeholder. */
export function referenceKeys(referenceType: ReferenceType): Set<string> {
  return new Set([REFERENCE_KEY, normaliseName(REFERENCE_PLACEHOLDERS[referenceType])])
}

/** Normalised keys that show a NINO for a message or script with this reference type. */
export function ninoKeys(referenceType: ReferenceType): Set<string> {
  return referenceType === 'nino' ? new Set([NINO_KEY, REFERENCE_KEY]) : new Set([NINO_KEY])
}

export const MAX_EXTRA_FIELD_NAME_LENGTH = 50

/**
 * Checks a custom field name a designer wants to add. Returns an error message in GOV.UK style, or null when the
 * name is fine.
 */
export function checkExtraFieldName(name: string, existing: readonly string[] = []): string | null {
  const trimmed = name.trim()
  if (trimmed === '') return 'Enter a field name'
  if (trimmed.length > MAX_EXTRA_FIELD_NAME_LENGTH) return `Field name must be ${MAX_EXTRA_FIELD_NAME_LENGTH} characters or less`
  if (!/^[A-Za-z][A-Za-z0-9 _-]*$/.test(trimmed)) {
    return 'Field name must start with a letter and can only include letters, numbers, spaces, hyphens and underscores'
  }
  const key = normaliseName(trimmed)
  const standard = FIELDS_BY_KEY.get(key)
  if (standard) return `“${trimmed}” is already a standard field (((${standard.name})))`
  if (existing.some((e) => normaliseName(e) === key)) return `This campaign already has a field called “${trimmed}”`
  return null
}

export type SampleValues = Record<string, string>

/**
 * Sample values for a preview, keyed by field name. `((reference))` shows the sample of the message's own reference
 * type, and each custom field shows its name in square brackets so nobody mistakes it for real data.
 */
export function sampleValues(referenceType: ReferenceType, extraFields: readonly string[] = []): SampleValues {
  const values: SampleValues = {}
  for (const field of STANDARD_FIELDS) values[field.name] = field.sample
  values.reference = SAMPLE_REFERENCES[referenceType]
  for (const name of extraFields) {
    const key = normaliseName(name)
    if (key && !FIELDS_BY_KEY.has(key)) values[name] = `[${name.trim()}]`
  }
  return values
}
