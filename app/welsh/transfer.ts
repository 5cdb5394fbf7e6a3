// The translation file: the English text still to translate, one row per part, out to the translation team as CSV
// (UTF-8 with a byte-order mark, so Excel keeps ŵ and ŷ), and the Welsh back in from the same file. Reading it back is
// all or nothing: every problem is named by its row, the record and the part, and nothing is saved while any remains.
// Pure: the server reads the file and checks it with these functions, and the tests run them directly.
import { csvRecords } from '../actuals/upload'
import { LIMITS, smsLimitError } from '../content/limits'
import type { Channel } from '../content/rules'
import { toCsv } from '../utils/csv'
import { placeholderMismatches, translatedParts, type TranslationKind } from './translation'

export const TRANSLATION_FILE_COLUMNS = ['item', 'what', 'part', 'english_version', 'english', 'translated_from', 'welsh'] as const

/** The most a translation file may weigh: every message, line and script of a large campaign is well under it. */
export const MAX_TRANSLATION_FILE_BYTES = 1024 * 1024

/** Problems listed one by one before the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50

export interface FileRecord {
  kind: TranslationKind
  id: string
  /** "the letter “Rental income letter”" */
  label: string
  /** "Letter: Rental income letter", for the file's "what" column. */
  what: string
  version: number
  source: Record<string, unknown>
  channel?: Channel
  /** The Welsh version as it is, and the English text it translates, when there is one. */
  welsh?: Record<string, unknown> | null
  translatedFrom?: Record<string, unknown> | null
}

const itemKey = (record: Pick<FileRecord, 'kind' | 'id'>) => `${record.kind}:${record.id}`

/** The translation file for these records, with the Welsh filled in where there is one to change. */
export function translationFile(records: readonly FileRecord[]): string {
  const rows: string[][] = []
  for (const record of records) {
    for (const part of translatedParts(record.kind, record.source)) {
      if (part.english.trim() === '' && record.kind === 'script') continue
      const from = record.translatedFrom && typeof record.translatedFrom[part.key] === 'string' ? (record.translatedFrom[part.key] as string) : ''
      const welsh = record.welsh && typeof record.welsh[part.key] === 'string' ? (record.welsh[part.key] as string) : ''
      rows.push([itemKey(record), record.what, part.key, String(record.version), part.english, from, welsh])
    }
  }
  // A byte-order mark first: without it Excel opens UTF-8 as Windows-1252 and turns ŵ into three other characters.
  return `\uFEFF${toCsv([...TRANSLATION_FILE_COLUMNS], rows)}`
}

export interface FileRow {
  /** The row as a spreadsheet numbers it: the column names are row 1, whatever line breaks the cells hold. */
  line: number
  item: string
  part: string
  englishVersion: string
  welsh: string
}

export type FileRead = { ok: true; rows: FileRow[] } | { ok: false; problems: string[] }

/** Undoes the guard the export puts before a cell that starts like a formula, and the line endings of a spreadsheet. */
function cellText(value: string): string {
  const unguarded = /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value
  return unguarded.replace(/\r\n?/g, '\n').trim()
}

/** Reads the rows of a translation file; the column names must be there, in any order. */
export function readTranslationFile(text: string): FileRead {
  const records = csvRecords(text)
  if ('unclosedQuoteLine' in records) return { ok: false, problems: [`Line ${records.unclosedQuoteLine}: a quoted cell is never closed. Save the file from your spreadsheet again as CSV UTF-8.`] }
  const numbered = records.map((r, index) => ({ ...r, row: index + 1 }))
  const nonBlank = numbered.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const header = nonBlank[0]
  if (!header) return { ok: false, problems: ['The file is empty. Upload the translation file downloaded from this page, with the Welsh filled in.'] }
  const names = header.cells.map((c) => c.trim().toLowerCase())
  const index = (name: string) => names.indexOf(name)
  const needed = ['item', 'part', 'english_version', 'welsh']
  const missing = needed.filter((n) => index(n) === -1)
  if (missing.length) {
    return { ok: false, problems: [`Row ${header.row}: the first row must be the column names (${TRANSLATION_FILE_COLUMNS.join(', ')}). ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`] }
  }
  const cell = (cells: string[], name: string) => cells[index(name)] ?? ''
  return {
    ok: true,
    rows: nonBlank.slice(1).map((r) => ({
      line: r.row,
      item: cell(r.cells, 'item').trim(),
      part: cell(r.cells, 'part').trim(),
      englishVersion: cell(r.cells, 'english_version').trim(),
      welsh: cellText(cell(r.cells, 'welsh')),
    })),
  }
}

/** The English version each item of the file says it translates: the server loads those texts before checking. */
export function versionsNamed(rows: readonly FileRow[]): { item: string; version: number }[] {
  const seen = new Map<string, number>()
  for (const row of rows) {
    const version = Number(row.englishVersion)
    if (Number.isSafeInteger(version) && version >= 1 && !seen.has(row.item)) seen.set(row.item, version)
  }
  return [...seen.entries()].map(([item, version]) => ({ item, version }))
}

export interface CheckedTranslation {
  kind: TranslationKind
  entityId: string
  englishVersion: number
  translatedFrom: Record<string, unknown>
  welsh: Record<string, string>
}

export type FileCheck = { ok: true; translations: CheckedTranslation[]; blank: number } | { ok: false; problems: string[]; more: number }

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

function lengthProblem(kind: TranslationKind, part: string, welsh: string, channel: Channel | undefined): string | null {
  if (CONTROL_CHARACTERS.test(welsh)) return 'the Welsh has hidden control characters'
  const limit =
    kind === 'message'
      ? part === 'subject'
        ? LIMITS.subject
        : LIMITS.body[channel ?? 'letter']
      : kind === 'line'
        ? part === 'question'
          ? LIMITS.lineToTake.question
          : LIMITS.lineToTake.answer
        : LIMITS.scriptSection
  if (kind === 'message' && part === 'body' && channel === 'sms') return smsLimitError(welsh)
  return welsh.length > limit ? `the Welsh must be ${limit.toLocaleString('en-GB')} characters or fewer (it has ${welsh.length.toLocaleString('en-GB')})` : null
}

/**
 * Checks every row against the campaign's records and the English each says it translates (`sourceAt`, keyed
 * "item@version"): the item and part exist, every part with English has Welsh, and the Welsh has the English text's
 * placeholders and optional content. Items whose Welsh cells are all blank are left as they are.
 */
export function checkTranslationFile(rows: readonly FileRow[], records: readonly FileRecord[], sourceAt: ReadonlyMap<string, Record<string, unknown>>): FileCheck {
  const problems: string[] = []
  const byKey = new Map(records.map((r) => [itemKey(r), r]))
  const groups = new Map<string, FileRow[]>()
  for (const row of rows) {
    const record = byKey.get(row.item)
    if (!record) {
      problems.push(`Row ${row.line}: there is no message, line to take or script “${row.item.slice(0, 60)}” in this campaign. Download the file again.`)
      continue
    }
    const list = groups.get(row.item) ?? []
    list.push(row)
    groups.set(row.item, list)
  }
  const translations: CheckedTranslation[] = []
  let blank = 0
  for (const [key, list] of groups) {
    const record = byKey.get(key)!
    const first = list[0]!
    const where = (row: FileRow, part?: string) => `Row ${row.line} (${record.label}${part ? `, ${part.replace('recordingNotice', 'recording notice')}` : ''})`
    if (list.every((r) => r.welsh === '')) {
      blank++
      continue
    }
    const version = Number(first.englishVersion)
    if (list.some((r) => r.englishVersion !== first.englishVersion) || !Number.isSafeInteger(version) || version < 1) {
      problems.push(`${where(first)}: every row of an item must name the same English version, a whole number such as ${record.version}. Download the file again.`)
      continue
    }
    const source = sourceAt.get(`${key}@${version}`)
    if (!source) {
      problems.push(`${where(first)}: there is no English version ${version} of it. Download the file again.`)
      continue
    }
    const parts = translatedParts(record.kind, source)
    const welsh: Record<string, string> = {}
    let itemOk = true
    for (const row of list) {
      const part = parts.find((p) => p.key === row.part)
      if (!part) {
        problems.push(`${where(row)}: “${row.part.slice(0, 40)}” is not a part of it that is translated (${parts.map((p) => p.key).join(', ')}).`)
        itemOk = false
        continue
      }
      if (row.part in welsh) {
        problems.push(`${where(row, row.part)}: this part is in the file twice.`)
        itemOk = false
        continue
      }
      welsh[row.part] = row.welsh
    }
    for (const part of parts) {
      const row = list.find((r) => r.part === part.key) ?? first
      const text = welsh[part.key] ?? ''
      if (part.english.trim() !== '' && text === '') {
        problems.push(`${where(row, part.key)}: the Welsh is empty, but the English has text. Translate it, or leave every part of this item blank to import it later.`)
        itemOk = false
        continue
      }
      const tooLong = lengthProblem(record.kind, part.key, text, (source.channel as Channel | undefined) ?? record.channel)
      if (tooLong) {
        problems.push(`${where(row, part.key)}: ${tooLong}.`)
        itemOk = false
      }
      for (const mismatch of placeholderMismatches([{ field: part.field, label: part.label, english: part.english, welsh: text }])) {
        problems.push(`${where(row, part.key)}: ${mismatch.message}`)
        itemOk = false
      }
    }
    if (itemOk) translations.push({ kind: record.kind, entityId: record.id, englishVersion: version, translatedFrom: source, welsh })
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, MAX_LISTED_PROBLEMS), more: Math.max(0, problems.length - MAX_LISTED_PROBLEMS) }
  if (translations.length === 0) return { ok: false, problems: ['The file has no Welsh in it: fill in the welsh column, then upload it again.'], more: 0 }
  return { ok: true, translations, blank }
}
