// The day simulation's benchmark input: a peak day of 20,000 calls over a helpline's 20 half hours (the example
// helplines' intraday profile), each staffed with the agents the forecast says it needs.
import { requiredAgents } from '../../app/forecast/erlang'
import { WEEKDAY_PROFILE_08_18 } from '../../app/forecast/examples'
import type { SimulationInput } from '../../app/forecast/simulate'

export const PEAK_DAY_CALLS = 20_000

/** Erlang C (no patience), or Erlang A with patience and callers who hang up ringing again. */
export function peakDay(kind: 'erlang-c' | 'erlang-a', replications = 100): SimulationInput {
  const total = WEEKDAY_PROFILE_08_18.reduce((a, b) => a + b, 0)
  const aht = 540
  const patience = kind === 'erlang-a' ? 300 : undefined
  const intervals = WEEKDAY_PROFILE_08_18.map((share) => {
    const calls = (PEAK_DAY_CALLS * share) / total
    return { calls, agents: requiredAgents((calls * aht) / 1800, aht, { percent: 80, withinSeconds: 60 }, 0.85, patience) }
  })
  return {
    intervals,
    intervalSeconds: 1800,
    ahtSeconds: aht,
    withinSeconds: 60,
    patienceSeconds: patience,
    redial: kind === 'erlang-a' ? { probability: 0.3, meanDelaySeconds: 600 } : null,
    replications,
    seed: 20270101,
  }
}
