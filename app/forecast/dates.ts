// ISO calendar dates (YYYY-MM-DD) as whole-day numbers since 1970-01-01.
// Pure integer arithmetic (Hinnant's civil-from-days), so no time zone or DST can shift a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** True for a well-formed YYYY-MM-DD string naming a real calendar date (so not 2027-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** Day number of an ISO date; throws on anything that is not a real YYYY-MM-DD date. */
export function toDayNumber(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`Not a real date in YYYY-MM-DD form: ${JSON.stringify(iso)}`)
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)))
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n))

export function fromDayNumber(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber)
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(iso: string): number {
  return weekdayOfDayNumber(toDayNumber(iso))
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** The Monday that starts the ISO week (Mon–Sun) containing the date. */
export function isoWeekStart(iso: string): string {
  const n = toDayNumber(iso)
  return fromDayNumber(n - weekdayOfDayNumber(n))
}

/** ISO-8601 week label such as 2027-W05 (the week's Thursday decides its year). */
export function isoWeekLabel(iso: string): string {
  const n = toDayNumber(iso)
  const thursday = n - weekdayOfDayNumber(n) + 3
  const year = civilFromDays(thursday).year
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1
  return `${year}-W${pad2(week)}`
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const
