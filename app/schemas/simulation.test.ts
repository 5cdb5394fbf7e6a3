import { describe, expect, it } from 'vitest'
import { parseSimulationForm, SIMULATION_DEFAULTS, simulationToFormValues } from './simulation'

describe('the simulation form', () => {
  it('reads back its starting values, and reads percentages as people type them', () => {
    expect(parseSimulationForm(simulationToFormValues(SIMULATION_DEFAULTS))).toEqual({ ok: true, data: SIMULATION_DEFAULTS })
    expect(parseSimulationForm({ redialPercent: '30%', redialDelayMinutes: '5', replications: '200' })).toEqual({
      ok: true,
      data: { redialPercent: 30, redialDelayMinutes: 5, replications: 200 },
    })
    // No redial figure on the form (a helpline without patience): nobody rings again.
    expect(parseSimulationForm({ replications: '50' })).toMatchObject({ ok: true, data: { redialPercent: 0 } })
  })

  it('names each problem in the service’s words', () => {
    expect(parseSimulationForm({ redialPercent: '120', redialDelayMinutes: '0', replications: '12.5' })).toEqual({
      ok: false,
      errors: {
        redialPercent: 'The share of callers who ring again must be 100% or less',
        redialDelayMinutes: 'The time before they ring again must be 1 minute or more',
        replications: 'The number of simulated days must be a whole number, like 100',
      },
    })
    expect(parseSimulationForm({ replications: '' })).toMatchObject({ ok: false, errors: { replications: 'Enter the number of days to simulate' } })
    expect(parseSimulationForm({ replications: '501' })).toMatchObject({ ok: false, errors: { replications: 'The number of simulated days must be 500 or less' } })
  })
})
