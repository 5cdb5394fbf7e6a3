// The helpline calendar: every campaign landing on one helpline, week by week, stacked by how far
// along it is, over the helpline's baseline and against its available staff. Pure, like the rest of the engine.
//
// Staffing is never added up campaign by campaign: queues have economies of scale. The combined load is staffed
// in stages (launched, then launched + approved, then everything), and each group's FTE is what its stage adds
// to the one before. The stages' FTE therefore stack to exactly the FTE of the whole combined load.
import { addDays, fromDayNumber, isoWeekStart, toDayNumber, weekdayOfDayNumber } from './dates'
import { aggregateByIsoWeek, placeOnOpenDays, prepareHelpline, staffDays, type DayLoad, type PreparedHelpline } from './helpline-load'
import type { ForecastHelpline, HelplineDay, HelplineWeek, Outcome, ScenarioValues } from './types'
import type { WorkingCalendar } from './working-days'
import { NORMAL_SD_PER_P10_P90, staffToPercentileOf, withPredictionIntervalFromSd } from './intervals'

/** Stacking order: what is already committed sits at the bottom. */
export const CALENDAR_GROUPS = ['launched', 'approved', 'planned'] as const
export type CalendarGroup = (typeof CALENDAR_GROUPS)[number]

/**
 * Planned = draft or awaiting sign-off. A closed campaign's calls still happened (or will), so they count as
 * launched: leaving them out would make past weeks look emptier than the helpline found them.
 */
export function calendarGroupOf(status: string): CalendarGroup {
  if (status === 'launched' || status === 'closed') return 'launched'
  if (status === 'approved') return 'approved'
  return 'planned'
}

/** The longest range the calendar shows, in months. */
export const MAX_CALENDAR_MONTHS = 12

/** Whole ISO weeks (Monday to Sunday) covering `months` calendar months from the first of `startMonth` (YYYY-MM). */
export function calendarRange(startMonth: string, months: number): { from: string; to: string } {
  if (!/^\d{4}-\d{2}$/.test(startMonth)) throw new RangeError(`Not a month in YYYY-MM form: ${startMonth}`)
  if (!Number.isInteger(months) || months < 1 || months > MAX_CALENDAR_MONTHS) throw new RangeError(`Months must be 1 to ${MAX_CALENDAR_MONTHS}`)
  const year = Number(startMonth.slice(0, 4))
  const month = Number(startMonth.slice(5, 7)) - 1 + months // the month after the range, counted from January = 0
  const after = `${String(year + Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`
  const lastDay = addDays(after, -1)
  return { from: isoWeekStart(`${startMonth}-01`), to: addDays(isoWeekStart(lastDay), 6) }
}

/** The `weeks` whole ISO weeks starting with the one that contains `today`. */
export function nextWeeksRange(today: string, weeks: number): { from: string; to: string } {
  const from = isoWeekStart(today)
  return { from, to: addDays(from, weeks * 7 - 1) }
}

export interface CalendarCampaignInput {
  ref: string
  name: string
  status: string
  /** The working days of the campaign's own nation, as its forecast uses them. */
  calendar: WorkingCalendar
  /** The campaign's calls arriving at this helpline each day from `arrivals.start`, before any roll-forward. */
  arrivals: DayLoad
  /** The campaign's rate spread (rateSpreadPerBand of its contact rates); absent: a normal distribution's. */
  spreadPerBand?: number | null
}

export interface HelplineCalendarInput {
  helpline: ForecastHelpline
  /** The days the helpline itself is closed for bank holidays. */
  helplineCalendar: WorkingCalendar
  campaigns: readonly CalendarCampaignInput[]
  /** A Monday and a Sunday (see calendarRange). */
  from: string
  to: string
  /** Day-to-day over-dispersion of calls (fitted from past actuals); absent: DEFAULT_DISPERSION. */
  dispersion?: number
}

export interface CalendarCause {
  ref: string
  name: string
  status: string
  group: CalendarGroup
  /** Central calls on the week's days short of staff. */
  calls: number
}

export interface CalendarWeek {
  weekStart: string
  weekEnd: string
  isoWeek: string
  openDays: number
  baselineCalls: number
  /** Campaign calls at the central rate, by group. */
  calls: Record<CalendarGroup, number>
  /** All campaign calls, low to high. */
  totalCalls: ScenarioValues
  /** Mean FTE over the week's open days at the central rate: the baseline's, then what each group adds on top. */
  fte: { baseline: number } & Record<CalendarGroup, number>
  /** Mean FTE for baseline and every campaign together, low to high. */
  totalFte: ScenarioValues
  /** The busiest day's FTE for baseline and every campaign (central). */
  peakTotalFte: number
  /** Mean over the open days. */
  availableFte: number
  /** Open days short of staff with every campaign (central). */
  daysOverCapacity: number
  overCapacity: boolean
  /** Short of staff on some day even without any campaign. */
  baselineOverCapacity: boolean
  /** Campaigns with calls on the days short of staff, most calls first. */
  causes: CalendarCause[]
  /** What the available staff achieve over the week's open days with every campaign (central). */
  outcome: Outcome
}

export interface CalendarCampaign {
  ref: string
  name: string
  status: string
  group: CalendarGroup
  /** Calls handled within the range, after roll-forward. */
  calls: ScenarioValues
  /** The week (its Monday) with the campaign's most central calls, or null when none fall in the range. */
  peakWeek: string | null
  peakWeekCalls: number
}

export interface HelplineCalendar {
  from: string
  to: string
  weeks: CalendarWeek[]
  /** Campaigns with calls in the range, most calls first. */
  campaigns: CalendarCampaign[]
}

const sv = (low: number, central: number, high: number): ScenarioValues => ({ low, central, high })

function emptyLoad(start: number, length: number): DayLoad {
  return { start, low: new Float64Array(length), central: new Float64Array(length), high: new Float64Array(length) }
}

/** Adds `load` into `into` (which covers the range), ignoring days outside it. */
function addInto(into: DayLoad, load: DayLoad): void {
  const n = into.central.length
  for (let i = 0; i < load.central.length; i++) {
    const j = load.start + i - into.start
    if (j < 0 || j >= n) continue
    into.low[j] += load.low[i]
    into.central[j] += load.central[i]
    into.high[j] += load.high[i]
  }
}

function hasCalls(load: DayLoad): boolean {
  for (let i = 0; i < load.central.length; i++) if (load.low[i] || load.central[i] || load.high[i]) return true
  return false
}

function staff(prepared: PreparedHelpline, calendar: WorkingCalendar, load: DayLoad, from: number, to: number, outcomes: boolean): HelplineDay[] {
  return staffDays(prepared, calendar, load, from, to, { outcomes }).days
}

/**
 * Builds the calendar of one helpline. Each campaign's calls arrive on its own nation's working days and are placed
 * on the days the helpline opens by its own calendar, exactly as on the campaign's forecast page.
 */
export function buildHelplineCalendar(input: HelplineCalendarInput): HelplineCalendar {
  const from = toDayNumber(input.from)
  const to = toDayNumber(input.to)
  if (weekdayOfDayNumber(from) !== 0 || weekdayOfDayNumber(to) !== 6 || to < from) throw new RangeError('The calendar runs from a Monday to a Sunday')
  const length = to - from + 1
  const prepared = prepareHelpline(input.helpline)
  const staffTo = staffToPercentileOf(input.helpline)

  // Each campaign's handled calls within the range, and the cumulative load of each stage.
  const handled = input.campaigns.map((c) => {
    const rolled = placeOnOpenDays(prepared, input.helplineCalendar, c.calendar, c.arrivals)
    const inRange = emptyLoad(from, length)
    addInto(inRange, rolled)
    return { campaign: c, group: calendarGroupOf(c.status), load: inRange }
  })
  const visible = handled.filter((h) => hasCalls(h.load))

  // Only the top stage (every campaign) is shown with its outcomes; the stages below give each group's FTE.
  let previous = staff(prepared, input.helplineCalendar, emptyLoad(from, length), from, to, visible.length === 0)
  const stageDays: HelplineDay[][] = [previous]
  const cumulative = emptyLoad(from, length)
  const zeros = new Float64Array(length)
  const rateSd = new Float64Array(length)
  const groupCalls = Object.fromEntries(CALENDAR_GROUPS.map((g) => [g, new Float64Array(length)])) as Record<CalendarGroup, Float64Array>
  CALENDAR_GROUPS.forEach((group, k) => {
    const members = visible.filter((h) => h.group === group)
    for (const m of members) {
      addInto(cumulative, m.load)
      const spread = m.campaign.spreadPerBand ?? NORMAL_SD_PER_P10_P90
      for (let i = 0; i < length; i++) rateSd[i] += spread * Math.max(0, m.load.high[i]! - m.load.low[i]!)
      for (let i = 0; i < length; i++) groupCalls[group][i] += m.load.central[i]
    }
    const last = k === CALENDAR_GROUPS.length - 1
    // A group with no calls adds no staff: its stage is the one before. Only the last stage (every campaign) needs
    // the low and high scenarios; the stages below it are staffed at the central rate alone, a third of the work.
    if (last ? visible.length > 0 : members.length > 0) {
      // Every stage staffs to the helpline's chosen percentile of its calls, so each group's FTE is measured alike.
      const banded = withPredictionIntervalFromSd(cumulative, rateSd, input.dispersion, staffTo)
      previous = staff(prepared, input.helplineCalendar, last ? banded : { ...banded, low: zeros, high: zeros }, from, to, last)
    }
    stageDays.push(previous)
  })
  const stageWeeks = stageDays.map((days) => aggregateByIsoWeek(days))
  const all = stageDays[CALENDAR_GROUPS.length]!
  const baselineDays = stageDays[0]!

  const weeks: CalendarWeek[] = stageWeeks[CALENDAR_GROUPS.length]!.map((week: HelplineWeek, w) => {
    const start = toDayNumber(week.weekStart) - from
    const calls = {} as Record<CalendarGroup, number>
    for (const g of CALENDAR_GROUPS) {
      let sum = 0
      for (let i = start; i < start + 7; i++) sum += groupCalls[g][i] ?? 0
      calls[g] = sum
    }
    const fte = { baseline: stageWeeks[0]![w]!.totalFte.central } as CalendarWeek['fte']
    CALENDAR_GROUPS.forEach((g, k) => (fte[g] = stageWeeks[k + 1]![w]!.totalFte.central - stageWeeks[k]![w]!.totalFte.central))

    let baselineOverCapacity = false
    const shortDays: number[] = []
    for (let i = start; i < start + 7; i++) {
      if (baselineDays[i]!.open && baselineDays[i]!.shortfallFte.central > 0) baselineOverCapacity = true
      if (all[i]!.open && all[i]!.shortfallFte.central > 0) shortDays.push(i)
    }
    const causes: CalendarCause[] = []
    if (shortDays.length) {
      for (const h of visible) {
        let sum = 0
        for (const i of shortDays) sum += h.load.central[i]!
        if (sum > 0) causes.push({ ref: h.campaign.ref, name: h.campaign.name, status: h.campaign.status, group: h.group, calls: sum })
      }
      causes.sort((a, b) => b.calls - a.calls || a.ref.localeCompare(b.ref))
    }
    return {
      weekStart: week.weekStart,
      weekEnd: week.weekEnd,
      isoWeek: week.isoWeek,
      openDays: week.openDays,
      baselineCalls: week.baselineCalls,
      calls,
      totalCalls: { ...week.calls },
      fte,
      totalFte: { ...week.totalFte },
      peakTotalFte: week.peakTotalFte.central,
      availableFte: week.availableFte,
      daysOverCapacity: week.daysOverCapacity.central,
      overCapacity: week.overCapacity,
      baselineOverCapacity,
      causes,
      outcome: week.outcome.central,
    }
  })

  const campaigns: CalendarCampaign[] = visible.map((h) => {
    const total = sv(0, 0, 0)
    let peakWeek: string | null = null
    let peakWeekCalls = 0
    for (let start = 0; start < length; start += 7) {
      let week = 0
      for (let i = start; i < start + 7; i++) {
        total.low += h.load.low[i]!
        total.central += h.load.central[i]!
        total.high += h.load.high[i]!
        week += h.load.central[i]!
      }
      if (week > peakWeekCalls) {
        peakWeekCalls = week
        peakWeek = fromDayNumber(from + start)
      }
    }
    return { ref: h.campaign.ref, name: h.campaign.name, status: h.campaign.status, group: h.group, calls: total, peakWeek, peakWeekCalls }
  })
  campaigns.sort((a, b) => b.calls.central - a.calls.central || a.ref.localeCompare(b.ref))

  return { from: input.from, to: input.to, weeks, campaigns }
}

/** The busiest week (most FTE needed in all, central) of a calendar, or null when it has no weeks. */
export function peakWeek(calendar: Pick<HelplineCalendar, 'weeks'>): CalendarWeek | null {
  let best: CalendarWeek | null = null
  for (const week of calendar.weeks) if (best === null || week.totalFte.central > best.totalFte.central) best = week
  return best
}

/** Builds a DayLoad from calls per date: the readable way for a test to describe a campaign's arrivals. */
export function dayLoadFrom(calls: Record<string, number | ScenarioValues>): DayLoad {
  const dates = Object.keys(calls).sort()
  if (dates.length === 0) return emptyLoad(0, 0)
  const start = toDayNumber(dates[0]!)
  const load = emptyLoad(start, toDayNumber(dates[dates.length - 1]!) - start + 1)
  for (const date of dates) {
    const value = calls[date]!
    const i = toDayNumber(date) - start
    const v = typeof value === 'number' ? sv(value, value, value) : value
    load.low[i] += v.low
    load.central[i] += v.central
    load.high[i] += v.high
  }
  return load
}
