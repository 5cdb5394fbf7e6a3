// The peak-day simulation's form, read in the browser (the simulation never reaches the server). It uses
// readNumber(), the rules the zod number fields wrap (number-fields.ts), so the messages are the service's own
// without bringing zod into the forecast page's bundle, as the forecast form beside it does.
import type { FieldErrors, FormValues, Parsed } from '../utils/forms'
import { readNumber, type NumberSpec } from './numbers'

export interface SimulationSettings {
  /** Share of callers who hang up that ring again, in %. */
  redialPercent: number
  /** Mean minutes before they ring again. */
  redialDelayMinutes: number
  replications: number
}

export const SIMULATION_DEFAULTS: SimulationSettings = { redialPercent: 0, redialDelayMinutes: 10, replications: 100 }

const FIELDS: Record<keyof SimulationSettings, NumberSpec> = {
  redialPercent: { label: 'The share of callers who ring again', example: '30', min: 0, max: 100, unit: '%', percent: true },
  // Blank (or not on the form, for a helpline without patience) keeps the starting value.
  redialDelayMinutes: { label: 'The time before they ring again', example: '10', min: 1, max: 240, unit: ' minutes' },
  replications: { label: 'The number of simulated days', required: 'the number of days to simulate', example: '100', min: 10, max: 500, integer: true },
}

/** The fields in page order: the error summary's order. */
export const SIMULATION_FIELD_ORDER = Object.keys(FIELDS) as (keyof SimulationSettings)[]

export function parseSimulationForm(values: FormValues): Parsed<SimulationSettings> {
  const errors: FieldErrors = {}
  const data = { ...SIMULATION_DEFAULTS }
  for (const key of SIMULATION_FIELD_ORDER) {
    const read = readNumber(values[key], FIELDS[key])
    if (!read.ok) errors[key] = read.message
    else if (read.value !== null) data[key] = read.value
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data }
}

export function simulationToFormValues(settings: SimulationSettings): FormValues {
  const values: FormValues = Object.create(null)
  for (const key of SIMULATION_FIELD_ORDER) values[key] = String(settings[key])
  return values
}
