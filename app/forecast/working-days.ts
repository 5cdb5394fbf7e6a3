// The working-day calendar: weekends and one nation's bank holidays are non-working.
// No zod here, so the engine that runs in the browser stays small.
import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from './dates'

export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const
export type Nation = (typeof NATIONS)[number]

export const NATION_NAMES: Record<Nation, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
}

export interface BankHolidayEvent {
  title: string
  /** YYYY-MM-DD */
  date: string
  /** GOV.UK writes "Substitute day" here when the holiday moved off a weekend. */
  notes: string
  bunting: boolean
}

export interface BankHolidayDivision {
  division: Nation
  events: BankHolidayEvent[]
}

/** Exactly the shape GOV.UK publishes at /bank-holidays.json. */
export type BankHolidaysFile = Record<Nation, BankHolidayDivision>

/** The bank-holiday dates of one nation, sorted. */
export function holidayDates(file: BankHolidaysFile, nation: Nation): string[] {
  return file[nation].events.map((e) => e.date).sort()
}

/**
 * Weekends and the given bank holidays are non-working. Arithmetic follows spreadsheet WORKDAY():
 * the start date is never counted, and adding 0 returns the start date unchanged.
 */
export interface WorkingCalendar {
  /** The last date for which bank holidays are known (31 December of the latest year listed), or null. */
  readonly knownUntil: string | null
  isBankHoliday(date: string): boolean
  isWorkingDay(date: string): boolean
  /** n working days after (n > 0) or before (n < 0) the date; the date itself when n = 0. */
  addWorkingDays(date: string, n: number): string
  /** The first working day strictly after the date. */
  nextWorkingDay(date: string): string
  /** The date itself if it is a working day, otherwise the next working day. */
  workingDayOnOrAfter(date: string): string
  /** Working days from `from` to `to`, both inclusive. */
  workingDays(from: string, to: string): Generator<string, void, undefined>
  /** Day-number forms of the above, for the engine's inner loops. */
  isBankHolidayNumber(day: number): boolean
  isWorkingDayNumber(day: number): boolean
  addWorkingDaysNumber(day: number, n: number): number
  workingDayOnOrAfterNumber(day: number): number
}

export function createWorkingCalendar(bankHolidays: Iterable<string>): WorkingCalendar {
  const holidays = new Set<number>()
  let latest = -Infinity
  for (const date of bankHolidays) {
    const n = toDayNumber(date)
    holidays.add(n)
    if (n > latest) latest = n
  }
  const knownUntil = Number.isFinite(latest) ? `${fromDayNumber(latest).slice(0, 4)}-12-31` : null

  const isBankHolidayNumber = (day: number) => holidays.has(day)
  const isWorkingDayNumber = (day: number) => weekdayOfDayNumber(day) < 5 && !holidays.has(day)
  const addWorkingDaysNumber = (day: number, n: number) => {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, not ${n}`)
    const step = n < 0 ? -1 : 1
    let left = Math.abs(n)
    let d = day
    while (left > 0) {
      d += step
      if (isWorkingDayNumber(d)) left--
    }
    return d
  }
  const workingDayOnOrAfterNumber = (day: number) => {
    let d = day
    while (!isWorkingDayNumber(d)) d++
    return d
  }

  return {
    knownUntil,
    isBankHoliday: (date) => isBankHolidayNumber(toDayNumber(date)),
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    addWorkingDays: (date, n) => fromDayNumber(addWorkingDaysNumber(toDayNumber(date), n)),
    nextWorkingDay: (date) => fromDayNumber(addWorkingDaysNumber(toDayNumber(date), 1)),
    workingDayOnOrAfter: (date) => fromDayNumber(workingDayOnOrAfterNumber(toDayNumber(date))),
    *workingDays(from, to) {
      const end = toDayNumber(to)
      for (let d = toDayNumber(from); d <= end; d++) if (isWorkingDayNumber(d)) yield fromDayNumber(d)
    },
    isBankHolidayNumber,
    isWorkingDayNumber,
    addWorkingDaysNumber,
    workingDayOnOrAfterNumber,
  }
}

/** The working-day calendar of one nation from a GOV.UK-format file. */
export function workingCalendarFor(file: BankHolidaysFile, nation: Nation): WorkingCalendar {
  return createWorkingCalendar(holidayDates(file, nation))
}
