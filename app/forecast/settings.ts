// A campaign's forecast settings as the designer enters them (percentages, per-message splits), and how they
// become the engine's input. Pure and free of zod: the forecast page runs it in the browser on every edit.
import { DEFAULT_DEADLINE_BUMP, DEFAULT_RESPONSE_CURVES } from './curves'
import { CHANNELS, deliveryDelayDays, POSTAGE_DELAY_WORKING_DAYS, type Channel, type Postage } from './delivery'
import { engineDeliveryProfile } from './delivery-profile'
import { forecast, type ForecastOptions } from './engine'
import type { ForecastHelpline, ForecastInput, ForecastMessage, ForecastResult } from './types'

/** A message and its waves, as the message editor stored them. */
export interface CampaignMessageForForecast {
  id: string
  name: string
  channel: Channel
  postage: Postage | null
  /** "Reply within N days" (letters). */
  deadlineDays: number | null
  /** Letters only: the designer's own percentages delivered on working day 1, 2, 3 … after posting; absent or null uses the postage class's. */
  deliveryProfile?: number[] | null
  waves: { sendDate: string; volume: number }[]
  /**
   * The campaign's Welsh-preference customers: this share of the message's calls goes to the Welsh-language helpline,
   * the rest as the split says. Absent when nobody asked for Welsh or no helpline is the Welsh line.
   */
  welsh?: { helplineId: string; sharePercent: number } | null
}

/** A message's split with its Welsh-preference share moved to the Welsh-language helpline (shares as fractions). */
export function withWelshShare(split: readonly { helplineId: string; share: number }[], welsh: CampaignMessageForForecast['welsh']): { helplineId: string; share: number }[] {
  const w = welsh ? Math.min(1, Math.max(0, welsh.sharePercent / 100)) : 0
  if (!welsh || w === 0) return [...split]
  const routed = split.map((s) => ({ helplineId: s.helplineId, share: s.share * (1 - w) }))
  const own = routed.find((s) => s.helplineId === welsh.helplineId)
  if (own) own.share += w
  else routed.push({ helplineId: welsh.helplineId, share: w })
  return routed.filter((s) => s.share > 0)
}

export interface MessageForecastSettings {
  /** Working days from sending to delivery; null uses the channel's or postage class's default. */
  delayOverrideDays: number | null
  /** Helpline id → percentage of the message's calls; the percentages add up to 100. Empty: not chosen yet. */
  split: Record<string, number>
}

export interface ForecastSettings {
  /** Calls per 100 recipients, in %. */
  contactRates: { low: number; central: number; high: number }
  /** Percentages by working day after delivery, only for channels whose default curve was changed. */
  responseCurves: Partial<Record<Channel, number[]>>
  deadlineBump: { sharePercent: number; workingDays: number }
  /** By message id. */
  messages: Record<string, MessageForecastSettings>
}

/** Planning starting points until the designer sets their own (observed rates from past campaigns are offered beside them). */
export const STARTING_CONTACT_RATES = { low: 5, central: 8, high: 12 }

export function defaultForecastSettings(): ForecastSettings {
  return {
    contactRates: { ...STARTING_CONTACT_RATES },
    responseCurves: {},
    deadlineBump: { sharePercent: DEFAULT_DEADLINE_BUMP.share * 100, workingDays: DEFAULT_DEADLINE_BUMP.workingDays },
    messages: {},
  }
}

/** The channels the campaign's messages use, in the usual order. */
export function channelsUsed(messages: readonly Pick<CampaignMessageForForecast, 'channel'>[]): Channel[] {
  return CHANNELS.filter((channel) => messages.some((m) => m.channel === channel))
}

/** A default curve as the percentages the curve editor shows. */
export function defaultCurvePercent(channel: Channel): number[] {
  return DEFAULT_RESPONSE_CURVES[channel].map((share) => Math.round(share * 100 * 10_000) / 10_000)
}

/** The curve in use for a channel, in %. */
export function curvePercent(settings: ForecastSettings, channel: Channel): number[] {
  return settings.responseCurves[channel] ?? defaultCurvePercent(channel)
}

/** True when two curves give the same shape once each is scaled to 100%. */
export function sameCurveShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  const ta = a.reduce((s, x) => s + x, 0)
  const tb = b.reduce((s, x) => s + x, 0)
  if (!(ta > 0) || !(tb > 0)) return false
  return a.every((x, i) => Math.abs(x / ta - b[i]! / tb) < 1e-9)
}

export function defaultDelayDays(message: Pick<CampaignMessageForForecast, 'channel' | 'postage'>): number {
  return deliveryDelayDays({ channel: message.channel, postage: message.postage })
}

export { POSTAGE_DELAY_WORKING_DAYS }

/** A message takes part in the forecast once it has waves and at least one helpline with a share. */
export function messageReadiness(message: CampaignMessageForForecast, settings: ForecastSettings): 'ready' | 'no-split' | 'no-waves' {
  if (message.waves.length === 0) return 'no-waves'
  const split = settings.messages[message.id]?.split ?? {}
  return Object.values(split).some((share) => share > 0) ? 'ready' : 'no-split'
}

export interface BuiltForecastInput {
  input: ForecastInput | null
  /** Messages left out, with the reason, to show beside the forecast. */
  excluded: { id: string; name: string; reason: 'no-split' | 'no-waves' }[]
}

/**
 * The engine's input from the saved or typed settings. `bankHolidays` are the campaign nation's (when post arrives,
 * which days are working days); `helplineBankHolidays` the days the helplines close (absent: the same).
 */
export function buildForecastInput(
  settings: ForecastSettings,
  messages: readonly CampaignMessageForForecast[],
  helplines: readonly ForecastHelpline[],
  bankHolidays: readonly string[],
  helplineBankHolidays: readonly string[] | null = null,
): BuiltForecastInput {
  const excluded: BuiltForecastInput['excluded'] = []
  const known = new Set(helplines.map((h) => h.id))
  const used = new Set<string>()
  const included: ForecastMessage[] = []
  for (const message of messages) {
    const readiness = messageReadiness(message, settings)
    if (readiness !== 'ready') {
      excluded.push({ id: message.id, name: message.name, reason: readiness })
      continue
    }
    const own = settings.messages[message.id]!
    const designed = Object.entries(own.split)
      .filter(([helplineId, share]) => share > 0 && known.has(helplineId))
      .map(([helplineId, share]) => ({ helplineId, share: share / 100 }))
    if (designed.length === 0) {
      excluded.push({ id: message.id, name: message.name, reason: 'no-split' })
      continue
    }
    const split = message.welsh && known.has(message.welsh.helplineId) ? withWelshShare(designed, message.welsh) : designed
    for (const s of split) used.add(s.helplineId)
    included.push({
      id: message.id,
      name: message.name,
      channel: message.channel,
      postage: message.postage,
      deadlineDays: message.deadlineDays,
      delayOverrideDays: own.delayOverrideDays,
      ...(message.deliveryProfile?.length ? { deliveryProfile: engineDeliveryProfile(message.deliveryProfile) } : {}),
      waves: message.waves,
      split,
    })
  }
  if (included.length === 0) return { input: null, excluded }
  const responseCurves: Partial<Record<Channel, number[]>> = {}
  for (const channel of CHANNELS) {
    const curve = settings.responseCurves[channel]
    if (curve && curve.some((x) => x > 0)) responseCurves[channel] = curve
  }
  return {
    excluded,
    input: {
      messages: included,
      contactRates: {
        low: settings.contactRates.low / 100,
        central: settings.contactRates.central / 100,
        high: settings.contactRates.high / 100,
      },
      responseCurves,
      deadlineBump: { share: settings.deadlineBump.sharePercent / 100, workingDays: settings.deadlineBump.workingDays },
      helplines: helplines.filter((h) => used.has(h.id)),
      bankHolidays,
      helplineBankHolidays,
    },
  }
}

export type CampaignForecast =
  | { ok: true; input: ForecastInput; result: ForecastResult; excluded: BuiltForecastInput['excluded'] }
  | { ok: false; reason: 'nothing-to-forecast'; excluded: BuiltForecastInput['excluded'] }
  | { ok: false; reason: 'engine'; message: string; excluded: BuiltForecastInput['excluded'] }

/** Settings in, forecast out: what the server renders and the browser recomputes as the designer types. */
export function forecastFromSettings(
  settings: ForecastSettings,
  messages: readonly CampaignMessageForForecast[],
  helplines: readonly ForecastHelpline[],
  bankHolidays: readonly string[],
  helplineBankHolidays: readonly string[] | null = null,
  options: ForecastOptions & { dispersion?: number | null } = {},
): CampaignForecast {
  const { input, excluded } = buildForecastInput(settings, messages, helplines, bankHolidays, helplineBankHolidays)
  if (!input) return { ok: false, reason: 'nothing-to-forecast', excluded }
  // The day-to-day dispersion past actuals show (fitted on the server); absent, the engine's assumption.
  if (options.dispersion != null) input.dispersion = options.dispersion
  try {
    return { ok: true, input, result: forecast(input, options), excluded }
  } catch (error) {
    // The engine refuses what it cannot place in time, such as a helpline that is never open on a working day.
    return { ok: false, reason: 'engine', message: error instanceof Error ? error.message : String(error), excluded }
  }
}

/** True when two sets of settings forecast the same thing for these messages (a missing message = nothing set). */
export function sameSettings(a: ForecastSettings, b: ForecastSettings, messages: readonly Pick<CampaignMessageForForecast, 'id'>[]): boolean {
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y)
  if (!same(a.contactRates, b.contactRates) || !same(a.deadlineBump, b.deadlineBump)) return false
  for (const channel of CHANNELS) if (!same(a.responseCurves[channel] ?? null, b.responseCurves[channel] ?? null)) return false
  for (const m of messages) {
    const x = a.messages[m.id]
    const y = b.messages[m.id]
    if ((x?.delayOverrideDays ?? null) !== (y?.delayOverrideDays ?? null)) return false
    const splitX = Object.entries(x?.split ?? {}).filter(([, v]) => v > 0).sort()
    const splitY = Object.entries(y?.split ?? {}).filter(([, v]) => v > 0).sort()
    if (!same(splitX, splitY)) return false
  }
  return true
}

/** Response curves as stored (JSON by channel): only known channels, and only curves of finite shares of 0 or more. */
export function parseStoredCurves(json: string | null): ForecastSettings['responseCurves'] {
  if (!json) return {}
  const value = JSON.parse(json) as Record<string, unknown>
  const curves: ForecastSettings['responseCurves'] = {}
  for (const channel of CHANNELS) {
    const curve = value[channel]
    if (Array.isArray(curve) && curve.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) curves[channel] = curve as number[]
  }
  return curves
}
