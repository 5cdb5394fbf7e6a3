// Re-forecasting a launched campaign from its first days' calls. Pure: the page, the model and the tests share it.
import { toDayNumber, weekdayOfDayNumber } from './dates'
import { betaFromMoments, betaFromPercentiles, betaMean, betaPpf, betaVariance, type BetaDistribution } from './distributions'
import { DEFAULT_DISPERSION } from './intervals'

/** A re-forecast needs this many working days of actual calls: one day says too little about the rate. */
export const MIN_WORKING_DAYS_FOR_REFORECAST = 2

export interface RatesPercent {
  low: number
  central: number
  high: number
}

export interface ReforecastInput {
  /** The campaign's actual calls so far, every helpline and day. */
  actualSoFar: number
  /** What the forecast's central line expected on those same days and helplines. */
  expectedSoFar: number
  /** Share of all the forecast's calls that fall on those days (0 to 1): how far along its curve the campaign is. */
  expectedShareSoFar: number
  /** The dates with actual calls. */
  dates: readonly string[]
  /** The contact rates the forecast used, in %. */
  rates: RatesPercent
  /**
   * Σ of the squares of each day's (and helpline's) expected calls so far: how lumpy the evidence is. Absent: the
   * calls so far are treated as one lump, the most cautious reading.
   */
  expectedSquaresSoFar?: number
  /** Day-to-day over-dispersion of calls (negative binomial size); absent: DEFAULT_DISPERSION. */
  dispersion?: number
}

export type ReforecastRates =
  | {
      ok: true
      /** Actual calls so far ÷ the calls the curve expected by then. */
      factor: number
      /** How much the calls so far weigh against the forecast's own rates, in recipients' worth of evidence. */
      evidence: RateEvidence
      rates: RatesPercent
      workingDays: number
      throughDate: string
    }
  | { ok: false; reason: 'too-few-days' | 'nothing-expected'; workingDays: number }

/** Distinct Monday-to-Friday dates among those given. */
export function workingDaysOf(dates: readonly string[]): string[] {
  return [...new Set(dates)].filter((d) => weekdayOfDayNumber(toDayNumber(d)) < 5).sort()
}

/** What the calls so far say about the rate, as a Beta update would read them. */
export interface RateEvidence {
  /** Recipients whose calls were due by now, were the central rate right: expected calls ÷ central rate. */
  exposure: number
  /**
   * How many times less the calls say than the same number of independent yes-or-no answers would, because a
   * day's calls vary more than that (the design effect): 1 + Σμ² ÷ (dispersion × Σμ), μ each day's expected calls.
   */
  designEffect: number
  /** The Beta of the forecast's rate (forecastRateBeta), and the one after the calls so far; null: no Beta. */
  prior: BetaDistribution | null
  posterior: BetaDistribution | null
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6

/**
 * The contact rate as the forecast itself treats it: the designer's central rate is its mean, and its spread is that
 * of the Beta whose P10 and P90 are the low and high rates. So with little evidence the re-forecast stays on the
 * forecast's central line. When no Beta has that mean and spread, the one fitted to the low and high rates.
 */
export function forecastRateBeta(rates: RatesPercent): BetaDistribution {
  const fitted = betaFromPercentiles(rates.low / 100, rates.high / 100)
  return betaFromMoments(rates.central / 100, betaVariance(fitted)) ?? fitted
}

/**
 * The contact rate after the calls so far: a Bayesian update of the forecast's rate. Before launch the rate is a
 * Beta with the central rate as its mean and the spread the low and high rates give (forecastRateBeta). By now the curve expected E calls at the central
 * rate r, so E ÷ r recipients' calls were due: the calls so far, A, are A "yes" answers out of E ÷ r. A day's calls
 * vary more than independent answers would (the dispersion), so that evidence counts for less: both counts are
 * divided by the design effect before they are added to the Beta's α and β. The re-forecast's low, central and
 * high rates are the posterior's P10, mean and P90: the band narrows as more of the curve has passed, the centre
 * moves to the observed rate when the calls so far are many, and stays near the forecast's when they are few.
 * Rates that no Beta fits (a low of 0, or low = high) are scaled by A ÷ E instead, keeping their ratios.
 */
export function reforecastRates(input: ReforecastInput): ReforecastRates {
  const days = workingDaysOf(input.dates)
  if (days.length < MIN_WORKING_DAYS_FOR_REFORECAST) return { ok: false, reason: 'too-few-days', workingDays: days.length }
  if (!(input.expectedSoFar > 0) || !(input.expectedShareSoFar > 0) || !(input.rates.central > 0)) return { ok: false, reason: 'nothing-expected', workingDays: days.length }
  const factor = input.actualSoFar / input.expectedSoFar
  const dispersion = input.dispersion ?? DEFAULT_DISPERSION
  const squares = input.expectedSquaresSoFar ?? input.expectedSoFar * input.expectedSoFar
  // The spread of the calls so far is judged at the rate they show, not the rate the forecast assumed.
  const designEffect = 1 + (Math.max(factor, 1e-9) * squares) / (dispersion * input.expectedSoFar)
  const exposure = input.expectedSoFar / (input.rates.central / 100)
  const throughDate = [...input.dates].sort().at(-1)!
  const { low, high } = input.rates
  if (low > 0 && high < 100 && high > low) {
    const prior = forecastRateBeta(input.rates)
    const successes = Math.min(input.actualSoFar, exposure)
    const posterior = { alpha: prior.alpha + successes / designEffect, beta: prior.beta + (exposure - successes) / designEffect }
    const central = round6(betaMean(posterior) * 100)
    const rates = { low: Math.min(central, round6(betaPpf(0.1, posterior) * 100)), central, high: Math.max(central, round6(betaPpf(0.9, posterior) * 100)) }
    return { ok: true, factor, evidence: { exposure, designEffect, prior, posterior }, rates, workingDays: days.length, throughDate }
  }
  return {
    ok: true,
    factor,
    evidence: { exposure, designEffect, prior: null, posterior: null },
    rates: { low: round6(input.rates.low * factor), central: round6(input.rates.central * factor), high: round6(input.rates.high * factor) },
    workingDays: days.length,
    throughDate,
  }
}

/** The days still to come after the calls so far. */
export function daysAfter<T extends { date: string }>(days: readonly T[], throughDate: string): T[] {
  return days.filter((d) => d.date > throughDate)
}

/** Calls arriving day by day from `start` (a day number), as the helpline calendar stores them. */
export interface DailySeries {
  start: number
  low: Float64Array
  central: Float64Array
  high: Float64Array
}

/**
 * The forecast's arrivals up to and including the last day of actual calls, and the re-forecast's after it: what the
 * helpline calendar uses for a re-forecast campaign. The days already past keep the forecast they were staffed to.
 */
export function spliceAfter(original: DailySeries, redone: DailySeries, throughDay: number): DailySeries {
  const start = Math.min(original.start, redone.start)
  const end = Math.max(original.start + original.central.length, redone.start + redone.central.length)
  const out: DailySeries = { start, low: new Float64Array(end - start), central: new Float64Array(end - start), high: new Float64Array(end - start) }
  for (let day = start; day < end; day++) {
    const from = day > throughDay ? redone : original
    const i = day - from.start
    if (i < 0 || i >= from.central.length) continue
    out.low[day - start] = from.low[i]!
    out.central[day - start] = from.central[i]!
    out.high[day - start] = from.high[i]!
  }
  return out
}
