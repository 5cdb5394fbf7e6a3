// An iCalendar (RFC 5545) writer for all-day events: the launch dates, send dates, sign-off due dates and call peaks
// of the calendar feeds. Pure. Every value that is TEXT is escaped (§3.3.11), every line is folded at 75 octets
// without splitting a character (§3.1), and lines end in CRLF.

export interface CalendarEvent {
  /** Stable across feeds and edits, so a calendar updates an event rather than adding it twice. */
  uid: string
  /** YYYY-MM-DD: the event lasts that whole day. */
  date: string
  summary: string
  description?: string
  /** An absolute URL: where to act on it. */
  url?: string
  categories?: readonly string[]
  /** ISO date-time the information last changed: the event's DTSTAMP and LAST-MODIFIED. */
  lastModified?: string
}

export interface CalendarDocument {
  name: string
  description?: string
  events: readonly CalendarEvent[]
  /** ISO date-time: the DTSTAMP of events with no lastModified. */
  generatedAt: string
}

export const PRODUCT_ID = '-//HM Revenue and Customs//OTM Campaign Planner//EN'

const CRLF = '\r\n'
const MAX_OCTETS = 75

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; other control characters are dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n|\u2028|\u2029|\u0085/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n')
}

/** The UTF-8 length of one character (a code point). */
function octetsOf(char: string): number {
  const code = char.codePointAt(0)!
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
}

function octetLength(text: string): number {
  let n = 0
  for (const char of text) n += octetsOf(char)
  return n
}

/**
 * Folds one content line so that no line is longer than 75 octets of UTF-8: each continuation starts with a space,
 * which counts towards its 75. A character is never split across lines.
 */
export function foldLine(line: string): string {
  if (octetLength(line) <= MAX_OCTETS) return line
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = octetsOf(char)
    if (octets + size > MAX_OCTETS) {
      out.push(current)
      current = ' '
      octets = 1
    }
    current += char
    octets += size
  }
  out.push(current)
  return out.join(CRLF)
}

function basicDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`Not a date in YYYY-MM-DD form: ${iso}`)
  return iso.replace(/-/g, '')
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/** 2026-12-04T08:15:30.123Z → 20261204T081530Z (UTC). */
function basicDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date-time: ${iso}`)
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** A URI value is not TEXT: it is written as it is, once anything that could break the line is percent-encoded. */
function uri(value: string): string {
  return value.replace(/[\u0000-\u0020\u007F"<>\\^`{|}]/g, (c) => encodeURIComponent(c))
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const modified = event.lastModified ? basicDateTime(event.lastModified) : stamp
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${modified}`,
    `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
    `DTEND;VALUE=DATE:${basicDate(nextDay(event.date))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${uri(event.url)}`] : []),
    ...(event.categories?.length ? [`CATEGORIES:${event.categories.map(escapeText).join(',')}`] : []),
    ...(event.lastModified ? [`LAST-MODIFIED:${modified}`] : []),
    // A date to know about, not time taken: it never shows the person as busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ]
}

/** The whole VCALENDAR, ready to send as text/calendar. */
export function writeCalendar(document: CalendarDocument): string {
  const stamp = basicDateTime(document.generatedAt)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(document.name)}`,
    ...(document.description ? [`X-WR-CALDESC:${escapeText(document.description)}`] : []),
    // How often a subscribed calendar should look again (RFC 7986, and the older name Outlook reads).
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...document.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join(CRLF) + CRLF
}
