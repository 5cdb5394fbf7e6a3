// Staffing maths for the forecast ("Staffing" and "Checkable core").
//
// Two queueing models, both with Poisson arrivals, exponential handle times and first-come-first-served:
//   - Erlang C (M/M/n): callers wait for as long as it takes.
//   - Erlang A (M/M/n+M, "Palm/Erlang-A"): each caller has an exponential patience with the given mean and
//     hangs up when it runs out. Used whenever a patience is given.
//
// Everything is computed in floating point without factorials or powers: Erlang B by its recursion, and the
// Erlang A sums in log space, so that 5,000+ agents are as accurate as 5. docs/forecast-maths.md has the
// derivations and sources.
//
// This module is pure (no imports) because it also runs in the browser while a designer types.

export interface StaffingTarget {
  /** Service-level percentage, 0–100 (80 means 80%). 100 cannot be met by any finite team; see staffing(). */
  percent: number
  /** Answer within this many seconds. */
  withinSeconds: number
}

/** What can set the number of agents, in the order a tie is reported. */
export const BINDING_RULES = ['target', 'occupancy', 'abandonment', 'asa'] as const
/**
 * The rule that set a staffing figure: the one that one agent fewer would break. `target`: the service-level target
 * (and, under Erlang C, having more agents than the load); `occupancy`: the occupancy cap; `abandonment`: the
 * maximum abandonment rate; `asa`: the maximum ASA.
 */
export type BindingRule = (typeof BINDING_RULES)[number]

/** Everything that decides how many agents a half hour needs, apart from its load. */
export interface StaffingRules {
  ahtSeconds: number
  target: StaffingTarget
  /** As StaffingInput.maxOccupancy; null or omitted: no cap. */
  maxOccupancy?: number | null
  /** As StaffingInput.patienceSeconds; null or omitted: Erlang C. */
  patienceSeconds?: number | null
  /** Erlang A only: the most callers who may hang up, as a fraction of those offered (0.05 = 5%). */
  maxAbandonment?: number | null
  /** The most mean wait of answered calls, in seconds. */
  maxAsaSeconds?: number | null
}

export interface StaffingInput {
  /** Arrivals in the interval; may be fractional, must be >= 0. */
  calls: number
  /** Length of the interval, e.g. 1800 for a half hour. */
  intervalSeconds: number
  /** Average handle time (talk + wrap). */
  ahtSeconds: number
  target: StaffingTarget
  /**
   * Occupancy cap. Read as a fraction when <= 1 and as a percent when > 1, so 0.7 and 70 both mean 70%
   * (and 1 means 100%, not 1%). Omit for no cap.
   */
  maxOccupancy?: number
  /** Mean caller patience. When given and > 0 the model is Erlang A; omitted, 0 or Infinity means Erlang C. */
  patienceSeconds?: number
  /** Erlang A only: the most callers who may hang up, as a fraction (0.05 = 5%). Omit for no limit. */
  maxAbandonment?: number
  /** The most mean wait of answered calls, in seconds. Omit for no limit. */
  maxAsaSeconds?: number
}

export interface PerformanceInput {
  calls: number
  intervalSeconds: number
  ahtSeconds: number
  /** Whole number of agents on the phones, >= 0. */
  agents: number
  withinSeconds: number
  patienceSeconds?: number
}

export interface Performance {
  agents: number
  /** Share of callers who find every agent busy (PASTA: the share of time all agents are busy). */
  probabilityOfWaiting: number
  /**
   * Share of ALL offered calls answered within withinSeconds. Under Erlang A a caller who hangs up has not
   * been answered, so counts against the service level however soon they hung up.
   */
  serviceLevel: number
  /**
   * Average speed of answer: the mean wait of the calls that are answered, counting those answered at once as zero.
   * Under Erlang A the callers who hang up are left out, as telephony reports leave them out; with no agents nobody
   * is answered and it is 0.
   */
  asaSeconds: number
  /** Share of agents' time spent handling calls: offered load / agents (Erlang C), answered load / agents (A). */
  occupancy: number
  /** Erlang A only: share of offered calls that hang up before being answered. */
  abandonment?: number
  /** Erlang C: agents > offered load (otherwise the queue grows without limit). Erlang A is always stable. */
  stable: boolean
  /** Set by staffing(): the returned team meets the service-level target and every cap given. */
  targetMet?: boolean
  /** Set by staffing(): the rule that one agent fewer would break. */
  bindingRule?: BindingRule
}

// Comparisons with a target allow this much slack, so a target met exactly (7 Erlangs on 10 agents against a 70%
// cap) is not missed because of rounding in the last bit.
const SLACK = 1e-12
// No finite team answers 100% within any time (someone always risks a wait), so targets are chased up to this.
const MAX_SERVICE_LEVEL = 1 - 1e-9
// A team this large is a data error, not a plan: refuse rather than loop for minutes.
const MAX_AGENTS = 10_000_000

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI)

// ---------------------------------------------------------------------------------------------------------------
// Inputs

/** Offered load in Erlangs: the average number of calls in progress if nobody ever waited. */
export function offeredLoad(calls: number, intervalSeconds: number, ahtSeconds: number): number {
  requireNumber('calls', calls, 0)
  requirePositive('intervalSeconds', intervalSeconds)
  requireNumber('ahtSeconds', ahtSeconds, 0)
  return (calls * ahtSeconds) / intervalSeconds
}

/** The occupancy cap as a fraction in (0, 1]: values > 1 are percents (70 → 0.7); undefined means no cap. */
export function occupancyFraction(maxOccupancy?: number): number {
  if (maxOccupancy == null) return 1
  if (!Number.isFinite(maxOccupancy) || maxOccupancy <= 0 || maxOccupancy > 100) {
    throw new RangeError(`maxOccupancy must be a fraction in (0, 1] or a percent in (1, 100]; got ${maxOccupancy}`)
  }
  return maxOccupancy > 1 ? maxOccupancy / 100 : maxOccupancy
}

function requireNumber(name: string, value: number, min: number): void {
  if (!Number.isFinite(value) || value < min) throw new RangeError(`${name} must be a finite number >= ${min}; got ${value}`)
}

function requirePositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a finite number > 0; got ${value}`)
}

function targetFraction(target: StaffingTarget): number {
  if (target == null) throw new RangeError('target is required')
  if (!Number.isFinite(target.percent) || target.percent < 0 || target.percent > 100) {
    throw new RangeError(`target.percent must be between 0 and 100; got ${target.percent}`)
  }
  requireNumber('target.withinSeconds', target.withinSeconds, 0)
  return Math.min(target.percent / 100, MAX_SERVICE_LEVEL)
}

/** Mean patience in seconds, or undefined for Erlang C (omitted, null, 0 or Infinity). */
function patienceOf(patienceSeconds: number | null | undefined): number | undefined {
  if (patienceSeconds == null || patienceSeconds === 0 || patienceSeconds === Infinity) return undefined
  requirePositive('patienceSeconds', patienceSeconds)
  return patienceSeconds
}

function clamp01(v: number): number {
  return v <= 0 ? 0 : v >= 1 ? 1 : v
}

// ---------------------------------------------------------------------------------------------------------------
// Erlang B and C

/**
 * Erlang B blocking probability for `agents` servers and `load` Erlangs, by B(0) = 1,
 * B(n) = A·B(n−1) / (n + A·B(n−1)). Every step stays in [0, 1], so it neither overflows nor loses accuracy.
 */
export function erlangB(agents: number, load: number): number {
  if (agents <= RECURSION_UP_TO || !(load > 0)) {
    let b = 1
    for (let k = 1; k <= agents; k++) {
      const ab = load * b
      b = ab / (k + ab)
    }
    return b
  }
  return agents <= load ? erlangBBelowLoad(agents, load) : erlangBAboveLoad(agents, load)
}

// Up to this many agents the recursion is as cheap as anything else; above it, B comes from a sum whose length
// grows like √n rather than n, which is what makes evaluating thousands of half hours affordable.
const RECURSION_UP_TO = 150

/**
 * B(n, A) for n <= A from 1/B = Σ_{j=0}^{n} Π_{i<j} (n − i)/A. Every ratio is at most 1 and they fall, so the terms
 * only shrink and summation stops once they are below the last bit (about 9·√A terms at worst, at n = A).
 */
function erlangBBelowLoad(n: number, load: number): number {
  let term = 1
  let sum = 1
  for (let j = 0; j < n; j++) {
    term *= (n - j) / load
    sum += term
    if (term <= 1e-17 * sum) break
  }
  return 1 / sum
}

/**
 * B(n, A) for n > A as the Poisson ratio pmf(n) / cdf(n), with cdf(n) = 1 − pmf(n)·U and
 * U = Σ_{j≥1} Π_{i=1..j} A/(n + i) (whose ratios are below 1 and falling). pmf(n) comes from Loader's saddle-point
 * form, exact to a few ulps however large n and A are. The upper tail pmf·U is at most about ½ here, so 1 − pmf·U
 * does not cancel.
 */
function erlangBAboveLoad(n: number, load: number): number {
  const pmf = Math.exp(-stirlerr(n) - bd0(n, load)) / Math.sqrt(2 * Math.PI * n)
  // pmf·U < pmf·(n + 1)/(n + 1 − A): when that is below the last bit, B is pmf to double precision.
  if (pmf * (n + 1) <= 1e-17 * (n + 1 - load)) return pmf
  let term = 1
  let upper = 0
  for (let j = 1; ; j++) {
    term *= load / (n + j)
    upper += term
    if (term <= 1e-17 * upper || j > 100_000_000) break
  }
  return pmf / (1 - pmf * upper)
}

/** Erlang C probability of waiting; 1 when agents <= load (the queue never clears). */
export function erlangC(agents: number, load: number): number {
  if (!(load > 0)) return 0
  if (agents <= load) return 1
  return erlangCFromB(agents, load, erlangB(agents, load))
}

// C = n·B / (n − A(1 − B)); the denominator is positive whenever n > A.
function erlangCFromB(n: number, load: number, b: number): number {
  return (n * b) / (n - load * (1 - b))
}

function erlangCPerformance(n: number, load: number, aht: number, within: number, b: number): Performance {
  const c = clamp01(erlangCFromB(n, load, b))
  return {
    agents: n,
    probabilityOfWaiting: c,
    serviceLevel: clamp01(1 - c * Math.exp((-(n - load) * within) / aht)),
    asaSeconds: (c * aht) / (n - load),
    occupancy: load / n,
    stable: true,
  }
}

// Smallest n with n > A, A/n <= cap, SL(n) >= target and ASA(n) <= the ASA cap: B comes straight from erlangB() at
// the first candidate, then the recursion steps up one agent at a time, so the cost is that of the answer's
// neighbourhood rather than of the answer.
function solveErlangC(load: number, aht: number, within: number, sl: number, cap: number, maxAsa: number | null, bounds: StaffBounds | undefined): Solved {
  const nMin = Math.max(Math.floor(load) + 1, Math.ceil((load / cap) * (1 - SLACK)), bounds ? bounds.atLeast : 0)
  if (nMin > MAX_AGENTS) throw new RangeError(`more than ${MAX_AGENTS} agents needed for ${load} Erlangs`)
  let previous = erlangB(nMin - 1, load)
  for (let n = nMin; n <= MAX_AGENTS; n++) {
    const ab = load * previous
    const b = ab / (n + ab)
    const c = erlangCFromB(n, load, b)
    const meetsTarget = 1 - c * Math.exp((-(n - load) * within) / aht) >= sl - SLACK
    const meetsAsa = maxAsa === null || (c * aht) / (n - load) <= maxAsa * (1 + SLACK)
    if (meetsTarget && meetsAsa) {
      return { performance: erlangCPerformance(n, load, aht, within, b), rule: erlangCRule(n - 1, load, aht, within, sl, cap, previous) }
    }
    previous = b
  }
  throw new RangeError(`more than ${MAX_AGENTS} agents needed for ${load} Erlangs`)
}

/** Which rule one agent fewer (m = n − 1, with Erlang B value b) breaks, in the order of BINDING_RULES. */
function erlangCRule(m: number, load: number, aht: number, within: number, sl: number, cap: number, b: number): BindingRule {
  if (m <= load) return 'target'
  const c = erlangCFromB(m, load, b)
  if (1 - c * Math.exp((-(m - load) * within) / aht) < sl - SLACK) return 'target'
  if (load / m > cap * (1 + SLACK)) return 'occupancy'
  return 'asa'
}

interface Solved {
  performance: Performance
  rule: BindingRule
}

/**
 * What is already known about the answer: the agents needed for a smaller load (at least as many are needed) and
 * for a larger one (that many are enough). The agent cache passes them to narrow the search.
 */
export interface StaffBounds {
  atLeast: number
  atMost: number
}

// ---------------------------------------------------------------------------------------------------------------
// Erlang A (M/M/n+M)
//
// With λ arrivals/s, μ = 1/AHT, θ = 1/patience, write x = nμ/θ and y = λ/θ. Above n busy agents the birth–death
// weights relative to state n are t_k = y^k / ((x+1)(x+2)…(x+k)), so with E = Erlang B(n, λ/μ):
//   π_n      = E / (1 + E·S),           S = Σ_{k≥1} t_k              (S + 1 is M–Z's A(x, y))
//   P(W>0)   = π_n (1 + S)
//   P(Ab)    = θ E[queue] / λ = π_n Q / y, Q = Σ_{k≥1} k·t_k
// An arrival finding k callers ahead reaches an agent after a sum of exponentials with rates nμ + jθ (j = 0..k);
// summing those densities over k gives the density of the offered wait V on {V > 0}:
//   g(v) = π_n nμ e^{−nμv} exp(y(1 − e^{−θv})),
// and a caller is answered iff V <= patience, so
//   P(answered after t) = ∫_t^∞ g(v) e^{−θv} dv = π_n · x/(x+1) · e^{y−z} (z/y)^{x+1} · M(x+1, z),  z = y e^{−θt}
//   SL(t) = 1 − P(Ab) − P(answered after t),
// where M(a, z) = Σ_{k≥0} z^k / ((a+1)…(a+k)) = a e^z z^{−a} γ(a, z) (γ the lower incomplete gamma function).
// These agree with Mandelbaum & Zeltyn (2007) for P(W>0) and P(Ab); the SL is our own definition (see Performance).

interface ErlangAFigures {
  probabilityOfWaiting: number
  serviceLevel: number
  abandonment: number
  asaSeconds: number
  occupancy: number
}

/** `withAsa` false skips the answered calls' ASA (reported as NaN), which a search that does not cap it never reads. */
function erlangAFigures(n: number, load: number, aht: number, patience: number, within: number, b: number, withAsa = true): ErlangAFigures {
  if (n === 0) return { probabilityOfWaiting: 1, serviceLevel: 0, abandonment: 1, asaSeconds: 0, occupancy: 1 }
  const theta = 1 / patience
  const x = (n * patience) / aht
  const y = (load * patience) / aht
  // A load so small that λ/θ underflows has no queue to speak of (and log 0 would poison the sums).
  if (!(y > 0)) return { probabilityOfWaiting: 0, serviceLevel: 1, abandonment: 0, asaSeconds: 0, occupancy: 0 }
  if (b === 0) return { probabilityOfWaiting: 0, serviceLevel: 1, abandonment: 0, asaSeconds: 0, occupancy: clamp01(load / n) }
  if (y < x) {
    // With far more agents than calls, the weights above n fall at least as fast as r^k, r = y/(x+1), so
    // S <= r/(1−r) and Q <= r/(1−r)². Then P(W>0) <= b·(1+S), P(Ab) <= b·Q/y and the answered ASA <= P(Ab)·patience
    // / P(answered). When those bounds are below the last bit of the figures they bound, the sums cannot change
    // them: skip them.
    const r = y / (x + 1)
    const waitBound = b / (1 - r)
    const abandonBound = (b * r) / ((1 - r) * (1 - r) * y)
    if (waitBound < 1e-17 && abandonBound * patience < 1e-13) {
      return { probabilityOfWaiting: b, serviceLevel: 1, abandonment: 0, asaSeconds: 0, occupancy: clamp01(load / n) }
    }
  }
  const { logS, logQ, logW } = queueSums(x, y, withAsa)
  const logB = Math.log(b)
  const logPiN = logB - softplus(logB + logS)
  const abandonment = clamp01(Math.exp(logPiN + logQ - Math.log(y)))
  // Answered callers' mean wait: π_n · (x / (θ·y)) · W / P(answered); x / y = n / A (see "ASA of answered calls").
  const answered = 1 - abandonment
  const asaSeconds = !withAsa ? NaN : answered > 0 ? (Math.exp(logPiN + Math.log(n / load) + logW) * patience) / answered : 0
  const thetaT = theta * within
  const z = y * Math.exp(-thetaT)
  const logLate = logPiN + Math.log(x / (x + 1)) - y * Math.expm1(-thetaT) - (x + 1) * thetaT + logKummer(x + 1, z)
  return {
    probabilityOfWaiting: clamp01(Math.exp(logPiN + softplus(logS))),
    serviceLevel: clamp01(1 - abandonment - Math.exp(logLate)),
    abandonment,
    asaSeconds,
    occupancy: clamp01((load * answered) / n),
  }
}

/**
 * log S, log Q and log W for the queue states above n busy agents (see the block comment above), where
 * W = Σ_{k≥0} t_{k+1}·D_k and D_k = Σ_{j=0}^{k} 1/(x + j + 1) carries the answered callers' waits.
 */
function queueSums(x: number, y: number, withWaits: boolean): { logS: number; logQ: number; logW: number } {
  if (y < x + 1) {
    const { s, q, w } = kummerSeries(x, y, withWaits)
    return { logS: Math.log(s), logQ: Math.log(q), logW: withWaits ? Math.log(w) : NaN }
  }
  // Here y > x: the weights first grow, so go through the incomplete gamma function. M = 1 + S >= 2, and the
  // identity (x+k)·t_k = y·t_{k−1} gives Q = y + (y − x)·S, a sum of positive terms.
  const logM = logKummerLarge(x, y)
  const logS = logM + Math.log(-Math.expm1(-logM))
  return { logS, logQ: logAddExp(Math.log(y), Math.log(y - x) + logS), logW: withWaits ? logWaitSumLarge(x, y) : NaN }
}

/**
 * log W for y >= x + 1, summed term by term: the terms grow until k ≈ y − x and then fall, so this takes about
 * y − x + 9·√y terms. They are rescaled as they grow, so nothing overflows.
 */
function logWaitSumLarge(x: number, y: number): number {
  let t = 1
  let d = 0
  let w = 0
  let logScale = 0
  for (let k = 1; k <= MAX_TERMS; k++) {
    t *= y / (x + k)
    d += 1 / (x + k)
    w += t * d
    if (t > 1e250) {
      t *= 1e-250
      w *= 1e-250
      logScale += 250 * Math.LN10
    }
    const r = y / (x + k + 1)
    if (r < 1 && t * r * (d + 1 / ((x + k) * (1 - r))) <= 1e-17 * w * (1 - r)) break
  }
  return Math.log(w) + logScale
}

/** log M(a, z) = log Σ_{k≥0} z^k / ((a+1)…(a+k)). */
function logKummer(a: number, z: number): number {
  return z < a + 1 ? Math.log1p(kummerSeries(a, z, false).s) : logKummerLarge(a, z)
}

const MAX_TERMS = 50_000_000

/**
 * s = Σ_{k≥1} t_k and q = Σ_{k≥1} k·t_k with t_k = z^k / ((a+1)…(a+k)), for z < a + 1, where every term ratio
 * is below 1 and falling, and with `withWaits` also w = Σ_{k≥1} t_k·D_{k−1}, D_{k−1} = Σ_{j=1}^{k} 1/(a + j).
 * Each term is at most 1, so plain summation neither overflows nor cancels. Stops when a geometric bound on every
 * tail is below the last bit.
 */
function kummerSeries(a: number, z: number, withWaits: boolean): { s: number; q: number; w: number } {
  let t = 1
  let s = 0
  let q = 0
  let d = 0
  let w = 0
  for (let k = 1; k <= MAX_TERMS; k++) {
    t *= z / (a + k)
    s += t
    q += k * t
    if (withWaits) {
      d += 1 / (a + k)
      w += t * d
    }
    if (t === 0) break
    const r = z / (a + k + 1) // ratio bound for the rest of s
    const rq = (r * (k + 1)) / k // ratio bound for the rest of q (it falls with k too)
    // D grows by less than 1/(a + k) a term, so the rest of w is below t·r/(1 − r)·(D + 1/((a + k)(1 − r))).
    const wDone = !withWaits || t * r * (d + 1 / ((a + k) * (1 - r))) <= 1e-17 * w * (1 - r)
    if (rq < 1 && t * k * rq <= 1e-17 * q * (1 - rq) && t * r <= 1e-17 * s * (1 - r) && wDone) break
    if (k === MAX_TERMS) throw new Error(`Erlang A series did not converge (a=${a}, z=${z})`)
  }
  return { s, q, w }
}

/**
 * log M(a, z) for z >= a + 1 via M = e^z z^{−a} Γ(a+1) · P(a, z), P the regularised lower incomplete gamma
 * function. log(e^z z^{−a} Γ(a+1)) is taken as bd0 + Stirling so it stays exact when a and z are both huge,
 * and 1 − P(a, z) = Q(a, z) <= ~1/2 here comes from the continued fraction, so log1p(−Q) does not cancel.
 */
function logKummerLarge(a: number, z: number): number {
  if (a === 0) return z
  const logG = bd0(a, z) + LN_SQRT_2PI + 0.5 * Math.log(a) + stirlerr(a)
  const upperQ = a * upperGammaCF(a, z) * Math.exp(-logG)
  return logG + Math.log1p(-upperQ)
}

/**
 * e^z z^{−a} Γ(a, z) by the continued fraction for the upper incomplete gamma function (modified Lentz,
 * Numerical Recipes §6.2). Converges for z > a + 1.
 */
function upperGammaCF(a: number, z: number): number {
  const tiny = 1e-300
  let b = z + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let i = 1; i <= MAX_TERMS; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-16) return h
  }
  throw new Error(`incomplete gamma continued fraction did not converge (a=${a}, z=${z})`)
}

/** x·log(x/np) + np − x without cancellation when x ≈ np (Loader 2000, as in R's dpois). */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    const v = (x - np) / (x + np)
    const v2 = v * v
    let s = (x - np) * v
    let ej = 2 * x * v
    for (let j = 1; j < 1000; j++) {
      ej *= v2
      const next = s + ej / (2 * j + 1)
      if (next === s) return next
      s = next
    }
    return s
  }
  return x * Math.log(x / np) + np - x
}

/** log Γ(n+1) − (n + ½)·log n + n − log √(2π): Stirling's error term (Loader 2000). */
function stirlerr(n: number): number {
  if (n > 15) {
    const nn = n * n
    return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / nn) / nn) / nn) / nn) / n
  }
  return lnGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]

/** log Γ(x) for x >= 0.5 (Lanczos, g = 7); only used for small arguments, where it is good to ~1e-15. */
function lnGamma(x: number): number {
  const xm1 = x - 1
  let s = LANCZOS[0]!
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i]! / (xm1 + i)
  const t = xm1 + 7.5
  return LN_SQRT_2PI + (xm1 + 0.5) * Math.log(t) - t + Math.log(s)
}

/** log(1 + e^v) without overflow. */
function softplus(v: number): number {
  return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v))
}

function logAddExp(a: number, b: number): number {
  const hi = Math.max(a, b)
  if (hi === -Infinity) return -Infinity
  return hi + Math.log1p(Math.exp(Math.min(a, b) - hi))
}

/**
 * Erlang B values for one load from `from` upwards: the first from erlangB(), the rest by the recursion, extended on
 * demand so a search can probe any n >= from without starting again.
 */
function erlangBTable(load: number, from: number): (n: number) => number {
  const values = [erlangB(from, load)]
  return (n) => {
    for (let k = from + values.length; k <= n; k++) {
      const ab = load * values[k - from - 1]!
      values.push(ab / (k + ab))
    }
    return values[n - from]!
  }
}

// Smallest n meeting the SL target and every cap under Erlang A. The SL rises and occupancy, abandonment and the
// answered calls' ASA fall with n, so gallop up from a lower bound and then bisect: O(log) evaluations, each
// costing O(√x) terms at worst.
function solveErlangA(
  load: number,
  aht: number,
  patience: number,
  within: number,
  sl: number,
  cap: number,
  maxAbandonment: number | null,
  maxAsa: number | null,
  bounds: StaffBounds | undefined,
): Solved {
  // Answered calls cannot exceed the agents' capacity, so SL <= n/A: fewer than sl·A agents always fail.
  const n0 = Math.max(1, Math.ceil(sl * load * (1 - SLACK)))
  const start = Math.max(n0, bounds ? bounds.atLeast : 0)
  const bAt = erlangBTable(load, start - 1)
  const figuresAt = (n: number) => erlangAFigures(n, load, aht, patience, within, bAt(n), maxAsa !== null)
  const broken = (f: ErlangAFigures): BindingRule | null => {
    if (f.serviceLevel < sl - SLACK) return 'target'
    if (f.occupancy > cap * (1 + SLACK)) return 'occupancy'
    if (maxAbandonment !== null && f.abandonment > maxAbandonment + SLACK) return 'abandonment'
    if (maxAsa !== null && f.asaSeconds > maxAsa * (1 + SLACK)) return 'asa'
    return null
  }
  let lo = start - 1 // largest n known to fail
  let atLo: ErlangAFigures | null = null
  let hi = bounds && bounds.atMost > lo ? bounds.atMost : start
  let atHi = figuresAt(hi)
  for (let step = 1; broken(atHi) !== null; step *= 2) {
    lo = hi
    atLo = atHi
    hi = lo + step
    if (hi > MAX_AGENTS) throw new RangeError(`more than ${MAX_AGENTS} agents needed for ${load} Erlangs`)
    atHi = figuresAt(hi)
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2)
    const atMid = figuresAt(mid)
    if (broken(atMid) === null) {
      hi = mid
      atHi = atMid
    } else {
      lo = mid
      atLo = atMid
    }
  }
  // One agent fewer than the answer breaks at least one rule; below n0 it is the target, by the bound above.
  if (atLo === null && lo >= n0) atLo = figuresAt(lo)
  const rule = atLo ? (broken(atLo) ?? 'target') : 'target'
  const figures = maxAsa !== null ? atHi : erlangAFigures(hi, load, aht, patience, within, bAt(hi))
  return { performance: { agents: hi, ...figures, stable: true }, rule }
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

function idle(agents: number, erlangA: boolean): Performance {
  const p: Performance = { agents, probabilityOfWaiting: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, stable: true }
  if (erlangA) p.abandonment = 0
  return p
}

function optionalLimit(name: string, value: number | null | undefined): number | null {
  if (value == null) return null
  requireNumber(name, value, 0)
  return value
}

function solve(load: number, rules: StaffingRules, bounds?: StaffBounds): Solved {
  requireNumber('loadErlangs', load, 0)
  const sl = targetFraction(rules.target)
  const cap = occupancyFraction(rules.maxOccupancy ?? undefined)
  const patience = patienceOf(rules.patienceSeconds)
  const maxAbandonment = optionalLimit('maxAbandonment', rules.maxAbandonment)
  const maxAsa = optionalLimit('maxAsaSeconds', rules.maxAsaSeconds)
  if (load === 0) return { performance: idle(0, patience !== undefined), rule: 'target' }
  requirePositive('ahtSeconds', rules.ahtSeconds)
  const within = rules.target.withinSeconds
  // Erlang C has no abandonment to limit: every caller waits until answered.
  return patience === undefined
    ? solveErlangC(load, rules.ahtSeconds, within, sl, cap, maxAsa, bounds)
    : solveErlangA(load, rules.ahtSeconds, patience, within, sl, cap, maxAbandonment, maxAsa, bounds)
}

/**
 * The fast path for the forecast engine: the smallest whole number of agents that meets the service-level target
 * and the occupancy cap for `loadErlangs` of offered load. Erlang C starts from Erlang B at the first candidate and
 * steps up from there; Erlang A (patienceSeconds > 0) bisects.
 */
export function requiredAgents(
  loadErlangs: number,
  ahtSeconds: number,
  target: StaffingTarget,
  maxOccupancy?: number,
  patienceSeconds?: number,
): number {
  return solve(loadErlangs, { ahtSeconds, target, maxOccupancy, patienceSeconds }).performance.agents
}

/**
 * The smallest number of agents meeting every rule for `loadErlangs` of offered load, and the rule that set it.
 * `bounds`, when given, must be true of the answer (see StaffBounds); they only make the search shorter.
 */
export function requiredStaff(loadErlangs: number, rules: StaffingRules, bounds?: StaffBounds): { agents: number; rule: BindingRule } {
  const { performance, rule } = solve(loadErlangs, rules, bounds)
  return { agents: performance.agents, rule }
}

/**
 * The smallest team meeting the service-level target, the occupancy cap and any abandonment or ASA cap, with its
 * figures and the rule that set it. Under Erlang C the team is always stable (agents > load). A 100% target is
 * chased to within 1e-9 and then reports targetMet false, since no finite team guarantees it.
 */
export function staffing(input: StaffingInput): Performance {
  const load = offeredLoad(input.calls, input.intervalSeconds, input.ahtSeconds)
  const { performance: result, rule } = solve(load, input)
  const cap = occupancyFraction(input.maxOccupancy)
  result.targetMet = result.serviceLevel >= input.target.percent / 100 - SLACK && result.occupancy <= cap * (1 + SLACK)
  result.bindingRule = rule
  return result
}

/**
 * How a given team performs. Erlang C with agents <= load is unstable: everyone waits, the service level is 0,
 * the ASA is Infinity and occupancy is 1. Erlang A is always stable; with no agents everyone abandons.
 */
export function performance(input: PerformanceInput): Performance {
  const load = offeredLoad(input.calls, input.intervalSeconds, input.ahtSeconds)
  const n = input.agents
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`agents must be a whole number >= 0; got ${n}`)
  requireNumber('withinSeconds', input.withinSeconds, 0)
  return performanceAtLoad(load, n, input.ahtSeconds, input.withinSeconds, patienceOf(input.patienceSeconds))
}

/** What a team achieves, as the engine sums it over half hours. */
export interface TeamFigures {
  serviceLevel: number
  /** The answered calls' mean wait; Infinity when an Erlang C queue grows without limit. */
  asaSeconds: number
  /** 0 under Erlang C. */
  abandonment: number
}

const IDLE: TeamFigures = Object.freeze({ serviceLevel: 1, asaSeconds: 0, abandonment: 0 })
const OVERLOADED: TeamFigures = Object.freeze({ serviceLevel: 0, asaSeconds: Infinity, abandonment: 0 })

/**
 * performanceAtLoad() cut down to what the engine's outcome sums read, for checked input: it is called for every
 * open half hour of a forecast, so it builds one small object and nothing else.
 */
export function teamFigures(load: number, agents: number, ahtSeconds: number, withinSeconds: number, patienceSeconds: number | undefined): TeamFigures {
  if (load === 0) return IDLE
  const b = erlangB(agents, load)
  if (patienceSeconds !== undefined) return erlangAFigures(agents, load, ahtSeconds, patienceSeconds, withinSeconds, b)
  if (agents <= load) return OVERLOADED
  const c = clamp01(erlangCFromB(agents, load, b))
  return { serviceLevel: clamp01(1 - c * Math.exp((-(agents - load) * withinSeconds) / ahtSeconds)), asaSeconds: (c * ahtSeconds) / (agents - load), abandonment: 0 }
}

/**
 * performance() for an offered load in Erlangs, for callers that have already checked their input (the engine
 * evaluates thousands of half hours this way). `patienceSeconds` undefined means Erlang C.
 */
export function performanceAtLoad(load: number, agents: number, ahtSeconds: number, withinSeconds: number, patienceSeconds: number | undefined): Performance {
  if (load === 0) return idle(agents, patienceSeconds !== undefined)
  const b = erlangB(agents, load)
  if (patienceSeconds !== undefined) {
    return { agents, ...erlangAFigures(agents, load, ahtSeconds, patienceSeconds, withinSeconds, b), stable: true }
  }
  if (agents <= load) {
    return { agents, probabilityOfWaiting: 1, serviceLevel: 0, asaSeconds: Infinity, occupancy: 1, stable: false }
  }
  return erlangCPerformance(agents, load, ahtSeconds, withinSeconds, b)
}
