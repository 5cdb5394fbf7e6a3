// Starting figures for a new campaign's forecast, learnt from past campaigns' actual calls. Pure.
import { MAX_CURVE_LENGTH } from './curves'
import type { Channel } from './delivery'
import { betaFromMoments, betaPpf, type BetaDistribution } from './distributions'

/** What one past campaign's actual calls showed. */
export interface PastCampaignObservation {
  ref: string
  name: string
  regime: string
  channels: readonly Channel[]
  recipients: number
  /** The observed contact rate in %, adjusted for how far the campaign's calls have come (see observedContactRate). */
  ratePercent: number
  /** Observed curves, in % by working day, for the channels whose curve the actuals cover completely. */
  curves: Partial<Record<Channel, { percent: readonly number[]; calls: number }>>
}

export interface Suggestion {
  /** In %: `central` is the pooled mean, `low` and `high` the 10th and 90th percentiles for a new campaign. */
  contactRates: { low: number; central: number; high: number }
  /** How the rates were pooled: the campaigns drawn on and the spread between them, in % (standard deviations). */
  pooling: { campaigns: number; betweenCampaignsSd: number; meanSd: number }
  /** In % by working day after delivery, for the new campaign's channels that some source covers. */
  responseCurves: Partial<Record<Channel, number[]>>
  /** How the suggested curves are shaped, and how much past campaigns' curves differed, by channel. */
  curveShapes: Partial<Record<Channel, CurveShape>>
  /** The campaigns drawn on, most recipients first. */
  sources: { ref: string; name: string; ratePercent: number; recipients: number; curveChannels: Channel[] }[]
}

/** The shape of a channel's suggested curve, with how much the past campaigns behind it differed. */
export interface CurveShape {
  /** Past campaigns whose complete curve for the channel was observed. */
  campaigns: number
  /**
   * % of the calls in the first five working days: `central` the suggested curve's; `low` and `high` the range 80% of
   * new campaigns should fall in (null from a single campaign: one curve cannot show how curves differ).
   */
  firstWeekPercent: { central: number; low: number | null; high: number | null }
  /** The suggested curve's busiest working day, and the earliest and latest busiest day among the past campaigns. */
  peakDay: { central: number; earliest: number; latest: number }
}

/** Working days counted as "the first week" of a curve. */
export const FIRST_WEEK_WORKING_DAYS = 5

// Student's t 90th percentiles for 1 to 30 degrees of freedom (scipy 1.17.1 stats.t.ppf(0.9, df)); the normal's beyond.
const T90 = [3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.383, 1.3722, 1.3634, 1.3562, 1.3502, 1.345, 1.3406, 1.3368, 1.3334, 1.3304, 1.3277, 1.3253, 1.3232, 1.3212, 1.3195, 1.3178, 1.3163, 1.315, 1.3137, 1.3125, 1.3114, 1.3104]
export const t90 = (df: number) => T90[df - 1] ?? 1.2815515655446004

/** The working day (0 = the day of delivery) with the largest share of a curve's calls; the first such day on a tie. */
export function busiestDay(curve: readonly number[]): number {
  let best = 0
  curve.forEach((share, k) => {
    if (share > curve[best]!) best = k
  })
  return best
}

const firstWeek = (percent: readonly number[]) => percent.slice(0, FIRST_WEEK_WORKING_DAYS).reduce((n, p) => n + p, 0)

/**
 * The suggested curve's shape and its uncertainty. The first week's share for a new campaign is predicted from the
 * past campaigns' shares: centred on the suggested (calls-weighted) curve's, with the spread between campaigns s,
 * so a new campaign falls within ± t₀.₉(k − 1) × s × √(1 + 1/k) with 80% probability (the prediction interval of a
 * normal sample of k), held within 0–100%. Student's t keeps a range from two or three campaigns honestly wide.
 */
export function curveShape(suggested: readonly number[], observed: readonly { percent: readonly number[] }[]): CurveShape {
  const shares = observed.map((c) => firstWeek(c.percent))
  const k = shares.length
  const central = round2(firstWeek(suggested))
  let low: number | null = null
  let high: number | null = null
  if (k >= 2) {
    const mean = shares.reduce((a, b) => a + b, 0) / k
    const sd = Math.sqrt(shares.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1))
    const half = t90(k - 1) * sd * Math.sqrt(1 + 1 / k)
    low = round2(Math.max(0, Math.min(central, central - half)))
    high = round2(Math.min(100, Math.max(central, central + half)))
  }
  const peaks = observed.map((c) => busiestDay(c.percent))
  return { campaigns: k, firstWeekPercent: { central, low, high }, peakDay: { central: busiestDay(suggested), earliest: Math.min(...peaks), latest: Math.max(...peaks) } }
}

/**
 * What the planner assumes about how much campaigns differ before it has seen any: a between-campaign standard
 * deviation of 30% of the rate, worth two campaigns' evidence. One past campaign cannot show how campaigns differ;
 * this keeps its suggestion a band, and many campaigns soon outweigh it.
 */
export const PRIOR_BETWEEN_CAMPAIGNS_CV = 0.3
export const PRIOR_WEIGHT_CAMPAIGNS = 2

const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * Partial pooling of past campaigns' observed rates (fractions). Each campaign's rate is its true rate plus binomial
 * noise r(1 − r)/n; true rates vary between campaigns with variance τ². τ² is estimated by DerSimonian–Laird and
 * shrunk towards the prior (PRIOR_BETWEEN_CAMPAIGNS_CV, worth PRIOR_WEIGHT_CAMPAIGNS campaigns); the pooled mean
 * weights each campaign by 1/(its noise + τ²), so a huge campaign counts for more, but never for everything. A new
 * campaign's rate is then Beta with that mean and variance τ² + the mean's own variance.
 */
export function poolRates(observed: readonly { rate: number; recipients: number }[]): { mean: number; tau2: number; meanVariance: number; predictive: BetaDistribution | null } {
  const k = observed.length
  const noise = observed.map((o) => Math.max(o.rate * (1 - o.rate), 1e-12) / o.recipients)
  const w = noise.map((v) => 1 / v)
  const sumW = w.reduce((a, b) => a + b, 0)
  const fixedMean = observed.reduce((a, o, i) => a + w[i]! * o.rate, 0) / sumW
  const q = observed.reduce((a, o, i) => a + w[i]! * (o.rate - fixedMean) ** 2, 0)
  const c = sumW - w.reduce((a, b) => a + b * b, 0) / sumW
  const tauDl = k > 1 && c > 0 ? Math.max(0, (q - (k - 1)) / c) : 0
  const priorTau2 = (PRIOR_BETWEEN_CAMPAIGNS_CV * fixedMean) ** 2
  const tau2 = (PRIOR_WEIGHT_CAMPAIGNS * priorTau2 + (k - 1) * tauDl) / (PRIOR_WEIGHT_CAMPAIGNS + k - 1)
  const pooledW = noise.map((v) => 1 / (v + tau2))
  const sumPooled = pooledW.reduce((a, b) => a + b, 0)
  const mean = observed.reduce((a, o, i) => a + pooledW[i]! * o.rate, 0) / sumPooled
  const meanVariance = 1 / sumPooled
  return { mean, tau2, meanVariance, predictive: betaFromMoments(mean, tau2 + meanVariance) }
}

/**
 * Suggests contact rates and response curves for a new campaign from past campaigns of the same regime that used
 * at least one of its channels. The rates are pooled (poolRates): the central rate is the pooled mean, low and high
 * the 10th and 90th percentiles of a new campaign's rate, so "80% of campaigns between low and high". Each
 * channel's curve is the sources' observed curves for that channel, weighted by the calls behind them.
 */
export function suggestFromHistory(target: { regime: string; channels: readonly Channel[] }, past: readonly PastCampaignObservation[]): Suggestion | null {
  const sources = past.filter(
    (p) => p.regime === target.regime && p.recipients > 0 && Number.isFinite(p.ratePercent) && p.ratePercent > 0 && p.ratePercent < 100 && p.channels.some((c) => target.channels.includes(c)),
  )
  if (sources.length === 0) return null

  const pooled = poolRates(sources.map((s) => ({ rate: s.ratePercent / 100, recipients: s.recipients })))
  const percentile = (q: number) => (pooled.predictive ? betaPpf(q, pooled.predictive) * 100 : pooled.mean * 100)
  const contactRates = { low: round2(percentile(0.1)), central: round2(pooled.mean * 100), high: round2(percentile(0.9)) }
  // Rounding can close a narrow band: keep low ≤ central ≤ high, as the form requires.
  contactRates.low = Math.min(contactRates.low, contactRates.central)
  contactRates.high = Math.max(contactRates.high, contactRates.central)

  const responseCurves: Suggestion['responseCurves'] = {}
  const curveShapes: Suggestion['curveShapes'] = {}
  for (const channel of target.channels) {
    const observed = sources.map((s) => s.curves[channel]).filter((c): c is NonNullable<typeof c> => !!c && c.calls > 0)
    if (observed.length === 0) continue
    const weight = observed.reduce((n, c) => n + c.calls, 0)
    const length = Math.min(MAX_CURVE_LENGTH, Math.max(...observed.map((c) => c.percent.length)))
    const curve = Array.from({ length }, (_, k) => round2(observed.reduce((n, c) => n + (c.percent[k] ?? 0) * c.calls, 0) / weight))
    while (curve.length && curve[curve.length - 1] === 0) curve.pop()
    if (curve.length) {
      responseCurves[channel] = curve
      curveShapes[channel] = curveShape(curve, observed)
    }
  }

  return {
    contactRates,
    pooling: { campaigns: sources.length, betweenCampaignsSd: round2(Math.sqrt(pooled.tau2) * 100), meanSd: round2(Math.sqrt(pooled.meanVariance) * 100) },
    responseCurves,
    curveShapes,
    sources: [...sources]
      .sort((a, b) => b.recipients - a.recipients || a.ref.localeCompare(b.ref))
      .map((s) => ({
        ref: s.ref,
        name: s.name,
        ratePercent: round2(s.ratePercent),
        recipients: s.recipients,
        curveChannels: target.channels.filter((c) => (s.curves[c]?.calls ?? 0) > 0),
      })),
  }
}

/** The settings with a suggestion's contact rates and curves put in: what "Use these figures" fills in. */
export function withSuggestion<S extends { contactRates: Suggestion['contactRates']; responseCurves: Suggestion['responseCurves'] }>(settings: S, suggestion: Suggestion): S {
  return { ...settings, contactRates: suggestion.contactRates, responseCurves: { ...settings.responseCurves, ...suggestion.responseCurves } }
}
