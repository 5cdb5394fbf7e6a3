import { describe, expect, it } from 'vitest'
import { clearAgentCache, erlangEvaluationCount } from './agent-cache'
import { forecast } from './engine'
import { largeCampaignInput } from './examples'
import { clearOutcomeMemo } from './outcomes'
import { warmUpForecastEngine } from './warm-up'

describe('the start-up warm-up', () => {
  it('leaves no figures behind: the next forecast searches exactly as many staffing answers as from a clean start', () => {
    const input = largeCampaignInput()
    clearAgentCache()
    clearOutcomeMemo()
    const before = erlangEvaluationCount()
    const clean = forecast(input)
    const fromClean = erlangEvaluationCount() - before

    warmUpForecastEngine()
    const after = erlangEvaluationCount()
    const warmed = forecast(input)
    expect(erlangEvaluationCount() - after).toBe(fromClean)
    expect(warmed).toEqual(clean)
  })
})
