// Bundled by esbuild into the page that bench/forecast/index.ts opens in headless Chromium.
import { clearAgentCache } from '../../app/forecast/agent-cache'
import { forecast } from '../../app/forecast/engine'
import { typicalCampaignInput } from '../../app/forecast/examples'
import { edit } from './edits'

function run(warmup: number, runs: number) {
  const base = typicalCampaignInput()
  clearAgentCache()
  let t = performance.now()
  forecast(base)
  const first = performance.now() - t
  for (let i = 0; i < warmup; i++) forecast(edit(base, i))
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const input = edit(base, warmup + i)
    t = performance.now()
    forecast(input)
    times.push(performance.now() - t)
  }
  // Worst case: no samples kept from earlier recomputes (as on the first forecast after the page loads).
  const cold: number[] = []
  for (let i = 0; i < runs; i++) {
    const input = edit(base, warmup + runs + i)
    clearAgentCache()
    t = performance.now()
    forecast(input)
    cold.push(performance.now() - t)
  }
  return { first, times, cold }
}

;(globalThis as unknown as { otmForecastBench: typeof run }).otmForecastBench = run
