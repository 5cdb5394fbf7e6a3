// The forecast engine's public surface. Pure: safe to import from routes, components and the browser.
// A bundle that needs only forecast() can import './engine' directly and leave zod out.
export * from './types'
export { forecast, responseCurveFor, waveArrivals } from './engine'
export {
  safeForecast,
  forecastInputSchema,
  responseCurveSchema,
  deadlineBumpSchema,
  MAX_SPAN_DAYS,
  type ForecastIssue,
  type SafeForecast,
} from './input-validation'
export {
  aggregateByIsoWeek,
  staffCombinedLoad,
  fteFromAgentHours,
  intervalIndex,
  intervalLabel,
  INTERVALS_PER_DAY,
  type HelplineLoadInput,
  type StaffedDays,
} from './helpline-load'
export * from './bank-holiday-file'
export * from './curves'
export * from './delivery'
export * from './dates'
