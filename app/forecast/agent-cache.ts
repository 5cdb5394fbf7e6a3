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

/**
 * What is known of the step function load → (agents, rule) for one set of rules, as runs: every sample with the
 * same packed answer as its neighbours folds into one run from the smallest load to the largest, since every load
 * between two samples with the same answer has that answer too. A load inside a run is settled; a load between
 * two runs lies between two different answers, which bound the search for it. There are about as many runs as
 * distinct answers (one per agent count the loads need: a couple of thousand for the largest helplines), however
 * many loads were sampled.
 */
interface AgentCurve {
  rules: StaffingRules
  /** Smallest and largest sampled load of each run, ascending, runs not overlapping. */
  from: Float64Array
  to: Float64Array
  /** agents × 4 + rule index */
  agents: Int32Array
  size: number
  /**
   * index[b] is the first run whose largest load is at or above b ÷ scale, for loads from 0 to the largest run's:
   * a lookup starts there instead of bisecting every run. Null until a batch needs it after the runs change.
   */
  index: Int32Array | null
  scale: number
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
// A run costs 20 bytes and 16 more in the index: 64 curves of 50,000 runs stay under 120 MB at worst.
const MAX_RUNS = 50_000
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
  curve = { rules: { ...rules, target: { ...rules.target } }, from: new Float64Array(0), to: new Float64Array(0), agents: new Int32Array(0), size: 0, index: null, scale: 0 }
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

/** The first run whose largest load is at or above `load` (curve.size when none is). */
function runAtOrAbove(curve: AgentCurve, load: number): number {
  const to = curve.to
  let lo = 0
  let hi = curve.size
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (to[mid]! < load) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The packed answer for `load` if the samples already settle it, else -1 (and atLeast, atMost set from them). */
function fromSamples(curve: AgentCurve, load: number): number {
  const r = runAtOrAbove(curve, load)
  if (r < curve.size && curve.from[r]! <= load) return curve.agents[r]!
  atLeast = r > 0 ? agentsOf(curve.agents[r - 1]!) : 0
  atMost = r < curve.size ? agentsOf(curve.agents[r]!) : 0
  return -1
}

/** Merges new samples (loads no run holds) into the runs. */
function addSamples(curve: AgentCurve, newLoads: number[], newAgents: number[]): void {
  if (newLoads.length === 0) return
  const order = newLoads.map((_, i) => i).sort((a, b) => newLoads[a]! - newLoads[b]!)
  let old = curve.size
  let capacity = old + newLoads.length
  if (capacity > MAX_RUNS) {
    old = 0
    capacity = newLoads.length
  }
  const from = new Float64Array(capacity)
  const to = new Float64Array(capacity)
  const agents = new Int32Array(capacity)
  let size = 0
  const append = (lo: number, hi: number, packed: number) => {
    if (size > 0 && agents[size - 1] === packed) to[size - 1] = hi
    else {
      from[size] = lo
      to[size] = hi
      agents[size++] = packed
    }
  }
  let i = 0
  let j = 0
  while (i < old || j < order.length) {
    if (j >= order.length || (i < old && curve.from[i]! <= newLoads[order[j]!]!)) {
      append(curve.from[i]!, curve.to[i]!, curve.agents[i]!)
      i++
    } else {
      const load = newLoads[order[j++]!]!
      append(load, load, newAgents[order[j - 1]!]!)
    }
  }
  curve.from = from
  curve.to = to
  curve.agents = agents
  curve.size = size
  curve.index = null
}

/** About this many index entries per run: most entries then point at the run their loads fall in, or the one before. */
const INDEX_PER_RUN = 4

function indexOf(curve: AgentCurve): Int32Array {
  if (curve.index) return curve.index
  const { to, size } = curve
  const last = to[size - 1]!
  const entries = INDEX_PER_RUN * size + 1
  // With no load above 0 sampled, every load the index is asked about is 0, and entry 0 (run 0) answers it.
  const scale = last > 0 ? (entries - 1) / last : 0
  const index = new Int32Array(entries)
  let r = 0
  for (let b = 0; b < entries; b++) {
    const load = scale > 0 ? b / scale : 0
    while (r < size - 1 && to[r]! < load) r++
    index[b] = r
  }
  curve.index = index
  curve.scale = scale
  return index
}

// Reused between calls: which loads of a batch the runs did not settle.
let unsettledScratch = new Int32Array(1024)

/**
 * Fills out[i] with the smallest number of agents meeting the rules for loads[i] (Erlangs), for i < count, packed
 * with the rule that set it (agentsOf, ruleOf). Exactly what requiredStaff() returns for each load, found with far
 * fewer evaluations.
 */
export function resolveStaff(rules: StaffingRules, loads: Float64Array, count: number, out: Int32Array): void {
  if (count === 0) return
  const curve = curveFor(rules)
  // Most loads of a recompute fall inside a run: settle those straight away, and bisect only the rest.
  if (unsettledScratch.length < count) unsettledScratch = new Int32Array(Math.max(count, unsettledScratch.length * 2))
  const unsettled = unsettledScratch
  let pending = 0
  {
    const { from, to, agents, size } = curve
    if (size > 0) {
      const index = indexOf(curve)
      const last = to[size - 1]!
      const scale = curve.scale
      for (let i = 0; i < count; i++) {
        const load = loads[i]!
        // The first run whose largest load is at or above `load`: the index puts it a step or two away.
        let r = size
        if (load <= last) {
          r = index[Math.min(Math.max(Math.floor(load * scale), 0), index.length - 1)]!
          while (r > 0 && to[r - 1]! >= load) r--
          while (to[r]! < load) r++
        }
        if (r < size && from[r]! <= load) out[i] = agents[r]!
        else unsettled[pending++] = i
      }
    } else {
      for (let i = 0; i < count; i++) unsettled[pending++] = i
    }
  }
  if (pending === 0) return
  const sorted = new Float64Array(pending)
  for (let k = 0; k < pending; k++) sorted[k] = loads[unsettled[k]!]!
  sorted.sort()
  // Unique loads, ascending.
  let m = 0
  for (let i = 0; i < pending; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!
  const unique = sorted.subarray(0, m)
  const answer = new Int32Array(m).fill(-1)
  const newLoads: number[] = []
  const newAgents: number[] = []
  const valueAt = (i: number, below: number, above: number) => {
    if (answer[i]! >= 0) return answer[i]!
    let a = fromSamples(curve, unique[i]!)
    if (a < 0) {
      // The batch's own answers either side may be closer than the stored samples.
      if (below >= 0) atLeast = Math.max(atLeast, agentsOf(answer[below]!))
      if (above >= 0 && (atMost === 0 || agentsOf(answer[above]!) < atMost)) atMost = agentsOf(answer[above]!)
      a = evaluate(rules, unique[i]!)
      newLoads.push(unique[i]!)
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
      answer.fill(answer[lo]!, lo + 1, hi)
      continue
    }
    const mid = (lo + hi) >>> 1
    valueAt(mid, lo, hi)
    stack.push(lo, mid, mid, hi)
  }
  addSamples(curve, newLoads, newAgents)
  for (let k = 0; k < pending; k++) {
    const i = unsettled[k]!
    const load = loads[i]!
    let lo = 0
    let hi = m - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (unique[mid]! < load) lo = mid + 1
      else hi = mid
    }
    out[i] = answer[lo]!
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
