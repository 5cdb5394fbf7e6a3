// How the service writes dates, times, durations and numbers, following the GOV.UK style guide: "4 December 2026",
// "Friday 4 December 2026", "9am", "5:30pm", "8am to 6pm", "9 minutes", "1,080". One function per form, so every page
// that shows a thing shows it the same way (docs/conventions.md, "Dates, times and numbers").
//
// Pure and deterministic: dates given as YYYY-MM-DD are worked out without Intl, and timestamps use only Intl's
// numeric parts, so the server's HTML and the browser's render agree to the character.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

interface DayParts {
  year: number
  month: number
  day: number
}

// Built once: constructing an Intl formatter costs far more than using one, and pages format hundreds of values.
const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
})

function londonParts(date: Date): DayParts & { hour: number; minute: number } {
  const parts = LONDON_PARTS.formatToParts(date)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour') % 24, minute: part('minute') }
}

/** A calendar date from "2026-12-04", or the UK date of a timestamp; null when it is neither. */
function dayParts(iso: string): DayParts | null {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (plain) {
    const [year, month, day] = [Number(plain[1]), Number(plain[2]), Number(plain[3])]
    if (month < 1 || month > 12 || day < 1 || day > 31) return null
    return { year, month, day }
  }
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : londonParts(date)
}

function weekday({ year, month, day }: DayParts): string {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!
}

/** "4 December 2026": dates in sentences, summary lists and tables. Empty for no date; the input back if unreadable. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = dayParts(iso)
  return d ? `${d.day} ${MONTHS[d.month - 1]} ${d.year}` : iso
}

/** "Friday 4 December 2026": where the day of the week matters (a day's calls, a bank holiday, a send date). */
export function formatWeekdayDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = dayParts(iso)
  return d ? `${weekday(d)} ${d.day} ${MONTHS[d.month - 1]} ${d.year}` : iso
}

/** "4 to 18 December 2026", "30 November to 4 December 2026", "30 December 2026 to 3 January 2027". */
export function formatDateRange(from: string, to: string): string {
  const a = dayParts(from)
  const b = dayParts(to)
  if (!a || !b) return `${formatDate(from)} to ${formatDate(to)}`
  if (a.year === b.year && a.month === b.month && a.day === b.day) return formatDate(from)
  if (a.year !== b.year) return `${formatDate(from)} to ${formatDate(to)}`
  if (a.month !== b.month) return `${a.day} ${MONTHS[a.month - 1]} to ${formatDate(to)}`
  return `${a.day} to ${formatDate(to)}`
}

/** "Week starting 30 November 2026": a calendar week, named by its Monday. */
export function formatWeek(mondayIso: string): string {
  return `Week starting ${formatDate(mondayIso)}`
}

function clock(hour: number, minute: number): string {
  if (minute === 0 && hour === 12) return 'midday'
  if (minute === 0 && (hour === 0 || hour === 24)) return 'midnight'
  const h = hour % 12 || 12
  return `${h}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${hour % 24 < 12 ? 'am' : 'pm'}`
}

/** "9am", "5:30pm", "midday", "midnight", from "09:00" or "17:30" (24:00 is midnight at the end of a day). */
export function formatTime(hhmm: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm)
  if (!match) return hhmm
  const [hour, minute] = [Number(match[1]), Number(match[2])]
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return hhmm
  return clock(hour, minute)
}

/** "8am to 6pm" */
export function formatTimeRange(from: string, to: string): string {
  return `${formatTime(from)} to ${formatTime(to)}`
}

/** "25 November 2026 at 12:53am", "4 December 2026 at 9am", in UK time, the same on the server and in every browser. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const p = londonParts(date)
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year} at ${clock(p.hour, p.minute)}`
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`

/** "9 minutes", "1 minute 30 seconds", "45 seconds", "2 hours 5 minutes": never "540 seconds". */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return ''
  const seconds = Math.max(0, Math.round(totalSeconds))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const parts = [h ? plural(h, 'hour') : '', m ? plural(m, 'minute') : '', s && !h ? plural(s, 'second') : ''].filter(Boolean)
  return parts.length ? parts.join(' ') : '0 seconds'
}

const NUMBER = new Intl.NumberFormat('en-GB')
const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const WHOLE_POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0, minimumFractionDigits: 0 })

/** "1,080", "2.5": thousands separators, up to three decimal places as given. */
export function formatNumber(value: number): string {
  return NUMBER.format(value)
}

/** "1 message", "2,000 messages". */
export function formatCount(n: number, one: string, many = `${one}s`): string {
  return plural(n, one, many)
}

/**
 * Staff as whole FTE ("1,080"). A decimal is kept only where rounding would hide a need: a value under 1 that is not
 * zero ("0.4"), so a small shortfall never reads as none.
 */
export function formatFte(value: number): string {
  if (!Number.isFinite(value)) return ''
  const rounded = Math.round(value)
  if (rounded === 0 && Math.abs(value) >= 0.05) return ONE_DECIMAL.format(value)
  return formatNumber(rounded)
}

/** "80%", "97.5%", "2.25%": no trailing zeros, at most two decimal places. */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return ''
  const rounded = Math.round(value * 100) / 100
  return `${Object.is(rounded, -0) ? 0 : rounded}%`
}

/** "£1,250", "£75.50": pence only when there are some. */
export function formatPence(pence: number): string {
  return Number.isInteger(pence / 100) ? WHOLE_POUNDS.format(pence / 100) : POUNDS.format(pence / 100)
}
