// The forecast form: contact rates, the helpline split and delivery delay of each message, the response
// curves and the deadline bump. The action and the browser's live recompute both read the form with this,
// so a figure the server would refuse never reaches the chart either.
import { MAX_CURVE_LENGTH } from '../forecast/curves'
import { CHANNEL_NAMES, MAX_DELAY_WORKING_DAYS, type Channel } from '../forecast/delivery'
import {
  channelsUsed,
  curvePercent,
  defaultCurvePercent,
  sameCurveShape,
  type CampaignMessageForForecast,
  type ForecastSettings,
  type MessageForecastSettings,
} from '../forecast/settings'
import { trimNumber } from '../helplines/helpline'
import type { FieldErrors, FormValues, Parsed } from '../utils/forms'
import { numberText, readNumber } from './numbers'

export interface ForecastFormContext {
  messages: readonly (Pick<CampaignMessageForForecast, 'id' | 'name' | 'channel' | 'deadlineDays'> & Partial<Pick<CampaignMessageForForecast, 'deliveryProfile'>>)[]
  helplines: readonly { id: string; name: string }[]
  /** Used for anything the form does not show (the deadline bump when no message has a deadline). */
  fallback: ForecastSettings
}

/** Spare blank days the curve editor offers after the last day of the longest curve. */
export const SPARE_CURVE_DAYS = 5

export const splitField = (messageId: string, helplineId: string) => `split-${messageId}-${helplineId}`
export const delayField = (messageId: string) => `delay-${messageId}`
export const curveField = (channel: Channel, day: number) => `curve-${channel}-${day}`

export const hasDeadlines = (ctx: Pick<ForecastFormContext, 'messages'>) => ctx.messages.some((m) => m.deadlineDays !== null)

/** The order of the fields on the page, which is the error summary's order. */
export function forecastFieldOrder(ctx: ForecastFormContext): string[] {
  return [
    'rateLow',
    'rateCentral',
    'rateHigh',
    ...ctx.messages.flatMap((m) => [`split-${m.id}`, ...ctx.helplines.map((h) => splitField(m.id, h.id)), delayField(m.id)]),
    ...channelsUsed(ctx.messages).flatMap((channel) => [`curve-${channel}`, ...Array.from({ length: MAX_CURVE_LENGTH }, (_, k) => curveField(channel, k))]),
    'bumpShare',
    'bumpDays',
  ]
}

export function forecastErrorHrefs(ctx: ForecastFormContext): Record<string, string> {
  const hrefs: Record<string, string> = { _form: '#forecast-form' }
  const firstHelpline = ctx.helplines[0]
  for (const m of ctx.messages) if (firstHelpline) hrefs[`split-${m.id}`] = `#${splitField(m.id, firstHelpline.id)}`
  for (const channel of channelsUsed(ctx.messages)) hrefs[`curve-${channel}`] = `#${curveField(channel, 0)}`
  return hrefs
}

function offBy(total: number): string {
  const off = Math.round((total - 100) * 100) / 100
  return `${trimNumber(Math.abs(off))}% ${off < 0 ? 'short' : 'over'}`
}

export function parseForecastForm(values: FormValues, ctx: ForecastFormContext): Parsed<ForecastSettings> {
  const errors: FieldErrors = {}
  const rate = (key: string, which: string) => {
    const read = readNumber(values[key], {
      label: `The ${which} contact rate`,
      required: `the ${which} contact rate`,
      example: '8',
      min: 0,
      max: 100,
      unit: '%',
      percent: true,
    })
    if (!read.ok) errors[key] = read.message
    return read.ok ? (read.value as number) : NaN
  }
  const low = rate('rateLow', 'low')
  const central = rate('rateCentral', 'central')
  const high = rate('rateHigh', 'high')
  if (!errors.rateLow && !errors.rateCentral && low > central) errors.rateLow = 'The low contact rate must be no more than the central rate'
  if (!errors.rateHigh && !errors.rateCentral && high < central) errors.rateHigh = 'The high contact rate must be at least the central rate'

  const messages: Record<string, MessageForecastSettings> = {}
  for (const m of ctx.messages) {
    const split: Record<string, number> = {}
    let total = 0
    let cellError = false
    for (const h of ctx.helplines) {
      const key = splitField(m.id, h.id)
      const read = readNumber(values[key], { label: `The share of “${m.name}” calls for ${h.name}`, example: '60', min: 0, max: 100, unit: '%', percent: true })
      if (!read.ok) {
        errors[key] = read.message
        cellError = true
      } else if (read.value) {
        split[h.id] = read.value
        total += read.value
      }
    }
    // All blank means no helpline chosen yet: allowed, and the forecast task stays incomplete.
    if (!cellError && total > 0 && Math.abs(total - 100) >= 0.01) {
      errors[`split-${m.id}`] = `The shares of “${m.name}” calls add up to ${trimNumber(total)}%. They must add up to 100% (${offBy(total)})`
    }
    const delay = readNumber(values[delayField(m.id)], {
      label: `The delivery delay for “${m.name}”`,
      example: '3',
      min: 0,
      max: MAX_DELAY_WORKING_DAYS,
      integer: true,
      unit: ' working days',
    })
    if (!delay.ok) errors[delayField(m.id)] = delay.message
    // A delay and a letter's own delivery profile say the same thing two ways: the planner takes one or the other.
    else if (delay.value !== null && m.deliveryProfile?.length) {
      errors[delayField(m.id)] = `“${m.name}” has its own delivery profile, so leave its delivery delay blank, or clear the profile on the message first`
    }
    messages[m.id] = { delayOverrideDays: delay.ok ? delay.value : null, split }
  }

  const responseCurves: ForecastSettings['responseCurves'] = {}
  for (const channel of channelsUsed(ctx.messages)) {
    if (values[curveField(channel, 0)] === undefined) {
      const kept = ctx.fallback.responseCurves[channel]
      if (kept) responseCurves[channel] = kept
      continue
    }
    const curve: number[] = []
    let cellError = false
    for (let k = 0; k < MAX_CURVE_LENGTH; k++) {
      const key = curveField(channel, k)
      const read = readNumber(values[key], {
        label: `Working day ${k} of the ${CHANNEL_NAMES[channel].toLowerCase()} response curve`,
        example: '12.5',
        min: 0,
        max: 100,
        unit: '%',
        percent: true,
      })
      if (!read.ok) {
        errors[key] = read.message
        cellError = true
      }
      curve.push(read.ok ? (read.value ?? 0) : 0)
    }
    while (curve.length && curve[curve.length - 1] === 0) curve.pop()
    if (cellError) continue
    if (curve.length === 0) {
      errors[`curve-${channel}`] = `Enter the share of calls for at least one working day of the ${CHANNEL_NAMES[channel].toLowerCase()} response curve`
      continue
    }
    if (!sameCurveShape(curve, defaultCurvePercent(channel))) responseCurves[channel] = curve
  }

  let deadlineBump = ctx.fallback.deadlineBump
  if (hasDeadlines(ctx)) {
    const share = readNumber(values.bumpShare, {
      label: 'The share of calls in the deadline bump',
      required: 'the share of calls in the deadline bump, or 0 for none',
      example: '15',
      min: 0,
      max: 90,
      unit: '%',
      percent: true,
    })
    const days = readNumber(values.bumpDays, {
      label: 'The number of working days before the deadline',
      required: 'the number of working days the deadline bump spans',
      example: '5',
      min: 1,
      max: 20,
      integer: true,
    })
    if (!share.ok) errors.bumpShare = share.message
    if (!days.ok) errors.bumpDays = days.message
    if (share.ok && days.ok) deadlineBump = { sharePercent: share.value as number, workingDays: days.value as number }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, data: { contactRates: { low, central, high }, responseCurves, deadlineBump, messages } }
}

/** How many days the curve editor shows: the longest curve in use plus a few spare. */
export function curveRows(settings: ForecastSettings, channels: readonly Channel[]): number {
  const longest = Math.max(0, ...channels.map((channel) => curvePercent(settings, channel).length))
  return Math.min(MAX_CURVE_LENGTH, longest + SPARE_CURVE_DAYS)
}

/** The same, for values as typed (after a refused submission). */
export function curveRowsFromValues(values: FormValues, channels: readonly Channel[]): number {
  let longest = 0
  for (const channel of channels) {
    for (let k = 0; k < MAX_CURVE_LENGTH; k++) if ((values[curveField(channel, k)] ?? '').trim() !== '') longest = Math.max(longest, k + 1)
  }
  return Math.min(MAX_CURVE_LENGTH, longest + SPARE_CURVE_DAYS)
}

export function forecastToFormValues(settings: ForecastSettings, ctx: Pick<ForecastFormContext, 'messages' | 'helplines'>): FormValues {
  const values: FormValues = Object.create(null)
  values.rateLow = numberText(settings.contactRates.low)
  values.rateCentral = numberText(settings.contactRates.central)
  values.rateHigh = numberText(settings.contactRates.high)
  for (const m of ctx.messages) {
    const own = settings.messages[m.id]
    for (const h of ctx.helplines) {
      const share = own?.split[h.id]
      values[splitField(m.id, h.id)] = share ? numberText(share) : ''
    }
    values[delayField(m.id)] = numberText(own?.delayOverrideDays)
  }
  for (const channel of channelsUsed(ctx.messages)) {
    curvePercent(settings, channel).forEach((share, k) => (values[curveField(channel, k)] = numberText(share)))
  }
  values.bumpShare = numberText(settings.deadlineBump.sharePercent)
  values.bumpDays = numberText(settings.deadlineBump.workingDays)
  return values
}
