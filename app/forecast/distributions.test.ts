import { describe, expect, it } from 'vitest'
import {
  betaCdf,
  betaFromMoments,
  betaFromPercentiles,
  betaMean,
  betaPpf,
  betaVariance,
  negativeBinomialCdf,
  negativeBinomialFromMean,
  negativeBinomialPpf,
  sampleBeta,
  sampleNegativeBinomial,
  seededRandom,
} from './distributions'

/** The negative binomial distribution function by summing its probabilities, pmf(x + 1) = pmf(x)·(x + n)/(x + 1)·(1 − p). */
function cdfBySumming(x: number, n: number, p: number): number {
  let pmf = Math.pow(p, n)
  let total = pmf
  for (let k = 0; k < x; k++) {
    pmf *= ((k + n) / (k + 1)) * (1 - p)
    total += pmf
  }
  return total
}

describe('negative binomial quantiles', () => {
  // Published values: scipy.stats.nbinom.ppf(q, n, p) (scipy 1.17.1). Each is recomputed here independently by
  // summing the probabilities and checking that the quantile is the first whole number whose sum reaches q.
  const published: [q: number, n: number, p: number, ppf: number][] = [
    [0.1, 5, 0.5, 1],
    [0.9, 5, 0.5, 9],
    [0.1, 40, 40 / 140, 77],
    [0.9, 40, 40 / 140, 125],
    [0.1, 40, 40 / 2540, 2005],
    [0.9, 40, 40 / 2540, 3022],
    [0.5, 0.5, 0.2, 1],
    [0.9, 2.5, 0.05, 89],
  ]
  it.each(published)('nbinom.ppf(%s, %s, %s) = %s', (q, n, p, ppf) => {
    expect(negativeBinomialPpf(q, { n, p })).toBe(ppf)
    expect(cdfBySumming(ppf, n, p)).toBeGreaterThanOrEqual(q)
    expect(cdfBySumming(ppf - 1, n, p)).toBeLessThan(q)
  })

  it('matches exact sums of the probabilities: nbinom(5, ½) has P(X ≤ 1) = 7/64 and P(X ≤ 9) = 0.91021728515625', () => {
    expect(negativeBinomialCdf(1, { n: 5, p: 0.5 })).toBeCloseTo(7 / 64, 14)
    expect(negativeBinomialCdf(9, { n: 5, p: 0.5 })).toBeCloseTo(0.91021728515625, 13)
    expect(negativeBinomialCdf(3021, { n: 40, p: 40 / 2540 })).toBeCloseTo(cdfBySumming(3021, 40, 40 / 2540), 11)
  })

  it('has the Gamma–Poisson mean and variance μ + μ²/n', () => {
    const random = seededRandom(7)
    const draws = Array.from({ length: 40_000 }, () => sampleNegativeBinomial(100, 20, random))
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1)
    expect(mean).toBeCloseTo(100, 0)
    expect(variance / (100 + 100 ** 2 / 20)).toBeGreaterThan(0.95)
    expect(variance / (100 + 100 ** 2 / 20)).toBeLessThan(1.05)
    expect(negativeBinomialFromMean(100, 20)).toEqual({ n: 20, p: 20 / 120 })
  })
})

describe('Beta quantiles', () => {
  // Published values: scipy.stats.beta.ppf(q, a, b) (scipy 1.17.1), each recomputed independently: Beta(½, ½) is
  // the arcsine law, P10 … = sin²(πq/2); Beta(2, 5)'s distribution function is the polynomial
  // 1 − (1 − x)⁵(1 + 5x); the others by checking the distribution function at the published quantile.
  it('Beta(½, ½): beta.ppf(0.25) = sin²(π/8) = 0.14644660940672624', () => {
    expect(betaPpf(0.25, { alpha: 0.5, beta: 0.5 })).toBeCloseTo(Math.sin(Math.PI / 8) ** 2, 12)
    expect(betaPpf(0.25, { alpha: 0.5, beta: 0.5 })).toBeCloseTo(0.14644660940672624, 12)
  })

  it.each([
    [0.1, 2, 5, 0.09259525891312873],
    [0.9, 2, 5, 0.5103163065514917],
  ])('beta.ppf(%s, %s, %s) = %s, where 1 − (1 − x)⁵(1 + 5x) = q', (q, a, b, ppf) => {
    expect(1 - (1 - ppf) ** 5 * (1 + 5 * ppf)).toBeCloseTo(q, 12)
    expect(betaPpf(q, { alpha: a, beta: b })).toBeCloseTo(ppf, 12)
  })

  it.each([
    [0.1, 20, 480, 0.02924111112132307],
    [0.9, 20, 480, 0.05154838389297571],
    [0.5, 8, 92, 0.07720588274612816],
  ])('beta.ppf(%s, %s, %s) = %s', (q, a, b, ppf) => {
    expect(betaPpf(q, { alpha: a, beta: b })).toBeCloseTo(ppf, 12)
    expect(betaCdf(ppf, { alpha: a, beta: b })).toBeCloseTo(q, 10)
  })

  it('fits a Beta to a designer’s low and high rates as its 10th and 90th percentiles', () => {
    const fitted = betaFromPercentiles(0.02924111112132307, 0.05154838389297571)
    // scipy's Beta(20, 480) has these percentiles, so the fit finds it again.
    expect(fitted.alpha).toBeCloseTo(20, 4)
    expect(fitted.beta).toBeCloseTo(480, 2)
    const wide = betaFromPercentiles(0.01, 0.12)
    expect(betaPpf(0.1, wide)).toBeCloseTo(0.01, 9)
    expect(betaPpf(0.9, wide)).toBeCloseTo(0.12, 9)
  })

  it('refuses percentiles that no Beta has', () => {
    expect(() => betaFromPercentiles(0.05, 0.05)).toThrow(RangeError)
    expect(() => betaFromPercentiles(0, 0.05)).toThrow(RangeError)
  })

  it('fits by moments and samples with that mean and variance', () => {
    const dist = betaFromMoments(0.05, 0.0001)!
    expect(betaMean(dist)).toBeCloseTo(0.05, 12)
    expect(betaVariance(dist)).toBeCloseTo(0.0001, 12)
    expect(betaFromMoments(0.05, 0.06)).toBeNull()
    const random = seededRandom(11)
    const draws = Array.from({ length: 20_000 }, () => sampleBeta(dist, random))
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length
    expect(mean).toBeCloseTo(0.05, 3)
  })
})
