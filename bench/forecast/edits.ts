// The edits each timed recompute applies, shared by the Node and browser benchmarks.
import type { ForecastInput } from '../../app/forecast/types'

/** A designer typing: every recompute has a central contact rate and a wave volume not seen before. */
export function edit(base: ForecastInput, i: number): ForecastInput {
  const rates = base.contactRates
  const central = rates.central * (1 + i * 0.0007)
  return {
    ...base,
    contactRates: { low: Math.min(rates.low, central), central, high: Math.max(rates.high, central) },
    messages: base.messages.map((m) => ({
      ...m,
      waves: m.waves.map((w, k) => (k === 0 ? { ...w, volume: w.volume + 137 * i } : w)),
    })),
  }
}
