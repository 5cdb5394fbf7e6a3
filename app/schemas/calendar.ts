// The helpline calendar's range picker: a start month and how many months to show. Read from the query string,
// so anything can arrive; a bad value gets a GOV.UK error and the default range, never a 500.
import { MAX_CALENDAR_MONTHS } from '../forecast/helpline-calendar'
import type { FieldErrors } from '../utils/forms'

export const DEFAULT_CALENDAR_MONTHS = 3
/** How far back and ahead the start month can be chosen. */
const MONTHS_BEFORE = 12
const MONTHS_AFTER = 24

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "2027-03" moved by `by` months. */
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

export function monthName(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`
}

/** The months the start can be, oldest first. */
export function startMonthChoices(today: string): string[] {
  const current = today.slice(0, 7)
  return Array.from({ length: MONTHS_BEFORE + MONTHS_AFTER + 1 }, (_, i) => shiftMonth(current, i - MONTHS_BEFORE))
}

export interface CalendarQuery {
  start: string
  months: number
}

export function parseCalendarQuery(params: URLSearchParams, today: string): { query: CalendarQuery; errors: FieldErrors | null } {
  const errors: FieldErrors = {}
  const fallback: CalendarQuery = { start: today.slice(0, 7), months: DEFAULT_CALENDAR_MONTHS }
  const start = params.get('start')
  const months = params.get('months')
  const query = { ...fallback }
  if (start !== null && start !== '') {
    if (startMonthChoices(today).includes(start)) query.start = start
    else errors.start = `Choose a start month from ${monthName(shiftMonth(fallback.start, -MONTHS_BEFORE))} to ${monthName(shiftMonth(fallback.start, MONTHS_AFTER))}`
  }
  if (months !== null && months !== '') {
    if (/^\d{1,2}$/.test(months) && Number(months) >= 1 && Number(months) <= MAX_CALENDAR_MONTHS) query.months = Number(months)
    else errors.months = `Choose how many months to show, from 1 to ${MAX_CALENDAR_MONTHS}`
  }
  return { query, errors: Object.keys(errors).length ? errors : null }
}
