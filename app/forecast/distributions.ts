// The distributions behind the forecast's prediction intervals: Beta for an uncertain contact rate, negative
// binomial (Gamma–Poisson) for a day's calls given the rate. Pure and isomorphic. docs/forecast-maths.md derives
// them; the tests check them against scipy's published quantiles.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x)
  x -= 1
  let a = LANCZOS[0]!
  const t = x + 7.5
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (x + i)
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a)
}

/** Continued fraction for the incomplete beta function (modified Lentz), valid for x < (a + 1) / (a + b + 2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300
  const qab = a + b
  const qap = a + 1
  const qam = a - 1
  let c = 1
  let d = 1 - (qab * x) / qap
  if (Math.abs(d) < tiny) d = tiny
  d = 1 / d
  let h = d
  // Convergence takes O(√max(a, b)) terms; the cap is far above any day's calls the planner meets.
  for (let m = 1; m <= 20_000; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < 1e-15) break
  }
  return h
}

/** The regularised incomplete beta function I_x(a, b): the Beta(a, b) distribution function at x. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError('I_x(a, b) needs a > 0 and b > 0')
  if (x <= 0) return 0
  if (x >= 1) return 1
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x)
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b
}

// ---------------------------------------------------------------------------------------------
// Beta

export interface BetaDistribution {
  alpha: number
  beta: number
}

export const betaCdf = (x: number, { alpha, beta }: BetaDistribution) => regularizedIncompleteBeta(x, alpha, beta)

export const betaMean = ({ alpha, beta }: BetaDistribution) => alpha / (alpha + beta)

export function betaVariance({ alpha, beta }: BetaDistribution): number {
  const s = alpha + beta
  return (alpha * beta) / (s * s * (s + 1))
}

/** The q-quantile of a Beta distribution, by bisection on its distribution function (to 1e-14). */
export function betaPpf(q: number, dist: BetaDistribution): number {
  if (!(q > 0)) return 0
  if (!(q < 1)) return 1
  let lo = 0
  let hi = 1
  for (let i = 0; i < 200 && hi - lo > 1e-14 * Math.max(hi, 1e-300); i++) {
    const mid = (lo + hi) / 2
    if (betaCdf(mid, dist) < q) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/**
 * The Beta distribution whose 10th and 90th percentiles are `p10` and `p90` (0 < p10 < p90 < 1): what a designer's
 * low and high contact rates say when read as "one campaign in ten below, one in ten above". Solved as mean m and
 * concentration ν (α = mν, β = (1 − m)ν): for each ν the mean that puts P10 at `p10` is found by bisection (the
 * distribution function at a fixed point falls as the mean rises), and ν by bisection on its logarithm until P90
 * sits at `p90` (a larger ν narrows the distribution).
 */
export function betaFromPercentiles(p10: number, p90: number): BetaDistribution {
  if (!(p10 > 0 && p90 < 1 && p10 < p90)) throw new RangeError('A Beta fit needs 0 < P10 < P90 < 1')
  const meanFor = (nu: number) => {
    let lo = 0
    let hi = 1
    for (let i = 0; i < 60; i++) {
      const m = (lo + hi) / 2
      if (regularizedIncompleteBeta(p10, m * nu, (1 - m) * nu) > 0.1) lo = m
      else hi = m
    }
    return (lo + hi) / 2
  }
  let lo = Math.log(1e-3)
  let hi = Math.log(1e9)
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2
    const nu = Math.exp(mid)
    const m = meanFor(nu)
    if (regularizedIncompleteBeta(p90, m * nu, (1 - m) * nu) < 0.9) lo = mid
    else hi = mid
  }
  const nu = Math.exp((lo + hi) / 2)
  const m = meanFor(nu)
  return { alpha: m * nu, beta: (1 - m) * nu }
}

/** The Beta distribution with the given mean and variance (method of moments); null when none has them. */
export function betaFromMoments(mean: number, variance: number): BetaDistribution | null {
  if (!(mean > 0 && mean < 1 && variance > 0 && variance < mean * (1 - mean))) return null
  const nu = (mean * (1 - mean)) / variance - 1
  return { alpha: mean * nu, beta: (1 - mean) * nu }
}

// ---------------------------------------------------------------------------------------------
// Negative binomial

/**
 * scipy's parametrisation, nbinom(n, p): failures before the n-th success, P(X = x) = C(x + n − 1, x) pⁿ (1 − p)ˣ,
 * with mean n(1 − p)/p. As Gamma–Poisson counts with mean μ and dispersion (size) n: p = n / (n + μ), variance
 * μ + μ²/n.
 */
export interface NegativeBinomial {
  n: number
  p: number
}

export const negativeBinomialFromMean = (mean: number, size: number): NegativeBinomial => ({ n: size, p: size / (size + mean) })

/** P(X ≤ x) = I_p(n, x + 1). */
export function negativeBinomialCdf(x: number, { n, p }: NegativeBinomial): number {
  if (x < 0) return 0
  if (p >= 1) return 1
  return regularizedIncompleteBeta(p, n, Math.floor(x) + 1)
}

/** The smallest whole x with P(X ≤ x) ≥ q, as scipy's nbinom.ppf defines it. */
export function negativeBinomialPpf(q: number, dist: NegativeBinomial): number {
  if (!(q > 0) || dist.p >= 1) return 0
  if (!(q < 1)) return Infinity
  const mean = (dist.n * (1 - dist.p)) / dist.p
  const sd = Math.sqrt(mean / dist.p)
  let lo = -1
  let hi = Math.max(1, Math.ceil(mean + 10 * sd + 10))
  while (negativeBinomialCdf(hi, dist) < q) hi *= 2
  // Invariant: cdf(lo) < q ≤ cdf(hi).
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (negativeBinomialCdf(mid, dist) >= q) hi = mid
    else lo = mid
  }
  return hi
}

// ---------------------------------------------------------------------------------------------
// A seeded generator, for the calibration test and the benchmark: mulberry32, then samplers on top.

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function standardNormal(random: () => number): number {
  let u = 0
  while (u === 0) u = random()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}

/** Gamma(shape, 1) by Marsaglia and Tsang. */
export function sampleGamma(shape: number, random: () => number): number {
  if (shape < 1) return sampleGamma(shape + 1, random) * Math.pow(random() || Number.MIN_VALUE, 1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = standardNormal(random)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = random()
    if (u < 1 - 0.0331 * x * x * x * x) return d * v
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v
  }
}

export function sampleBeta({ alpha, beta }: BetaDistribution, random: () => number): number {
  const x = sampleGamma(alpha, random)
  return x / (x + sampleGamma(beta, random))
}

/** Poisson by multiplication for small means, and by the normal approximation above 500 (ample for a test). */
export function samplePoisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0
  if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)))
  const limit = Math.exp(-mean)
  let k = 0
  let p = random()
  while (p > limit) {
    k++
    p *= random()
  }
  return k
}

/** Gamma–Poisson: a Poisson count whose mean is itself Gamma with the given mean and shape `size`. */
export function sampleNegativeBinomial(mean: number, size: number, random: () => number): number {
  if (mean <= 0) return 0
  return samplePoisson((sampleGamma(size, random) * mean) / size, random)
}
