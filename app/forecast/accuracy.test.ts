import { describe, expect, it } from 'vitest'
import { accuracyByGroup, accuracyOf, bias, channelGroup, cumulativeCalls, insideInterval, mapeWhereEveryActualIsPositive, regimeGroup, wape, type AccuracyDay } from './accuracy'

const day = (date: string, actual: number, forecast: number, low = forecast * 0.8, high = forecast * 1.2): AccuracyDay => ({ date, actual, forecast, low, high })

describe('WAPE', () => {
  it('does not score a forecast of 500 calls on a day with none as perfect', () => {
    // The old MAPE dropped the zero day and scored this 0%. WAPE: (|100−100| + |0−500|) ÷ (100 + 0) = 500%.
    const days = [day('2026-03-02', 100, 100), day('2026-03-03', 0, 500)]
    expect(wape(days)).toBe(500)
    expect(accuracyOf(days).wapePercent).toBe(500)
    expect(accuracyOf(days).mapePercent).toBeNull()
    expect(accuracyOf(days).biasPercent).toBe(500)
  })

  it('is Σ|actual − forecast| ÷ Σ actual, in %, so big days weigh more', () => {
    // (20 + 10 + 100) ÷ (100 + 50 + 200) = 130 ÷ 350.
    expect(wape([day('a', 100, 80), day('b', 50, 60), day('c', 200, 100)])).toBeCloseTo((130 / 350) * 100, 10)
  })

  it('is not known when no calls were received', () => {
    expect(wape([day('a', 0, 10)])).toBeNull()
    expect(wape([])).toBeNull()
  })
})

describe('bias', () => {
  it('is forecast total ÷ actual total − 1, in %', () => {
    expect(bias([day('a', 100, 80), day('b', 100, 100)])).toBeCloseTo(-10, 10)
    expect(bias([day('a', 80, 100)])).toBeCloseTo(25, 10)
    expect(bias([day('a', 0, 100)])).toBeNull()
  })
})

describe('MAPE', () => {
  it('is given only when every day had calls', () => {
    // |100−80|/100 = 20%, |50−60|/50 = 20%, |200−100|/200 = 50%: mean 30%.
    expect(mapeWhereEveryActualIsPositive([day('a', 100, 80), day('b', 50, 60), day('c', 200, 100)])).toBeCloseTo(30, 10)
    expect(mapeWhereEveryActualIsPositive([day('a', 100, 80), day('b', 0, 60)])).toBeNull()
    expect(mapeWhereEveryActualIsPositive([])).toBeNull()
  })
})

describe('coverage of the P10–P90 interval', () => {
  it('counts the days whose actual calls fell inside, with the ends rounded outwards', () => {
    expect(insideInterval(3, 0.4, 2.6)).toBe(true)
    expect(insideInterval(0, 0.4, 2.6)).toBe(true)
    expect(insideInterval(4, 0.4, 2.6)).toBe(false)
    expect(insideInterval(9, 10, 20)).toBe(false)
    const a = accuracyOf([
      { date: 'a', actual: 15, forecast: 15, low: 10, high: 20 },
      { date: 'b', actual: 25, forecast: 15, low: 10, high: 20 },
      { date: 'c', actual: 5, forecast: 15, low: 10, high: 20 },
      { date: 'd', actual: 10, forecast: 15, low: 10, high: 20 },
    ])
    expect(a.daysInside).toBe(2)
    expect(a.coveragePercent).toBe(50)
    expect(a.days).toBe(4)
    expect(a.actual).toBe(55)
    expect(a.forecast).toBe(60)
  })

  it('is not known with no days', () => {
    expect(accuracyOf([]).coveragePercent).toBeNull()
  })
})

describe('cumulative calls', () => {
  it('adds the helplines of each day, then runs the totals in date order', () => {
    expect(cumulativeCalls([day('2026-03-03', 5, 4), day('2026-03-02', 10, 12), day('2026-03-02', 1, 2)])).toEqual([
      { date: '2026-03-02', actual: 11, forecast: 14 },
      { date: '2026-03-03', actual: 16, forecast: 18 },
    ])
  })
})

describe('accuracy by channel and regime', () => {
  const campaigns = [
    { ref: 'A', channels: ['letter'], regime: 'vat', days: [{ date: 'a', actual: 10, forecast: 12, low: 8, high: 16 }] },
    { ref: 'B', channels: ['letter'], regime: 'paye', days: [{ date: 'a', actual: 30, forecast: 20, low: 15, high: 25 }, { date: 'b', actual: 10, forecast: 10, low: 5, high: 15 }] },
    { ref: 'C', channels: ['letter', 'email'], regime: 'vat', days: [{ date: 'a', actual: 5, forecast: 5, low: 3, high: 7 }] },
    { ref: 'D', channels: ['sms'], regime: 'vat', days: [] },
  ]

  it('pools every day of every campaign in the group', () => {
    const byChannel = accuracyByGroup(campaigns, channelGroup)
    expect(byChannel.map((g) => g.key)).toEqual(['email+letter', 'letter'])
    const letter = byChannel.find((g) => g.key === 'letter')!
    expect(letter.campaigns).toBe(2)
    expect(letter.days).toBe(3)
    expect(letter.daysInside).toBe(2)
    // (12 + 20 + 10) ÷ (10 + 30 + 10) − 1 = −16%.
    expect(letter.biasPercent).toBeCloseTo(-16, 10)
  })

  it('leaves out campaigns with no days', () => {
    const byRegime = accuracyByGroup(campaigns, regimeGroup)
    expect(byRegime.map((g) => [g.key, g.campaigns])).toEqual([
      ['paye', 1],
      ['vat', 2],
    ])
  })
})
