// Staffing one helpline for a stream of daily calls ("Staffing").
// Each day's calls are spread over the open half hours by the intraday profile; each half hour is staffed for
// baseline + campaign together, and the campaign's need is that less the staffing for baseline alone.
import { createWorkingCalendar, type WorkingCalendar } from './working-days'
import { fromDayNumber, isoWeekLabel, toDayNumber, weekdayOfDayNumber } from './dates'
import { resolveAgents, type StaffingRules } from './agent-cache'
import type { DailyCalls, ForecastHelpline, HelplineDay, HelplineWeek, PeakInterval, ScenarioValues } from './types'

export const INTERVALS_PER_DAY = 48
export const INTERVAL_SECONDS = 1800
const INTERVAL_HOURS = INTERVAL_SECONDS / 3600

/** '08:30' → 17 (the half hour starting then); '24:00' → 48. Returns NaN for anything else. */
export function intervalIndex(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time)
  if (!m) return NaN
  const hours = Number(m[1])
  const minutes = Number(m[2])
  if ((minutes !== 0 && minutes !== 30) || hours > 24 || (hours === 24 && minutes !== 0)) return NaN
  return hours * 2 + minutes / 30
}

export function intervalLabel(index: number): string {
  const minutes = index * 30
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `${h < 10 ? '0' : ''}${h}:${m === 0 ? '00' : '30'}`
}

/** FTE = agent-hours ÷ paid hours per FTE per day ÷ (1 − shrinkage). */
export function fteFromAgentHours(agentHours: number, paidHoursPerFtePerDay: number, shrinkage: number): number {
  if (agentHours === 0) return 0
  return agentHours / paidHoursPerFtePerDay / (1 - shrinkage)
}

interface WeekdayPlan {
  /** Open half-hour indices. */
  intervals: Int32Array
  /** The day's calls in each open half hour, as shares summing to 1. */
  shares: Float64Array
  baselineCalls: number
  /** Agents for the baseline alone in each open half hour. */
  baselineAgents: Int32Array
  baselineAgentHours: number
}

/** A helpline with everything that depends only on the weekday worked out once (baseline staffing included). */
export interface PreparedHelpline {
  helpline: ForecastHelpline
  /** Monday first; null when closed that weekday. */
  plans: (WeekdayPlan | null)[]
  /** Open on at least one of Monday–Friday (roll-forward looks for open working days). */
  opensOnAWorkingWeekday: boolean
}

function rulesOf(h: ForecastHelpline): StaffingRules {
  return { ahtSeconds: h.ahtSeconds, target: h.target, maxOccupancy: h.maxOccupancy, patienceSeconds: h.patienceSeconds }
}

/** Offered load in Erlangs of `calls` arriving in one half hour. */
function loadOf(h: ForecastHelpline, calls: number): number {
  return (calls * h.ahtSeconds) / INTERVAL_SECONDS
}

export function prepareHelpline(helpline: ForecastHelpline): PreparedHelpline {
  const plans: (WeekdayPlan | null)[] = []
  for (let w = 0; w < 7; w++) {
    const hours = helpline.openingHours[w]
    if (!hours) {
      plans.push(null)
      continue
    }
    const open = intervalIndex(hours.open)
    const close = intervalIndex(hours.close)
    if (!(close > open)) throw new RangeError(`${helpline.name}: opening hours ${hours.open}–${hours.close} are not valid`)
    const intervals = new Int32Array(close - open)
    const shares = new Float64Array(close - open)
    let total = 0
    for (let i = open; i < close; i++) {
      const s = helpline.intradayProfile[i]
      const share = Number.isFinite(s) && s > 0 ? s : 0
      intervals[i - open] = i
      shares[i - open] = share
      total += share
    }
    // A profile with nothing in the open hours would lose the day's calls: spread them evenly instead.
    for (let j = 0; j < shares.length; j++) shares[j] = total > 0 ? shares[j] / total : 1 / shares.length
    const baselineCalls = helpline.baselineCallsPerDay * (helpline.dayOfWeekWeights[w] ?? 1)
    plans.push({ intervals, shares, baselineCalls, baselineAgents: new Int32Array(shares.length), baselineAgentHours: 0 })
  }
  if (plans.every((p) => p === null)) throw new RangeError(`${helpline.name} is never open: give it opening hours`)
  // Baseline staffing for every weekday and half hour, in one batch.
  const loads = new Float64Array(7 * INTERVALS_PER_DAY)
  let count = 0
  for (const plan of plans) {
    if (plan) for (let j = 0; j < plan.shares.length; j++) loads[count++] = loadOf(helpline, plan.baselineCalls * plan.shares[j])
  }
  const agents = new Int32Array(count)
  resolveAgents(rulesOf(helpline), loads, count, agents)
  count = 0
  for (const plan of plans) {
    if (!plan) continue
    for (let j = 0; j < plan.shares.length; j++) {
      plan.baselineAgents[j] = agents[count++]
      plan.baselineAgentHours += plan.baselineAgents[j] * INTERVAL_HOURS
    }
  }
  return { helpline, plans, opensOnAWorkingWeekday: plans.slice(0, 5).some((p) => p !== null) }
}

export function isOpenOn(prepared: PreparedHelpline, calendar: WorkingCalendar, day: number): boolean {
  return prepared.plans[weekdayOfDayNumber(day)] !== null && !calendar.isBankHolidayNumber(day)
}

/** Where calls arriving on `day` are answered: that day if open, else the helpline's next open working day. */
export function answeringDay(prepared: PreparedHelpline, calendar: WorkingCalendar, day: number): number {
  if (isOpenOn(prepared, calendar, day)) return day
  for (let d = day + 1, guard = 0; guard < 400; d++, guard++) {
    if (!isOpenOn(prepared, calendar, d)) continue
    if (!prepared.opensOnAWorkingWeekday || calendar.isWorkingDayNumber(d)) return d
  }
  throw new RangeError(`${prepared.helpline.name} has no open day within 400 days of ${fromDayNumber(day)}`)
}

/** Calls per day from `start`, one array per scenario (low, central, high), all the same length. */
export interface DayLoad {
  start: number
  low: Float64Array
  central: Float64Array
  high: Float64Array
}

/** Moves calls that arrive on closed days to the helpline's next open working day. Calls are conserved. */
export function rollForward(prepared: PreparedHelpline, calendar: WorkingCalendar, load: DayLoad): DayLoad {
  const n = load.central.length
  const targets = new Int32Array(n)
  let end = load.start + n - 1
  for (let i = 0; i < n; i++) {
    const d = load.start + i
    if (load.low[i] === 0 && load.central[i] === 0 && load.high[i] === 0) targets[i] = d
    else {
      targets[i] = answeringDay(prepared, calendar, d)
      if (targets[i] > end) end = targets[i]
    }
  }
  const length = end - load.start + 1
  const out: DayLoad = {
    start: load.start,
    low: new Float64Array(length),
    central: new Float64Array(length),
    high: new Float64Array(length),
  }
  for (let i = 0; i < n; i++) {
    const t = targets[i] - load.start
    out.low[t] += load.low[i]
    out.central[t] += load.central[i]
    out.high[t] += load.high[i]
  }
  return out
}

const sv = (low: number, central: number, high: number): ScenarioValues => ({ low, central, high })

export interface StaffedDays {
  days: HelplineDay[]
  /** Busiest half hour at the central rate, or null when the helpline is never open in the range. */
  peakInterval: PeakInterval | null
}

/**
 * Staffs every calendar day from `from` to `to` (day numbers, inclusive) for calls already on open days
 * (see rollForward). Calls outside `load`'s span count as 0.
 */
export function staffDays(
  prepared: PreparedHelpline,
  calendar: WorkingCalendar,
  load: DayLoad,
  from: number,
  to: number,
): StaffedDays {
  const h = prepared.helpline
  const fte = (hours: number) => fteFromAgentHours(hours, h.paidHoursPerFtePerDay, h.shrinkage)
  const days: HelplineDay[] = []
  let peak: PeakInterval | null = null
  const n = load.central.length
  const callsIn = [load.low, load.central, load.high]
  const callsOn = (s: number, d: number) => {
    const i = d - load.start
    return i >= 0 && i < n ? callsIn[s][i] : 0
  }

  // Pass 1: the load of every half hour that carries campaign calls, so all can be staffed in one batch.
  let pending = 0
  for (let d = from; d <= to; d++) {
    const plan = prepared.plans[weekdayOfDayNumber(d)]
    if (plan === null || calendar.isBankHolidayNumber(d)) continue
    for (let s = 0; s < 3; s++) if (callsOn(s, d) !== 0) pending += plan.shares.length
  }
  const loads = new Float64Array(pending)
  let q = 0
  for (let d = from; d <= to; d++) {
    const plan = prepared.plans[weekdayOfDayNumber(d)]
    if (plan === null || calendar.isBankHolidayNumber(d)) continue
    for (let s = 0; s < 3; s++) {
      const campaign = callsOn(s, d)
      if (campaign === 0) continue
      const total = plan.baselineCalls + campaign
      for (let j = 0; j < plan.shares.length; j++) loads[q++] = loadOf(h, total * plan.shares[j])
    }
  }
  const agentsNeeded = new Int32Array(pending)
  resolveAgents(rulesOf(h), loads, pending, agentsNeeded)

  // Pass 2: the day rows.
  const dayCalls = [0, 0, 0]
  const hours = [0, 0, 0]
  const peakAgents = [0, 0, 0]
  const peakExtra = [0, 0, 0]
  q = 0
  for (let d = from; d <= to; d++) {
    const w = weekdayOfDayNumber(d)
    const plan = prepared.plans[w]
    const open = plan !== null && !calendar.isBankHolidayNumber(d)
    for (let s = 0; s < 3; s++) dayCalls[s] = callsOn(s, d)
    const date = fromDayNumber(d)
    if (!open || plan === null) {
      if (dayCalls[0] || dayCalls[1] || dayCalls[2]) throw new RangeError(`${h.name} is closed on ${date}: roll calls forward first`)
      days.push({
        date,
        weekday: w,
        open: false,
        calls: sv(0, 0, 0),
        baselineCalls: 0,
        agentHours: { baseline: 0, total: sv(0, 0, 0) },
        baselineFte: 0,
        requiredFte: sv(0, 0, 0),
        totalFte: sv(0, 0, 0),
        availableFte: 0,
        shortfallFte: sv(0, 0, 0),
        peakAgents: sv(0, 0, 0),
        peakCampaignAgents: sv(0, 0, 0),
        peakInterval: null,
      })
      continue
    }

    const { baselineAgents, baselineCalls } = plan
    const width = baselineAgents.length
    let centralPeakPos = 0
    for (let s = 0; s < 3; s++) {
      let agentSum = 0
      let best = -1
      let bestExtra = 0
      const fromBatch = dayCalls[s] !== 0
      for (let j = 0; j < width; j++) {
        // Without campaign calls the baseline's own staffing applies.
        const agents = fromBatch ? agentsNeeded[q++] : baselineAgents[j]
        agentSum += agents
        const extra = agents - baselineAgents[j]
        if (extra > bestExtra) bestExtra = extra
        if (agents > best) {
          best = agents
          if (s === 1) centralPeakPos = j
        }
      }
      hours[s] = agentSum * INTERVAL_HOURS
      peakAgents[s] = best
      peakExtra[s] = bestExtra
    }

    const baselineHours = plan.baselineAgentHours
    const baselineFte = fte(baselineHours)
    const totalFte = sv(fte(hours[0]), fte(hours[1]), fte(hours[2]))
    const available = h.availableFte
    const time = intervalLabel(plan.intervals[centralPeakPos])
    days.push({
      date,
      weekday: w,
      open: true,
      calls: sv(dayCalls[0], dayCalls[1], dayCalls[2]),
      baselineCalls,
      agentHours: { baseline: baselineHours, total: sv(hours[0], hours[1], hours[2]) },
      baselineFte,
      requiredFte: sv(
        fte(hours[0] - baselineHours),
        fte(hours[1] - baselineHours),
        fte(hours[2] - baselineHours),
      ),
      totalFte,
      availableFte: available,
      shortfallFte: sv(totalFte.low - available, totalFte.central - available, totalFte.high - available),
      peakAgents: sv(peakAgents[0], peakAgents[1], peakAgents[2]),
      peakCampaignAgents: sv(peakExtra[0], peakExtra[1], peakExtra[2]),
      peakInterval: time,
    })
    if (peak === null || peakAgents[1] > peak.agents) {
      peak = {
        helplineId: h.id,
        date,
        time,
        agents: peakAgents[1],
        campaignAgents: peakAgents[1] - baselineAgents[centralPeakPos],
      }
    }
  }
  return { days, peakInterval: peak }
}

function loadFromDailyCalls(rows: readonly DailyCalls[]): DayLoad | null {
  if (rows.length === 0) return null
  let first = Infinity
  let last = -Infinity
  const dayNumbers = rows.map((r) => {
    const d = toDayNumber(r.date)
    if (d < first) first = d
    if (d > last) last = d
    return d
  })
  const length = last - first + 1
  const load: DayLoad = {
    start: first,
    low: new Float64Array(length),
    central: new Float64Array(length),
    high: new Float64Array(length),
  }
  rows.forEach((r, k) => {
    const i = dayNumbers[k] - first
    load.low[i] += r.calls.low
    load.central[i] += r.calls.central
    load.high[i] += r.calls.high
  })
  return load
}

export interface HelplineLoadInput {
  helpline: ForecastHelpline
  /** The nation's bank holidays (YYYY-MM-DD), or a calendar already built from them. */
  bankHolidays: readonly string[] | WorkingCalendar
  /** Each campaign's daily calls for this helpline (for example HelplineForecast.days mapped to DailyCalls). */
  campaigns: readonly (readonly DailyCalls[])[]
  /** Report at least from/to these dates, even without calls. */
  from?: string | null
  to?: string | null
}

/**
 * Staffing for several campaigns landing on one helpline: their calls are added day by day and the
 * combined load is staffed once, because queues have economies of scale (two campaigns need fewer extra
 * agents together than the sum of what each needs alone). Calls on closed days roll forward.
 */
export function staffCombinedLoad(input: HelplineLoadInput): StaffedDays {
  const calendar = Array.isArray(input.bankHolidays)
    ? createWorkingCalendar(input.bankHolidays as readonly string[])
    : (input.bankHolidays as WorkingCalendar)
  const prepared = prepareHelpline(input.helpline)
  const load = loadFromDailyCalls(input.campaigns.flat())
  let from = input.from ? toDayNumber(input.from) : Infinity
  let to = input.to ? toDayNumber(input.to) : -Infinity
  let rolled: DayLoad = { start: 0, low: new Float64Array(0), central: new Float64Array(0), high: new Float64Array(0) }
  if (load) {
    rolled = rollForward(prepared, calendar, load)
    from = Math.min(from, rolled.start)
    to = Math.max(to, rolled.start + rolled.central.length - 1)
  }
  if (!Number.isFinite(from) || !Number.isFinite(to)) return { days: [], peakInterval: null }
  return staffDays(prepared, calendar, rolled, from, to)
}

// ---------------------------------------------------------------------------------------------
// Weeks

/** Groups daily rows into ISO weeks (Monday–Sunday), in date order. */
export function aggregateByIsoWeek(days: readonly HelplineDay[]): HelplineWeek[] {
  const weeks: HelplineWeek[] = []
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let current: HelplineWeek | null = null
  let currentStart = NaN
  const finish = (week: HelplineWeek) => {
    const k = week.openDays || 1
    week.requiredFte = sv(week.requiredFte.low / k, week.requiredFte.central / k, week.requiredFte.high / k)
    week.totalFte = sv(week.totalFte.low / k, week.totalFte.central / k, week.totalFte.high / k)
    week.availableFte /= k
    week.overCapacity = week.daysOverCapacity.central > 0
    weeks.push(week)
  }
  for (const day of sorted) {
    const n = toDayNumber(day.date)
    const start = n - weekdayOfDayNumber(n)
    if (current === null || start !== currentStart) {
      if (current) finish(current)
      currentStart = start
      current = {
        weekStart: fromDayNumber(start),
        weekEnd: fromDayNumber(start + 6),
        isoWeek: isoWeekLabel(day.date),
        days: 0,
        openDays: 0,
        calls: sv(0, 0, 0),
        baselineCalls: 0,
        agentHours: { baseline: 0, total: sv(0, 0, 0) },
        requiredFte: sv(0, 0, 0),
        totalFte: sv(0, 0, 0),
        peakTotalFte: sv(0, 0, 0),
        availableFte: 0,
        daysOverCapacity: sv(0, 0, 0),
        overCapacity: false,
      }
    }
    const week: HelplineWeek = current
    week.days++
    week.baselineCalls += day.baselineCalls
    week.agentHours.baseline += day.agentHours.baseline
    for (const s of ['low', 'central', 'high'] as const) {
      week.calls[s] += day.calls[s]
      week.agentHours.total[s] += day.agentHours.total[s]
      if (day.open) {
        week.requiredFte[s] += day.requiredFte[s]
        week.totalFte[s] += day.totalFte[s]
        if (day.totalFte[s] > week.peakTotalFte[s]) week.peakTotalFte[s] = day.totalFte[s]
        if (day.shortfallFte[s] > 0) week.daysOverCapacity[s]++
      }
    }
    if (day.open) {
      week.openDays++
      week.availableFte += day.availableFte
    }
  }
  if (current) finish(current)
  return weeks
}
