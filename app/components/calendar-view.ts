// What the helpline calendar's charts draw, from the calendar's weeks. Pure, so the server and the browser agree.
import { CALENDAR_GROUPS, type CalendarGroup, type CalendarWeek } from '~/forecast/helpline-calendar'

/** The parts of a week the charts draw. */
export type ChartWeek = Pick<CalendarWeek, 'weekStart' | 'baselineCalls' | 'calls' | 'fte' | 'availableFte' | 'overCapacity'>
import { axisDate } from './forecast-view'

export interface CalendarPoint {
  weekStart: string
  label: string
  baselineCalls: number
  launchedCalls: number
  approvedCalls: number
  plannedCalls: number
  baselineFte: number
  launchedFte: number
  approvedFte: number
  plannedFte: number
  availableFte: number
  overCapacity: boolean
}

/** Weekly points; FTE below 0.05 (rounding in the stages) is drawn as nothing. */
export function calendarPoints(weeks: readonly ChartWeek[]): CalendarPoint[] {
  const clean = (n: number) => (n > 0.05 ? n : 0)
  return weeks.map((w) => {
    const point: CalendarPoint = {
      weekStart: w.weekStart,
      label: axisDate(w.weekStart),
      baselineCalls: w.baselineCalls,
      launchedCalls: 0,
      approvedCalls: 0,
      plannedCalls: 0,
      baselineFte: w.fte.baseline,
      launchedFte: 0,
      approvedFte: 0,
      plannedFte: 0,
      availableFte: w.availableFte,
      overCapacity: w.overCapacity,
    }
    for (const g of CALENDAR_GROUPS) {
      point[`${g}Calls` as `${CalendarGroup}Calls`] = w.calls[g]
      point[`${g}Fte` as `${CalendarGroup}Fte`] = clean(w.fte[g])
    }
    return point
  })
}
