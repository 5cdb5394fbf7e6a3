import { describe, expect, it } from 'vitest'
import { daysAfter, reforecastRates, spliceAfter, workingDaysOf } from './reforecast'

const rates = { low: 2, central: 4, high: 8 }

describe('re-forecasting from the calls so far', () => {
  it('scales the rates by the calls so far against the calls the curve expected by then', () => {
    // 600 calls came where the curve expected 400 (a quarter of its 1,600): on course for 2,400, a rate of 6%.
    const r = reforecastRates({ actualSoFar: 600, expectedSoFar: 400, expectedShareSoFar: 0.25, dates: ['2026-03-02', '2026-03-03'], rates })
    expect(r).toEqual({ ok: true, factor: 1.5, rates: { low: 3, central: 6, high: 12 }, workingDays: 2, throughDate: '2026-03-03' })
  })

  it('lowers the rate when fewer calls came', () => {
    const r = reforecastRates({ actualSoFar: 100, expectedSoFar: 400, expectedShareSoFar: 0.25, dates: ['2026-03-02', '2026-03-03', '2026-03-04'], rates })
    expect(r.ok && r.rates).toEqual({ low: 0.5, central: 1, high: 2 })
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
