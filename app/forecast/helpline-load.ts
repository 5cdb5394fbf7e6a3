// Staffing one helpline for a stream of daily calls ("Staffing").
// Each day's calls are spread over the open half hours by the intraday profile; each half hour is staffed for
// baseline + campaign together, and the campaign's need is that less the staffing for baseline alone.
import { createWorkingCalendar, type WorkingCalendar } from './working-days'
import { fromDayNumber, isoWeekLabel, toDayNumber, weekdayOfDayNumber } from './dates'
import { agentsOf, resolveStaff, ruleOf, type StaffingRules } from './agent-cache'
import { intervalResult, noRules, outcomeMemo, OutcomeTally, rosterFor, type OutcomeRules, type Roster } from './outcomes'
import type {
  DailyCalls,
  ForecastHelpline,
  HelplineDay,
  HelplineWeek,
  IntervalDetail,
  Outcome,
  Outcomes,
  PeakInterval,
  RuleCounts,
  ScenarioValues,
} from './types'

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
  /** The weekday's weight: how busy the day is next to the others (baseline and, on days people can call, campaign). */
  weight: number
  baselineCalls: number
  /** Agents for the baseline alone in each open half hour, packed with their rule (agent-cache.ts). */
  baselineStaff: Int32Array
  /** Agents for the baseline alone in each open half hour. */
  baselineAgents: Int32Array
  baselineAgentHours: number
  baselineRules: RuleCounts
  /** The agents the available staff put on in each open half hour. */
  roster: Roster
  /** What the roster achieves on the baseline alone. */
  baselineOutcome: Outcome
  /** Outcomes already worked out for this roster, by the day's calls. */
  memo: Map<number, Outcome>
}

/** A helpline with everything that depends only on the weekday worked out once (baseline staffing included). */
export interface PreparedHelpline {
  helpline: ForecastHelpline
  /** Monday first; null when closed that weekday. */
  plans: (WeekdayPlan | null)[]
  rules: StaffingRules
  outcomeRules: OutcomeRules
  erlangA: boolean
}

function rulesOf(h: ForecastHelpline): StaffingRules {
  return {
    ahtSeconds: h.ahtSeconds,
    target: h.target,
    maxOccupancy: h.maxOccupancy,
    patienceSeconds: h.patienceSeconds,
    maxAbandonment: h.patienceSeconds ? (h.maxAbandonment ?? null) : null,
    maxAsaSeconds: h.maxAsaSeconds ?? null,
  }
}

/** Offered load in Erlangs of `calls` arriving in one half hour. */
function loadOf(h: ForecastHelpline, calls: number): number {
  return (calls * h.ahtSeconds) / INTERVAL_SECONDS
}

function countRules(staff: ArrayLike<number>): RuleCounts {
  const counts = noRules()
  for (let j = 0; j < staff.length; j++) counts[ruleOf(staff[j]!)]++
  return counts
}

export function prepareHelpline(helpline: ForecastHelpline): PreparedHelpline {
  const rules = rulesOf(helpline)
  const erlangA = !!helpline.patienceSeconds && helpline.patienceSeconds !== Infinity
  const outcomeRules: OutcomeRules = { ahtSeconds: helpline.ahtSeconds, withinSeconds: helpline.target.withinSeconds, patienceSeconds: erlangA ? helpline.patienceSeconds! : undefined }
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
    const weight = helpline.dayOfWeekWeights[w] ?? 1
    const width = shares.length
    plans.push({
      intervals,
      shares,
      weight: Number.isFinite(weight) && weight > 0 ? weight : 0,
      baselineCalls: helpline.baselineCallsPerDay * weight,
      baselineStaff: new Int32Array(width),
      baselineAgents: new Int32Array(width),
      baselineAgentHours: 0,
      baselineRules: noRules(),
      roster: { agents: new Int32Array(width), agentHours: 0 },
      baselineOutcome: new OutcomeTally(erlangA).result(),
      memo: new Map(),
    })
  }
  if (plans.every((p) => p === null)) throw new RangeError(`${helpline.name} is never open: give it opening hours`)
  // Baseline staffing for every weekday and half hour, in one batch.
  const loads = new Float64Array(7 * INTERVALS_PER_DAY)
  let count = 0
  for (const plan of plans) {
    if (plan) for (let j = 0; j < plan.shares.length; j++) loads[count++] = loadOf(helpline, plan.baselineCalls * plan.shares[j])
  }
  const staff = new Int32Array(count)
  resolveStaff(rules, loads, count, staff)
  count = 0
  for (const plan of plans) {
    if (!plan) continue
    for (let j = 0; j < plan.shares.length; j++) {
      plan.baselineStaff[j] = staff[count++]
      plan.baselineAgents[j] = agentsOf(plan.baselineStaff[j])
      plan.baselineAgentHours += plan.baselineAgents[j] * INTERVAL_HOURS
    }
    plan.baselineRules = countRules(plan.baselineStaff)
    // The staff are rostered as the helpline's usual calls need them; with no usual calls, as the calls come.
    const needs = plan.baselineAgentHours > 0 ? plan.baselineAgents : plan.shares
    plan.roster = rosterFor(helpline, needs)
    plan.memo = outcomeMemo(`${helpline.ahtSeconds}|${outcomeRules.withinSeconds}|${outcomeRules.patienceSeconds ?? ''}|${plan.shares.join(',')}|${plan.roster.agents.join(',')}`)
    plan.baselineOutcome = dayOutcome(helpline, outcomeRules, erlangA, plan, plan.baselineCalls)
  }
  return { helpline, plans, rules, outcomeRules, erlangA }
}

/** What the weekday's roster achieves with `calls` spread over the day by its profile. */
function dayOutcome(helpline: ForecastHelpline, rules: OutcomeRules, erlangA: boolean, plan: WeekdayPlan, calls: number): Outcome {
  const known = plan.memo.get(calls)
  if (known) return known
  const tally = new OutcomeTally(erlangA)
  for (let j = 0; j < plan.shares.length; j++) {
    const c = calls * plan.shares[j]
    const load = loadOf(helpline, c)
    const agents = plan.roster.agents[j]
    tally.add(c, load, agents, intervalResult(rules, load, agents))
  }
  const outcome = tally.result()
  plan.memo.set(calls, outcome)
  return outcome
}

/** Open: the helpline has hours that weekday and `day` is not one of its bank holidays. */
export function isOpenOn(prepared: PreparedHelpline, helplineCalendar: WorkingCalendar, day: number): boolean {
  return prepared.plans[weekdayOfDayNumber(day)] !== null && !helplineCalendar.isBankHolidayNumber(day)
}

/** The first day after `day` the helpline is open. */
function nextOpenDay(prepared: PreparedHelpline, helplineCalendar: WorkingCalendar, day: number): number {
  for (let d = day + 1, guard = 0; guard < 400; d++, guard++) if (isOpenOn(prepared, helplineCalendar, d)) return d
  throw new RangeError(`${prepared.helpline.name} has no open day within 400 days of ${fromDayNumber(day)}`)
}

/** Calls per day from `start`, one array per scenario (low, central, high), all the same length. */
export interface DayLoad {
  start: number
  low: Float64Array
  central: Float64Array
  high: Float64Array
  /**
   * The calls each day's central scenario is staffed for: the day's calls at the percentile the helpline staffs to
   * (see withPredictionInterval). Absent: the central calls. The calls reported stay `central`, the mean.
   */
  staffed?: Float64Array
}

/**
 * Where calls arriving on each day are answered. Campaign calls arrive on working days of the campaign's nation
 * (`arrivalCalendar`); the calls of a working day belong to it and to the non-working days up to the next working
 * day, and are shared among the days of that stretch the helpline opens (its own calendar) by their weekday
 * weights, so a helpline open on Saturdays takes a Saturday share of Friday's calls. A stretch the helpline is
 * closed throughout sends its calls to the helpline's next open day. Calls are conserved.
 */
export function placeOnOpenDays(prepared: PreparedHelpline, helplineCalendar: WorkingCalendar, arrivalCalendar: WorkingCalendar, load: DayLoad): DayLoad {
  const n = load.central.length
  let end = load.start + n - 1
  // (target day, share) pairs for each day with calls.
  const moves: { from: number; to: number[]; shares: number[] }[] = []
  const openDays: number[] = []
  for (let i = 0; i < n; i++) {
    if (load.low[i] === 0 && load.central[i] === 0 && load.high[i] === 0) continue
    const d = load.start + i
    openDays.length = 0
    let weights = 0
    for (let e = d; e === d || !arrivalCalendar.isWorkingDayNumber(e); e++) {
      if (e - d > 30) break
      if (!isOpenOn(prepared, helplineCalendar, e)) continue
      openDays.push(e)
      weights += prepared.plans[weekdayOfDayNumber(e)]!.weight
    }
    let to: number[]
    let shares: number[]
    if (openDays.length === 0) {
      to = [nextOpenDay(prepared, helplineCalendar, d)]
      shares = [1]
    } else if (openDays.length === 1 || !(weights > 0)) {
      // No weights to go by: the first open day takes them all, as a helpline closed at weekends would.
      to = [openDays[0]!]
      shares = [1]
    } else {
      to = [...openDays]
      shares = openDays.map((e) => prepared.plans[weekdayOfDayNumber(e)]!.weight / weights)
    }
    for (const t of to) if (t > end) end = t
    moves.push({ from: i, to, shares })
  }
  const length = end - load.start + 1
  const out: DayLoad = { start: load.start, low: new Float64Array(length), central: new Float64Array(length), high: new Float64Array(length) }
  for (const { from, to, shares } of moves) {
    for (let k = 0; k < to.length; k++) {
      const t = to[k]! - load.start
      const share = shares[k]!
      out.low[t] += load.low[from] * share
      out.central[t] += load.central[from] * share
      out.high[t] += load.high[from] * share
    }
  }
  return out
}

/**
 * The helpline's usual calls on an open day: its own, plus those of the days just before it that the helpline
 * would have opened but for a bank holiday (they ring again on the next open day). Weekdays it never opens bring
 * none: the weights describe open days.
 */
export function baselineOn(prepared: PreparedHelpline, helplineCalendar: WorkingCalendar, day: number): number {
  const plan = prepared.plans[weekdayOfDayNumber(day)]
  if (!plan) return 0
  let calls = plan.baselineCalls
  for (let d = day - 1, guard = 0; guard < 31 && !isOpenOn(prepared, helplineCalendar, d); d--, guard++) {
    const closed = prepared.plans[weekdayOfDayNumber(d)]
    if (closed && helplineCalendar.isBankHolidayNumber(d)) calls += closed.baselineCalls
  }
  return calls
}

const sv = (low: number, central: number, high: number): ScenarioValues => ({ low, central, high })

/** Every day's outcome fields, on stages whose outcomes nobody reads (the helpline calendar's lower stages). */
function notComputed(erlangA: boolean): Outcomes {
  const empty = new OutcomeTally(erlangA).result()
  return { baseline: empty, total: { low: empty, central: empty, high: empty } }
}

/** The first half hour in which callers hanging up is what meets the target: fewer agents than the load. */
export interface AbandonmentStaffing {
  date: string
  time: string
  agents: number
  loadErlangs: number
  /** Share of callers who hang up with that many agents. */
  abandonment: number
  /** Half hours like it in the days staffed (baseline + campaign, central). */
  intervals: number
}

export interface StaffedDays {
  days: HelplineDay[]
  /** Busiest half hour at the central rate, or null when the helpline is never open in the range. */
  peakInterval: PeakInterval | null
  /**
   * Erlang A without an abandonment limit: the first half hour staffed with no more agents than its load, so that
   * only callers hanging up keep the queue down. Null when there is none.
   */
  abandonmentStaffing: AbandonmentStaffing | null
}

export interface StaffDaysOptions {
  /** Work out what the available staff achieve (default true). */
  outcomes?: boolean
}

/**
 * Staffs every calendar day from `from` to `to` (day numbers, inclusive) for campaign calls already on open days
 * (see placeOnOpenDays), with the helpline's baseline on each open day (see baselineOn). Calls outside `load`'s span
 * count as 0.
 */
export function staffDays(
  prepared: PreparedHelpline,
  helplineCalendar: WorkingCalendar,
  load: DayLoad,
  from: number,
  to: number,
  options: StaffDaysOptions = {},
): StaffedDays {
  const withOutcomes = options.outcomes !== false
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
  // What each scenario is staffed for: the central scenario staffs to the helpline's chosen percentile of the day's
  // calls, while the calls reported stay the mean.
  const staffIn = [load.low, load.staffed ?? load.central, load.high]
  const staffCallsOn = (s: number, d: number) => {
    const i = d - load.start
    return i >= 0 && i < n ? staffIn[s][i] : 0
  }
  const span = to - from + 1
  const baselineOf = new Float64Array(Math.max(span, 0))

  // Pass 1: the load of every half hour not already staffed by its weekday's plan, so all are staffed in one batch.
  let pending = 0
  for (let d = from; d <= to; d++) {
    const plan = prepared.plans[weekdayOfDayNumber(d)]
    if (plan === null || helplineCalendar.isBankHolidayNumber(d)) continue
    const baseline = baselineOn(prepared, helplineCalendar, d)
    baselineOf[d - from] = baseline
    const carried = baseline !== plan.baselineCalls
    if (carried) pending += plan.shares.length
    for (let s = 0; s < 3; s++) if (carried || staffCallsOn(s, d) !== 0) pending += plan.shares.length
  }
  const loads = new Float64Array(pending)
  let q = 0
  for (let d = from; d <= to; d++) {
    const plan = prepared.plans[weekdayOfDayNumber(d)]
    if (plan === null || helplineCalendar.isBankHolidayNumber(d)) continue
    const baseline = baselineOf[d - from]
    const carried = baseline !== plan.baselineCalls
    if (carried) for (let j = 0; j < plan.shares.length; j++) loads[q++] = loadOf(h, baseline * plan.shares[j])
    for (let s = 0; s < 3; s++) {
      const campaign = staffCallsOn(s, d)
      if (!carried && campaign === 0) continue
      const total = baseline + campaign
      for (let j = 0; j < plan.shares.length; j++) loads[q++] = loadOf(h, total * plan.shares[j])
    }
  }
  const staffNeeded = new Int32Array(pending)
  resolveStaff(prepared.rules, loads, pending, staffNeeded)

  // Pass 2: the day rows.
  const dayCalls = [0, 0, 0]
  const staffCalls = [0, 0, 0]
  const hours = [0, 0, 0]
  const peakAgents = [0, 0, 0]
  const peakExtra = [0, 0, 0]
  const unused = withOutcomes ? null : notComputed(prepared.erlangA)
  const watchAbandonment = prepared.erlangA && prepared.rules.maxAbandonment == null
  let abandonmentStaffing: AbandonmentStaffing | null = null
  let abandonmentIntervals = 0
  q = 0
  for (let d = from; d <= to; d++) {
    const w = weekdayOfDayNumber(d)
    const plan = prepared.plans[w]
    const open = plan !== null && !helplineCalendar.isBankHolidayNumber(d)
    for (let s = 0; s < 3; s++) {
      dayCalls[s] = callsOn(s, d)
      staffCalls[s] = staffCallsOn(s, d)
    }
    const date = fromDayNumber(d)
    if (!open || plan === null) {
      if (dayCalls[0] || dayCalls[1] || dayCalls[2] || staffCalls[1]) throw new RangeError(`${h.name} is closed on ${date}: place calls on open days first`)
      const closedOutcome = unused ?? notComputed(prepared.erlangA)
      days.push({
        date,
        weekday: w,
        open: false,
        calls: sv(0, 0, 0),
        staffedCalls: 0,
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
        availableAgentHours: 0,
        outcome: closedOutcome,
        bindingRules: noRules(),
      })
      continue
    }

    const width = plan.shares.length
    const baselineCalls = baselineOf[d - from]
    const carried = baselineCalls !== plan.baselineCalls
    let baselineStaff: Int32Array = plan.baselineStaff
    let baselineHours = plan.baselineAgentHours
    if (carried) {
      baselineStaff = staffNeeded.subarray(q, q + width)
      q += width
      baselineHours = 0
      for (let j = 0; j < width; j++) baselineHours += agentsOf(baselineStaff[j]) * INTERVAL_HOURS
    }
    let centralPeakPos = 0
    let centralStaff: ArrayLike<number> = baselineStaff
    const scenarioStaff: ArrayLike<number>[] = [baselineStaff, baselineStaff, baselineStaff]
    for (let s = 0; s < 3; s++) {
      let agentSum = 0
      let best = -1
      let bestExtra = 0
      const fromBatch = carried || staffCalls[s] !== 0
      const staff = fromBatch ? staffNeeded.subarray(q, q + width) : baselineStaff
      if (fromBatch) q += width
      scenarioStaff[s] = staff
      for (let j = 0; j < width; j++) {
        const agents = agentsOf(staff[j])
        agentSum += agents
        const extra = agents - agentsOf(baselineStaff[j])
        if (extra > bestExtra) bestExtra = extra
        if (agents > best) {
          best = agents
          if (s === 1) centralPeakPos = j
        }
      }
      if (s === 1) centralStaff = staff
      hours[s] = agentSum * INTERVAL_HOURS
      peakAgents[s] = best
      peakExtra[s] = bestExtra
    }

    let outcome: Outcomes
    if (unused) outcome = unused
    else {
      const baselineOutcome = carried ? dayOutcome(h, prepared.outcomeRules, prepared.erlangA, plan, baselineCalls) : plan.baselineOutcome
      const total = (s: number) => (staffCalls[s] === 0 ? baselineOutcome : dayOutcome(h, prepared.outcomeRules, prepared.erlangA, plan, baselineCalls + staffCalls[s]))
      outcome = { baseline: baselineOutcome, total: { low: total(0), central: total(1), high: total(2) } }
    }

    if (watchAbandonment) {
      for (let j = 0; j < width; j++) {
        const agents = agentsOf(centralStaff[j])
        const offered = loadOf(h, (baselineCalls + staffCalls[1]) * plan.shares[j])
        if (offered > 0 && agents <= offered) {
          abandonmentIntervals++
          if (abandonmentStaffing === null) {
            const r = intervalResult(prepared.outcomeRules, offered, agents)
            abandonmentStaffing = { date, time: intervalLabel(plan.intervals[j]), agents, loadErlangs: offered, abandonment: r.abandonment, intervals: 0 }
          }
        }
      }
    }

    const baselineFte = fte(baselineHours)
    const totalFte = sv(fte(hours[0]), fte(hours[1]), fte(hours[2]))
    const available = h.availableFte
    const time = intervalLabel(plan.intervals[centralPeakPos])
    days.push({
      date,
      weekday: w,
      open: true,
      calls: sv(dayCalls[0], dayCalls[1], dayCalls[2]),
      staffedCalls: staffCalls[1],
      baselineCalls,
      agentHours: { baseline: baselineHours, total: sv(hours[0], hours[1], hours[2]) },
      baselineFte,
      requiredFte: sv(fte(hours[0] - baselineHours), fte(hours[1] - baselineHours), fte(hours[2] - baselineHours)),
      totalFte,
      availableFte: available,
      shortfallFte: sv(totalFte.low - available, totalFte.central - available, totalFte.high - available),
      peakAgents: sv(peakAgents[0], peakAgents[1], peakAgents[2]),
      peakCampaignAgents: sv(peakExtra[0], peakExtra[1], peakExtra[2]),
      peakInterval: time,
      availableAgentHours: plan.roster.agentHours,
      outcome,
      bindingRules: centralStaff === plan.baselineStaff ? plan.baselineRules : countRules(centralStaff),
    })
    if (peak === null || peakAgents[1] > peak.agents) {
      peak = {
        helplineId: h.id,
        date,
        time,
        agents: peakAgents[1],
        campaignAgents: peakAgents[1] - agentsOf(baselineStaff[centralPeakPos]),
        bindingRule: ruleOf(centralStaff[centralPeakPos]),
      }
    }
  }
  if (abandonmentStaffing) abandonmentStaffing.intervals = abandonmentIntervals
  return { days, peakInterval: peak, abandonmentStaffing }
}

/**
 * Open days' half hours at the central rate: calls, agents needed and what set them, the agents available and what
 * they achieve. `campaignCalls(day)` gives a day's campaign calls already on open days (placeOnOpenDays). All the
 * days' half hours are staffed in one batch, as staffDays does.
 */
export function openDayIntervals(
  prepared: PreparedHelpline,
  helplineCalendar: WorkingCalendar,
  days: readonly number[],
  campaignCalls: (day: number) => number,
): { day: number; intervals: IntervalDetail[] }[] {
  const h = prepared.helpline
  const open = days
    .map((day) => ({ day, plan: prepared.plans[weekdayOfDayNumber(day)] ?? null }))
    .filter((d): d is { day: number; plan: WeekdayPlan } => d.plan !== null && !helplineCalendar.isBankHolidayNumber(d.day))
  let count = 0
  for (const d of open) count += 2 * d.plan.shares.length
  const loads = new Float64Array(count)
  let q = 0
  const totals = open.map(({ day, plan }) => {
    const baseline = baselineOn(prepared, helplineCalendar, day)
    const campaign = campaignCalls(day)
    for (let j = 0; j < plan.shares.length; j++) {
      loads[q++] = loadOf(h, baseline * plan.shares[j])
      loads[q++] = loadOf(h, (baseline + campaign) * plan.shares[j])
    }
    return { baseline, campaign }
  })
  const staff = new Int32Array(count)
  resolveStaff(prepared.rules, loads, count, staff)
  q = 0
  return open.map(({ day, plan }, k) => {
    const { baseline, campaign } = totals[k]!
    const intervals: IntervalDetail[] = []
    for (let j = 0; j < plan.shares.length; j++, q += 2) {
      const agentsAvailable = plan.roster.agents[j]
      const r = intervalResult(prepared.outcomeRules, loads[q + 1], agentsAvailable)
      intervals.push({
        time: intervalLabel(plan.intervals[j]),
        baselineCalls: baseline * plan.shares[j],
        campaignCalls: campaign * plan.shares[j],
        agentsBaseline: agentsOf(staff[q]),
        agentsRequired: agentsOf(staff[q + 1]),
        bindingRule: ruleOf(staff[q + 1]),
        agentsAvailable,
        serviceLevel: r.serviceLevel,
        asaSeconds: r.asaSeconds === Infinity ? null : r.asaSeconds,
        abandonmentRate: prepared.erlangA ? r.abandonment : null,
      })
    }
    return { day, intervals }
  })
}

/** One open day's half hours (see openDayIntervals); none when the helpline is closed that day. */
export function dayIntervals(prepared: PreparedHelpline, helplineCalendar: WorkingCalendar, day: number, campaignCalls: number): IntervalDetail[] {
  return openDayIntervals(prepared, helplineCalendar, [day], () => campaignCalls)[0]?.intervals ?? []
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
  /** The campaigns' nation's bank holidays (YYYY-MM-DD), or a calendar already built from them. */
  bankHolidays: readonly string[] | WorkingCalendar
  /** The bank holidays the helpline closes on; absent: the same as `bankHolidays`. */
  helplineBankHolidays?: readonly string[] | WorkingCalendar | null
  /** Each campaign's daily calls for this helpline (for example HelplineForecast.days mapped to DailyCalls). */
  campaigns: readonly (readonly DailyCalls[])[]
  /** Report at least from/to these dates, even without calls. */
  from?: string | null
  to?: string | null
}

function calendarOf(value: readonly string[] | WorkingCalendar): WorkingCalendar {
  return Array.isArray(value) ? createWorkingCalendar(value as readonly string[]) : (value as WorkingCalendar)
}

/**
 * Staffing for several campaigns landing on one helpline: their calls are added day by day and the
 * combined load is staffed once, because queues have economies of scale (two campaigns need fewer extra
 * agents together than the sum of what each needs alone). Calls are first placed on the days the helpline opens.
 */
export function staffCombinedLoad(input: HelplineLoadInput): StaffedDays {
  const calendar = calendarOf(input.bankHolidays)
  const helplineCalendar = input.helplineBankHolidays ? calendarOf(input.helplineBankHolidays) : calendar
  const prepared = prepareHelpline(input.helpline)
  const load = loadFromDailyCalls(input.campaigns.flat())
  let from = input.from ? toDayNumber(input.from) : Infinity
  let to = input.to ? toDayNumber(input.to) : -Infinity
  let rolled: DayLoad = { start: 0, low: new Float64Array(0), central: new Float64Array(0), high: new Float64Array(0) }
  if (load) {
    rolled = placeOnOpenDays(prepared, helplineCalendar, calendar, load)
    from = Math.min(from, rolled.start)
    to = Math.max(to, rolled.start + rolled.central.length - 1)
  }
  if (!Number.isFinite(from) || !Number.isFinite(to)) return { days: [], peakInterval: null, abandonmentStaffing: null }
  return staffDays(prepared, helplineCalendar, rolled, from, to)
}

// ---------------------------------------------------------------------------------------------
// Weeks

/** Groups daily rows into ISO weeks (Monday–Sunday), in date order. */
export function aggregateByIsoWeek(days: readonly HelplineDay[]): HelplineWeek[] {
  const weeks: HelplineWeek[] = []
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let current: HelplineWeek | null = null
  let currentStart = NaN
  let tallies: OutcomeTally[] = []
  const finish = (week: HelplineWeek) => {
    week.outcome = { low: tallies[0]!.result(), central: tallies[1]!.result(), high: tallies[2]!.result() }
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
        outcome: undefined as unknown as HelplineWeek['outcome'],
      }
      const erlangA = day.outcome.baseline.abandoned !== null
      tallies = [new OutcomeTally(erlangA), new OutcomeTally(erlangA), new OutcomeTally(erlangA)]
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
      tallies[0]!.addOutcome(day.outcome.total.low)
      tallies[1]!.addOutcome(day.outcome.total.central)
      tallies[2]!.addOutcome(day.outcome.total.high)
    }
  }
  if (current) finish(current)
  return weeks
}
