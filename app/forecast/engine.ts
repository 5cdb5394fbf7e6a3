// forecast(input): calls per helpline per day (mean, P10 and P90), and the staff to answer them.
// Pure and isomorphic: the server renders it and the browser reruns it as the designer types.
import { createWorkingCalendar, type WorkingCalendar } from './working-days'
import { applyDeadlineBump, DEFAULT_DEADLINE_BUMP, DEFAULT_RESPONSE_CURVES, normaliseCurve } from './curves'
import { fromDayNumber, toDayNumber } from './dates'
import { deliveryProfile, nominalDeliveryDays, type Channel } from './delivery'
import { dayIntervals, openDayIntervals, placeOnOpenDays, prepareHelpline, staffDays, type AbandonmentStaffing, type DayLoad } from './helpline-load'
import { noRules, OutcomeTally } from './outcomes'
import { DEFAULT_DISPERSION, rateSpreadPerBand, staffToPercentileOf, withPredictionInterval } from './intervals'
import { BINDING_RULES } from './types'
import type {
  ForecastHelpline,
  ForecastInput,
  ForecastMessage,
  ForecastResult,
  HelplineForecast,
  MessageForecast,
  PeakDay,
  PeakInterval,
  ScenarioValues,
  WaveForecast,
} from './types'

export * from './types'
export { aggregateByIsoWeek, staffCombinedLoad, fteFromAgentHours } from './helpline-load'

const sv = (low: number, central: number, high: number): ScenarioValues => ({ low, central, high })

/** The curve a message's waves follow, normalised to sum to 1. */
export function responseCurveFor(
  message: Pick<ForecastMessage, 'channel' | 'responseCurve'>,
  curves?: ForecastInput['responseCurves'],
): readonly number[] {
  if (message.responseCurve && message.responseCurve.length) return normaliseCurve([...message.responseCurve])
  const custom = curves?.[message.channel]
  if (custom && custom.length) return normaliseCurve([...custom])
  return DEFAULT_RESPONSE_CURVES[message.channel]
}

/** Working days from `from` to `to` (0 when `to` is on or before `from`), counting `to` but not `from`. */
function workingDaysAfter(calendar: WorkingCalendar, from: number, to: number): number {
  let count = 0
  for (let d = from + 1; d <= to; d++) if (calendar.isWorkingDayNumber(d)) count++
  return count
}

/** A wave's calls per recipient, by day: `days[k]` gets `shares[k]` of them. */
export interface WaveArrivals {
  days: Int32Array
  shares: Float64Array
}

/** Where the letters of one delivery day send their calls: working day k after it gets shape[k]. */
function arrivalsFrom(
  calendar: WorkingCalendar,
  deliveryDay: number,
  curve: readonly number[],
  deadlineDay: number | null,
  bump: { share: number; workingDays: number },
): { firstDay: number; shape: ArrayLike<number> } {
  const firstDay = calendar.workingDayOnOrAfterNumber(deliveryDay)
  let shape: ArrayLike<number> = curve
  if (deadlineDay !== null && bump.share > 0) {
    let lastWorking = deadlineDay
    while (!calendar.isWorkingDayNumber(lastWorking)) lastWorking--
    shape = applyDeadlineBump(curve, workingDaysAfter(calendar, firstDay, lastWorking), bump)
  }
  return { firstDay, shape }
}

/**
 * Where one wave's calls land: the delivery profile convolved with the response curve. The letters delivered on
 * working day j after sending (share profile[j]) call on working day k after their delivery with shape[k]. A deadline
 * is printed on the letter, so it counts from the wave's planned delivery day (`delayDays` after sending) for all.
 */
export function waveArrivals(
  calendar: WorkingCalendar,
  sendDay: number,
  delayDays: number,
  curve: readonly number[],
  deadlineDays: number | null | undefined,
  bump: { share: number; workingDays: number },
  profile: readonly number[] = singleDay(delayDays),
): { deliveryDay: number; deadlineDay: number | null; arrivals: WaveArrivals } {
  const deliveryDay = calendar.addWorkingDaysNumber(sendDay, delayDays)
  const deadlineDay = deadlineDays !== null && deadlineDays !== undefined ? deliveryDay + deadlineDays : null
  const parts: { firstDay: number; shape: ArrayLike<number>; share: number }[] = []
  let firstDay = Infinity
  let lastDay = -Infinity
  for (let j = 0; j < profile.length; j++) {
    const share = profile[j]!
    if (!(share > 0)) continue
    const part = arrivalsFrom(calendar, calendar.addWorkingDaysNumber(sendDay, j), curve, deadlineDay, bump)
    parts.push({ ...part, share })
    if (part.firstDay < firstDay) firstDay = part.firstDay
    const end = calendar.addWorkingDaysNumber(part.firstDay, part.shape.length - 1)
    if (end > lastDay) lastDay = end
  }
  if (parts.length === 1 && parts[0]!.share === 1) return { deliveryDay, deadlineDay, arrivals: placeShape(calendar, parts[0]!.firstDay, parts[0]!.shape) }
  // Working days from the first to the last, each with the sum of every part's share on it.
  const dayIndex = new Map<number, number>()
  const dayList: number[] = []
  for (let d = firstDay; d <= lastDay; d = calendar.addWorkingDaysNumber(d, 1)) {
    dayIndex.set(d, dayList.length)
    dayList.push(d)
  }
  const shares = new Float64Array(dayList.length)
  for (const part of parts) {
    let i = dayIndex.get(part.firstDay)!
    for (let k = 0; k < part.shape.length; k++) {
      if (k > 0) i++
      shares[i] += part.share * part.shape[k]!
    }
  }
  return { deliveryDay, deadlineDay, arrivals: { days: Int32Array.from(dayList), shares } }
}

function singleDay(delayDays: number): number[] {
  const profile = new Array<number>(delayDays + 1).fill(0)
  profile[delayDays] = 1
  return profile
}

function placeShape(calendar: WorkingCalendar, firstDay: number, shape: ArrayLike<number>): WaveArrivals {
  const days = new Int32Array(shape.length)
  const shares = new Float64Array(shape.length)
  let day = firstDay
  for (let k = 0; k < shape.length; k++) {
    if (k > 0) day = calendar.addWorkingDaysNumber(day, 1)
    days[k] = day
    shares[k] = shape[k]!
  }
  return { days, shares }
}

export interface PlannedMessage {
  message: ForecastMessage
  rates: ScenarioValues
  delayDays: number
  waves: { forecast: WaveForecast; volume: number; arrivals: WaveArrivals }[]
  /** Helpline index → share of calls (normalised to sum to 1). */
  split: { helpline: number; share: number }[]
}

function normalisedSplit(message: ForecastMessage, helplineIndex: Map<string, number>) {
  let total = 0
  for (const s of message.split) total += s.share
  if (!(total > 0)) throw new RangeError(`“${message.name}” does not send its calls to any helpline`)
  return message.split.map((s) => {
    const helpline = helplineIndex.get(s.helplineId)
    if (helpline === undefined) throw new RangeError(`“${message.name}” sends calls to a helpline that does not exist`)
    return { helpline, share: s.share / total }
  })
}

/** Where every message's calls arrive, per helpline and day, before calls on closed days roll forward. */
export interface Arrivals {
  calendar: WorkingCalendar
  planned: PlannedMessage[]
  /** Day numbers of the first send date and the last arrival (widened by any horizon); NaN without waves. */
  first: number
  last: number
  /** One per input helpline, in the input's order, all starting at `first`. */
  loads: DayLoad[]
}

/**
 * Steps 1 and 2 of the forecast: the calls of every wave placed on working days and summed per helpline. The
 * helpline calendar stores exactly these, so it and the forecast page cannot disagree.
 */
export function arrivals(input: ForecastInput): Arrivals {
  const calendar = createWorkingCalendar(input.bankHolidays)
  const bump = input.deadlineBump ?? DEFAULT_DEADLINE_BUMP
  const helplineIndex = new Map(input.helplines.map((h, i) => [h.id, i]))
  const curveCache = new Map<Channel, readonly number[]>()

  // 1. Where every wave's calls arrive.
  let first = Infinity
  let last = -Infinity
  const planned: PlannedMessage[] = input.messages.map((message) => {
    const rates = message.contactRates ?? input.contactRates
    let curve: readonly number[]
    if (message.responseCurve && message.responseCurve.length) curve = responseCurveFor(message)
    else {
      curve = curveCache.get(message.channel) ?? responseCurveFor(message, input.responseCurves)
      curveCache.set(message.channel, curve)
    }
    const delayDays = nominalDeliveryDays(message)
    const profile = deliveryProfile(message)
    const split = normalisedSplit(message, helplineIndex)
    const waves = message.waves.map((wave) => {
      const sendDay = toDayNumber(wave.sendDate)
      const { deliveryDay, deadlineDay, arrivals } = waveArrivals(
        calendar,
        sendDay,
        delayDays,
        curve,
        message.deadlineDays,
        bump,
        profile,
      )
      if (sendDay < first) first = sendDay
      const lastArrival = arrivals.days[arrivals.days.length - 1]
      if (lastArrival > last) last = lastArrival
      const v = wave.volume
      return {
        volume: v,
        arrivals,
        forecast: {
          sendDate: wave.sendDate,
          deliveryDate: fromDayNumber(deliveryDay),
          deadlineDate: deadlineDay === null ? null : fromDayNumber(deadlineDay),
          volume: v,
          calls: sv(v * rates.low, v * rates.central, v * rates.high),
        },
      }
    })
    return { message, rates, delayDays, waves, split }
  })

  const horizonFrom = input.horizon?.from ? toDayNumber(input.horizon.from) : Infinity
  const horizonTo = input.horizon?.to ? toDayNumber(input.horizon.to) : -Infinity
  if (horizonFrom < first) first = horizonFrom
  if (horizonTo > last) last = horizonTo
  if (!Number.isFinite(first) || !Number.isFinite(last)) return { calendar, planned, first: NaN, last: NaN, loads: [] }

  // 2. Arrivals per helpline per day.
  const length = last - first + 1
  const loads: DayLoad[] = input.helplines.map(() => ({
    start: first,
    low: new Float64Array(length),
    central: new Float64Array(length),
    high: new Float64Array(length),
  }))
  for (const p of planned) {
    for (const { helpline, share } of p.split) {
      const load = loads[helpline]
      const low = p.rates.low * share
      const central = p.rates.central * share
      const high = p.rates.high * share
      for (const wave of p.waves) {
        const { days, shares } = wave.arrivals
        for (let k = 0; k < days.length; k++) {
          const i = days[k] - first
          const perRecipient = wave.volume * shares[k]
          load.low[i] += perRecipient * low
          load.central[i] += perRecipient * central
          load.high[i] += perRecipient * high
        }
      }
    }
  }
  return { calendar, planned, first, last, loads }
}

export interface ForecastOptions {
  /** Include every open day's half hours (central) in each helpline's `intervals`: the interval CSV needs them. */
  intervals?: boolean
}

export function forecast(input: ForecastInput, options: ForecastOptions = {}): ForecastResult {
  const warnings: string[] = []
  const placed = arrivals(input)
  const { calendar, planned, loads, first } = placed
  let last = placed.last
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    // Nothing to place in time: no waves and no horizon.
    return emptyResult(input, planned)
  }

  // Put each helpline's calls on the days it opens: its own calendar decides those, the campaign's nation when post
  // arrives and which days are working days.
  const helplineCalendar = input.helplineBankHolidays ? createWorkingCalendar(input.helplineBankHolidays) : calendar
  const prepared = input.helplines.map(prepareHelpline)
  // Each day's low and high become the P10 and P90 of its calls (docs/forecast-maths.md, "Prediction intervals").
  const spread = rateSpreadPerBand(input.contactRates)
  const dispersion = input.dispersion ?? DEFAULT_DISPERSION
  // The totals stay the calls at the P10 and P90 rates: the days share one rate, so that is the total's P10 and P90.
  const atRates = loads.map((load, h) => placeOnOpenDays(prepared[h], helplineCalendar, calendar, load))
  // The central staffing is for each helpline's chosen percentile of the day's calls; the calls shown stay the mean.
  const rolled = atRates.map((load, h) => withPredictionInterval(load, spread, dispersion, staffToPercentileOf(input.helplines[h]!)))
  for (const r of rolled) last = Math.max(last, r.start + r.central.length - 1)

  // 3. Staff each helpline, every day of the common range.
  const dates: string[] = []
  for (let d = first; d <= last; d++) dates.push(fromDayNumber(d))
  const overall = new Float64Array(dates.length * 3)
  let firstCall = Infinity
  let lastCall = -Infinity
  let peakInterval: PeakInterval | null = null
  const totalCalls = sv(0, 0, 0)
  const totalFteDays = sv(0, 0, 0)

  const helplines: HelplineForecast[] = input.helplines.map((helpline, h) => {
    const staffed = staffDays(prepared[h], helplineCalendar, rolled[h], first, last)
    const erlangA = prepared[h]!.erlangA
    const tallies = { baseline: new OutcomeTally(erlangA), low: new OutcomeTally(erlangA), central: new OutcomeTally(erlangA), high: new OutcomeTally(erlangA) }
    const bindingRules = noRules()
    let peakDay: PeakDay | null = null
    let peakStaffedCalls = 0
    const totals = {
      calls: sv(0, 0, 0),
      baselineCalls: 0,
      requiredFteDays: sv(0, 0, 0),
      daysOverCapacity: sv(0, 0, 0),
    }
    staffed.days.forEach((day, i) => {
      totals.baselineCalls += day.baselineCalls
      totals.calls.central += day.calls.central
      for (const s of ['low', 'central', 'high'] as const) {
        totals.requiredFteDays[s] += day.requiredFte[s]
        if (day.open && day.shortfallFte[s] > 0) totals.daysOverCapacity[s]++
      }
      if (day.open && (day.calls.low > 0 || day.calls.central > 0 || day.calls.high > 0)) {
        // The campaign's days: what the staff achieve with it, and with the baseline alone on the same days.
        tallies.baseline.addOutcome(day.outcome.baseline)
        tallies.low.addOutcome(day.outcome.total.low)
        tallies.central.addOutcome(day.outcome.total.central)
        tallies.high.addOutcome(day.outcome.total.high)
        for (const rule of BINDING_RULES) bindingRules[rule] += day.bindingRules[rule]
      }
      overall[i * 3] += day.calls.low
      overall[i * 3 + 1] += day.calls.central
      overall[i * 3 + 2] += day.calls.high
      if (day.calls.low > 0 || day.calls.central > 0 || day.calls.high > 0) {
        if (i < firstCall) firstCall = i
        if (i > lastCall) lastCall = i
        if (peakDay === null || day.calls.central > peakDay.calls.central) {
          peakDay = { date: day.date, calls: { ...day.calls } }
          peakStaffedCalls = day.staffedCalls
        }
      }
    })
    for (let i = 0; i < atRates[h]!.low.length; i++) {
      totals.calls.low += atRates[h]!.low[i]!
      totals.calls.high += atRates[h]!.high[i]!
    }
    for (const s of ['low', 'central', 'high'] as const) {
      totalCalls[s] += totals.calls[s]
      totalFteDays[s] += totals.requiredFteDays[s]
    }
    if (staffed.peakInterval && (peakInterval === null || staffed.peakInterval.agents > peakInterval.agents)) {
      peakInterval = staffed.peakInterval
    }
    if (staffed.abandonmentStaffing) warnings.push(abandonmentWarning(helpline, staffed.abandonmentStaffing))
    const load = rolled[h]!
    const campaignCentralOn = (date: string) => {
      const i = toDayNumber(date) - load.start
      return i >= 0 && i < load.central.length ? (load.staffed ?? load.central)[i]! : 0
    }
    const foundPeak = peakDay as PeakDay | null
    const result: HelplineForecast = {
      helplineId: helpline.id,
      name: helpline.name,
      staffToPercentile: staffToPercentileOf(helpline),
      days: staffed.days,
      totals: {
        ...totals,
        outcome: { baseline: tallies.baseline.result(), total: { low: tallies.low.result(), central: tallies.central.result(), high: tallies.high.result() } },
        bindingRules,
      },
      peakDay,
      peakDayIntervals: foundPeak ? dayIntervals(prepared[h]!, helplineCalendar, toDayNumber(foundPeak.date), peakStaffedCalls) : null,
      peakInterval: staffed.peakInterval,
    }
    if (options.intervals) {
      const openDays = staffed.days.filter((d) => d.open).map((d) => toDayNumber(d.date))
      result.intervals = openDayIntervals(prepared[h]!, helplineCalendar, openDays, (day) => campaignCentralOn(fromDayNumber(day))).map((d) => ({
        date: fromDayNumber(d.day),
        intervals: d.intervals,
      }))
    }
    return result
  })

  let overallPeak: PeakDay | null = null
  for (let i = 0; i < dates.length; i++) {
    const central = overall[i * 3 + 1]
    if (central > 0 && (overallPeak === null || central > overallPeak.calls.central)) {
      overallPeak = { date: dates[i], calls: sv(overall[i * 3], central, overall[i * 3 + 2]) }
    }
  }

  const messages = planned.map((p) => messageForecast(p, first, dates.length))

  if (calendar.knownUntil === null) {
    warnings.push('No bank holidays are loaded, so only weekends count as non-working days.')
  } else if (Number.isFinite(lastCall) && dates[lastCall] > calendar.knownUntil) {
    warnings.push(
      `Bank holidays are known only up to ${calendar.knownUntil}. Later days count weekends as the only non-working days: upload a newer bank holidays file.`,
    )
  }

  return {
    dates,
    helplines,
    messages,
    summary: {
      calls: totalCalls,
      requiredFteDays: totalFteDays,
      firstCallDate: Number.isFinite(firstCall) ? dates[firstCall] : null,
      lastCallDate: Number.isFinite(lastCall) ? dates[lastCall] : null,
      peakDay: overallPeak,
      peakInterval,
    },
    warnings,
  }
}

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`

/** The sentence for a helpline whose staffing meets its target only because callers hang up. */
function abandonmentWarning(helpline: ForecastHelpline, at: AbandonmentStaffing): string {
  const more = at.intervals > 1 ? `, and in ${at.intervals - 1} other half hour${at.intervals === 2 ? '' : 's'}` : ''
  return (
    `${helpline.name}: the service-level target is met only because callers hang up. On ${at.date} from ${at.time}, ` +
    `${at.agents} agents are planned for ${Math.round(at.loadErlangs * 10) / 10} Erlangs of calls, fewer than the calls need to be answered at all, ` +
    `so about ${percent(at.abandonment)} of callers would hang up${more}. Set a maximum abandonment rate for the helpline, or a lower occupancy cap.`
  )
}

function messageForecast(p: PlannedMessage, first: number, length: number): MessageForecast {
  const daily = length > 0 ? new Array<number>(length).fill(0) : []
  const calls = sv(0, 0, 0)
  for (const wave of p.waves) {
    const { days, shares } = wave.arrivals
    for (let k = 0; k < days.length; k++) daily[days[k] - first] += wave.volume * shares[k] * p.rates.central
    calls.low += wave.forecast.calls.low
    calls.central += wave.forecast.calls.central
    calls.high += wave.forecast.calls.high
  }
  return {
    messageId: p.message.id,
    name: p.message.name,
    channel: p.message.channel,
    delayDays: p.delayDays,
    waves: p.waves.map((w) => w.forecast),
    calls,
    dailyCentralCalls: daily,
  }
}

function emptyOutcomes(erlangA: boolean) {
  const empty = new OutcomeTally(erlangA).result()
  return { baseline: empty, total: { low: empty, central: empty, high: empty } }
}

function emptyResult(input: ForecastInput, planned: PlannedMessage[]): ForecastResult {
  return {
    dates: [],
    helplines: input.helplines.map((h) => ({
      helplineId: h.id,
      staffToPercentile: staffToPercentileOf(h),
      name: h.name,
      days: [],
      totals: {
        calls: sv(0, 0, 0),
        baselineCalls: 0,
        requiredFteDays: sv(0, 0, 0),
        daysOverCapacity: sv(0, 0, 0),
        outcome: emptyOutcomes(!!h.patienceSeconds),
        bindingRules: noRules(),
      },
      peakDay: null,
      peakDayIntervals: null,
      peakInterval: null,
    })),
    messages: planned.map((p) => messageForecast(p, 0, 0)),
    summary: {
      calls: sv(0, 0, 0),
      requiredFteDays: sv(0, 0, 0),
      firstCallDate: null,
      lastCallDate: null,
      peakDay: null,
      peakInterval: null,
    },
    warnings: [],
  }
}
