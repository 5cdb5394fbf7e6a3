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
/** Problems collected; once there are this many, the lines after are not checked. */
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

export type ActualsParse =
  | { ok: true; rows: (ActualRow & { line: number })[] }
  /** stoppedAtLine: checking stopped at MAX_PROBLEMS_LISTED problems, at this line; null when every line was checked. */
  | { ok: false; problems: UploadProblem[]; stoppedAtLine: number | null }

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
  for (const record of eachCsvRecord(text)) {
    if ('unclosedQuoteLine' in record) return record
    records.push(record)
  }
  return records
}

type CsvRecord = { line: number; cells: string[] } | { unclosedQuoteLine: number }

/**
 * The records one at a time, so a reader can stop early. A line with no quotation mark (nearly every line of a real
 * file) is split with the string's own methods; a line with one is read character by character. The positions of
 * the next quotation mark and carriage return are remembered, so each is searched for once, not once a line.
 */
export function* eachCsvRecord(text: string): Generator<CsvRecord> {
  const n = text.length
  let i = 0
  let line = 1
  let nextQuote = -2
  let nextCr = -2
  while (i < n) {
    if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i)
    if (nextCr !== -1 && nextCr < i) nextCr = text.indexOf('\r', i)
    let end = text.indexOf('\n', i)
    if (end === -1) end = n
    if (nextCr !== -1 && nextCr < end) end = nextCr
    if (nextQuote === -1 || nextQuote >= end) {
      yield { line, cells: text.slice(i, end).split(',') }
      i = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1)
      line++
      continue
    }
    const record = quotedRecord(text, i, line)
    if ('unclosedQuoteLine' in record) {
      yield record
      return
    }
    yield { line, cells: record.cells }
    i = record.next
    line = record.line
  }
}

/** One record that holds a quotation mark, from `i`: its cells, where the next record starts, and on which line. */
function quotedRecord(text: string, i: number, line: number): { cells: string[]; next: number; line: number } | { unclosedQuoteLine: number } {
  const n = text.length
  const cells: string[] = []
  let cell = ''
  let quoted = false
  let quoteLine = line
  for (;;) {
    if (i >= n) {
      if (quoted) return { unclosedQuoteLine: quoteLine }
      cells.push(cell)
      return { cells, next: i, line }
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
      return { cells, next: i, line: line + 1 }
    } else {
      cell += ch
      i++
    }
  }
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')

const NOT_BLANK = /[^\s,]/g

/**
 * The records that are not blank, counted up to `stopAt` without building them, and the line of the first
 * quotation mark that is never closed: a line with no quotation mark is
 * looked at in place; one with a quotation mark is read as a record (it may span lines). Blank lines are counted
 * too, once there are more than twice the rows allowed: a file that is mostly blank lines is not a file of calls.
 */
export function countRecords(text: string, stopAt: number): { records: number; unclosedQuoteLine: number | null } {
  let count = 0
  let lines = 0
  let i = 0
  let line = 1
  let nextQuote = -2
  let nextCr = -2
  const n = text.length
  while (i < n && count < stopAt) {
    if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i)
    if (nextCr !== -1 && nextCr < i) nextCr = text.indexOf('\r', i)
    let end = text.indexOf('\n', i)
    if (end === -1) end = n
    if (nextCr !== -1 && nextCr < end) end = nextCr
    if (nextQuote !== -1 && nextQuote < end) {
      const record = quotedRecord(text, i, line)
      if ('unclosedQuoteLine' in record) return { records: count, unclosedQuoteLine: record.unclosedQuoteLine }
      if (!isBlank(record.cells)) count++
      i = record.next
      line = record.line
    } else {
      NOT_BLANK.lastIndex = i
      const found = NOT_BLANK.exec(text)
      if (found && found.index < end) count++
      i = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1)
      line++
    }
    if (++lines > 2 * MAX_ACTUALS_ROWS) return { records: stopAt, unclosedQuoteLine: null }
  }
  return { records: count, unclosedQuoteLine: null }
}

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

/**
 * Reads a whole file. Problems are collected so one upload shows the user what to fix, but only the first
 * MAX_PROBLEMS_LISTED: a file of nothing but bad lines is not checked to its end, and the answer says where checking
 * stopped. A file of more than MAX_ACTUALS_ROWS lines is refused before any line is checked.
 */
export function parseActualsCsv(text: string, ctx: ActualsContext): ActualsParse {
  const problems: UploadProblem[] = []
  const fail = (stoppedAtLine: number | null = null): ActualsParse => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS_LISTED), stoppedAtLine })
  // Counted first, without building any record, so a file of too many lines costs next to nothing.
  const counted = countRecords(text, MAX_ACTUALS_ROWS + 2)
  if (counted.unclosedQuoteLine !== null) {
    problems.push({ line: counted.unclosedQuoteLine, column: null, message: 'A quotation mark opens a value that is never closed' })
    return fail()
  }
  if (counted.records > MAX_ACTUALS_ROWS + 1) {
    problems.push({ line: null, column: null, message: `The file has more than ${MAX_ACTUALS_ROWS.toLocaleString('en-GB')} lines of calls: upload at most ${MAX_ACTUALS_ROWS.toLocaleString('en-GB')} at a time` })
    return fail()
  }
  if (counted.records === 0) {
    problems.push({ line: null, column: null, message: 'The selected file is empty' })
    return fail()
  }
  if (counted.records === 1) {
    const header = firstRecord(text)
    if (!isHeader(header.cells)) return headerProblem(header)
    problems.push({ line: null, column: null, message: 'The file has no calls: add a line for each day and helpline under date,helpline,calls' })
    return fail()
  }
  const rows: (ActualRow & { line: number })[] = []
  const seen = new Map<string, number>()
  let headerSeen = false
  // Checked as they are read: a file of nothing but bad lines stops at the hundredth problem.
  for (const record of eachCsvRecord(text)) {
    if ('unclosedQuoteLine' in record || isBlank(record.cells)) continue
    if (!headerSeen) {
      if (!isHeader(record.cells)) return headerProblem(record)
      headerSeen = true
      continue
    }
    // A record can add up to three problems: it is where checking stopped if any of them is not listed.
    if (problems.length >= MAX_PROBLEMS_LISTED) return fail(problems.length > MAX_PROBLEMS_LISTED ? problems[MAX_PROBLEMS_LISTED]!.line : record.line)
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
  if (problems.length > MAX_PROBLEMS_LISTED) return fail(problems[MAX_PROBLEMS_LISTED]!.line)
  return problems.length ? fail() : { ok: true, rows }

  function headerProblem(header: { line: number; cells: string[] }): ActualsParse {
    problems.push({ line: header.line, column: null, message: `The first line must be the column names date,helpline,calls, not “${clip(header.cells.join(','))}”` })
    return fail()
  }
}

function isHeader(cells: string[]): boolean {
  const names = cells.map((c) => c.trim().toLowerCase())
  return names.length === 3 && names.every((name, i) => name === ACTUALS_HEADER[i])
}

function firstRecord(text: string): { line: number; cells: string[] } {
  for (const record of eachCsvRecord(text)) if (!('unclosedQuoteLine' in record) && !isBlank(record.cells)) return record
  throw new Error('A file counted with a record has none')
}

/** "Line 4, calls: Calls must be 0 or more, not -3", or the message alone for the file as a whole. */
export function describeProblem(problem: UploadProblem): string {
  if (problem.line === null) return problem.message
  return problem.column ? `Line ${problem.line}, ${problem.column}: ${problem.message}` : `Line ${problem.line}: ${problem.message}`
}
