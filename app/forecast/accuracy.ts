// How accurate a forecast was, measured so that no day can hide: WAPE, bias, coverage of the P10–P90 interval
// and the cumulative calls. Pure, like the rest of the engine, so the page and the dashboard share it.

/** One day (and helpline) with actual calls beside the forecast for it. */
export interface AccuracyDay {
  date: string
  actual: number
  /** The forecast's mean (`calls_central`). */
  forecast: number
  /** The forecast's P10 and P90 of daily calls (`calls_low`, `calls_high`). */
  low: number
  high: number
}

export interface Accuracy {
  days: number
  actual: number
  forecast: number
  /**
   * Weighted absolute percentage error: Σ|actual − forecast| ÷ Σ actual, in %. Every day counts, a day with no
   * calls too, and big days weigh more than small ones. Null when no calls were received at all.
   */
  wapePercent: number | null
  /** Forecast total ÷ actual total − 1, in %: positive when the forecast was too high. Null with no actual calls. */
  biasPercent: number | null
  /** Days whose actual calls fell inside the P10–P90 interval. */
  daysInside: number
  /** daysInside ÷ days, in %: about 80% for an interval that is honest. Null with no days. */
  coveragePercent: number | null
  /**
   * Mean absolute percentage error, in %: only when every day had calls. A day with none cannot be divided by, and
   * leaving it out would hide the forecast's worst days, so then there is no MAPE at all.
   */
  mapePercent: number | null
}

/**
 * Whether a day's actual calls fell inside the interval. Calls are whole numbers and the interval's ends are not,
 * so the ends are rounded outwards: an interval of 0.4 to 2.6 holds 0, 1, 2 and 3 calls.
 */
export function insideInterval(actual: number, low: number, high: number): boolean {
  return actual >= Math.floor(low) && actual <= Math.ceil(high)
}

export function wape(days: readonly Pick<AccuracyDay, 'actual' | 'forecast'>[]): number | null {
  let error = 0
  let actual = 0
  for (const d of days) {
    error += Math.abs(d.actual - d.forecast)
    actual += d.actual
  }
  return actual > 0 ? (error / actual) * 100 : null
}

export function bias(days: readonly Pick<AccuracyDay, 'actual' | 'forecast'>[]): number | null {
  let forecast = 0
  let actual = 0
  for (const d of days) {
    forecast += d.forecast
    actual += d.actual
  }
  return actual > 0 ? (forecast / actual - 1) * 100 : null
}

/** MAPE only where it means something: null as soon as one day had no calls. */
export function mapeWhereEveryActualIsPositive(days: readonly Pick<AccuracyDay, 'actual' | 'forecast'>[]): number | null {
  if (days.length === 0) return null
  let sum = 0
  for (const d of days) {
    if (!(d.actual > 0)) return null
    sum += Math.abs(d.actual - d.forecast) / d.actual
  }
  return (sum / days.length) * 100
}

export function accuracyOf(days: readonly AccuracyDay[]): Accuracy {
  let actual = 0
  let forecast = 0
  let daysInside = 0
  for (const d of days) {
    actual += d.actual
    forecast += d.forecast
    if (insideInterval(d.actual, d.low, d.high)) daysInside++
  }
  return {
    days: days.length,
    actual,
    forecast,
    wapePercent: wape(days),
    biasPercent: bias(days),
    daysInside,
    coveragePercent: days.length ? (daysInside / days.length) * 100 : null,
    mapePercent: mapeWhereEveryActualIsPositive(days),
  }
}

export interface CumulativePoint {
  date: string
  actual: number
  forecast: number
}

/**
 * Calls so far, day by day, actual against forecast, over every helpline together. Only the days with actuals are
 * counted, so the two lines cover the same days and can be read against each other.
 */
export function cumulativeCalls(days: readonly Pick<AccuracyDay, 'date' | 'actual' | 'forecast'>[]): CumulativePoint[] {
  const byDate = new Map<string, { actual: number; forecast: number }>()
  for (const d of days) {
    const day = byDate.get(d.date) ?? { actual: 0, forecast: 0 }
    day.actual += d.actual
    day.forecast += d.forecast
    byDate.set(d.date, day)
  }
  const out: CumulativePoint[] = []
  let actual = 0
  let forecast = 0
  for (const date of [...byDate.keys()].sort()) {
    const day = byDate.get(date)!
    actual += day.actual
    forecast += day.forecast
    out.push({ date, actual, forecast })
  }
  return out
}

export interface CampaignAccuracyInput {
  ref: string
  /** The campaign's channels, for example ['letter'] or ['email', 'letter']. */
  channels: readonly string[]
  regime: string
  days: readonly AccuracyDay[]
}

export interface GroupAccuracy extends Accuracy {
  key: string
  campaigns: number
}

/**
 * Accuracy pooled over the campaigns of each group: every day of every campaign counts once, so a long campaign
 * weighs more than a short one, as it should for a question about days. A campaign with several channels is its
 * own group ("email and letter"), since its days cannot be split between them.
 */
export function accuracyByGroup(campaigns: readonly CampaignAccuracyInput[], groupOf: (c: CampaignAccuracyInput) => string): GroupAccuracy[] {
  const groups = new Map<string, { campaigns: number; days: AccuracyDay[] }>()
  for (const c of campaigns) {
    if (c.days.length === 0) continue
    const key = groupOf(c)
    const group = groups.get(key) ?? { campaigns: 0, days: [] }
    group.campaigns++
    for (const d of c.days) group.days.push(d)
    groups.set(key, group)
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, g]) => ({ key, campaigns: g.campaigns, ...accuracyOf(g.days) }))
}

export const channelGroup = (c: Pick<CampaignAccuracyInput, 'channels'>): string => [...c.channels].sort().join('+')
export const regimeGroup = (c: Pick<CampaignAccuracyInput, 'regime'>): string => c.regime
