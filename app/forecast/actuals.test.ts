import { dayInterval, DEFAULT_DISPERSION, rateSpreadPerBand } from './intervals'
import { describe, expect, it } from 'vitest'
import { compareWithForecast, mape, observedContactRate, observedResponseCurves, type ActualCalls } from './actuals'
import { DEFAULT_BANK_HOLIDAYS } from './bank-holidays'
import { DEFAULT_RESPONSE_CURVES } from './curves'
import { forecast } from './engine'
import { exampleHelpline } from './examples'
import type { ForecastInput } from './types'
import { holidayDates } from './working-days'

const HOLIDAYS = holidayDates(DEFAULT_BANK_HOLIDAYS, 'england-and-wales')
const helpline = exampleHelpline({ id: 'h1', name: 'First helpline' })

/** Emails (delivered the day they are sent) following a two-day curve of equal halves. */
function emailInput(waves: { sendDate: string; volume: number }[], curve = [1, 1]): ForecastInput {
  return {
    messages: [{ id: 'm1', name: 'Email', channel: 'email', waves, split: [{ helplineId: 'h1', share: 1 }] }],
    contactRates: { low: 0.05, central: 0.1, high: 0.2 },
    responseCurves: { email: curve },
    deadlineBump: { share: 0, workingDays: 5 },
    helplines: [helpline],
    bankHolidays: HOLIDAYS,
  }
}

const actual = (date: string, calls: number, helplineId = 'h1'): ActualCalls => ({ date, helplineId, calls })

describe('MAPE', () => {
  it('is the mean of |actual − forecast| ÷ actual over the days with calls, in %', () => {
    // |100−80|/100 = 20%, |50−60|/50 = 20%, |200−100|/200 = 50%: mean 30%.
    expect(
      mape([
        { actual: 100, forecast: 80 },
        { actual: 50, forecast: 60 },
        { actual: 200, forecast: 100 },
      ]),
    ).toEqual({ mape: 30, days: 3, zeroDays: 0 })
  })

  it('leaves days with no actual calls out, and counts them', () => {
    expect(mape([{ actual: 0, forecast: 10 }, { actual: 40, forecast: 30 }])).toEqual({ mape: 25, days: 1, zeroDays: 1 })
    expect(mape([{ actual: 0, forecast: 10 }])).toEqual({ mape: null, days: 0, zeroDays: 1 })
    expect(mape([])).toEqual({ mape: null, days: 0, zeroDays: 0 })
  })
})

describe('actual calls against the forecast', () => {
  // 10,000 emails on Monday 7 June 2027 at 5%, 10% and 20%: 500 / 1,000 / 2,000 calls, half on Monday, half on Tuesday.
  const input = emailInput([{ sendDate: '2027-06-07', volume: 10_000 }])
  const result = forecast(input)

  it('puts each day beside the forecast band, with the error, the totals and the share of the forecast so far', () => {
    const comparison = compareWithForecast(result, [actual('2027-06-08', 2_100), actual('2027-06-07', 600)])!
    expect(comparison.firstDate).toBe('2027-06-07')
    expect(comparison.lastDate).toBe('2027-06-08')
    expect(comparison.helplines).toHaveLength(1)
    // The day's P10 and P90: 500 calls expected, 250 to 1,000 at the P10 and P90 rates (intervals.ts).
    const band = dayInterval(500, 250, 1_000, rateSpreadPerBand({ low: 0.05, central: 0.1, high: 0.2 }), DEFAULT_DISPERSION)
    expect(comparison.helplines[0]!.days).toEqual([
      { date: '2027-06-07', actual: 600, forecast: { ...band, central: 500 }, position: 'within' },
      { date: '2027-06-08', actual: 2_100, forecast: { ...band, central: 500 }, position: 'above' },
    ])
    // |600−500|/600 = 16.67%, |2100−500|/2100 = 76.19%: mean 46.43%.
    expect(comparison.overall.mape).toBeCloseTo(((100 / 600 + 1600 / 2100) / 2) * 100, 10)
    expect(comparison.overall).toMatchObject({ actual: 2_700, forecast: { low: 2 * band.low, central: 1_000, high: 2 * band.high }, withinBand: 1, days: 2, zeroDays: 0 })
    expect(comparison.forecastTotal.central).toBeCloseTo(1_000, 10)
    expect(comparison.expectedShareSoFar).toBeCloseTo(1, 10)
  })

  it('counts a helpline the forecast sent nothing to against a forecast of zero, and returns nothing without actuals', () => {
    const comparison = compareWithForecast(result, [actual('2027-06-07', 500), actual('2027-06-07', 30, 'elsewhere'), actual('2027-06-09', 0)])!
    expect(comparison.helplines.map((h) => h.helplineId)).toEqual(['h1', 'elsewhere'])
    expect(comparison.helplines[1]!.days[0]).toEqual({ date: '2027-06-07', actual: 30, forecast: { low: 0, central: 0, high: 0 }, position: 'above' })
    // 9 June had no calls forecast and none received: it counts as within the band, and as a day left out of MAPE.
    expect(comparison.helplines[0]!.totals).toMatchObject({ mape: 0, days: 1, zeroDays: 1, withinBand: 2 })
    expect(comparison.expectedShareSoFar).toBeCloseTo(0.5, 10)
    expect(compareWithForecast(result, [])).toBeNull()
  })

  it('gives the observed contact rate, and the rate at the pace the forecast expected so far', () => {
    const halfWay = compareWithForecast(result, [actual('2027-06-07', 600)])!
    const rate = observedContactRate(halfWay, 10_000, 10)
    // 600 calls from 10,000 customers is 6%; but the forecast expected only half its calls by then: 12% at that pace.
    expect(rate).toEqual({ percent: 6, recipients: 10_000, paceAdjustedPercent: 12 })
    const done = observedContactRate(compareWithForecast(result, [actual('2027-06-07', 600), actual('2027-06-08', 400)])!, 10_000, 10)
    expect(done.percent).toBe(10)
    expect(done.paceAdjustedPercent).toBeCloseTo(10, 10)
  })
})

describe('the observed response curve', () => {
  it('is the forecast’s own curve when the actuals follow the forecast exactly', () => {
    const input: ForecastInput = { ...emailInput([{ sendDate: '2027-06-07', volume: 50_000 }]), responseCurves: {} }
    const result = forecast(input)
    const actuals = result.helplines[0]!.days.filter((d) => d.calls.central > 0).map((d) => actual(d.date, d.calls.central))
    const [curve] = observedResponseCurves(input, actuals, { email: DEFAULT_RESPONSE_CURVES.email.length })
    expect(curve!.channel).toBe('email')
    expect(curve!.complete).toBe(true)
    expect(curve!.calls).toBeCloseTo(5_000, 6)
    curve!.percent.forEach((p, k) => expect(p).toBeCloseTo(DEFAULT_RESPONSE_CURVES.email[k]! * 100, 8))
  })

  it('shares a day’s calls between overlapping waves in proportion to what each was expected to bring', () => {
    // Equal waves on Monday and Tuesday, each expected half on its first day and half on its second.
    const input = emailInput([
      { sendDate: '2027-06-07', volume: 1_000 },
      { sendDate: '2027-06-08', volume: 1_000 },
    ])
    // Monday: all from the first wave (100). Tuesday (60): 30 each. Wednesday: all from the second wave (20).
    // Working day 0: 100 + 30 = 130; day 1: 30 + 20 = 50; of 180 calls.
    const [curve] = observedResponseCurves(input, [actual('2027-06-07', 100), actual('2027-06-08', 60), actual('2027-06-09', 20)], { email: 2 })
    expect(curve!.percent[0]).toBeCloseTo((130 / 180) * 100, 10)
    expect(curve!.percent[1]).toBeCloseTo((50 / 180) * 100, 10)
    expect(curve!.complete).toBe(true)
  })

  it('counts Saturday’s calls for Monday, and says when the actuals do not yet cover the curve', () => {
    // Sent Friday 11 June: working day 0 is Friday, day 1 Monday 14 June.
    const input = emailInput([{ sendDate: '2027-06-11', volume: 1_000 }])
    const [curve] = observedResponseCurves(input, [actual('2027-06-11', 30), actual('2027-06-12', 10), actual('2027-06-14', 10)], { email: 2 })
    expect(curve!.percent).toEqual([60, 40])
    expect(curve!.complete).toBe(true)
    const [partial] = observedResponseCurves(input, [actual('2027-06-11', 30)], { email: 2 })
    expect(partial!.complete).toBe(false)
    expect(partial!.percent).toEqual([100])
  })

  it('looks only at the working days of the forecast’s own curve, leaving out a later deadline peak', () => {
    const input = emailInput([{ sendDate: '2027-06-07', volume: 1_000 }], [1, 1, 1])
    const [curve] = observedResponseCurves(input, [actual('2027-06-07', 50), actual('2027-06-08', 50), actual('2027-06-09', 900), actual('2027-06-10', 500)], { email: 2 })
    expect(curve!.percent).toEqual([50, 50])
    expect(curve!.calls).toBe(100)
  })
})
