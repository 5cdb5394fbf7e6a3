import { describe, expect, it } from 'vitest'
import { betaFromMoments, betaPpf, sampleBeta, seededRandom } from './distributions'
import { curveShape, suggestFromHistory, t90, type PastCampaignObservation } from './learning'

const past = (overrides: Partial<PastCampaignObservation>): PastCampaignObservation => ({
  ref: 'OTM-2026-001',
  name: 'A past campaign',
  regime: 'vat',
  channels: ['letter'],
  recipients: 10_000,
  ratePercent: 8,
  curves: {},
  ...overrides,
})

describe('suggesting figures from past campaigns', () => {
  it('learns how much campaigns differ: from many past campaigns, 80% of campaigns between its P10 and P90', () => {
    // 300 campaigns whose true rates are Beta with mean 5% and sd 1.2%, each observed over its recipients.
    const truth = betaFromMoments(0.05, 0.012 ** 2)!
    const random = seededRandom(5)
    const sources = Array.from({ length: 300 }, (_, i) => {
      const recipients = 5_000 + Math.floor(random() * 200_000)
      const rate = sampleBeta(truth, random)
      const calls = Math.round(rate * recipients + Math.sqrt(rate * recipients) * (random() + random() + random() - 1.5) * 2)
      return past({ ref: `P${i}`, recipients, ratePercent: (calls / recipients) * 100 })
    })
    const suggestion = suggestFromHistory({ regime: 'vat', channels: ['letter'] }, sources)!
    expect(suggestion.contactRates.central).toBeCloseTo(5, 0)
    expect(Math.abs(suggestion.contactRates.low - betaPpf(0.1, truth) * 100)).toBeLessThan(0.25)
    expect(Math.abs(suggestion.contactRates.high - betaPpf(0.9, truth) * 100)).toBeLessThan(0.25)
    expect(suggestion.pooling.campaigns).toBe(300)
    expect(suggestion.pooling.betweenCampaignsSd).toBeCloseTo(1.2, 0)
  })

  it('pools rather than letting the largest campaign decide, and never spans just the lowest to the highest', () => {
    const suggestion = suggestFromHistory({ regime: 'vat', channels: ['letter'] }, [
      past({ ref: 'A', recipients: 1_000_000, ratePercent: 4 }),
      past({ ref: 'B', recipients: 10_000, ratePercent: 8 }),
    ])!
    // Weighted by recipients the rate would be 4.04%; the campaigns plainly differ, so each counts nearly alike.
    expect(suggestion.contactRates.central).toBeGreaterThan(5)
    expect(suggestion.contactRates.central).toBeLessThan(7)
    expect(suggestion.contactRates.low).toBeLessThan(suggestion.contactRates.central)
    expect(suggestion.contactRates.high).toBeGreaterThan(suggestion.contactRates.central)
    expect(suggestion.sources.map((s) => s.ref)).toEqual(['A', 'B'])
  })

  it('keeps a band around a single source from the prior spread between campaigns (30% of the rate)', () => {
    const suggestion = suggestFromHistory({ regime: 'vat', channels: ['letter'] }, [past({ ratePercent: 9.2, recipients: 100_000 })])!
    expect(suggestion.contactRates.central).toBe(9.2)
    // Campaigns differ by τ = 0.3 × 9.2% = 2.76%, and one campaign pins the mean of all campaigns down only to within
    // τ and its own binomial noise, so a new campaign's rate has variance 2τ² + 0.092 × 0.908 / 100,000: sd ≈ 3.9%.
    const beta = betaFromMoments(0.092, 2 * 0.0276 ** 2 + (0.092 * 0.908) / 100_000)!
    expect(suggestion.contactRates.low).toBeCloseTo(betaPpf(0.1, beta) * 100, 1)
    expect(suggestion.contactRates.high).toBeCloseTo(betaPpf(0.9, beta) * 100, 1)
    // The normal approximation, 9.2% ∓ 1.2816 × 3.9%, says about 4.2% and 14.2%; the Beta leans right.
    expect(suggestion.contactRates.low).toBeGreaterThan(4)
    expect(suggestion.contactRates.high).toBeLessThan(14.5)
  })

  it('draws only on campaigns of the same regime that used one of the new campaign’s channels', () => {
    const sources = [
      past({ ref: 'VAT-LETTER', regime: 'vat', channels: ['letter', 'sms'] }),
      past({ ref: 'VAT-EMAIL', regime: 'vat', channels: ['email'] }),
      past({ ref: 'SA-LETTER', regime: 'self-assessment', channels: ['letter'] }),
    ]
    expect(suggestFromHistory({ regime: 'vat', channels: ['letter'] }, sources)!.sources.map((s) => s.ref)).toEqual(['VAT-LETTER'])
    expect(suggestFromHistory({ regime: 'vat', channels: ['sms', 'email'] }, sources)!.sources.map((s) => s.ref)).toEqual(['VAT-EMAIL', 'VAT-LETTER'])
    expect(suggestFromHistory({ regime: 'paye', channels: ['letter'] }, sources)).toBeNull()
    expect(suggestFromHistory({ regime: 'vat', channels: ['online'] }, sources)).toBeNull()
  })

  it('averages each channel’s observed curves weighted by the calls behind them, and names which sources gave one', () => {
    const suggestion = suggestFromHistory({ regime: 'vat', channels: ['letter', 'email'] }, [
      past({ ref: 'A', curves: { letter: { percent: [10, 60, 30], calls: 3_000 } } }),
      past({ ref: 'B', curves: { letter: { percent: [50, 50], calls: 1_000 } } }),
      past({ ref: 'C', channels: ['email'] }),
    ])!
    // Day 0: (10 × 3,000 + 50 × 1,000) ÷ 4,000 = 20; day 1: 57.5; day 2: 22.5.
    expect(suggestion.responseCurves).toEqual({ letter: [20, 57.5, 22.5] })
    expect(suggestion.sources.map((s) => [s.ref, s.curveChannels])).toEqual([
      ['A', ['letter']],
      ['B', ['letter']],
      ['C', []],
    ])
  })

  it('gives each suggested curve’s shape with the range 80% of new campaigns’ curves should fall in', () => {
    // First five working days' shares 50%, 60% and 70%: mean 60, s = 10, so ± t₀.₉(2) × 10 × √(4/3) = ± 1.8856 ×
    // 11.547 = ± 21.77 around the suggested curve's 60% (equal calls behind each, so the weighted curve's is 60%).
    const curve = (firstWeek: number, peak: number) => Array.from({ length: 10 }, (_, k) => (k < 5 ? (k === peak ? firstWeek - 4 * 5 : 5) : (100 - firstWeek) / 5))
    const suggestion = suggestFromHistory({ regime: 'vat', channels: ['letter'] }, [
      past({ ref: 'A', curves: { letter: { percent: curve(50, 1), calls: 1_000 } } }),
      past({ ref: 'B', curves: { letter: { percent: curve(60, 2), calls: 1_000 } } }),
      past({ ref: 'C', curves: { letter: { percent: curve(70, 2), calls: 1_000 } } }),
    ])!
    expect(suggestion.curveShapes.letter).toEqual({ campaigns: 3, firstWeekPercent: { central: 60, low: 38.23, high: 81.77 }, peakDay: { central: 2, earliest: 1, latest: 2 } })
  })

  it('gives no range from a single curve, keeps the range within 0–100%, and widens it with fewer campaigns', () => {
    expect(curveShape([40, 30, 20, 10], [{ percent: [40, 30, 20, 10] }])).toEqual({ campaigns: 1, firstWeekPercent: { central: 100, low: null, high: null }, peakDay: { central: 0, earliest: 0, latest: 0 } })
    expect(curveShape([90, 10], [{ percent: [90, 10] }, { percent: [60, 10, 10, 10, 10] }]).firstWeekPercent.high).toBe(100)
    // Student's t against the normal: scipy 1.17.1 stats.t.ppf(0.9, df).
    expect([t90(1), t90(2), t90(10), t90(30), t90(200)]).toEqual([3.0777, 1.8856, 1.3722, 1.3104, 1.2815515655446004])
  })
})
