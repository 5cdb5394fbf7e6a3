// A helpline as its managers describe it, and how it feeds the forecast engine.
// Pure: the helpline form, the forecast page in the browser and the server all use it.
import { intervalIndex, intervalLabel } from '../forecast/helpline-load'
import type { ForecastHelpline, OpeningHours } from '../forecast/types'
import { WEEKDAY_NAMES } from '../forecast/dates'
import type { Nation } from '../forecast/working-days'
import { DEFAULT_STAFF_TO_PERCENTILE, isStaffToPercentile, type StaffToPercentile } from '../forecast/intervals'
import { formatDuration, formatTime, formatTimeRange } from '../campaign/format'

export const INTERVALS_PER_DAY = 48
export { WEEKDAY_NAMES }

/**
 * The bank holidays every helpline closes on. Helplines serve the whole UK and are not tied to a nation in the
 * service; HMRC's contact centres keep the England and Wales holidays. A campaign's own nation still decides when
 * its post arrives (docs/decisions/0080-one-calendar-for-a-helpline.md).
 */
export const HELPLINE_NATION: Nation = 'england-and-wales'

/** What a helpline manager enters, in the units they use: percentages as typed, not fractions. */
export interface HelplineSettings {
  name: string
  /** Monday first; null when closed that day. */
  openingHours: (OpeningHours | null)[]
  /** 48 percentages, one per half hour from 00:00; 0 outside opening hours; they add up to 100. */
  intradayProfile: number[]
  /** Monday first: multipliers of the baseline calls, 1 = an average day. */
  dayWeights: number[]
  ahtSeconds: number
  targetPercent: number
  targetSeconds: number
  shrinkagePercent: number
  maxOccupancyPercent: number
  /** Set: staff with Erlang A (callers hang up after about this long). Null: Erlang C. */
  patienceSeconds: number | null
  /** Erlang A only: staff so that at most this % of callers hang up in any half hour. Null: no such rule. */
  maxAbandonmentPercent: number | null
  /** Staff so that answered calls wait at most this long on average in any half hour. Null: no such rule. */
  maxAsaSeconds: number | null
  baselineCallsPerDay: number
  availableFte: number
  paidHoursPerFte: number
  /** The percentile of each day's calls to staff to; absent: as stored (50 for a new helpline). */
  staffToPercentile?: StaffToPercentile
  /** The Welsh-language line: the calls of customers who asked for Welsh go here. At most one helpline is. */
  welshLine?: boolean
}

export interface Helpline extends HelplineSettings {
  id: string
  version: number
  updatedAt: string
}

export function toForecastHelpline(helpline: Pick<Helpline, 'id'> & HelplineSettings): ForecastHelpline {
  return {
    id: helpline.id,
    name: helpline.name,
    openingHours: helpline.openingHours,
    intradayProfile: helpline.intradayProfile,
    dayOfWeekWeights: helpline.dayWeights,
    ahtSeconds: helpline.ahtSeconds,
    target: { percent: helpline.targetPercent, withinSeconds: helpline.targetSeconds },
    shrinkage: helpline.shrinkagePercent / 100,
    maxOccupancy: helpline.maxOccupancyPercent / 100,
    patienceSeconds: helpline.patienceSeconds,
    maxAbandonment: helpline.patienceSeconds !== null && helpline.maxAbandonmentPercent !== null ? helpline.maxAbandonmentPercent / 100 : null,
    maxAsaSeconds: helpline.maxAsaSeconds,
    baselineCallsPerDay: helpline.baselineCallsPerDay,
    availableFte: helpline.availableFte,
    paidHoursPerFtePerDay: helpline.paidHoursPerFte,
    staffToPercentile: helpline.staffToPercentile ?? DEFAULT_STAFF_TO_PERCENTILE,
  }
}

/** What the helpline form offers, in the words a helpline manager plans in. */
export const STAFF_TO_CHOICES: readonly { value: StaffToPercentile; text: string; hint: string }[] = [
  { value: 50, text: 'P50: the median day', hint: 'Enough staff for half of days like it: fewest staff, and on half of days the target is missed' },
  { value: 80, text: 'P80: 8 days in 10', hint: 'Enough staff for 8 days in 10: on 1 day in 5 calls are higher than planned for' },
  { value: 90, text: 'P90: 9 days in 10', hint: 'Enough staff for 9 days in 10: the most staff, for a helpline that must not miss its target' },
]

/** "Staffed to the 80th percentile of daily calls (P80), as set for this helpline" */
export function staffedToSentence(percentile: number | undefined, where = 'as set for this helpline'): string {
  const p = isStaffToPercentile(percentile) ? percentile : DEFAULT_STAFF_TO_PERCENTILE
  const name = p === 50 ? 'the median (P50) of daily calls' : `the ${p}th percentile of daily calls (P${p})`
  return `Staffed to ${name}, ${where}`
}

/** The half hours the helpline is open on at least one day of the week, in time order. */
export function openIntervals(openingHours: readonly (OpeningHours | null)[]): number[] {
  const open = new Set<number>()
  for (const hours of openingHours) {
    if (!hours) continue
    const from = intervalIndex(hours.open)
    const to = intervalIndex(hours.close)
    if (!(to > from)) continue
    for (let i = from; i < to; i++) open.add(i)
  }
  return [...open].sort((a, b) => a - b)
}

/** "8:30am to 9am" */
export function intervalRange(index: number): string {
  return formatTimeRange(intervalLabel(index), intervalLabel(index + 1))
}

/** "8:30am": the start of a half hour. */
export function intervalStart(index: number): string {
  return formatTime(intervalLabel(index))
}

export { intervalLabel }

/** Rounds for display without trailing zeros: 97.5, 100, 2.25. */
export function trimNumber(value: number, places = 2): string {
  if (!Number.isFinite(value)) return ''
  const factor = 10 ** places
  const rounded = Math.round(value * factor) / factor
  return String(Object.is(rounded, -0) ? 0 : rounded)
}

/** The sentence the helpline form shows when the profile's open half hours do not add up to 100%. */
export function profileTotalProblem(total: number): string | null {
  const off = Math.round((total - 100) * 100) / 100
  if (Math.abs(off) < 0.01) return null
  return `The intraday profile adds up to ${trimNumber(total)}%. It must add up to 100% (${trimNumber(Math.abs(off))}% ${off < 0 ? 'short' : 'over'})`
}

/** "Monday to Friday 8am to 6pm; Saturday 8am to 4pm" */
export function describeOpeningHours(openingHours: readonly (OpeningHours | null)[]): string {
  const groups: { from: number; to: number; hours: OpeningHours }[] = []
  openingHours.forEach((hours, day) => {
    if (!hours) return
    const last = groups[groups.length - 1]
    if (last && last.to === day - 1 && last.hours.open === hours.open && last.hours.close === hours.close) last.to = day
    else groups.push({ from: day, to: day, hours })
  })
  if (groups.length === 0) return 'Closed every day'
  return groups
    .map((g) => {
      const days = g.from === g.to ? WEEKDAY_NAMES[g.from] : `${WEEKDAY_NAMES[g.from]} to ${WEEKDAY_NAMES[g.to]}`
      return `${days} ${formatTimeRange(g.hours.open, g.hours.close)}`
    })
    .join('; ')
}

/** A weekday profile for a helpline open 08:00 to 18:00, as percentages: a starting point for new helplines. */
export const STARTER_PROFILE_08_18 = [4.5, 6.5, 8, 8, 7.5, 7, 6, 5.5, 5, 4.5, 4.5, 5, 5, 4.5, 4, 3.5, 3.5, 3, 2.5, 2]

export function profileFrom(open: string, shares: readonly number[]): number[] {
  const profile = new Array<number>(INTERVALS_PER_DAY).fill(0)
  const start = intervalIndex(open)
  shares.forEach((share, i) => (profile[start + i] = share))
  return profile
}

/** Blank-form starting values: Monday to Friday 08:00 to 18:00 with a typical profile. */
export function starterHelplineSettings(): Omit<HelplineSettings, 'name' | 'ahtSeconds' | 'baselineCallsPerDay' | 'availableFte'> {
  const weekday = { open: '08:00', close: '18:00' }
  return {
    openingHours: [weekday, weekday, weekday, weekday, weekday, null, null],
    intradayProfile: profileFrom('08:00', STARTER_PROFILE_08_18),
    dayWeights: [1, 1, 1, 1, 1, 1, 1],
    targetPercent: 80,
    targetSeconds: 60,
    shrinkagePercent: 35,
    maxOccupancyPercent: 85,
    patienceSeconds: null,
    maxAbandonmentPercent: null,
    maxAsaSeconds: null,
    paidHoursPerFte: 7.4,
    staffToPercentile: DEFAULT_STAFF_TO_PERCENTILE,
  }
}

export function staffingModel(patienceSeconds: number | null): string {
  return patienceSeconds === null ? 'Erlang C' : `Erlang A (callers wait ${formatDuration(patienceSeconds)} on average before hanging up)`
}

/** "At most 5% of callers hang up; answered calls wait at most 30 seconds on average", or null with neither rule. */
export function extraStaffingRules(h: Pick<HelplineSettings, 'patienceSeconds' | 'maxAbandonmentPercent' | 'maxAsaSeconds'>): string | null {
  const parts: string[] = []
  if (h.patienceSeconds !== null && h.maxAbandonmentPercent !== null) parts.push(`at most ${trimNumber(h.maxAbandonmentPercent)}% of callers hang up`)
  if (h.maxAsaSeconds !== null) parts.push(`answered calls wait at most ${h.maxAsaSeconds.toLocaleString('en-GB')} seconds on average`)
  if (parts.length === 0) return null
  const text = parts.join('; ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * True when the helpline's staffing may meet its target through callers hanging up: Erlang A with a 100% occupancy
 * cap and no maximum abandonment rate (docs/forecast-maths.md, "Service-level definition under abandonment").
 */
export function targetCanBeMetByHangUps(h: Pick<HelplineSettings, 'patienceSeconds' | 'maxOccupancyPercent' | 'maxAbandonmentPercent'>): boolean {
  return h.patienceSeconds !== null && h.maxOccupancyPercent >= 100 && h.maxAbandonmentPercent === null
}
