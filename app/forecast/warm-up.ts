// A forecast run once when the server starts, so that the first forecast a user asks for runs compiled code
// rather than waiting for the JavaScript engine to compile it (docs/performance.md, "Forecast engine").
import { clearForecastCaches } from './caches'
import { forecast } from './engine'
import { typicalCampaignInput } from './examples'
import { simulate } from './simulate'

/**
 * Forecasts a typical campaign (one Erlang C and one Erlang A helpline, with outcomes) and simulates a short day,
 * then forgets every staffing answer and outcome it worked out: it leaves compiled code behind, never figures.
 */
export function warmUpForecastEngine(): void {
  const input = typicalCampaignInput()
  forecast(input)
  forecast({ ...input, contactRates: { low: 0.04, central: 0.07, high: 0.1 } })
  simulate({ intervals: [{ calls: 200, agents: 20 }, { calls: 300, agents: 25 }], intervalSeconds: 1800, ahtSeconds: 300, withinSeconds: 20, patienceSeconds: 120, replications: 5, seed: 1 })
  clearForecastCaches()
}
