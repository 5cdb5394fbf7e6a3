/**
 * Findings: what the data-security checks report, and the checks that messages and scripts share.
 */
import { knownKeys } from './fields'
import { parseContent, type ParsedContent, type PlaceholderNode } from './placeholders'

export type FindingLevel = 'error' | 'warning'

export type RuleId =
  | 'unknown-placeholder'
  | 'malformed-placeholder'
  | 'letter-reference'
  | 'window-envelope'
  | 'letter-postage'
  | 'nino-in-digital'
  | 'nino-third-party'
  | 'third-party-reference'
  | 'inbound-greeting'
  | 'verify-first'
  | 'recording-notice'
  | 'summarise-close'
  | 'welsh-placeholders'

export interface RuleDefinition {
  level: FindingLevel
  /** What the rule requires, for a checklist or the guidance page. */
  title: string
  /** The guidance it comes from, where there is one. */
  source: string | null
}

export const RULES: Record<RuleId, RuleDefinition> = {
  'unknown-placeholder': { level: 'error', title: 'Every placeholder is one the campaign’s data provides', source: null },
  'malformed-placeholder': { level: 'error', title: 'Every placeholder is written correctly, with (( and ))', source: null },
  'letter-reference': { level: 'error', title: 'Every letter shows the reference number', source: 'DMBM512700' },
  'window-envelope': { level: 'error', title: 'A letter’s address block holds only the name and address', source: 'DMBM512700' },
  'letter-postage': { level: 'error', title: 'A letter has a postage class', source: 'DMBM512700' },
  'nino-in-digital': { level: 'error', title: 'No SMS or email contains the National Insurance number', source: 'data security' },
  'nino-third-party': {
    level: 'error',
    title: 'No script text meant for a third party or an answering machine contains the National Insurance number',
    source: 'DMBM510330',
  },
  'third-party-reference': {
    level: 'error',
    title: 'A message left with a third party asks for the right reference number',
    source: 'DMBM510330',
  },
  'inbound-greeting': { level: 'warning', title: 'An inbound script opens with the Revenue and Customs greeting', source: 'DMBM510330' },
  'verify-first': { level: 'error', title: 'A script verifies identity before it discloses anything', source: 'DMBM510330' },
  'recording-notice': {
    level: 'warning',
    title: 'An outbound script says the call may be recorded, after verification',
    source: 'DMBM510330',
  },
  'summarise-close': { level: 'warning', title: 'A script closes with a summary and thanks', source: 'DMBM510330' },
  'welsh-placeholders': {
    level: 'error',
    title: 'A Welsh version has the same placeholders and optional content as the English it translates',
    source: null,
  },
}

/** Message fields and script sections a finding can point at. */
export type FindingField =
  | 'name'
  | 'subject'
  | 'body'
  | 'addressBlock'
  | 'postage'
  | 'opening'
  | 'verification'
  | 'recordingNotice'
  | 'closing'
  | 'question'
  | 'answer'

export interface FindingLocation {
  field: FindingField
  /** 0-based offset of the part concerned, in UTF-16 code units, where the finding concerns one part of the text. */
  offset?: number
  /** Length of the part concerned. */
  length?: number
  /** 1-based line and column of `offset`. */
  line?: number
  column?: number
}

export interface Finding {
  id: RuleId
  level: FindingLevel
  message: string
  location: FindingLocation
}

export function finding(id: RuleId, message: string, location: FindingLocation): Finding {
  return { id, level: RULES[id].level, message, location }
}

/** A finding located at one span of a parsed field. */
export function findingAt(
  id: RuleId,
  message: string,
  field: FindingField,
  parsed: ParsedContent,
  start: number,
  end: number,
): Finding {
  const p = parsed.position(start)
  return finding(id, message, { field, offset: start, length: end - start, line: p.line, column: p.column })
}

/** Findings of one rule in one field beyond this many are summarised in one more finding. */
export const MAX_FINDINGS_PER_RULE_AND_FIELD = 20

export function capFindings(findings: Finding[]): Finding[] {
  const counts = new Map<string, number>()
  const out: Finding[] = []
  const extra = new Map<string, { first: Finding; count: number }>()
  for (const f of findings) {
    const key = `${f.id}\u0000${f.location.field}`
    const n = (counts.get(key) ?? 0) + 1
    counts.set(key, n)
    if (n <= MAX_FINDINGS_PER_RULE_AND_FIELD) out.push(f)
    else {
      const e = extra.get(key)
      if (e) e.count++
      else extra.set(key, { first: f, count: 1 })
    }
  }
  for (const { first, count } of extra.values()) {
    out.push(
      finding(first.id, `There ${count === 1 ? 'is 1 more problem' : `are ${count} more problems`} like this in the ${FIELD_LABELS[first.location.field]}.`, {
        field: first.location.field,
      }),
    )
  }
  return out
}

export const FIELD_LABELS: Record<FindingField, string> = {
  name: 'name',
  subject: 'subject',
  body: 'body',
  addressBlock: 'address block',
  postage: 'postage',
  opening: 'opening',
  verification: 'verification',
  recordingNotice: 'recording notice',
  closing: 'closing',
  question: 'question',
  answer: 'answer',
}

/** Every placeholder and optional-content flag is a standard field or one of the campaign's custom fields. */
export function checkPlaceholders(parsed: ParsedContent, field: FindingField, extraFields: readonly string[]): Finding[] {
  const known = knownKeys(extraFields)
  const found: Finding[] = []
  for (const issue of parsed.issues) {
    found.push(findingAt('malformed-placeholder', issue.message, field, parsed, issue.start, issue.end))
  }
  const items: { start: number; end: number; message: string; key: string }[] = []
  for (const p of parsed.placeholders) {
    items.push({
      start: p.start,
      end: p.end,
      key: p.key,
      message: `((${p.name})) is not in this campaign’s mailing data. Check the spelling, or add “${p.name}” as a custom field.`,
    })
  }
  for (const o of parsed.optionals) {
    items.push({
      start: o.flagStart,
      end: o.flagStart + o.flag.length,
      key: o.key,
      message: `The optional content ((${o.flag}??…)) depends on “${o.flag}”, which is not in this campaign’s mailing data. Check the spelling, or add “${o.flag}” as a custom field.`,
    })
  }
  items.sort((a, b) => a.start - b.start)
  for (const item of items) {
    if (!known.has(item.key)) found.push(findingAt('unknown-placeholder', item.message, field, parsed, item.start, item.end))
  }
  return found
}

// A NINO is two letters, six digits and an optional suffix A–D. Written compactly it is matched in any case; written
// with spaces it must be in capitals, so that ordinary prose such as "is 123456" is not mistaken for one. Every
// branch has a fixed maximum length, so matching is linear in the length of the text.
const NINO_PATTERN =
  /(?<![\p{L}\p{N}])(?:[A-Za-z]{2}\d{6}[A-Da-d]?|[A-Z]{2}[ \u00a0-]?\d{2}[ \u00a0-]?\d{2}[ \u00a0-]?\d{2}(?:[ \u00a0-]?[A-D])?)(?![\p{L}\p{N}])/gu

export interface TextMatch {
  start: number
  end: number
  text: string
}

/** Strings shaped like a National Insurance number, such as `AB123456C` or `AB 12 34 56 C`. */
export function findLiteralNinos(text: string): TextMatch[] {
  const out: TextMatch[] = []
  for (const m of text.matchAll(NINO_PATTERN)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] })
  return out
}

/** Placeholders that show a NINO (`((nino))`, or `((reference))` when the reference type is NINO) and literal NINOs. */
export function ninoDisclosures(
  parsed: ParsedContent,
  ninoKeySet: ReadonlySet<string>,
): { start: number; end: number; what: string; placeholder?: PlaceholderNode }[] {
  const out: { start: number; end: number; what: string; placeholder?: PlaceholderNode }[] = []
  for (const p of parsed.placeholders) {
    if (ninoKeySet.has(p.key)) out.push({ start: p.start, end: p.end, what: p.raw, placeholder: p })
  }
  for (const m of findLiteralNinos(parsed.source)) out.push({ start: m.start, end: m.end, what: `“${m.text}”` })
  return out.sort((a, b) => a.start - b.start)
}

export function parseField(text: string | null | undefined): ParsedContent {
  return parseContent(typeof text === 'string' ? text : '')
}
