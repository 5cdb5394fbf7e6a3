// Starting figures for a new campaign's forecast, learnt from past campaigns' actual calls. Pure.
import { MAX_CURVE_LENGTH } from './curves'
import type { Channel } from './delivery'

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
  /** In %. */
  contactRates: { low: number; central: number; high: number }
  /** In % by working day after delivery, for the new campaign's channels that some source covers. */
  responseCurves: Partial<Record<Channel, number[]>>
  /** The campaigns drawn on, most recipients first. */
  sources: { ref: string; name: string; ratePercent: number; recipients: number; curveChannels: Channel[] }[]
}

/** Below and above the central rate, when the sources themselves spread less than this: a band stays a band. */
const MIN_SPREAD = 0.25

const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * Suggests contact rates and response curves for a new campaign from past campaigns of the same regime that used
 * at least one of its channels. The central rate is the sources' observed rates weighted by their recipients; the
 * low and high rates are the lowest and highest observed, widened to at least 25% either side of the central one.
 * Each channel's curve is the sources' observed curves for that channel, weighted by the calls behind them.
 */
export function suggestFromHistory(target: { regime: string; channels: readonly Channel[] }, past: readonly PastCampaignObservation[]): Suggestion | null {
  const sources = past.filter((p) => p.regime === target.regime && p.recipients > 0 && Number.isFinite(p.ratePercent) && p.channels.some((c) => target.channels.includes(c)))
  if (sources.length === 0) return null

  const recipients = sources.reduce((n, s) => n + s.recipients, 0)
  const central = sources.reduce((n, s) => n + s.ratePercent * s.recipients, 0) / recipients
  const lowest = Math.min(...sources.map((s) => s.ratePercent))
  const highest = Math.max(...sources.map((s) => s.ratePercent))
  const contactRates = {
    low: round2(Math.min(lowest, central * (1 - MIN_SPREAD))),
    central: round2(central),
    high: round2(Math.max(highest, central * (1 + MIN_SPREAD))),
  }

  const responseCurves: Suggestion['responseCurves'] = {}
  for (const channel of target.channels) {
    const observed = sources.map((s) => s.curves[channel]).filter((c): c is NonNullable<typeof c> => !!c && c.calls > 0)
    if (observed.length === 0) continue
    const weight = observed.reduce((n, c) => n + c.calls, 0)
    const length = Math.min(MAX_CURVE_LENGTH, Math.max(...observed.map((c) => c.percent.length)))
    const curve = Array.from({ length }, (_, k) => round2(observed.reduce((n, c) => n + (c.percent[k] ?? 0) * c.calls, 0) / weight))
    while (curve.length && curve[curve.length - 1] === 0) curve.pop()
    if (curve.length) responseCurves[channel] = curve
  }

  return {
    contactRates,
    responseCurves,
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
