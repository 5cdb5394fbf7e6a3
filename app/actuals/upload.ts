// Reading a file of actual calls: "date,helpline,calls", one row per day and helpline. Pure, so every
// rule is unit-tested; the route adds only the size limit and the database. A file with any bad row is refused
// whole, with every problem named by its line and column.
//
// A file of 20,000 lines takes tens of milliseconds to read and check: too long to hold a server that answers
// everyone else on the same thread. So each reader is written as steps that pause every so many lines; run straight
// through (decodeUtf8, parseActualsCsv) they are the plain functions, and run with a pause that yields to the event
// loop (decodeUtf8InSlices, parseActualsCsvInSlices) other requests are answered in between.
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
/** Lines checked between two pauses: a few milliseconds of work. */
export const LINES_CHECKED_PER_SLICE = 1_000
/** Lines counted between two pauses: counting a line costs a fraction of checking it. */
export const LINES_COUNTED_PER_SLICE = 10_000
/** Bytes decoded between two pauses. */
export const BYTES_DECODED_PER_SLICE = 256 * 1024

/** Lets other work run before the reader goes on: on the server, a turn of the event loop. */
export type Pause = () => Promise<void>

/** A reader's steps: each `yield` is a point where it may pause; the return value is its answer. */
type Steps<T> = Generator<void, T, void>

function runStraight<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

async function runWithPauses<T>(steps: Steps<T>, pause: Pause): Promise<T> {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await pause()
  }
}

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
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  return runStraight(decodeSteps(bytes))
}

/** decodeUtf8, pausing after every BYTES_DECODED_PER_SLICE bytes. */
export function decodeUtf8InSlices(bytes: Uint8Array, pause: Pause): Promise<DecodedText> {
  return runWithPauses(decodeSteps(bytes), pause)
}

export type DecodedText = { ok: true; text: string } | { ok: false; line: number }

function* decodeSteps(bytes: Uint8Array): Steps<DecodedText> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const pieces: string[] = []
  try {
    for (let start = 0; start < bytes.length; start += BYTES_DECODED_PER_SLICE) {
      if (start > 0) yield
      // stream: a character cut in two at the end of a slice is finished by the next.
      pieces.push(decoder.decode(bytes.subarray(start, start + BYTES_DECODED_PER_SLICE), { stream: true }))
    }
    pieces.push(decoder.decode())
  } catch {
    return yield* firstLineNotUtf8(bytes)
  }
  const text = pieces.join('')
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }
}

function* firstLineNotUtf8(bytes: Uint8Array): Steps<DecodedText> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let line = 1
  let start = 0
  for (;;) {
    const newline = bytes.indexOf(0x0a, start)
    const end = newline === -1 ? bytes.length : newline
    try {
      decoder.decode(bytes.subarray(start, end))
    } catch {
      return { ok: false, line }
    }
    if (newline === -1) return { ok: false, line: 1 }
    line++
    start = newline + 1
    if (line % LINES_CHECKED_PER_SLICE === 0) yield
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
 * file) is split with the string's own methods; a line with one is read a value at a time. The positions of the
 * next quotation mark and carriage return are remembered, so each is searched for once, not once a line.
 */
export function* eachCsvRecord(text: string): Generator<CsvRecord> {
  for (const step of csvRecordSteps(text)) if (step) yield step
}

/** eachCsvRecord's records, and an undefined wherever a long record may be paused in. */
function* csvRecordSteps(text: string): Generator<CsvRecord | undefined, void, void> {
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
    const record = yield* quotedRecordSteps(text, i, line)
    if ('unclosedQuoteLine' in record) {
      yield record
      return
    }
    yield { line, cells: record.cells }
    i = record.next
    line = record.line
  }
}

/**
 * One record that holds a quotation mark, from `i`: its cells, where the next record starts, and on which line. A
 * quotation mark opens a quoted value only at the start of a cell (after blanks, which are dropped); anywhere else it
 * is part of the value, as is whatever follows a closing one. Each stretch between two marks is taken whole, never a
 * character at a time: a megabyte inside one quoted value is one record, and must cost no more than a megabyte of lines.
 */
function* quotedRecordSteps(text: string, i: number, line: number): Generator<undefined, QuotedRecord, void> {
  const n = text.length
  const cells: string[] = []
  let cell = ''
  let blankSoFar = true
  let quoted = false
  let quoteLine = line
  // The next line break, searched for once and remembered: searching afresh from every quotation mark of a long line
  // with no line break would read the rest of the file each time.
  let nextNewline = -2
  for (;;) {
    if (quoted) {
      const close = text.indexOf('"', i)
      if (close === -1) return { unclosedQuoteLine: quoteLine }
      if (nextNewline !== -1 && nextNewline < i) nextNewline = text.indexOf('\n', i)
      while (nextNewline !== -1 && nextNewline < close) {
        line++
        nextNewline = text.indexOf('\n', nextNewline + 1)
      }
      cell += text.slice(i, close)
      if (text[close + 1] === '"') {
        cell += '"'
        i = close + 2
      } else {
        quoted = false
        i = close + 1
      }
      continue
    }
    let at = i
    while (at < n) {
      const c = text.charCodeAt(at)
      if (c === QUOTE || c === COMMA || c === CR || c === LF) break
      at++
    }
    if (at > i) {
      const piece = text.slice(i, at)
      cell += piece
      if (blankSoFar && NOT_WHITESPACE.test(piece)) blankSoFar = false
    }
    if (at === n) {
      cells.push(cell)
      return { cells, next: n, line }
    }
    const ch = text[at]
    if (ch === '"') {
      if (blankSoFar) {
        quoted = true
        quoteLine = line
        cell = ''
      } else {
        cell += '"'
      }
      i = at + 1
    } else if (ch === ',') {
      cells.push(cell)
      cell = ''
      blankSoFar = true
      i = at + 1
      if (cells.length % QUOTED_CELLS_PER_SLICE === 0) yield undefined
    } else {
      cells.push(cell)
      return { cells, next: at + (ch === '\r' && text[at + 1] === '\n' ? 2 : 1), line: line + 1 }
    }
  }
}

type QuotedRecord = { cells: string[]; next: number; line: number } | { unclosedQuoteLine: number }

/** Values of one record read between two pauses: a line of a megabyte can hold hundreds of thousands. */
const QUOTED_CELLS_PER_SLICE = 20_000

/** Where an unquoted value ends, or a quoted one starts. */
const [QUOTE, COMMA, CR, LF] = [0x22, 0x2c, 0x0d, 0x0a]
/** What String.prototype.trim would keep. */
const NOT_WHITESPACE = /\S/

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')

/** Tested on one line at a time: searched for from a line's start, it ran on through every blank line after it. */
const NOT_BLANK = /[^\s,]/

/**
 * The records that are not blank, counted up to `stopAt` without building them, and the line of the first
 * quotation mark that is never closed: a line with no quotation mark is
 * looked at in place; one with a quotation mark is read as a record (it may span lines). Blank lines are counted
 * too, once there are more than twice the rows allowed: a file that is mostly blank lines is not a file of calls.
 */
export function countRecords(text: string, stopAt: number): RecordCount {
  return runStraight(countSteps(text, stopAt))
}

interface RecordCount {
  records: number
  unclosedQuoteLine: number | null
}

function* countSteps(text: string, stopAt: number): Steps<RecordCount> {
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
      const record = yield* quotedRecordSteps(text, i, line)
      if ('unclosedQuoteLine' in record) return { records: count, unclosedQuoteLine: record.unclosedQuoteLine }
      if (!isBlank(record.cells)) count++
      i = record.next
      line = record.line
    } else {
      if (NOT_BLANK.test(text.slice(i, end))) count++
      i = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1)
      line++
    }
    if (++lines > 2 * MAX_ACTUALS_ROWS) return { records: stopAt, unclosedQuoteLine: null }
    if (lines % LINES_COUNTED_PER_SLICE === 0) yield
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
  const helpline = name === '' ? undefined : findHelpline(ctx.helplines, name)
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

/** Each list of helplines by id and by name, made once for the thousands of lines of a file, not once a line. */
const helplineIndexes = new WeakMap<readonly ActualsHelpline[], { byId: Map<string, ActualsHelpline>; byKey: Map<string, ActualsHelpline> }>()

/** The helpline with this id, or else with this name: the first in the list, if several share one. */
function findHelpline(helplines: readonly ActualsHelpline[], name: string): ActualsHelpline | undefined {
  let index = helplineIndexes.get(helplines)
  if (!index) {
    index = { byId: new Map(), byKey: new Map() }
    for (const helpline of helplines) {
      if (!index.byId.has(helpline.id)) index.byId.set(helpline.id, helpline)
      const key = helplineKey(helpline.name)
      if (!index.byKey.has(key)) index.byKey.set(key, helpline)
    }
    helplineIndexes.set(helplines, index)
  }
  return index.byId.get(name) ?? index.byKey.get(helplineKey(name))
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
  return runStraight(parseSteps(text, ctx))
}

/** parseActualsCsv, pausing every LINES_CHECKED_PER_SLICE lines checked (and LINES_COUNTED_PER_SLICE counted). */
export function parseActualsCsvInSlices(text: string, ctx: ActualsContext, pause: Pause): Promise<ActualsParse> {
  return runWithPauses(parseSteps(text, ctx), pause)
}

function* parseSteps(text: string, ctx: ActualsContext): Steps<ActualsParse> {
  const problems: UploadProblem[] = []
  const fail = (stoppedAtLine: number | null = null): ActualsParse => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS_LISTED), stoppedAtLine })
  // Counted first, without building any record, so a file of too many lines costs next to nothing.
  const counted = yield* countSteps(text, MAX_ACTUALS_ROWS + 2)
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
    const header = yield* firstRecordSteps(text)
    if (!isHeader(header.cells)) return headerProblem(header)
    problems.push({ line: null, column: null, message: 'The file has no calls: add a line for each day and helpline under date,helpline,calls' })
    return fail()
  }
  const rows: (ActualRow & { line: number })[] = []
  const seen = new Map<string, number>()
  let headerSeen = false
  let read = 0
  // Checked as they are read: a file of nothing but bad lines stops at the hundredth problem.
  for (const record of csvRecordSteps(text)) {
    if (!record || ++read % LINES_CHECKED_PER_SLICE === 0) yield
    if (!record || 'unclosedQuoteLine' in record || isBlank(record.cells)) continue
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
    rows.push({ date: checked.row.date, helplineId: checked.row.helplineId, calls: checked.row.calls, line: record.line })
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

function* firstRecordSteps(text: string): Steps<{ line: number; cells: string[] }> {
  for (const record of csvRecordSteps(text)) {
    if (!record) yield
    else if (!('unclosedQuoteLine' in record) && !isBlank(record.cells)) return record
  }
  throw new Error('A file counted with a record has none')
}

/** "Line 4, calls: Calls must be 0 or more, not -3", or the message alone for the file as a whole. */
export function describeProblem(problem: UploadProblem): string {
  if (problem.line === null) return problem.message
  return problem.column ? `Line ${problem.line}, ${problem.column}: ${problem.message}` : `Line ${problem.line}: ${problem.message}`
}
