// Prediction intervals for a day's calls: the 10th and 90th percentiles of the calls a day may bring, given that
// the contact rate is uncertain (Beta) and that calls, given the rate, are over-dispersed counts (Gamma–Poisson).
// docs/forecast-maths.md derives the method and says what it approximates. Pure and isomorphic.
import { betaFromPercentiles, betaVariance, negativeBinomialCdf, type NegativeBinomial } from './distributions'
import type { DayLoad } from './helpline-load'
import type { ContactRates, ForecastHelpline } from './types'

/**
 * Day-to-day over-dispersion of calls beyond what the rate explains, as the negative binomial's size n: a day whose
 * expected calls are μ has variance μ + μ²/n. 40 means a day's calls wander about 16% (1/√40) either way even when
 * the rate is known exactly, on top of Poisson noise. It is the assumption until enough past actuals are stored:
 * fitDispersion then gives the figure they show, and every forecast passes that as `dispersion`.
 */
export const DEFAULT_DISPERSION = 40

/** The percentiles the band shows. */
export const INTERVAL_LOW_PERCENTILE = 10
export const INTERVAL_HIGH_PERCENTILE = 90

/**
 * The percentiles of a day's calls a helpline manager may staff to: the median, or enough for 8 or 9 days in 10.
 * docs/forecasting.md, "Which percentile to staff to", says why these three and why the median is the default.
 */
export const STAFF_TO_PERCENTILES = [50, 80, 90] as const
export type StaffToPercentile = (typeof STAFF_TO_PERCENTILES)[number]
export const DEFAULT_STAFF_TO_PERCENTILE: StaffToPercentile = 50

export function isStaffToPercentile(value: unknown): value is StaffToPercentile {
  return (STAFF_TO_PERCENTILES as readonly unknown[]).includes(value)
}

/** The percentile a helpline's central staffing is for. */
export function staffToPercentileOf(helpline: Pick<ForecastHelpline, 'staffToPercentile'>): StaffToPercentile {
  return isStaffToPercentile(helpline.staffToPercentile) ? helpline.staffToPercentile : DEFAULT_STAFF_TO_PERCENTILE
}

/**
 * A normal distribution's standard deviation ÷ (P90 − P10): the rate spread when no Beta can be fitted, and where
 * several campaigns' calls are summed (the helpline calendar), each with its own rates.
 */
export const NORMAL_SD_PER_P10_P90 = 1 / (2 * 1.2815515655446004)

/**
 * The contact rate's standard deviation for each unit of (P90 − P10), from the Beta whose 10th and 90th percentiles
 * are the low and high rates. A day's rate-driven spread is then this × (its P90-rate calls − its P10-rate calls),
 * which holds exactly for every message that uses these rates, since a day's calls scale with the rate.
 */
export function rateSpreadPerBand(rates: ContactRates): number {
  if (rates.low >= 1e-9 && rates.high < 1 && rates.high - rates.low >= 1e-9) {
    const key = `${rates.low}|${rates.high}`
    const known = fittedSpreads.get(key)
    if (known !== undefined) return known
    const beta = betaFromPercentiles(rates.low, rates.high)
    const spread = Math.sqrt(betaVariance(beta)) / (rates.high - rates.low)
    if (fittedSpreads.size >= MAX_FITTED_SPREADS) fittedSpreads.delete(fittedSpreads.keys().next().value as string)
    fittedSpreads.set(key, spread)
    return spread
  }
  return NORMAL_SD_PER_P10_P90
}

// Fitting the Beta takes thousands of incomplete-beta evaluations, and depends only on the low and high rates: a
// designer changing the central rate, a volume or a date keeps them, so each pair is fitted once.
const MAX_FITTED_SPREADS = 64
const fittedSpreads = new Map<string, number>()

/** Forgets every fitted rate spread (benchmarks use it to time a cold start). */
export function clearFittedSpreads(): void {
  fittedSpreads.clear()
}

/** The q-quantile of the negative binomial with this mean and variance (size μ²/(variance − μ)). */
export function countQuantile(q: number, mean: number, variance: number): number {
  // Below a millionth of a call every quantile that matters is 0 (and μ² would underflow).
  if (!(mean > 1e-6)) return 0
  const excess = Math.max(variance - mean, mean * mean * 1e-9)
  const size = (mean * mean) / excess
  const dist: NegativeBinomial = { n: size, p: size / (size + mean) }
  // Cornish–Fisher from the distribution's four cumulants puts the guess on the answer or a few calls above it,
  // so a bracket of two or three evaluations usually holds it (each evaluation is a continued fraction some √x
  // terms long). The answer is the smallest whole x with cdf(x) ≥ q whatever the guess: it only saves work.
  const guess = cornishFisherGuess(q, mean, size)
  let lo = guess - 1
  let hi = guess
  let width = 1
  if (negativeBinomialCdf(hi, dist) < q) {
    do {
      lo = hi
      hi += width
      width *= 2
    } while (negativeBinomialCdf(hi, dist) < q)
  } else {
    while (lo >= 0 && negativeBinomialCdf(lo, dist) >= q) {
      hi = lo
      lo = Math.max(-1, lo - width)
      width *= 2
    }
  }
  // cdf(lo) < q ≤ cdf(hi), with cdf(−1) = 0.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (negativeBinomialCdf(mid, dist) >= q) hi = mid
    else lo = mid
  }
  return hi
}

/**
 * A first guess at the q-quantile of the negative binomial with this mean and size: the Cornish–Fisher expansion
 * (skewness and kurtosis terms) of the normal quantile, less half a call for the step from a continuous
 * distribution to whole calls. Only a starting point for countQuantile's search.
 */
function cornishFisherGuess(q: number, mean: number, size: number): number {
  const z = roughNormalQuantile(q)
  // Cumulants of Gamma–Poisson counts: κ2 = μ(1 + t), κ3 = μ(1 + t)(1 + 2t), κ4 = μ(1 + t)(1 + 6t + 6t²), t = μ/size.
  const t = mean / size
  const k2 = mean * (1 + t)
  const k3 = k2 * (1 + 2 * t)
  const k4 = k2 * (1 + 6 * t + 6 * t * t)
  const sd = Math.sqrt(k2)
  const skew = k3 / (k2 * sd)
  const kurtosis = k4 / (k2 * k2)
  const w = z + ((z * z - 1) * skew) / 6 + ((z * z * z - 3 * z) * kurtosis) / 24 - ((2 * z * z * z - 5 * z) * skew * skew) / 36
  const guess = Math.ceil(mean + sd * w - 0.5)
  return Number.isFinite(guess) ? Math.max(0, guess) : Math.max(0, Math.round(mean))
}

/**
 * The standard normal's q-quantile to within about 5 × 10⁻⁴ (Abramowitz and Stegun 26.2.23): close enough for a
 * first guess, which is all countQuantile asks of it.
 */
function roughNormalQuantile(q: number): number {
  if (q === 0.5) return 0
  const tail = q < 0.5 ? q : 1 - q
  if (!(tail > 0)) return q < 0.5 ? -8 : 8
  const t = Math.sqrt(-2 * Math.log(tail))
  const z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
  return q < 0.5 ? -z : z
}

/** The variance of a day's calls: Gamma–Poisson noise about the mean, plus the contact rate's own uncertainty. */
function dayVariance(central: number, rateSd: number, dispersion: number): number {
  return central + (central * central) / dispersion + rateSd * rateSd
}

/**
 * The calls a day brings at its `percentile` (50 for the median): the whole number of calls that the day's calls
 * stay at or under with that probability. `rateSd` is the day's rate-driven standard deviation, as
 * withPredictionIntervalFromSd takes it.
 */
export function dayPercentile(percentile: number, central: number, rateSd: number, dispersion: number = DEFAULT_DISPERSION): number {
  if (!(percentile > 0 && percentile < 100)) throw new RangeError('A percentile lies between 0 and 100')
  if (!(central > 0)) return 0
  return countQuantile(percentile / 100, central, dayVariance(central, rateSd, dispersion))
}

/**
 * A day's P10 and P90 calls. `central` is the day's expected calls; `lowRate` and `highRate` its calls at the P10
 * and P90 contact rates. The day's calls are taken as negative binomial with the mean and variance of the model:
 * variance = μ + μ²/dispersion + (spread × (highRate − lowRate))², where the last term is the rate's uncertainty.
 */
export function dayInterval(central: number, lowRate: number, highRate: number, spreadPerBand: number, dispersion: number): { low: number; high: number } {
  if (!(central > 0)) return { low: 0, high: 0 }
  const rateSd = spreadPerBand * Math.max(0, highRate - lowRate)
  const variance = dayVariance(central, rateSd, dispersion)
  // A day expecting under about one call can have a P90 of 0: the band then takes in the mean, so the staffing at
  // the low, central and high figures stays in order.
  return {
    low: Math.min(central, countQuantile(INTERVAL_LOW_PERCENTILE / 100, central, variance)),
    high: Math.max(central, countQuantile(INTERVAL_HIGH_PERCENTILE / 100, central, variance)),
  }
}

/**
 * A load whose low and high are the calls at the P10 and P90 contact rates, turned into one whose low and high are
 * the P10 and P90 of each day's calls. The central line, the mean, is unchanged; `staffed` becomes each day's calls
 * at `staffTo`, the percentile the helpline staffs to.
 */
export function withPredictionInterval(
  load: DayLoad,
  spreadPerBand: number,
  dispersion: number = DEFAULT_DISPERSION,
  staffTo: StaffToPercentile = DEFAULT_STAFF_TO_PERCENTILE,
): DayLoad {
  const rateSd = new Float64Array(load.central.length)
  for (let i = 0; i < rateSd.length; i++) rateSd[i] = spreadPerBand * Math.max(0, load.high[i]! - load.low[i]!)
  return withPredictionIntervalFromSd(load, rateSd, dispersion, staffTo)
}

/**
 * The same, given each day's rate-driven standard deviation: several campaigns' calls summed (the helpline
 * calendar), each with its own spread, add their standard deviations, since a helpline's campaigns tend to err
 * the same way together.
 */
export function withPredictionIntervalFromSd(
  load: DayLoad,
  rateSd: ArrayLike<number>,
  dispersion: number = DEFAULT_DISPERSION,
  staffTo: StaffToPercentile = DEFAULT_STAFF_TO_PERCENTILE,
): DayLoad {
  const n = load.central.length
  const low = new Float64Array(n)
  const high = new Float64Array(n)
  const staffed = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const central = load.central[i]!
    const sd = rateSd[i] ?? 0
    const day = dayInterval(central, 0, sd, 1, dispersion)
    low[i] = day.low
    high[i] = day.high
    // Kept inside the band, so a P90 helpline is staffed exactly as the band's high scenario and the order of the
    // low, staffed and high figures holds on days expecting under a call.
    staffed[i] = staffTo === INTERVAL_HIGH_PERCENTILE ? day.high : Math.min(day.high, Math.max(day.low, dayPercentile(staffTo, central, sd, dispersion)))
  }
  return { start: load.start, low, central: load.central, high, staffed }
}

/**
 * The dispersion past actuals show, by the method of moments. Each day pairs the actual calls y with the calls the
 * forecast's curve expected that day, scaled so the campaign's expected total is its actual total (so the rate's
 * own error does not count as day-to-day noise): then E[(y − μ)² − y] = μ²/n, and n = Σμ² ÷ Σ((y − μ)² − y).
 * Null when the actuals show no more spread than Poisson noise, or too few days (under 10) to tell.
 */
export function estimateDispersion(days: readonly { expected: number; actual: number }[]): number | null {
  if (days.length < 10) return null
  let squares = 0
  let excess = 0
  for (const { expected, actual } of days) {
    squares += expected * expected
    excess += (actual - expected) ** 2 - actual
  }
  if (!(excess > 0) || !(squares > 0)) return null
  return squares / excess
}

/** A fitted dispersion needs days from at least this many past campaigns: one campaign's days share its quirks. */
export const MIN_CAMPAIGNS_FOR_FITTED_DISPERSION = 3
/** …and at least this many helpline-days with expected calls between them. */
export const MIN_DAYS_FOR_FITTED_DISPERSION = 30
/**
 * The fitted figure is kept within these bounds. Below 5 a day's calls would wander more than 45% either way on top
 * of the rate's error, which says more about a forecast's curve being wrong than about day-to-day noise; above 1,000
 * (about 3%) the noise is as good as Poisson, and a few quiet campaigns should not make the bands that narrow.
 */
export const DISPERSION_FLOOR = 5
export const DISPERSION_CEILING = 1000

/** The dispersion a forecast uses, and where it came from. */
export interface DispersionInUse {
  value: number
  source: 'fitted' | 'assumed'
  /** The past campaigns and helpline-days the fit drew on (those it could use, when it fell back: fewer than needed). */
  campaigns: number
  days: number
}

export const ASSUMED_DISPERSION: DispersionInUse = { value: DEFAULT_DISPERSION, source: 'assumed', campaigns: 0, days: 0 }

/**
 * The dispersion past campaigns' actual calls show. Each campaign's days pair its actual calls with the calls its
 * forecast's central line expected on that day and helpline. Part of any gap is the rate's own error, which the
 * Beta already covers, so each campaign's expected calls are first scaled by its realised rate (its actual total ÷
 * its expected total over those days): what is left is day-to-day noise only, which estimateDispersion measures
 * over all campaigns' days together. Only days the forecast expected calls on count, and only campaigns with some
 * calls. Too little history (MIN_CAMPAIGNS_FOR_FITTED_DISPERSION, MIN_DAYS_FOR_FITTED_DISPERSION) keeps the
 * assumption; noise no wider than Poisson gives the ceiling.
 */
export function fitDispersion(campaigns: readonly (readonly { expected: number; actual: number }[])[]): DispersionInUse {
  const days: { expected: number; actual: number }[] = []
  let used = 0
  for (const campaign of campaigns) {
    const expectedDays = campaign.filter((d) => d.expected > 0 && Number.isFinite(d.expected) && Number.isFinite(d.actual) && d.actual >= 0)
    const expected = expectedDays.reduce((n, d) => n + d.expected, 0)
    const actual = expectedDays.reduce((n, d) => n + d.actual, 0)
    if (!(expected > 0) || !(actual > 0)) continue
    const realised = actual / expected
    for (const d of expectedDays) days.push({ expected: d.expected * realised, actual: d.actual })
    used++
  }
  if (used < MIN_CAMPAIGNS_FOR_FITTED_DISPERSION || days.length < MIN_DAYS_FOR_FITTED_DISPERSION) return { ...ASSUMED_DISPERSION, campaigns: used, days: days.length }
  const estimate = estimateDispersion(days) ?? DISPERSION_CEILING
  return { value: Math.round(Math.min(DISPERSION_CEILING, Math.max(DISPERSION_FLOOR, estimate)) * 10) / 10, source: 'fitted', campaigns: used, days: days.length }
}

const counted = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/** The dispersion in use, in words: how far a day's calls wander beyond the rate, and where the figure came from. */
export function describeDispersion(d: DispersionInUse): string {
  const wander = `about ${Math.round(100 / Math.sqrt(d.value))}% either way (dispersion ${d.value.toLocaleString('en-GB')})`
  if (d.source === 'fitted') return `Calls vary from day to day by ${wander} beyond what the contact rate explains: fitted from ${counted(d.days, 'day', 'days')} of ${counted(d.campaigns, 'past campaign', 'past campaigns')}’ actual calls.`
  const have = d.campaigns > 0 ? ` (so far ${counted(d.days, 'day', 'days')} of ${counted(d.campaigns, 'campaign', 'campaigns')})` : ''
  return `Calls vary from day to day by ${wander} beyond what the contact rate explains: assumed, as there are not enough past actual calls yet to fit it; that needs ${MIN_DAYS_FOR_FITTED_DISPERSION} days of ${MIN_CAMPAIGNS_FOR_FITTED_DISPERSION} launched campaigns${have}.`
}
