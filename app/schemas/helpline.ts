import { z } from 'zod'
import { formatTimeRange } from '../campaign/format'
import { intervalIndex } from '../forecast/helpline-load'
import type { OpeningHours } from '../forecast/types'
import {
  INTERVALS_PER_DAY,
  intervalLabel,
  intervalRange,
  openIntervals,
  profileTotalProblem,
  WEEKDAY_NAMES,
  type HelplineSettings,
} from '../helplines/helpline'
import { parseForm, type FieldErrors, type FormValues, type Parsed } from '../utils/forms'
import { STAFF_TO_PERCENTILES, type StaffToPercentile } from '../forecast/intervals'
import { text } from './fields'
import { numberInput, optionalNumberInput } from './number-fields'
import { numberText, readNumber } from './numbers'

// The helpline form. Opening hours, day weights and the intraday profile are tables of inputs
// named hours-<day>-open, hours-<day>-close, weight-<day> (Monday = 0) and profile-<half hour> (00:00 = 0).

const scalarSchema = z.object({
  name: text({ label: 'Helpline name', required: 'Enter the helpline’s name', tooLong: 'Helpline name must be 120 characters or fewer' }, 120),
  ahtSeconds: numberInput({ label: 'Average handle time', required: 'the average handle time', example: '540', min: 1, max: 7200, integer: true, unit: ' seconds' }),
  targetPercent: numberInput({
    label: 'The service-level percentage',
    required: 'the percentage of calls to answer within the target time',
    example: '80',
    min: 1,
    max: 99.9,
    unit: '%',
    percent: true,
  }),
  targetSeconds: numberInput({
    label: 'The service-level time',
    required: 'the number of seconds calls should be answered within',
    example: '20',
    min: 0,
    max: 3600,
    integer: true,
    unit: ' seconds',
  }),
  shrinkagePercent: numberInput({ label: 'Shrinkage', required: 'the shrinkage', example: '35', min: 0, max: 90, unit: '%', percent: true }),
  maxOccupancyPercent: numberInput({ label: 'Maximum occupancy', required: 'the maximum occupancy', example: '85', min: 10, max: 100, unit: '%', percent: true }),
  patienceSeconds: optionalNumberInput({ label: 'Average caller patience', example: '180', min: 1, max: 3600, integer: true, unit: ' seconds' }),
  maxAbandonmentPercent: optionalNumberInput({ label: 'The maximum abandonment rate', example: '5', min: 0.1, max: 50, unit: '%', percent: true }),
  maxAsaSeconds: optionalNumberInput({ label: 'The maximum average speed of answer', example: '60', min: 1, max: 3600, integer: true, unit: ' seconds' }),
  baselineCallsPerDay: numberInput({
    label: 'Baseline calls per day',
    required: 'the baseline calls per day',
    example: '6000',
    min: 0,
    max: 10_000_000,
    integer: true,
  }),
  availableFte: numberInput({ label: 'Available FTE', required: 'the available FTE', example: '430', min: 0, max: 1_000_000 }),
  paidHoursPerFte: numberInput({
    label: 'Paid hours per FTE per day',
    required: 'the paid hours per FTE per day',
    example: '7.4',
    min: 0.5,
    max: 24,
    unit: ' hours',
  }),
  // Radios: absent only from a form that predates the choice, when the stored choice stands (50 for a new helpline).
  staffToPercentile: z
    .string()
    .trim()
    .pipe(z.enum(STAFF_TO_PERCENTILES.map(String) as [string, ...string[]], { error: 'Choose whether to staff to P50, P80 or P90' }))
    .transform((value) => Number(value) as StaffToPercentile)
    .optional(),
})

const DAY_FIELDS = WEEKDAY_NAMES.flatMap((_, day) => [`hours-${day}-open`, `hours-${day}-close`, `weight-${day}`])
const PROFILE_FIELDS = Array.from({ length: INTERVALS_PER_DAY }, (_, i) => `profile-${i}`)

/** The order fields appear on the page, which is the error summary's order. */
export const HELPLINE_FIELD_ORDER = [
  'name',
  'hours',
  ...DAY_FIELDS,
  'profile',
  ...PROFILE_FIELDS,
  'ahtSeconds',
  'targetPercent',
  'targetSeconds',
  'shrinkagePercent',
  'maxOccupancyPercent',
  'patienceSeconds',
  'maxAbandonmentPercent',
  'maxAsaSeconds',
  'baselineCallsPerDay',
  'availableFte',
  'paidHoursPerFte',
  'staffToPercentile',
  'welshLine',
]

/** "8", "8:30", "0830" and "08.30" all mean 08:30. Returns null for anything that is not a half hour. */
export function normaliseTime(raw: string): string | null {
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(raw.trim())
  if (!match) return null
  const time = `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`
  return Number.isNaN(intervalIndex(time)) ? null : time
}

function readOpeningHours(values: FormValues, errors: FieldErrors): (OpeningHours | null)[] {
  return WEEKDAY_NAMES.map((dayName, day) => {
    const openKey = `hours-${day}-open`
    const closeKey = `hours-${day}-close`
    const openRaw = (values[openKey] ?? '').trim()
    const closeRaw = (values[closeKey] ?? '').trim()
    if (!openRaw && !closeRaw) return null
    if (!openRaw) {
      errors[openKey] = `Enter the ${dayName} opening time, or leave both times blank if the helpline is closed on ${dayName}s`
      return null
    }
    if (!closeRaw) {
      errors[closeKey] = `Enter the ${dayName} closing time, or leave both times blank if the helpline is closed on ${dayName}s`
      return null
    }
    const open = normaliseTime(openRaw)
    const close = normaliseTime(closeRaw)
    if (!open) errors[openKey] = `Enter the ${dayName} opening time on the hour or half hour, like 08:00 or 08:30`
    if (!close) errors[closeKey] = `Enter the ${dayName} closing time on the hour or half hour, like 18:00 or 17:30`
    if (!open || !close) return null
    if (intervalIndex(close) <= intervalIndex(open)) {
      errors[closeKey] = `The ${dayName} closing time must be after the opening time`
      return null
    }
    return { open, close }
  })
}

export function parseHelplineForm(values: FormValues): Parsed<HelplineSettings> {
  const scalars = parseForm(scalarSchema, values)
  const errors: FieldErrors = scalars.ok ? {} : { ...scalars.errors }

  const openingHours = readOpeningHours(values, errors)
  const dayHasError = WEEKDAY_NAMES.some((_, day) => errors[`hours-${day}-open`] || errors[`hours-${day}-close`])
  if (!dayHasError && openingHours.every((h) => h === null)) {
    errors.hours = 'Enter the opening hours for at least one day'
  }

  const dayWeights = WEEKDAY_NAMES.map((dayName, day) => {
    const read = readNumber(values[`weight-${day}`], { label: `The ${dayName} weight`, example: '1.2', min: 0, max: 10 })
    if (!read.ok) errors[`weight-${day}`] = read.message
    return read.ok && read.value !== null ? read.value : 1
  })

  // Only the half hours the helpline opens are on the form; anything else counts as 0.
  const intervals = openIntervals(openingHours)
  const intradayProfile = new Array<number>(INTERVALS_PER_DAY).fill(0)
  let cellErrors = false
  for (const i of intervals) {
    const read = readNumber(values[`profile-${i}`], { label: `The share of calls from ${intervalRange(i)}`, example: '4.5', min: 0, max: 100, unit: '%', percent: true })
    if (!read.ok) {
      errors[`profile-${i}`] = read.message
      cellErrors = true
    } else intradayProfile[i] = read.value ?? 0
  }
  // Without JavaScript, the table only has rows for the hours last shown: new half hours need a share first.
  const unseen = intervals.filter((i) => values[`profile-${i}`] === undefined)
  if (unseen.length > 0 && !dayHasError) {
    errors.profile = `Enter the share of calls for the half hours the new opening hours add (${describeIntervals(unseen)})`
  } else if (!cellErrors && intervals.length > 0 && !dayHasError) {
    const total = intervals.reduce((sum, i) => sum + intradayProfile[i]!, 0)
    const problem = profileTotalProblem(total)
    if (problem) errors.profile = problem
  }

  // Erlang C has callers wait however long it takes: a limit on hanging up needs the patience that makes it Erlang A.
  const blank = (key: string) => (values[key] ?? '').trim() === ''
  if (!blank('maxAbandonmentPercent') && !errors.maxAbandonmentPercent && blank('patienceSeconds')) {
    errors.maxAbandonmentPercent = 'Enter the average caller patience to staff to a maximum abandonment rate, or leave the maximum abandonment rate blank'
  }

  if (!scalars.ok || Object.keys(errors).length > 0) return { ok: false, errors }
  // A checkbox: absent means no, so a form from before it existed leaves a helpline as it was not marked.
  return {
    ok: true,
    data: {
      ...scalars.data,
      openingHours,
      dayWeights,
      intradayProfile,
      ...(values.welshLine === 'yes' ? { welshLine: true } : {}),
    },
  }
}

/** [16, 17, 18, 30] → "8am to 9:30am, 3pm to 3:30pm" */
export function describeIntervals(intervals: readonly number[]): string {
  const runs: [number, number][] = []
  for (const i of intervals) {
    const last = runs[runs.length - 1]
    if (last && last[1] === i - 1) last[1] = i
    else runs.push([i, i])
  }
  return runs.map(([from, to]) => formatTimeRange(intervalLabel(from), intervalLabel(to + 1))).join(', ')
}

/** Where each error in the summary takes the user. */
export function helplineErrorHrefs(values: FormValues): Record<string, string> {
  const first = profileIntervalsFor(values)[0]
  return { hours: '#hours-0-open', profile: first === undefined ? '#hours-0-open' : `#profile-${first}` }
}

export function helplineToFormValues(settings: Partial<HelplineSettings>): FormValues {
  const values: FormValues = Object.create(null)
  if (settings.name !== undefined) values.name = settings.name
  settings.openingHours?.forEach((hours, day) => {
    values[`hours-${day}-open`] = hours?.open ?? ''
    values[`hours-${day}-close`] = hours?.close ?? ''
  })
  settings.dayWeights?.forEach((weight, day) => (values[`weight-${day}`] = numberText(weight)))
  if (settings.intradayProfile && settings.openingHours) {
    for (const i of openIntervals(settings.openingHours)) values[`profile-${i}`] = numberText(settings.intradayProfile[i])
  }
  const scalar = (key: keyof HelplineSettings) => {
    const value = settings[key]
    if (typeof value === 'number') values[key] = numberText(value)
  }
  for (const key of [
    'ahtSeconds',
    'targetPercent',
    'targetSeconds',
    'shrinkagePercent',
    'maxOccupancyPercent',
    'patienceSeconds',
    'maxAbandonmentPercent',
    'maxAsaSeconds',
    'baselineCallsPerDay',
    'availableFte',
    'paidHoursPerFte',
  ] as const) {
    scalar(key)
  }
  if (settings.staffToPercentile !== undefined) values.staffToPercentile = String(settings.staffToPercentile)
  if (settings.welshLine) values.welshLine = 'yes'
  return values
}

/** The half hours whose profile inputs the form shows: those open on a day whose times read correctly. */
export function profileIntervalsFor(values: FormValues): number[] {
  return openIntervals(readOpeningHours(values, {}))
}
