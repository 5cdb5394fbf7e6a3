// Turns a forecast result into what the forecast page, its charts and the briefing show. Pure and
// deterministic (no Intl date formatting), so the server's HTML and the browser's recompute match exactly.
import { toDayNumber, weekdayOfDayNumber } from '~/forecast/dates'
import type { ForecastResult, HelplineDay, HelplineForecast } from '~/forecast/types'

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "Tue 4 May 2027" */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${DAYS[weekdayOfDayNumber(toDayNumber(iso))]} ${Number(d)} ${MONTHS[Number(m) - 1]!.slice(0, 3)} ${y}`
}

/** "Tuesday 4 May 2027" */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${LONG_DAYS[weekdayOfDayNumber(toDayNumber(iso))]} ${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`
}

/** "4 May" for chart axes. */
export function axisDate(iso: string): string {
  const [, m, d] = iso.split('-')
  return `${Number(d)} ${MONTHS[Number(m) - 1]!.slice(0, 3)}`
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Whole calls with thousands separators: calls are expected values, so they are rounded only for display. */
export function calls(value: number): string {
  const rounded = Math.round(value)
  return (rounded < 0 ? '-' : '') + group(String(Math.abs(rounded)))
}

/** FTE to one decimal place. */
export function fte(value: number): string {
  const rounded = Math.round(value * 10) / 10
  const [whole, fraction = '0'] = Math.abs(rounded).toFixed(1).split('.')
  return (rounded < 0 ? '-' : '') + group(whole!) + '.' + fraction
}

export interface CallsPoint {
  date: string
  label: string
  low: number
  central: number
  high: number
  band: [number, number]
}

export interface FtePoint {
  date: string
  label: string
  needed: number
  neededBand: [number, number]
  baseline: number
  available: number
}

export interface HelplineView {
  id: string
  name: string
  /** Open days from the first to the last call of the campaign (at any helpline). */
  days: HelplineDay[]
  callsChart: CallsPoint[]
  fteChart: FtePoint[]
  totals: HelplineForecast['totals']
  peakDay: HelplineForecast['peakDay']
  peakInterval: HelplineForecast['peakInterval']
}

export function helplineViews(result: ForecastResult): HelplineView[] {
  const { firstCallDate, lastCallDate } = result.summary
  return result.helplines.map((h) => {
    const days =
      firstCallDate && lastCallDate ? h.days.filter((d) => d.open && d.date >= firstCallDate && d.date <= lastCallDate) : []
    return {
      id: h.helplineId,
      name: h.name,
      days,
      callsChart: days.map((d) => ({
        date: d.date,
        label: axisDate(d.date),
        low: d.calls.low,
        central: d.calls.central,
        high: d.calls.high,
        band: [d.calls.low, d.calls.high],
      })),
      fteChart: days.map((d) => ({
        date: d.date,
        label: axisDate(d.date),
        needed: d.totalFte.central,
        neededBand: [d.totalFte.low, d.totalFte.high],
        baseline: d.baselineFte,
        available: d.availableFte,
      })),
      totals: h.totals,
      peakDay: h.peakDay,
      peakInterval: h.peakInterval,
    }
  })
}
