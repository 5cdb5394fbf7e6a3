// Validation of the forecast engine's input: the same zod schema on the server (actions) and in the browser
// (live what-if), so forecast() only ever sees input it can compute without NaN or endless loops.
import { z } from 'zod'
import { MAX_CURVE_LENGTH, normaliseCurve } from './curves'
import { isIsoDate, toDayNumber } from './dates'
import { CHANNELS, MAX_DELAY_WORKING_DAYS, POSTAGE_CLASSES } from './delivery'
import { forecast } from './engine'
import { intervalIndex, INTERVALS_PER_DAY } from './helpline-load'
import type { ForecastInput, ForecastResult } from './types'

// A designer's response curve and deadline-bump settings (the maths is in curves.ts).
const share = z
  .number({ error: 'Each day’s share must be a number' })
  .refine(Number.isFinite, { error: 'Each day’s share must be a number' })
  .refine((n) => n >= 0, { error: 'Each day’s share must be 0 or more' })

/** A user-edited curve: 1–60 non-negative numbers, at least one above 0. Parses to the normalised curve. */
export const responseCurveSchema = z
  .array(share, { error: 'Enter the response curve as a list of daily shares' })
  .min(1, { error: 'Enter at least one day in the response curve' })
  .max(MAX_CURVE_LENGTH, { error: `A response curve can cover at most ${MAX_CURVE_LENGTH} working days` })
  .refine((curve) => curve.some((w) => w > 0), { error: 'At least one day of the response curve must be above 0' })
  .transform((curve) => normaliseCurve(curve))

export const deadlineBumpSchema = z.object({
  share: z
    .number({ error: 'Enter the share of calls in the deadline bump as a number' })
    .min(0, { error: 'The share of calls in the deadline bump must be 0 or more' })
    .max(0.9, { error: 'The share of calls in the deadline bump must be 90% or less' }),
  workingDays: z
    .number({ error: 'Enter the number of working days the deadline bump spans' })
    .int({ error: 'The deadline bump must span a whole number of working days' })
    .min(1, { error: 'The deadline bump must span at least 1 working day' })
    .max(20, { error: 'The deadline bump can span at most 20 working days' }),
})

/** The longest span of send dates (and of a requested horizon) one forecast may cover. */
export const MAX_SPAN_DAYS = 3 * 366

const isoDate = (what: string) =>
  z.string({ error: `Enter ${what} as a date` }).refine(isIsoDate, { error: `${capitalise(what)} must be a real date` })

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

const num = (what: string, min: number, max: number, opts: { int?: boolean; unit?: string } = {}) => {
  const unit = opts.unit ?? ''
  let schema = z
    .number({ error: `Enter ${what} as a number` })
    .min(min, { error: `${capitalise(what)} must be ${min}${unit} or more` })
    .max(max, { error: `${capitalise(what)} must be ${max.toLocaleString('en-GB')}${unit} or less` })
  if (opts.int) schema = schema.int({ error: `${capitalise(what)} must be a whole number` })
  return schema
}

const contactRatesSchema = z
  .object({
    low: num('the low contact rate', 0, 1),
    central: num('the central contact rate', 0, 1),
    high: num('the high contact rate', 0, 1),
  })
  .refine((r) => r.low <= r.central && r.central <= r.high, {
    error: 'Contact rates must go up from low to central to high',
  })

const waveSchema = z.object({
  sendDate: isoDate('the send date'),
  volume: num('the wave’s volume', 0, 100_000_000, { int: true }),
})

const splitSchema = z.object({
  helplineId: z.string({ error: 'Choose a helpline' }).min(1, { error: 'Choose a helpline' }),
  share: num('the helpline’s share of calls', 0, 1),
})

const messageSchema = z.object({
  id: z.string().min(1, { error: 'The message needs an id' }),
  name: z.string().min(1, { error: 'Enter the message’s name' }).max(200),
  channel: z.enum(CHANNELS, { error: 'Choose letter, email, SMS or online account message' }),
  postage: z.enum(POSTAGE_CLASSES, { error: 'Choose second class, first class, economy or signed for' }).nullish(),
  deadlineDays: num('the action deadline', 1, 366, { int: true, unit: ' days' }).nullish(),
  delayOverrideDays: num('the delivery delay', 0, MAX_DELAY_WORKING_DAYS, { int: true, unit: ' working days' }).nullish(),
  contactRates: contactRatesSchema.nullish(),
  responseCurve: responseCurveSchema.nullish(),
  waves: z.array(waveSchema).min(1, { error: 'Add at least one wave' }).max(100, { error: 'A message can have at most 100 waves' }),
  split: z
    .array(splitSchema)
    .min(1, { error: 'Send the message’s calls to at least one helpline' })
    .max(20)
    .superRefine((split, ctx) => {
      const total = split.reduce((t, s) => t + s.share, 0)
      if (Math.abs(total - 1) > 1e-6) {
        ctx.addIssue({
          code: 'custom',
          message: `The helpline shares must add up to 100% (they add up to ${Math.round(total * 1000) / 10}%)`,
        })
      }
      const ids = split.map((s) => s.helplineId)
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'Each helpline can appear only once in a split' })
    }),
})

const halfHour = (what: string) =>
  z.string().refine((t) => !Number.isNaN(intervalIndex(t)), {
    error: `Enter the ${what} time on the hour or half hour, like 08:00 or 17:30`,
  })

const openingHoursSchema = z
  .object({ open: halfHour('opening'), close: halfHour('closing') })
  .refine((h) => intervalIndex(h.close) > intervalIndex(h.open), { error: 'The closing time must be after the opening time' })

const helplineSchema = z.object({
  id: z.string().min(1, { error: 'The helpline needs an id' }),
  name: z.string().min(1, { error: 'Enter the helpline’s name' }).max(200),
  openingHours: z
    .array(openingHoursSchema.nullable())
    .length(7, { error: 'Give opening hours for each day from Monday to Sunday' })
    .refine((days) => days.some((d) => d !== null), { error: 'The helpline must be open on at least one day a week' }),
  intradayProfile: z
    .array(num('each half hour’s share', 0, 1e9))
    .length(INTERVALS_PER_DAY, { error: `The intraday profile needs ${INTERVALS_PER_DAY} half-hour shares` }),
  dayOfWeekWeights: z.array(num('each day-of-week weight', 0, 10)).length(7, { error: 'Give a weight for each day from Monday to Sunday' }),
  ahtSeconds: num('the average handle time', 1, 7200, { unit: ' seconds' }),
  target: z.object({
    percent: num('the service-level percentage', 1, 99.9, { unit: '%' }),
    withinSeconds: num('the service-level time', 0, 3600, { unit: ' seconds' }),
  }),
  shrinkage: num('shrinkage', 0, 0.9),
  maxOccupancy: num('the maximum occupancy', 0.1, 1),
  patienceSeconds: num('the average caller patience', 1, 3600, { unit: ' seconds' }).nullable(),
  baselineCallsPerDay: num('the baseline calls per day', 0, 10_000_000),
  availableFte: num('the available FTE', 0, 1_000_000),
  paidHoursPerFtePerDay: num('the paid hours per FTE per day', 0.5, 24, { unit: ' hours' }),
  staffToPercentile: z.union([z.literal(50), z.literal(80), z.literal(90)], { error: 'Staff to the 50th, 80th or 90th percentile' }).optional(),
})

export const forecastInputSchema = z
  .object({
    messages: z.array(messageSchema).max(50, { error: 'A campaign can have at most 50 messages' }),
    contactRates: contactRatesSchema,
    responseCurves: z.partialRecord(z.enum(CHANNELS), responseCurveSchema).nullish(),
    deadlineBump: deadlineBumpSchema.nullish(),
    helplines: z.array(helplineSchema).min(1, { error: 'Choose at least one helpline' }).max(20),
    bankHolidays: z.array(isoDate('a bank holiday')).max(5000),
    horizon: z.object({ from: isoDate('the first day to show').nullish(), to: isoDate('the last day to show').nullish() }).nullish(),
  })
  .superRefine((input, ctx) => {
    if (!Array.isArray(input.helplines) || !Array.isArray(input.messages)) return
    const helplineIds = new Set<string>()
    input.helplines.forEach((h, i) => {
      if (helplineIds.has(h.id)) ctx.addIssue({ code: 'custom', path: ['helplines', i, 'id'], message: 'Each helpline can appear only once' })
      helplineIds.add(h.id)
    })
    const messageIds = new Set<string>()
    let earliest = Infinity
    let latest = -Infinity
    input.messages.forEach((m, i) => {
      if (messageIds.has(m.id)) ctx.addIssue({ code: 'custom', path: ['messages', i, 'id'], message: 'Each message can appear only once' })
      messageIds.add(m.id)
      if (!Array.isArray(m.split) || !Array.isArray(m.waves)) return
      m.split.forEach((s, j) => {
        if (!helplineIds.has(s.helplineId)) {
          ctx.addIssue({ code: 'custom', path: ['messages', i, 'split', j, 'helplineId'], message: 'Choose one of the forecast’s helplines' })
        }
      })
      for (const w of m.waves) {
        if (!isIsoDate(w.sendDate)) continue
        const d = toDayNumber(w.sendDate)
        earliest = Math.min(earliest, d)
        latest = Math.max(latest, d)
      }
    })
    if (latest - earliest > MAX_SPAN_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'The waves’ send dates must fall within 3 years of each other' })
    }
    // Refinements run even when a field above failed, so only trust dates that parsed.
    const from = isIsoDate(input.horizon?.from) ? input.horizon.from : null
    const to = isIsoDate(input.horizon?.to) ? input.horizon.to : null
    if (from && to) {
      const span = toDayNumber(to) - toDayNumber(from)
      if (span < 0) ctx.addIssue({ code: 'custom', path: ['horizon', 'to'], message: 'The last day to show must be after the first' })
      if (span > MAX_SPAN_DAYS) ctx.addIssue({ code: 'custom', path: ['horizon', 'to'], message: 'Show at most 3 years at once' })
    }
    for (const edge of [from, to]) {
      if (!edge || !Number.isFinite(earliest)) continue
      const d = toDayNumber(edge)
      if (Math.max(Math.abs(d - earliest), Math.abs(d - latest)) > MAX_SPAN_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['horizon'], message: 'The days to show must be within 3 years of the send dates' })
      }
    }
  })

export interface ForecastIssue {
  /** Where the problem is, e.g. ["helplines", 0, "ahtSeconds"]. */
  path: (string | number)[]
  message: string
}

export type SafeForecast = { ok: true; input: ForecastInput; result: ForecastResult } | { ok: false; issues: ForecastIssue[] }

/** Validates, then forecasts: never throws for bad input, and reports every problem as a sentence. */
export function safeForecast(input: unknown): SafeForecast {
  const parsed = forecastInputSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: issue.message,
      })),
    }
  }
  const valid = parsed.data as ForecastInput
  try {
    return { ok: true, input: valid, result: forecast(valid) }
  } catch (error) {
    return { ok: false, issues: [{ path: [], message: error instanceof Error ? error.message : String(error) }] }
  }
}
