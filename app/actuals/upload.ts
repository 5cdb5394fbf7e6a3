// Reading a file of actual calls: "date,helpline,calls", one row per day and helpline. Pure, so every
// rule is unit-tested; the route adds only the size limit and the database. A file with any bad row is refused
// whole, with every problem named by its line and column.
import { formatDate } from '../campaign/format'
import { isIsoDate } from '../forecast/dates'

export const ACTUALS_HEADER = ['date', 'helpline', 'calls'] as const
export type ActualsColumn = (typeof ACTUALS_HEADER)[number]

/** A campaign's calls for a year over four helplines is under 100 KB; 1 MB leaves room for long helpline names. */
export const MAX_ACTUALS_BYTES = 1024 * 1024
export const MAX_ACTUALS_ROWS = 20_000
/** More calls than any helpline takes in a day: a typo, not a figure. */
export const MAX_CALLS_PER_DAY = 10_000_000
/** Problems listed in full; beyond this the summary says how many more there are. */
export const MAX_PROBLEMS_LISTED = 100

export interface ActualsHelpline {
  id: string
  name: string
}

/** The days actuals may be recorded for, both inclusive. */
export interface ActualsWindow {
  first: string
  last: string
}

export interface ActualsContext {
  helplines: readonly ActualsHelpline[]
  window: ActualsWindow
  /** Days after today have not happened yet. */
  today: string
}

export interface ActualRow {
  date: string
  helplineId: string
  calls: number
}

export interface UploadProblem {
  /** 1-based line of the file, or null for the file as a whole. */
  line: number | null
  column: ActualsColumn | null
  message: string
}

export type ActualsParse = { ok: true; rows: (ActualRow & { line: number })[] } | { ok: false; problems: UploadProblem[]; more: number }

/** "1 March 2027": the same on the server and in every browser. */
export function dayMonthYear(iso: string): string {
  return formatDate(iso)
}

/** Helpline names are matched as their managers typed them, ignoring case and repeated spaces. */
export function helplineKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ')
}

/**
 * Strict UTF-8: a file saved in another encoding is refused rather than read with replacement characters. The
 * line named is the first one that is not UTF-8, so the user can find it.
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }
  } catch {
    let line = 1
    let start = 0
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i))
        } catch {
          return { ok: false, line }
        }
        line++
        start = i + 1
      }
    }
    return { ok: false, line: 1 }
  }
}

/** RFC 4180 records with the line each starts on. Quoted cells may hold commas, quotes ("") and line breaks. */
export function csvRecords(text: string): { line: number; cells: string[] }[] | { unclosedQuoteLine: number } {
  const records: { line: number; cells: string[] }[] = []
  let line = 1
  let i = 0
  const n = text.length
  while (i < n) {
    const start = line
    const cells: string[] = []
    let cell = ''
    let quoted = false
    let quoteLine = line
    for (;;) {
      if (i >= n) {
        if (quoted) return { unclosedQuoteLine: quoteLine }
        cells.push(cell)
        break
      }
      const ch = text[i]!
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"'
            i += 2
          } else {
            quoted = false
            i++
          }
        } else {
          if (ch === '\n') line++
          cell += ch
          i++
        }
        continue
      }
      if (ch === '"' && cell.trim() === '') {
        quoted = true
        quoteLine = line
        cell = ''
        i++
      } else if (ch === ',') {
        cells.push(cell)
        cell = ''
        i++
      } else if (ch === '\r' || ch === '\n') {
        cells.push(cell)
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
        line++
        break
      } else {
        cell += ch
        i++
      }
    }
    records.push({ line: start, cells })
  }
  return records
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')

/** Checks one row's three values; the CSV and the by-hand form share these rules and their wording. */
export function checkActualValues(
  raw: { date: string; helpline: string; calls: string },
  ctx: ActualsContext,
): { ok: true; row: ActualRow } | { ok: false; problems: { column: ActualsColumn; message: string }[] } {
  const problems: { column: ActualsColumn; message: string }[] = []
  const date = raw.date.trim()
  if (date === '') problems.push({ column: 'date', message: 'Enter the date, like 2027-03-01' })
  else if (!isIsoDate(date)) problems.push({ column: 'date', message: `“${clip(date)}” is not a real date in the form YYYY-MM-DD, like 2027-03-01` })
  else if (date < ctx.window.first) problems.push({ column: 'date', message: `${dayMonthYear(date)} is before the campaign’s first send date, ${dayMonthYear(ctx.window.first)}` })
  else if (date > ctx.today) problems.push({ column: 'date', message: `${dayMonthYear(date)} is in the future: record calls only for days that have happened` })
  else if (date > ctx.window.last) problems.push({ column: 'date', message: `${dayMonthYear(date)} is after the campaign’s calls end, ${dayMonthYear(ctx.window.last)}` })

  const name = raw.helpline.trim()
  const helpline = name === '' ? undefined : (ctx.helplines.find((h) => h.id === name) ?? ctx.helplines.find((h) => helplineKey(h.name) === helplineKey(name)))
  if (name === '') problems.push({ column: 'helpline', message: 'Enter the helpline’s name' })
  else if (!helpline) problems.push({ column: 'helpline', message: `There is no helpline called “${clip(name)}”` })

  const text = raw.calls.trim()
  let calls = NaN
  if (text === '') problems.push({ column: 'calls', message: 'Enter the number of calls, like 1250' })
  else if (/^-\d+(\.\d+)?$/.test(text)) problems.push({ column: 'calls', message: `Calls must be 0 or more, not ${clip(text)}` })
  else if (/^\d*\.\d+$/.test(text)) problems.push({ column: 'calls', message: `Calls must be a whole number, not ${clip(text)}` })
  else if (!/^\d+$/.test(text)) problems.push({ column: 'calls', message: `“${clip(text)}” is not a number of calls: enter digits only, like 1250` })
  else if (Number(text) > MAX_CALLS_PER_DAY) problems.push({ column: 'calls', message: `Calls must be ${MAX_CALLS_PER_DAY.toLocaleString('en-GB')} or fewer a day` })
  else calls = Number(text)

  if (problems.length) return { ok: false, problems }
  return { ok: true, row: { date, helplineId: helpline!.id, calls } }
}

/** What to quote back from a cell: junk can be long. */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value
}

/** Reads a whole file. Every problem is collected, so one upload shows the user everything to fix. */
export function parseActualsCsv(text: string, ctx: ActualsContext): ActualsParse {
  const problems: UploadProblem[] = []
  const fail = (): ActualsParse => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS_LISTED), more: Math.max(0, problems.length - MAX_PROBLEMS_LISTED) })
  const parsed = csvRecords(text)
  if (!Array.isArray(parsed)) {
    problems.push({ line: parsed.unclosedQuoteLine, column: null, message: 'A quotation mark opens a value that is never closed' })
    return fail()
  }
  const records = parsed.filter((r) => !isBlank(r.cells))
  if (records.length === 0) {
    problems.push({ line: null, column: null, message: 'The selected file is empty' })
    return fail()
  }
  const [header, ...body] = records
  const names = header!.cells.map((c) => c.trim().toLowerCase())
  if (names.length !== 3 || names.some((name, i) => name !== ACTUALS_HEADER[i])) {
    problems.push({ line: header!.line, column: null, message: `The first line must be the column names date,helpline,calls, not “${clip(header!.cells.join(','))}”` })
    return fail()
  }
  if (body.length === 0) {
    problems.push({ line: null, column: null, message: 'The file has no calls: add a line for each day and helpline under date,helpline,calls' })
    return fail()
  }
  if (body.length > MAX_ACTUALS_ROWS) {
    problems.push({ line: null, column: null, message: `The file has ${body.length.toLocaleString('en-GB')} lines of calls: upload at most ${MAX_ACTUALS_ROWS.toLocaleString('en-GB')} at a time` })
    return fail()
  }
  const rows: (ActualRow & { line: number })[] = []
  const seen = new Map<string, number>()
  for (const record of body) {
    if (record.cells.length !== 3) {
      problems.push({ line: record.line, column: null, message: `Expected 3 values (date, helpline and calls) but found ${record.cells.length}` })
      continue
    }
    const [date, helpline, calls] = record.cells as [string, string, string]
    const checked = checkActualValues({ date, helpline, calls }, ctx)
    if (!checked.ok) {
      for (const p of checked.problems) problems.push({ line: record.line, ...p })
      continue
    }
    const key = `${checked.row.date}|${checked.row.helplineId}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push({ line: record.line, column: null, message: `${dayMonthYear(checked.row.date)} at ${helpline.trim()} is already on line ${earlier}` })
      continue
    }
    seen.set(key, record.line)
    rows.push({ ...checked.row, line: record.line })
  }
  return problems.length ? fail() : { ok: true, rows }
}

/** "Line 4, calls: Calls must be 0 or more, not -3", or the message alone for the file as a whole. */
export function describeProblem(problem: UploadProblem): string {
  if (problem.line === null) return problem.message
  return problem.column ? `Line ${problem.line}, ${problem.column}: ${problem.message}` : `Line ${problem.line}: ${problem.message}`
}
