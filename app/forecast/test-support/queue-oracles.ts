// Independent oracles for the queueing maths, shared by the unit tests of erlang.ts and simulate.ts. None of them
// shares code or formulas with the modules under test: they work from the definitions of the queues.

/** log k! by summing logs (no Gamma function, no recursion shared with the module). */
export function logFactorials(upTo: number): Float64Array {
  const out = new Float64Array(upTo + 1)
  for (let k = 1; k <= upTo; k++) out[k] = out[k - 1]! + Math.log(k)
  return out
}

export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!)
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max)
  return max + Math.log(sum)
}

/** Erlang C straight from its textbook definition, with every term A^k/k! taken in log space. */
export function erlangCDirect(n: number, load: number): number {
  const lf = logFactorials(n)
  const terms: number[] = []
  for (let k = 0; k < n; k++) terms.push(k * Math.log(load) - lf[k]!)
  const top = n * Math.log(load) - lf[n]! + Math.log(n / (n - load))
  terms.push(top)
  return Math.exp(top - logSumExp(terms))
}

export interface ChainSolution {
  /** Stationary probabilities of 0, 1, 2, … callers in the system. */
  pi: Float64Array
  /** Share of arrivals who find every agent busy (PASTA). */
  pWait: number
  /** Share of arrivals who hang up: θ·E[queue] / λ. */
  pAbandon: number
  meanQueue: number
  /** Mean wait of the callers who are answered (those answered at once count as 0). */
  answeredWait: number
}

/**
 * The M/M/n+M birth–death chain solved numerically: birth λ, death min(j,n)·μ + max(j−n,0)·θ, truncated once the
 * weights are 1e-35 of the largest and falling. θ = 0 is not allowed (use a very large patience for Erlang C).
 *
 * The answered callers' mean wait comes from a first-step analysis of a caller who finds k callers waiting ahead:
 * with m still ahead, the next event comes at rate R = nμ + mθ + θ, and it is one step forward with probability
 * (nμ + mθ)/R (a service completion or someone ahead hanging up), or the caller's own hang-up otherwise.
 */
export function solveChain(lambda: number, mu: number, theta: number, n: number): ChainSolution {
  const logW: number[] = [0]
  let max = 0
  for (let j = 1; ; j++) {
    const death = Math.min(j, n) * mu + Math.max(j - n, 0) * theta
    const v = logW[j - 1]! + Math.log(lambda) - Math.log(death)
    logW.push(v)
    max = Math.max(max, v)
    if (j > n + 10 && death > lambda && v < max - 80) break
  }
  const logZ = logSumExp(logW)
  const pi = Float64Array.from(logW, (v) => Math.exp(v - logZ))
  let pWait = 0
  let meanQueue = 0
  pi.forEach((p, j) => {
    if (j >= n) {
      pWait += p
      meanQueue += (j - n) * p
    }
  })
  // First-step analysis, from the head of the queue backwards: answered[m], waitIfAnswered[m] = E[W·1{answered}].
  let answeredShare = 0
  let answeredWaitSum = 0
  let pAnswered = 1 // a caller with nobody ahead who reaches "m = −1" is answered at once
  let waitAnswered = 0
  for (let m = 0; n + m < pi.length; m++) {
    const rate = n * mu + m * theta + theta
    const advance = (n * mu + m * theta) / rate
    waitAnswered = advance * (waitAnswered + pAnswered / rate)
    pAnswered = advance * pAnswered
    answeredShare += pi[n + m]! * pAnswered
    answeredWaitSum += pi[n + m]! * waitAnswered
  }
  for (let j = 0; j < n && j < pi.length; j++) answeredShare += pi[j]!
  return { pi, pWait, pAbandon: (theta * meanQueue) / lambda, meanQueue, answeredWait: answeredWaitSum / answeredShare }
}

/**
 * Share of arrivals answered within t under M/M/n+M, by uniformisation of the tagged caller's own chain. A caller
 * who finds k ahead moves up at rate nμ + jθ (j = callers still ahead), is answered from the head at rate nμ and
 * hangs up at rate θ. Starting from the arrival's view of the stationary chain (PASTA), the probability of being
 * answered by time t is Σ_m Poisson(m; Λt) · P(answered within m uniformised steps).
 */
export function serviceLevelByUniformisation(lambda: number, mu: number, theta: number, n: number, t: number): number {
  const { pi } = solveChain(lambda, mu, theta, n)
  let answeredAtOnce = 0
  for (let j = 0; j < n; j++) answeredAtOnce += pi[j]!
  const ahead = Float64Array.from(pi.subarray(n)) // ahead[k]: arrival finds k callers ahead of it
  const K = ahead.length - 1
  const rate = n * mu + (K + 1) * theta
  const lt = rate * t
  const steps = Math.ceil(lt + 12 * Math.sqrt(lt) + 60)
  const lf = logFactorials(steps)
  let p = ahead
  let answered = 0
  let result = t === 0 ? 0 : Math.exp(-lt) * answered
  for (let m = 1; m <= steps && t > 0; m++) {
    const next = new Float64Array(K + 1)
    for (let j = 0; j <= K; j++) {
      const mass = p[j]!
      if (mass === 0) continue
      const move = n * mu + j * theta
      if (j === 0) answered += (mass * move) / rate
      else next[j - 1]! += (mass * move) / rate
      next[j]! += mass * (1 - (move + theta) / rate)
    }
    p = next
    result += Math.exp(-lt + m * Math.log(lt) - lf[m]!) * answered
  }
  return answeredAtOnce + result
}
