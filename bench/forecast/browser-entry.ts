// Bundled by esbuild into the page that bench/forecast/index.ts opens in headless Chromium.
import { clearForecastCaches } from '../../app/forecast/caches'
import { simulationSteps } from '../../app/forecast/simulate'
import { peakDay } from './simulation'
import { forecast } from '../../app/forecast/engine'
import { typicalCampaignInput } from '../../app/forecast/examples'
import { edit } from './edits'

const clearAgentCache = clearForecastCaches

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

/**
 * The peak-day simulation as the forecast page runs it: one replication per step. Returns the whole run's time
 * and the longest step, which is the longest the page's main thread is held at once.
 */
function simulateInSteps(replications: number) {
  const steps = simulationSteps(peakDay('erlang-a', replications))
  const started = performance.now()
  let longest = 0
  for (;;) {
    const t = performance.now()
    const step = steps.next()
    longest = Math.max(longest, performance.now() - t)
    if (step.done) break
  }
  return { total: performance.now() - started, longest }
}

;(globalThis as unknown as { otmForecastBench: typeof run; otmSimulationBench: typeof simulateInSteps }).otmForecastBench = run
;(globalThis as unknown as { otmSimulationBench: typeof simulateInSteps }).otmSimulationBench = simulateInSteps
