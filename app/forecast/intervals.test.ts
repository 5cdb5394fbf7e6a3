import { describe, expect, it } from 'vitest'
import { DEFAULT_BANK_HOLIDAYS } from './bank-holidays'
import { holidayDates } from './bank-holiday-file'
import { betaFromPercentiles, betaMean, negativeBinomialPpf, sampleBeta, sampleNegativeBinomial, seededRandom } from './distributions'
import { forecast } from './engine'
import { exampleHelpline } from './examples'
import {
  countQuantile,
  dayInterval,
  dayPercentile,
  DEFAULT_DISPERSION,
  describeDispersion,
  DISPERSION_CEILING,
  DISPERSION_FLOOR,
  estimateDispersion,
  fitDispersion,
  rateSpreadPerBand,
  withPredictionIntervalFromSd,
} from './intervals'

describe('a day’s prediction interval', () => {
  it('is the negative binomial’s P10 and P90 with the model’s mean and variance', () => {
    // Mean 100, variance 100 + 100²/40 = 350: size 100²/250 = 40, so scipy's nbinom.ppf(0.1, 40, 40/140) = 77 and
    // nbinom.ppf(0.9, 40, 40/140) = 125 (distributions.test.ts checks those by summing the probabilities).
    expect(dayInterval(100, 0, 0, 0, 40)).toEqual({ low: 77, high: 125 })
    expect(countQuantile(0.1, 100, 350)).toBe(negativeBinomialPpf(0.1, { n: 40, p: 40 / 140 }))
  })

  it('finds the same whole number as a search from the widest bracket, from a fraction of a call to 200,000', () => {
    // countQuantile starts from a Cornish–Fisher guess to save work; the answer must not depend on where it starts.
    const random = seededRandom(15)
    for (let i = 0; i < 300; i++) {
      const mean = Math.exp(Math.log(0.01) + random() * (Math.log(200_000) - Math.log(0.01)))
      const rateSd = random() < 0.3 ? 0 : mean * random() * 0.5
      const variance = mean + (mean * mean) / (5 + random() * 200) + rateSd * rateSd
      const size = (mean * mean) / (variance - mean)
      for (const q of [0.1, 0.9]) {
        expect([mean, variance, q, countQuantile(q, mean, variance)]).toEqual([mean, variance, q, negativeBinomialPpf(q, { n: size, p: size / (size + mean) })])
      }
    }
  })

  it('widens with the rate’s uncertainty, and takes in the mean on days expecting under a call', () => {
    const known = dayInterval(1000, 1000, 1000, 0.39, 40)
    const uncertain = dayInterval(1000, 700, 1400, 0.39, 40)
    expect(uncertain.low).toBeLessThan(known.low)
    expect(uncertain.high).toBeGreaterThan(known.high)
    // Expecting 0.05 calls, P(0 calls) ≈ 0.95, so the P90 is 0: the band reaches up to the mean instead.
    expect(dayInterval(0.05, 0.025, 0.1, 0.39, 40)).toEqual({ low: 0, high: 0.05 })
    expect(dayInterval(0, 0, 0, 0.39, 40)).toEqual({ low: 0, high: 0 })
  })

  it('reads the low and high rates as the Beta’s P10 and P90', () => {
    const beta = betaFromPercentiles(0.02, 0.05)
    const sd = Math.sqrt((beta.alpha * beta.beta) / ((beta.alpha + beta.beta) ** 2 * (beta.alpha + beta.beta + 1)))
    expect(rateSpreadPerBand({ low: 0.02, central: 0.03, high: 0.05 })).toBeCloseTo(sd / 0.03, 12)
    // Equal rates: no Beta, and no rate spread left to scale.
    expect(rateSpreadPerBand({ low: 0.03, central: 0.03, high: 0.03 })).toBeGreaterThan(0)
  })
})

describe('a day’s calls at any percentile', () => {
  it('is scipy’s negative binomial quantile with the model’s mean and variance', () => {
    // Mean 100, variance 350 (size 40): scipy.stats.nbinom.ppf(q, 40, 40/140) gives 99, 115 and 125 for q = 0.5,
    // 0.8 and 0.9. Mean 1000 with dispersion 40 and a rate standard deviation of 200: variance 1000 + 25,000 +
    // 40,000 = 66,000, size 1000²/65,000, and nbinom.ppf gives 978, 1207 and 1340.
    expect([50, 80, 90].map((p) => dayPercentile(p, 100, 0, 40))).toEqual([99, 115, 125])
    expect([50, 80, 90].map((p) => dayPercentile(p, 1000, 200, 40))).toEqual([978, 1207, 1340])
    expect(dayPercentile(90, 100, 0, 40)).toBe(dayInterval(100, 0, 0, 0, 40).high)
  })

  it('agrees with a search from the widest bracket for the median and P80 too', () => {
    const random = seededRandom(80)
    for (let i = 0; i < 200; i++) {
      const mean = Math.exp(Math.log(0.01) + random() * (Math.log(200_000) - Math.log(0.01)))
      const variance = mean + (mean * mean) / (5 + random() * 200)
      const size = (mean * mean) / (variance - mean)
      for (const q of [0.5, 0.8]) {
        expect([mean, q, countQuantile(q, mean, variance)]).toEqual([mean, q, negativeBinomialPpf(q, { n: size, p: size / (size + mean) })])
      }
    }
  })

  it('gives the load the calls to staff for, inside the band, leaving the mean alone', () => {
    const load = { start: 0, low: new Float64Array([0, 900, 0.05]), central: new Float64Array([0, 1000, 0.05]), high: new Float64Array([0, 1100, 0.1]) }
    const rateSd = [0, 200, 0]
    const at = (p: 50 | 80 | 90) => withPredictionIntervalFromSd(load, rateSd, 40, p)
    expect(Array.from(at(50).staffed!)).toEqual([0, 978, 0])
    expect(Array.from(at(80).staffed!)).toEqual([0, 1207, 0])
    expect(Array.from(at(90).staffed!)).toEqual(Array.from(at(90).high))
    expect(at(90).central).toBe(load.central)
    expect(() => dayPercentile(100, 10, 0)).toThrow(RangeError)
  })
})

describe('estimating the dispersion from past actuals', () => {
  it('finds the size the actuals were drawn with', () => {
    const random = seededRandom(2027)
    const days = Array.from({ length: 4000 }, (_, i) => {
      const expected = 50 + (i % 40) * 20
      return { expected, actual: sampleNegativeBinomial(expected, 25, random) }
    })
    const n = estimateDispersion(days)!
    expect(n).toBeGreaterThan(22)
    expect(n).toBeLessThan(28)
  })

  it('says nothing from Poisson-only or too few days', () => {
    expect(estimateDispersion([{ expected: 10, actual: 10 }])).toBeNull()
    expect(estimateDispersion(Array.from({ length: 20 }, () => ({ expected: 10, actual: 10 })))).toBeNull()
  })
})

describe('the dispersion fitted from past campaigns’ actual calls', () => {
  // Campaigns whose realised rate is off the forecast's by a factor between a half and two, and whose days are
  // Gamma–Poisson around that with size 25.
  const simulated = (campaigns: number, daysEach: number, size: number, seed: number, truth: { expected: number; actual: number }[] = []) => {
    const random = seededRandom(seed)
    return Array.from({ length: campaigns }, () => {
      const realised = 0.5 + random() * 1.5
      return Array.from({ length: daysEach }, (_, i) => {
        const expected = 50 + ((i * 37) % 40) * 20
        const actual = sampleNegativeBinomial(expected * realised, size, random)
        truth.push({ expected: expected * realised, actual })
        return { expected, actual }
      })
    })
  }

  it('measures day-to-day noise only, each campaign scaled to its own realised rate', () => {
    const truth: { expected: number; actual: number }[] = []
    const campaigns = simulated(30, 30, 25, 7, truth)
    const fitted = fitDispersion(campaigns)
    expect(fitted).toMatchObject({ source: 'fitted', campaigns: 30, days: 900 })
    // Within a tenth of what the days show when each campaign's true rate is known (29.0 for this seed); scaling by
    // the realised rate takes up a little of the noise too, so it reads a few per cent high.
    const known = estimateDispersion(truth)!
    expect(fitted.value / known).toBeGreaterThan(1)
    expect(fitted.value / known).toBeLessThan(1.1)
    expect(fitted.value).toBeGreaterThan(20)
    expect(fitted.value).toBeLessThan(32)
    // Unscaled, the rates' own errors would pass for noise and the bands would come out far too wide.
    expect(estimateDispersion(campaigns.flat())!).toBeLessThan(8)
  })

  it('is the method-of-moments figure on the scaled days (recomputed by hand)', () => {
    // Each campaign 10 days expecting 100; campaign A got 120 and 80 alternately (total matches: scale 1), B the
    // same doubled against 100 expected (realised 2, so expected becomes 200), C 110 and 90. Σμ² = 10 × (100² +
    // 200² + 100²) = 600,000; Σ((y − μ)² − y) = 10 × (400 − 100) + 10 × (1,600 − 200) + 10 × (100 − 100) = 17,000.
    const days = (a: number, b: number) => Array.from({ length: 10 }, (_, i) => ({ expected: 100, actual: i % 2 ? a : b }))
    const fitted = fitDispersion([days(120, 80), days(240, 160), days(110, 90)])
    expect(fitted).toEqual({ value: Math.round((600_000 / 17_000) * 10) / 10, source: 'fitted', campaigns: 3, days: 30 })
  })

  it('keeps the assumption with too few campaigns or days, and says how much there was', () => {
    expect(fitDispersion(simulated(2, 40, 25, 8))).toEqual({ value: DEFAULT_DISPERSION, source: 'assumed', campaigns: 2, days: 80 })
    expect(fitDispersion(simulated(3, 9, 25, 9))).toEqual({ value: DEFAULT_DISPERSION, source: 'assumed', campaigns: 3, days: 27 })
    // A campaign with no calls at all says nothing about its days' noise, and days expecting no calls are left out.
    const silent = [Array.from({ length: 20 }, () => ({ expected: 10, actual: 0 }))]
    const idle = [Array.from({ length: 20 }, () => ({ expected: 0, actual: 3 }))]
    expect(fitDispersion([...simulated(2, 20, 25, 10), ...silent, ...idle])).toMatchObject({ source: 'assumed', campaigns: 2, days: 40 })
  })

  it('stays between its floor and ceiling', () => {
    // Calls as steady as Poisson noise show no over-dispersion at all: the ceiling.
    const steady = Array.from({ length: 3 }, () => Array.from({ length: 12 }, (_, i) => ({ expected: 100, actual: i % 2 ? 110 : 90 })))
    expect(fitDispersion(steady).value).toBe(DISPERSION_CEILING)
    // Wild days: half the days nothing, half double.
    const wild = Array.from({ length: 3 }, () => Array.from({ length: 12 }, (_, i) => ({ expected: 100, actual: i % 2 ? 200 : 0 })))
    expect(fitDispersion(wild).value).toBe(DISPERSION_FLOOR)
  })

  it('says where the figure came from', () => {
    expect(describeDispersion({ value: 38.2, source: 'fitted', campaigns: 6, days: 412 })).toBe(
      'Calls vary from day to day by about 16% either way (dispersion 38.2) beyond what the contact rate explains: fitted from 412 days of 6 past campaigns’ actual calls.',
    )
    expect(describeDispersion({ value: 40, source: 'assumed', campaigns: 0, days: 0 })).toMatch(/: assumed, as there are not enough past actual calls yet to fit it; that needs 30 days of 3 launched campaigns\.$/)
    expect(describeDispersion({ value: 40, source: 'assumed', campaigns: 1, days: 12 })).toMatch(/\(so far 12 days of 1 campaign\)\.$/)
  })
})

describe('calibration', () => {
  it('puts about 80% of simulated days inside the forecast’s P10–P90 (seeded)', () => {
    // Simulate campaigns from the model itself: a contact rate drawn from the Beta the designer's low and high rates
    // describe, then each day's calls drawn as Gamma–Poisson around volume × rate × curve. Forecast each campaign
    // with the engine and count the open days with calls whose actual count falls inside the day's band.
    const random = seededRandom(16)
    const helpline = exampleHelpline({ id: 'h', baselineCallsPerDay: 0 })
    const bankHolidays = holidayDates(DEFAULT_BANK_HOLIDAYS, 'england-and-wales')
    let days = 0
    let inside = 0
    for (let c = 0; c < 120; c++) {
      const low = 0.01 + random() * 0.04
      const high = low * (1.4 + random() * 1.6)
      const beta = betaFromPercentiles(low, high)
      const volume = Math.round(2_000 + random() * 200_000)
      const channel = (['letter', 'email', 'sms'] as const)[c % 3]!
      const result = forecast({
        messages: [{ id: 'm', name: 'Message', channel, postage: 'first', waves: [{ sendDate: '2027-05-04', volume }], split: [{ helplineId: 'h', share: 1 }] }],
        contactRates: { low, central: betaMean(beta), high },
        helplines: [helpline],
        bankHolidays,
      })
      const rate = sampleBeta(beta, random)
      const centralRate = betaMean(beta)
      for (const day of result.helplines[0]!.days) {
        if (!(day.calls.central > 0)) continue
        const actual = sampleNegativeBinomial((day.calls.central * rate) / centralRate, DEFAULT_DISPERSION, random)
        days++
        if (actual >= day.calls.low && actual <= day.calls.high) inside++
      }
    }
    const coverage = inside / days
    // Recorded in docs/forecast-maths.md ("How well calibrated").
    console.info(`calibration: ${inside} of ${days} simulated days inside P10–P90 (${(coverage * 100).toFixed(1)}%)`)
    expect(days).toBeGreaterThan(1000)
    expect(coverage).toBeGreaterThan(0.75)
    expect(coverage).toBeLessThan(0.86)
  })
})
