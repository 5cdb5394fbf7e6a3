import { describe, expect, it } from 'vitest'
import { betaPpf } from './distributions'
import { daysAfter, reforecastRates, spliceAfter, workingDaysOf } from './reforecast'

const rates = { low: 2, central: 4, high: 8 }

describe('re-forecasting from the calls so far', () => {
  it('updates the Beta the low and high rates describe with the calls so far (scipy reference)', () => {
    // The 2% and 8% rates are the P10 and P90 of Beta(3.6235, 72.7706) (scipy: fsolve on beta.ppf); the forecast's
    // rate has its variance and the central 4% as its mean: Beta(2.5911, 62.1856). 400 calls were expected at 4%, so
    // 10,000 recipients' calls were due; 600 came over two days of 200 expected, so the design effect is
    // 1 + 1.5 × 80,000 ÷ (40 × 400) = 8.5. The posterior Beta(2.5911 + 600/8.5, 62.1856 + 9,400/8.5) has P10
    // 5.0556%, mean 5.8956% and P90 6.7661% (scipy 1.17.1 beta.ppf).
    const r = reforecastRates({ actualSoFar: 600, expectedSoFar: 400, expectedShareSoFar: 0.25, expectedSquaresSoFar: 80_000, dispersion: 40, dates: ['2026-03-02', '2026-03-03'], rates })
    if (!r.ok) throw new Error('expected a re-forecast')
    expect(r.factor).toBe(1.5)
    expect(r.evidence.exposure).toBeCloseTo(10_000, 9)
    expect(r.evidence.designEffect).toBeCloseTo(8.5, 12)
    expect(r.evidence.prior!.alpha).toBeCloseTo(2.591067, 3)
    expect(r.evidence.prior!.beta).toBeCloseTo(62.185599, 2)
    expect(r.rates.low).toBeCloseTo(5.055614, 3)
    expect(r.rates.central).toBeCloseTo(5.895626, 3)
    expect(r.rates.high).toBeCloseTo(6.7661, 3)
    expect(r).toMatchObject({ workingDays: 2, throughDate: '2026-03-03' })
  })

  const width = (r: ReturnType<typeof reforecastRates>) => (r.ok ? r.rates.high - r.rates.low : NaN)
  // Evidence as k days of 100 calls expected each at 4%, with calls coming at 6%.
  const afterDays = (k: number, dispersion = 40) =>
    reforecastRates({
      actualSoFar: 150 * k,
      expectedSoFar: 100 * k,
      expectedShareSoFar: k / 40,
      expectedSquaresSoFar: 100 * 100 * k,
      dispersion,
      dates: Array.from({ length: Math.max(k, 2) }, (_, i) => `2026-03-${String(2 + (i % 5) + 7 * Math.floor(i / 5)).padStart(2, '0')}`),
      rates,
    })

  it('narrows as more of the curve has passed', () => {
    const widths = [2, 5, 10, 20].map((k) => width(afterDays(k)))
    const prior = width({ ok: true, rates: { low: 2, central: 4, high: 8 } } as ReturnType<typeof reforecastRates>)
    expect(widths[0]).toBeLessThan(prior)
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1]!)
  })

  it('centres on the observed rate when the evidence is strong', () => {
    // 20 days of Poisson-like calls (a huge dispersion): the calls so far say far more than the prior.
    const r = afterDays(20, 1e6)
    expect(r.ok && r.rates.central).toBeCloseTo(6, 1)
    expect(r.ok && r.rates.low).toBeGreaterThan(5.5)
    expect(r.ok && r.rates.high).toBeLessThan(6.5)
  })

  it('stays near the prior when the evidence is slight', () => {
    // The forecast's rate is worth about 65 recipients' answers (its Beta's α + β). Two days expecting a tenth of a
    // call between them (2.5 recipients' worth), and none came: the rate barely moves.
    const r = reforecastRates({ actualSoFar: 0, expectedSoFar: 0.1, expectedShareSoFar: 0.001, expectedSquaresSoFar: 0.005, dispersion: 40, dates: ['2026-03-02', '2026-03-03'], rates })
    if (!r.ok) throw new Error('expected a re-forecast')
    // The forecast's own central rate is the prior's mean, so the re-forecast stays near it.
    expect(r.evidence.prior!.alpha / (r.evidence.prior!.alpha + r.evidence.prior!.beta)).toBeCloseTo(0.04, 12)
    expect(Math.abs(r.rates.central - 4) / 4).toBeLessThan(0.04)
    // …and its P10 and P90 stay within a few per cent of the prior's.
    const prior = r.evidence.prior!
    expect(Math.abs(r.rates.low / (betaPpf(0.1, prior) * 100) - 1)).toBeLessThan(0.05)
    expect(Math.abs(r.rates.high / (betaPpf(0.9, prior) * 100) - 1)).toBeLessThan(0.05)
  })

  it('scales rates no Beta fits by the calls so far against the calls the curve expected by then', () => {
    // A low rate of 0 fits no Beta: 600 calls came where the curve expected 400, so the rates rise by half.
    const r = reforecastRates({ actualSoFar: 600, expectedSoFar: 400, expectedShareSoFar: 0.25, dates: ['2026-03-02', '2026-03-03'], rates: { low: 0, central: 4, high: 8 } })
    expect(r.ok && r.rates).toEqual({ low: 0, central: 6, high: 12 })
  })

  it('needs two working days of actual calls: a weekend day does not count', () => {
    // 7 and 8 March 2026 are a Saturday and a Sunday.
    expect(reforecastRates({ actualSoFar: 600, expectedSoFar: 400, expectedShareSoFar: 0.25, dates: ['2026-03-06', '2026-03-07', '2026-03-08'], rates })).toEqual({
      ok: false,
      reason: 'too-few-days',
      workingDays: 1,
    })
    expect(workingDaysOf(['2026-03-06', '2026-03-06', '2026-03-09', '2026-03-07'])).toEqual(['2026-03-06', '2026-03-09'])
  })

  it('refuses when the forecast expected no calls yet', () => {
    expect(reforecastRates({ actualSoFar: 50, expectedSoFar: 0, expectedShareSoFar: 0, dates: ['2026-03-02', '2026-03-03'], rates })).toMatchObject({ ok: false, reason: 'nothing-expected' })
  })

  it('keeps only the days after the calls so far', () => {
    expect(daysAfter([{ date: '2026-03-02' }, { date: '2026-03-03' }, { date: '2026-03-04' }], '2026-03-03')).toEqual([{ date: '2026-03-04' }])
  })
})

describe('the calendar’s arrivals for a re-forecast campaign', () => {
  it('keeps the forecast to the last day of actual calls and takes the re-forecast after it', () => {
    const series = (start: number, central: number[]) => ({ start, low: Float64Array.from(central, (c) => c / 2), central: Float64Array.from(central), high: Float64Array.from(central, (c) => c * 2) })
    const out = spliceAfter(series(10, [1, 2, 3, 4]), series(10, [10, 20, 30, 40]), 11)
    expect(out.start).toBe(10)
    expect([...out.central]).toEqual([1, 2, 30, 40])
    expect([...out.low]).toEqual([0.5, 1, 15, 20])
    expect([...out.high]).toEqual([2, 4, 60, 80])
    // Series that start on different days are laid on one range.
    expect([...spliceAfter(series(10, [1, 2]), series(11, [20, 30]), 10).central]).toEqual([1, 20, 30])
  })
})
