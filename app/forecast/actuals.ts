// Actual calls against the forecast: the error, the observed contact rate and the observed response
// curve. Pure, like the rest of the engine.
import { toDayNumber } from './dates'
import type { Channel } from './delivery'
import { arrivals } from './engine'
import type { ForecastInput, ForecastResult, ScenarioValues } from './types'

export interface ActualCalls {
  date: string
  helplineId: string
  calls: number
}

export interface ErrorMeasure {
  /** Mean absolute percentage error over the days with calls, in %; null when no day had a call. */
  mape: number | null
  /** Days the MAPE is over. */
  days: number
  /** Days with no actual calls: a percentage of nothing is undefined, so they are left out of the MAPE. */
  zeroDays: number
}

/**
 * MAPE = mean of |actual − forecast| ÷ actual over the days with actual calls, × 100. Days where nothing was
 * received cannot be divided by and are counted separately (the total against forecast still includes them).
 */
export function mape(pairs: readonly { actual: number; forecast: number }[]): ErrorMeasure {
  let sum = 0
  let days = 0
  let zeroDays = 0
  for (const { actual, forecast } of pairs) {
    if (actual > 0) {
      sum += Math.abs(actual - forecast) / actual
      days++
    } else zeroDays++
  }
  return { mape: days ? (sum / days) * 100 : null, days, zeroDays }
}

export type BandPosition = 'below' | 'within' | 'above'

export interface ComparisonDay {
  date: string
  actual: number
  forecast: ScenarioValues
  position: BandPosition
}

export interface ComparisonTotals extends ErrorMeasure {
  actual: number
  /** The forecast over the same days and helplines as the actuals. */
  forecast: ScenarioValues
  /** Days whose actual falls between the low and high forecast. */
  withinBand: number
}

export interface HelplineComparison {
  helplineId: string
  days: ComparisonDay[]
  totals: ComparisonTotals
}

export interface ForecastComparison {
  helplines: HelplineComparison[]
  overall: ComparisonTotals
  firstDate: string
  lastDate: string
  /** The whole forecast, every helpline and day. */
  forecastTotal: ScenarioValues
  /** Share of the whole central forecast that falls on the days and helplines with actuals (0 to 1). */
  expectedShareSoFar: number
}

function positionOf(actual: number, forecast: ScenarioValues): BandPosition {
  // Calls are whole numbers and the forecast is not: a day counts as within the band once rounded.
  if (actual < Math.floor(forecast.low)) return 'below'
  if (actual > Math.ceil(forecast.high)) return 'above'
  return 'within'
}

function totalsOf(days: readonly ComparisonDay[]): ComparisonTotals {
  const forecast = { low: 0, central: 0, high: 0 }
  let actual = 0
  let withinBand = 0
  for (const d of days) {
    actual += d.actual
    forecast.low += d.forecast.low
    forecast.central += d.forecast.central
    forecast.high += d.forecast.high
    if (d.position === 'within') withinBand++
  }
  return { actual, forecast, withinBand, ...mape(days.map((d) => ({ actual: d.actual, forecast: d.forecast.central }))) }
}

/** Each day and helpline with actuals beside the forecast for it (calls as the helpline answers them). */
export function compareWithForecast(result: ForecastResult, actuals: readonly ActualCalls[]): ForecastComparison | null {
  if (actuals.length === 0) return null
  const forecastOf = new Map<string, ScenarioValues>()
  const forecastTotal = { low: 0, central: 0, high: 0 }
  for (const h of result.helplines) {
    for (const d of h.days) {
      forecastOf.set(`${h.helplineId}|${d.date}`, d.calls)
      forecastTotal.low += d.calls.low
      forecastTotal.central += d.calls.central
      forecastTotal.high += d.calls.high
    }
  }
  const byHelpline = new Map<string, ComparisonDay[]>()
  for (const a of [...actuals].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))) {
    const forecast = forecastOf.get(`${a.helplineId}|${a.date}`) ?? { low: 0, central: 0, high: 0 }
    let days = byHelpline.get(a.helplineId)
    if (!days) byHelpline.set(a.helplineId, (days = []))
    days.push({ date: a.date, actual: a.calls, forecast: { ...forecast }, position: positionOf(a.calls, forecast) })
  }
  // Helplines in the forecast's order, then any the forecast did not send calls to.
  const order = [...result.helplines.map((h) => h.helplineId), ...[...byHelpline.keys()].sort()]
  const helplines = [...new Set(order)].filter((id) => byHelpline.has(id)).map((id) => ({ helplineId: id, days: byHelpline.get(id)!, totals: totalsOf(byHelpline.get(id)!) }))
  const allDays = helplines.flatMap((h) => h.days)
  const overall = totalsOf(allDays)
  const dates = allDays.map((d) => d.date).sort()
  return {
    helplines,
    overall,
    firstDate: dates[0]!,
    lastDate: dates[dates.length - 1]!,
    forecastTotal,
    expectedShareSoFar: forecastTotal.central > 0 ? overall.forecast.central / forecastTotal.central : 0,
  }
}

export interface ObservedRate {
  /** Actual calls ÷ recipients, in %. */
  percent: number
  recipients: number
  /**
   * Actual calls ÷ the recipients the forecast expected to have called by now: actual ÷ (forecast central on the
   * days recorded ÷ the central rate), in %. It equals `percent` once the actuals cover every forecast day, and
   * does not understate the rate of a campaign still under way. Null when the forecast expects no calls.
   */
  paceAdjustedPercent: number | null
}

export function observedContactRate(comparison: ForecastComparison, recipients: number, centralRatePercent: number): ObservedRate {
  const actual = comparison.overall.actual
  const expectedRecipients = centralRatePercent > 0 ? comparison.overall.forecast.central / (centralRatePercent / 100) : 0
  return {
    percent: recipients > 0 ? (actual / recipients) * 100 : 0,
    recipients,
    paceAdjustedPercent: expectedRecipients > 0 ? (actual / expectedRecipients) * 100 : null,
  }
}

export interface ObservedCurve {
  channel: Channel
  /** Share of the channel's calls on working day k after delivery, in %, over the days of the forecast's own curve. */
  percent: number[]
  /** Actual calls attributed to the channel's waves on those days. */
  calls: number
  /** True when every wave of the channel has actuals on every one of those days. */
  complete: boolean
}

/**
 * The response curve the actual calls followed, for each channel. A day's actual calls (all helplines together)
 * are shared among the waves expected to bring calls that day, in proportion to what the forecast expected of
 * each; with waves that do not overlap this is exact. Calls on a non-working day count for the next working day,
 * as the forecast rolls them. Only the working days of the forecast's own curve are counted, so a deadline peak
 * after them is not taken for part of the curve.
 */
export function observedResponseCurves(input: ForecastInput, actuals: readonly ActualCalls[], curveLengths: Partial<Record<Channel, number>>): ObservedCurve[] {
  const placed = arrivals(input)
  const { calendar, planned } = placed
  const actualOn = new Map<number, number>()
  for (const a of actuals) {
    const day = calendar.workingDayOnOrAfterNumber(toDayNumber(a.date))
    actualOn.set(day, (actualOn.get(day) ?? 0) + a.calls)
  }
  if (actualOn.size === 0) return []
  const recordedDays = new Set(actuals.map((a) => calendar.workingDayOnOrAfterNumber(toDayNumber(a.date))))

  // What the forecast expected of each wave on each day, and in all.
  interface WaveDays {
    channel: Channel
    days: Int32Array
    expected: Float64Array
  }
  const waves: WaveDays[] = []
  const expectedOn = new Map<number, number>()
  for (const p of planned) {
    const length = curveLengths[p.message.channel] ?? Infinity
    for (const w of p.waves) {
      const n = Math.min(w.arrivals.days.length, length)
      const days = w.arrivals.days.slice(0, n)
      const expected = new Float64Array(n)
      for (let k = 0; k < n; k++) {
        expected[k] = w.volume * w.arrivals.shares[k]! * p.rates.central
        expectedOn.set(days[k]!, (expectedOn.get(days[k]!) ?? 0) + expected[k]!)
      }
      waves.push({ channel: p.message.channel, days, expected })
    }
  }

  const curves = new Map<Channel, { sums: number[]; complete: boolean }>()
  for (const w of waves) {
    let curve = curves.get(w.channel)
    if (!curve) curves.set(w.channel, (curve = { sums: [], complete: true }))
    for (let k = 0; k < w.days.length; k++) {
      const day = w.days[k]!
      if (!recordedDays.has(day)) {
        curve.complete = false
        continue
      }
      const total = expectedOn.get(day) ?? 0
      const share = total > 0 ? (actualOn.get(day)! * w.expected[k]!) / total : 0
      curve.sums[k] = (curve.sums[k] ?? 0) + share
    }
  }
  const out: ObservedCurve[] = []
  for (const [channel, curve] of curves) {
    const sums = Array.from({ length: curve.sums.length }, (_, k) => curve.sums[k] ?? 0)
    const calls = sums.reduce((a, b) => a + b, 0)
    if (!(calls > 0)) continue
    out.push({ channel, percent: sums.map((s) => (s / calls) * 100), calls, complete: curve.complete })
  }
  return out
}
