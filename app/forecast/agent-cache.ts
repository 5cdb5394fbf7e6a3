// Agents needed for many loads at once, with as few Erlang evaluations as possible.
//
// For one helpline's rules (AHT, target, occupancy cap, patience) the agents needed are a non-decreasing step
// function of the offered load: more load never needs fewer agents. So once two loads are known to need the same
// number of agents, every load between them needs that number too. resolveAgents() sorts a batch of loads and
// bisects it, calling Erlang only where the answer can still change; a forecast of six months at half-hour
// intervals then costs a few thousand Erlang evaluations instead of tens of thousands. The samples are kept per
// rule set between calls, so a live what-if recompute mostly finds its answers already bracketed.
//
// The rule that sets the number (see erlang.ts, BindingRule) rides along: each rule's own requirement rises with
// load, so two loads with the same number AND the same rule have that number and rule for every load between them.
// A sample is stored as agents × 4 + the rule's index, and brackets compare those.
import { BINDING_RULES, requiredStaff, type BindingRule } from './erlang'
import type { ServiceTarget } from './types'

export interface StaffingRules {
  ahtSeconds: number
  target: ServiceTarget
  maxOccupancy: number
  patienceSeconds: number | null
  maxAbandonment?: number | null
  maxAsaSeconds?: number | null
}

/** Sorted samples of the step function load → (agents, rule) for one set of rules. */
interface AgentCurve {
  rules: StaffingRules
  loads: Float64Array
  /** agents × 4 + rule index */
  agents: Int32Array
  size: number
}

const RULES = BINDING_RULES.length

/** The rule packed into a resolved value. */
export function ruleOf(packed: number): BindingRule {
  return BINDING_RULES[packed % RULES]!
}

/** The agents packed into a resolved value. */
export function agentsOf(packed: number): number {
  return Math.floor(packed / RULES)
}

const MAX_CURVES = 64
const MAX_SAMPLES = 200_000
const curves = new Map<string, AgentCurve>()
let erlangEvaluations = 0

function keyOf(r: StaffingRules): string {
  return `${r.ahtSeconds}|${r.target.percent}|${r.target.withinSeconds}|${r.maxOccupancy}|${r.patienceSeconds ?? ''}|${r.maxAbandonment ?? ''}|${r.maxAsaSeconds ?? ''}`
}

function curveFor(rules: StaffingRules): AgentCurve {
  const key = keyOf(rules)
  let curve = curves.get(key)
  if (curve) {
    // Refresh its place so that the least recently used set of rules is the one dropped.
    curves.delete(key)
    curves.set(key, curve)
    return curve
  }
  curve = { rules: { ...rules, target: { ...rules.target } }, loads: new Float64Array(0), agents: new Int32Array(0), size: 0 }
  curves.set(key, curve)
  if (curves.size > MAX_CURVES) curves.delete(curves.keys().next().value as string)
  return curve
}

// Bounds on the answer that the samples give, for evaluate(): agents never fall as the load rises.
let atLeast = 0
let atMost = 0

function evaluate(rules: StaffingRules, load: number): number {
  if (!(load > 0)) return 0 // no agents, and the target is trivially met
  erlangEvaluations++
  const { agents, rule } = requiredStaff(load, rules, atMost > 0 ? { atLeast, atMost } : { atLeast, atMost: 0 })
  return agents * RULES + BINDING_RULES.indexOf(rule)
}

/** The packed answer for `load` if the samples already settle it, else -1 (and atLeast, atMost set from them). */
function fromSamples(curve: AgentCurve, load: number): number {
  const { loads, agents, size } = curve
  let lo = 0
  let hi = size
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (loads[mid] < load) lo = mid + 1
    else hi = mid
  }
  if (lo < size && loads[lo] === load) return agents[lo]
  if (lo > 0 && lo < size && agents[lo - 1] === agents[lo]) return agents[lo]
  atLeast = lo > 0 ? agentsOf(agents[lo - 1]) : 0
  atMost = lo < size ? agentsOf(agents[lo]) : 0
  return -1
}

function addSamples(curve: AgentCurve, newLoads: number[], newAgents: number[]): void {
  if (newLoads.length === 0) return
  const order = newLoads.map((_, i) => i).sort((a, b) => newLoads[a] - newLoads[b])
  let size = curve.size + newLoads.length
  if (size > MAX_SAMPLES) {
    curve.size = 0
    size = newLoads.length
  }
  const loads = new Float64Array(size)
  const agents = new Int32Array(size)
  let i = 0
  let j = 0
  let k = 0
  while (i < curve.size || j < order.length) {
    if (j >= order.length || (i < curve.size && curve.loads[i] <= newLoads[order[j]])) {
      loads[k] = curve.loads[i]
      agents[k++] = curve.agents[i++]
    } else {
      loads[k] = newLoads[order[j]]
      agents[k++] = newAgents[order[j++]]
    }
  }
  curve.loads = loads
  curve.agents = agents
  curve.size = k
}

/**
 * Fills out[i] with the smallest number of agents meeting the rules for loads[i] (Erlangs), for i < count, packed
 * with the rule that set it (agentsOf, ruleOf). Exactly what requiredStaff() returns for each load, found with far
 * fewer evaluations.
 */
export function resolveStaff(rules: StaffingRules, loads: Float64Array, count: number, out: Int32Array): void {
  if (count === 0) return
  const curve = curveFor(rules)
  const sorted = loads.slice(0, count).sort()
  // Unique loads, ascending.
  let m = 0
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]
  const unique = sorted.subarray(0, m)
  const answer = new Int32Array(m).fill(-1)
  const newLoads: number[] = []
  const newAgents: number[] = []
  const valueAt = (i: number, below: number, above: number) => {
    if (answer[i] >= 0) return answer[i]
    let a = fromSamples(curve, unique[i])
    if (a < 0) {
      // The batch's own answers either side may be closer than the stored samples.
      if (below >= 0) atLeast = Math.max(atLeast, agentsOf(answer[below]))
      if (above >= 0 && (atMost === 0 || agentsOf(answer[above]) < atMost)) atMost = agentsOf(answer[above])
      a = evaluate(rules, unique[i])
      newLoads.push(unique[i])
      newAgents.push(a)
    }
    answer[i] = a
    return a
  }
  valueAt(0, -1, -1)
  valueAt(m - 1, 0, -1)
  const stack = [0, m - 1]
  while (stack.length) {
    const hi = stack.pop()!
    const lo = stack.pop()!
    if (hi - lo <= 1) continue
    if (answer[lo] === answer[hi]) {
      answer.fill(answer[lo], lo + 1, hi)
      continue
    }
    const mid = (lo + hi) >>> 1
    valueAt(mid, lo, hi)
    stack.push(lo, mid, mid, hi)
  }
  addSamples(curve, newLoads, newAgents)
  for (let i = 0; i < count; i++) {
    const load = loads[i]
    let lo = 0
    let hi = m - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (unique[mid] < load) lo = mid + 1
      else hi = mid
    }
    out[i] = answer[lo]
  }
}

/** Fills out[i] with the agents alone for loads[i]: resolveStaff without the rules. */
export function resolveAgents(rules: StaffingRules, loads: Float64Array, count: number, out: Int32Array): void {
  resolveStaff(rules, loads, count, out)
  for (let i = 0; i < count; i++) out[i] = agentsOf(out[i]!)
}

/** Agents and the rule that set them for a single load, through the same cache. */
export function staffForLoad(rules: StaffingRules, load: number): { agents: number; rule: BindingRule } {
  const out = new Int32Array(1)
  resolveStaff(rules, Float64Array.of(load), 1, out)
  return { agents: agentsOf(out[0]!), rule: ruleOf(out[0]!) }
}

/** Agents for a single load, through the same cache. */
export function agentsForLoad(rules: StaffingRules, load: number): number {
  return staffForLoad(rules, load).agents
}

/** Forgets every cached sample (benchmarks use it to time a cold start). */
export function clearAgentCache(): void {
  curves.clear()
}

/** How many times Erlang has been evaluated since the module loaded. */
export function erlangEvaluationCount(): number {
  return erlangEvaluations
}
