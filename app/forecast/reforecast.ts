// Re-forecasting a launched campaign from its first days' calls. Pure: the page, the model and the tests share it.
import { toDayNumber, weekdayOfDayNumber } from './dates'

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
}

export type ReforecastRates =
  | {
      ok: true
      /** Actual calls so far ÷ the calls the curve expected by then. */
      factor: number
      rates: RatesPercent
      workingDays: number
      throughDate: string
    }
  | { ok: false; reason: 'too-few-days' | 'nothing-expected'; workingDays: number }

/** Distinct Monday-to-Friday dates among those given. */
export function workingDaysOf(dates: readonly string[]): string[] {
  return [...new Set(dates)].filter((d) => weekdayOfDayNumber(toDayNumber(d)) < 5).sort()
}

/**
 * The contact rate the calls so far point to. The forecast's calls are proportional to its rate, so if by now the
 * curve expected E calls (its share s of the whole) and A came, the whole campaign is on course for A ÷ s calls, and
 * the rate is the old one × A ÷ E. The low and high rates keep their ratio to the central one, so the interval keeps
 * its width relative to the forecast: the calls so far move the centre, not the uncertainty about the days left.
 */
export function reforecastRates(input: ReforecastInput): ReforecastRates {
  const days = workingDaysOf(input.dates)
  if (days.length < MIN_WORKING_DAYS_FOR_REFORECAST) return { ok: false, reason: 'too-few-days', workingDays: days.length }
  if (!(input.expectedSoFar > 0) || !(input.expectedShareSoFar > 0) || !(input.rates.central > 0)) return { ok: false, reason: 'nothing-expected', workingDays: days.length }
  const factor = input.actualSoFar / input.expectedSoFar
  const round = (v: number) => Math.round(v * 1e6) / 1e6
  return {
    ok: true,
    factor,
    rates: { low: round(input.rates.low * factor), central: round(input.rates.central * factor), high: round(input.rates.high * factor) },
    workingDays: days.length,
    throughDate: [...input.dates].sort().at(-1)!,
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
