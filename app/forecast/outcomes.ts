// What the staff a helpline has achieve: the agents available in each half hour, the service level, ASA and
// abandonment they give, and how half hours add up to days, weeks and a whole campaign. Pure, like the engine.
//
// docs/forecasting.md ("Outcomes with the staff available") explains the roster and the sums.
import { teamFigures, type BindingRule, type TeamFigures } from './erlang'
import type { Outcome, RuleCounts } from './types'

/** Half an hour, in hours. */
const INTERVAL_HOURS = 0.5

/** The agents the available staff put on the phones in each open half hour of one weekday. */
export interface Roster {
  agents: Int32Array
  /** Σ agents × ½ h: the agent-hours the roster holds. */
  agentHours: number
}

/**
 * Spreads one day's available agent-hours, availableFte × paid hours × (1 − shrinkage), over the open half hours in
 * proportion to `weights` (the agents the helpline's usual calls need in each), never putting more agents on at
 * once than availableFte × (1 − shrinkage). Whole agents, by largest remainders, so the hours add up.
 */
export function rosterFor(
  helpline: { availableFte: number; paidHoursPerFtePerDay: number; shrinkage: number },
  weights: ArrayLike<number>,
): Roster {
  const count = weights.length
  const agents = new Int32Array(count)
  if (count === 0) return { agents, agentHours: 0 }
  const onShift = helpline.availableFte * (1 - helpline.shrinkage)
  const atOnce = Math.floor(onShift + 1e-9)
  let slots = (onShift * helpline.paidHoursPerFtePerDay) / INTERVAL_HOURS
  if (!(slots > 0) || atOnce === 0) return { agents, agentHours: 0 }
  slots = Math.min(slots, atOnce * count)
  let largest = 0
  for (let j = 0; j < count; j++) if (weights[j]! > largest) largest = weights[j]!
  // Weights relative to the largest, so the sums below stay finite however small or large they are. Nothing to
  // follow (no usual calls): spread evenly.
  const w = (j: number) => (largest > 0 ? Math.max(weights[j]!, 0) / largest : 1)

  // Water-filling: half hours whose share would exceed `atOnce` are capped, and the rest share what is left.
  const share = new Float64Array(count)
  const capped = new Uint8Array(count)
  let remaining = slots
  for (let pass = 0; pass <= count; pass++) {
    let active = 0
    for (let j = 0; j < count; j++) if (!capped[j]) active += w(j)
    if (!(active > 0)) break
    const perWeight = remaining / active
    let newlyCapped = false
    for (let j = 0; j < count; j++) {
      const weight = w(j)
      if (capped[j] || weight === 0 || weight * perWeight <= atOnce) continue
      capped[j] = 1
      share[j] = atOnce
      remaining -= atOnce
      newlyCapped = true
    }
    if (!newlyCapped) {
      for (let j = 0; j < count; j++) if (!capped[j]) share[j] = w(j) === 0 ? 0 : w(j) * perWeight
      break
    }
  }

  // Whole agents: floors, then the agents left over go to the largest remainders (earliest first on a tie).
  let total = 0
  let floors = 0
  for (let j = 0; j < count; j++) {
    agents[j] = Math.floor(share[j]! + 1e-9)
    total += share[j]!
    floors += agents[j]!
  }
  let extra = Math.round(total) - floors
  if (extra > 0) {
    const order = Array.from({ length: count }, (_, j) => j).sort((a, b) => share[b]! - agents[b]! - (share[a]! - agents[a]!) || a - b)
    for (const j of order) {
      if (extra === 0) break
      if (agents[j]! < atOnce) {
        agents[j]!++
        extra--
      }
    }
  }
  let agentHours = 0
  for (let j = 0; j < count; j++) agentHours += agents[j]! * INTERVAL_HOURS
  return { agents, agentHours }
}

/** The figures outcome sums need from one half hour, with a given team (overloaded: asaSeconds is Infinity). */
export type IntervalResult = TeamFigures

export interface OutcomeRules {
  ahtSeconds: number
  withinSeconds: number
  /** Undefined: Erlang C. */
  patienceSeconds: number | undefined
}

/** One half hour's outcome for `load` Erlangs offered to `agents` agents. */
export function intervalResult(rules: OutcomeRules, load: number, agents: number): IntervalResult {
  return teamFigures(load, agents, rules.ahtSeconds, rules.withinSeconds, rules.patienceSeconds)
}

// What a weekday's roster achieved for a day's calls, kept per roster between forecasts: a what-if that changes one
// figure recomputes only the days it moves (the others' calls are the same numbers, so the same outcomes).
const MAX_ROSTERS = 64
// A forecast asks a roster about some 200 days and scenarios; a larger memo finds few more answers, and every
// lookup into it costs more (it starts afresh when full).
const MAX_DAYS_PER_ROSTER = 2_000
const dayOutcomes = new Map<string, Map<number, Outcome>>()

/**
 * The remembered outcomes of one roster: `key` names everything a day's outcome depends on besides its calls (the
 * rules, the half hours' shares and the agents on each).
 */
export function outcomeMemo(key: string): Map<number, Outcome> {
  let memo = dayOutcomes.get(key)
  if (memo) {
    dayOutcomes.delete(key)
    if (memo.size > MAX_DAYS_PER_ROSTER) memo = new Map()
  } else memo = new Map()
  dayOutcomes.set(key, memo)
  if (dayOutcomes.size > MAX_ROSTERS) dayOutcomes.delete(dayOutcomes.keys().next().value as string)
  return memo
}

/** Forgets every remembered outcome (benchmarks use it to time a cold start). */
export function clearOutcomeMemo(): void {
  dayOutcomes.clear()
}

/** Running sums over half hours, from which an Outcome is read. Merge days into weeks with `addOutcome`. */
export class OutcomeTally {
  calls = 0
  answered = 0
  abandoned = 0
  answeredWithin = 0
  answeredWait = 0
  agentHours = 0
  busyHours = 0
  overloadedIntervals = 0
  constructor(readonly erlangA: boolean) {}

  /** One half hour: `calls` offered, `load` Erlangs of them, on `agents` agents, with its result. */
  add(calls: number, load: number, agents: number, r: IntervalResult): void {
    const answered = calls * (1 - r.abandonment)
    this.calls += calls
    this.answered += answered
    this.abandoned += calls - answered
    this.answeredWithin += calls * r.serviceLevel
    this.agentHours += agents * INTERVAL_HOURS
    this.busyHours += Math.min(load * (1 - r.abandonment), agents) * INTERVAL_HOURS
    if (r.asaSeconds === Infinity) this.overloadedIntervals++
    else this.answeredWait += answered * r.asaSeconds
  }

  /** Adds a whole outcome already summed (another day, say). */
  addOutcome(o: Outcome): void {
    this.calls += o.calls
    this.answered += o.answered
    this.abandoned += o.abandoned ?? 0
    this.answeredWithin += o.serviceLevel * o.calls
    this.agentHours += o.agentHours
    this.busyHours += o.busyHours
    this.overloadedIntervals += o.overloadedIntervals
    if (o.asaSeconds !== null) this.answeredWait += o.asaSeconds * o.answered
  }

  result(): Outcome {
    return {
      calls: this.calls,
      answered: this.answered,
      serviceLevel: this.calls > 0 ? Math.min(1, this.answeredWithin / this.calls) : 1,
      asaSeconds: this.overloadedIntervals > 0 ? null : this.answered > 0 ? this.answeredWait / this.answered : 0,
      abandoned: this.erlangA ? this.abandoned : null,
      abandonmentRate: this.erlangA ? (this.calls > 0 ? this.abandoned / this.calls : 0) : null,
      occupancy: this.agentHours > 0 ? this.busyHours / this.agentHours : 0,
      agentHours: this.agentHours,
      busyHours: this.busyHours,
      overloadedIntervals: this.overloadedIntervals,
    }
  }
}

export function noRules(): RuleCounts {
  return { target: 0, occupancy: 0, abandonment: 0, asa: 0 }
}

/** The rule that set most half hours' staffing (the earlier rule on a tie), or null when there are none. */
export function mainRule(counts: RuleCounts): BindingRule | null {
  let best: BindingRule | null = null
  for (const rule of ['target', 'occupancy', 'abandonment', 'asa'] as const) {
    if (counts[rule] > 0 && (best === null || counts[rule] > counts[best])) best = rule
  }
  return best
}
