// Everything the engine remembers between forecasts, forgotten at once. Each cache is bounded and holds only what
// a pure function of its key would give again, so forgetting changes the time of the next forecast, never its
// figures. The start-up warm-up and the benchmarks' cold runs use it.
import { clearAgentCache } from './agent-cache'
import { clearFittedSpreads } from './intervals'
import { clearOutcomeMemo } from './outcomes'

export function clearForecastCaches(): void {
  clearAgentCache()
  clearOutcomeMemo()
  clearFittedSpreads()
}
