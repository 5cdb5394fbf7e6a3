// What the helpline calendar's charts draw, from the calendar's weeks. Pure, so the server and the browser agree.
import { CALENDAR_GROUPS, type CalendarGroup, type CalendarWeek, type HelplineCalendar } from '~/forecast/helpline-calendar'

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

/** Most campaigns named beside one week; the CSV and the campaign table name them all. */
export const CAUSES_SHOWN = 3
/** Campaigns per page of the campaign table, busiest first. */
export const CAMPAIGNS_PER_PAGE = 25

const round1 = (n: number) => Math.round(n * 10) / 10
const round3 = (n: number) => Math.round(n * 1000) / 1000

/**
 * What the calendar page shows of a calendar, rounded as shown (whole calls, FTE to one place, shares to 0.1%), so
 * the page carries no more digits than it needs: the CSV has every figure. `page` picks the page of campaigns.
 */
export function calendarPageData(calendar: HelplineCalendar, page: number) {
  const pages = Math.max(1, Math.ceil(calendar.campaigns.length / CAMPAIGNS_PER_PAGE))
  const current = Math.min(pages, Math.max(1, Number.isFinite(page) ? Math.floor(page) : 1))
  return {
    from: calendar.from,
    to: calendar.to,
    weeks: calendar.weeks.map((w) => ({
      weekStart: w.weekStart,
      isoWeek: w.isoWeek,
      openDays: w.openDays,
      baselineCalls: Math.round(w.baselineCalls),
      calls: { launched: Math.round(w.calls.launched), approved: Math.round(w.calls.approved), planned: Math.round(w.calls.planned) },
      fte: { baseline: round1(w.fte.baseline), launched: round1(w.fte.launched), approved: round1(w.fte.approved), planned: round1(w.fte.planned) },
      totalFte: round1(w.totalFte.central),
      peakTotalFte: round1(w.peakTotalFte),
      availableFte: round1(w.availableFte),
      daysOverCapacity: w.daysOverCapacity,
      overCapacity: w.overCapacity,
      baselineOverCapacity: w.baselineOverCapacity,
      causes: w.causes.slice(0, CAUSES_SHOWN).map((c) => c.ref),
      moreCauses: Math.max(0, w.causes.length - CAUSES_SHOWN),
      // With every campaign, central, and the staff available.
      serviceLevel: round3(w.outcome.serviceLevel),
      abandoned: w.outcome.abandoned === null ? null : Math.round(w.outcome.abandoned),
      asaSeconds: w.outcome.asaSeconds === null ? null : Math.round(w.outcome.asaSeconds),
    })),
    campaignCount: calendar.campaigns.length,
    campaigns: calendar.campaigns.slice((current - 1) * CAMPAIGNS_PER_PAGE, current * CAMPAIGNS_PER_PAGE).map((c) => ({
      ref: c.ref,
      name: c.name,
      status: c.status,
      group: c.group,
      calls: { low: Math.round(c.calls.low), central: Math.round(c.calls.central), high: Math.round(c.calls.high) },
      peakWeek: c.peakWeek,
      peakWeekCalls: Math.round(c.peakWeekCalls),
    })),
    page: current,
    pages,
  }
}

export type CalendarPageData = ReturnType<typeof calendarPageData>
