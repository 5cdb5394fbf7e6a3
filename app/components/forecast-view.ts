// Turns a forecast result into what the forecast page, its charts and the briefing show. Pure and
// deterministic (no Intl date formatting), so the server's HTML and the browser's recompute match exactly.
import { toDayNumber, weekdayOfDayNumber } from '~/forecast/dates'
import type { BindingRule, ForecastHelpline, ForecastResult, HelplineDay, HelplineForecast, Outcome, RuleCounts } from '~/forecast/types'

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "Tue 4 May 2027" */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${DAYS[weekdayOfDayNumber(toDayNumber(iso))]} ${Number(d)} ${MONTHS[Number(m) - 1]!.slice(0, 3)} ${y}`
}

/** "Tuesday 4 May 2027" */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${LONG_DAYS[weekdayOfDayNumber(toDayNumber(iso))]} ${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`
}

/** "4 May" for chart axes. */
export function axisDate(iso: string): string {
  const [, m, d] = iso.split('-')
  return `${Number(d)} ${MONTHS[Number(m) - 1]!.slice(0, 3)}`
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Whole calls with thousands separators: calls are expected values, so they are rounded only for display. */
export function calls(value: number): string {
  const rounded = Math.round(value)
  return (rounded < 0 ? '-' : '') + group(String(Math.abs(rounded)))
}

/** FTE to one decimal place. */
export function fte(value: number): string {
  const rounded = Math.round(value * 10) / 10
  const [whole, fraction = '0'] = Math.abs(rounded).toFixed(1).split('.')
  return (rounded < 0 ? '-' : '') + group(whole!) + '.' + fraction
}

export interface CallsPoint {
  date: string
  label: string
  low: number
  central: number
  high: number
  band: [number, number]
}

/** A share as a whole percent, never rounding a little to 0% or nearly all to 100%: "41%", "less than 1%". */
export function percent(fraction: number): string {
  const p = fraction * 100
  if (p > 0 && p < 0.5) return 'less than 1%'
  if (p < 100 && p >= 99.5) return 'more than 99%'
  return `${Math.round(p)}%`
}

/** A percentage as typed (80, 85.5) with its sign. */
function typedPercent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`
}

/** "45 seconds", "1 minute 5 seconds", "12 minutes", "1 hour 3 minutes". */
export function duration(seconds: number): string {
  if (seconds > 0 && seconds < 0.5) return 'less than a second'
  const s = Math.round(seconds)
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`
  if (s < 60) return plural(s, 'second')
  if (s < 600) return s % 60 ? `${plural(Math.floor(s / 60), 'minute')} ${plural(s % 60, 'second')}` : plural(s / 60, 'minute')
  const minutes = Math.round(s / 60)
  if (minutes < 60) return plural(minutes, 'minute')
  return minutes % 60 ? `${plural(Math.floor(minutes / 60), 'hour')} ${plural(minutes % 60, 'minute')}` : plural(minutes / 60, 'hour')
}

/** The helpline's target in words: "80% of calls answered within 20 seconds". */
export function targetWords(h: Pick<ForecastHelpline, 'target'>): string {
  return `${typedPercent(h.target.percent / 100)} of calls answered within ${duration(h.target.withinSeconds)}`
}

/** What a rule is called in a sentence: "the 85% occupancy cap". */
export function ruleWords(rule: BindingRule, h: Pick<ForecastHelpline, 'target' | 'maxOccupancy' | 'maxAbandonment' | 'maxAsaSeconds'>): string {
  switch (rule) {
    case 'target':
      return `the service-level target (${typedPercent(h.target.percent / 100)} within ${duration(h.target.withinSeconds)})`
    case 'occupancy':
      return `the ${typedPercent(h.maxOccupancy)} occupancy cap`
    case 'abandonment':
      return `the maximum abandonment rate (${typedPercent(h.maxAbandonment ?? 0)})`
    case 'asa':
      return `the maximum average speed of answer (${duration(h.maxAsaSeconds ?? 0)})`
  }
}

/** What a rule is called in a table cell. */
export const RULE_LABELS: Record<BindingRule, string> = {
  target: 'Service-level target',
  occupancy: 'Occupancy cap',
  abandonment: 'Abandonment limit',
  asa: 'ASA limit',
}

/** The rule that set most half hours (the earlier one on a tie), with how many: null when none. */
export function mainRuleOf(counts: RuleCounts): { rule: BindingRule; halfHours: number; of: number } | null {
  let best: BindingRule | null = null
  let of = 0
  for (const rule of ['target', 'occupancy', 'abandonment', 'asa'] as const) {
    of += counts[rule]
    if (counts[rule] > 0 && (best === null || counts[rule] > counts[best])) best = rule
  }
  return best ? { rule: best, halfHours: counts[best], of } : null
}

/** "about 3,100": calls people hang up on, which are estimates. */
export function about(n: number): string {
  if (n < 0.5) return 'none'
  if (n < 1000) return `about ${calls(n)}`
  return `about ${calls(Math.round(n / 100) * 100)}`
}

/** "about 3,100 callers hang up", "nobody hangs up". */
export function hangUps(abandoned: number): string {
  if (abandoned < 0.5) return 'nobody hangs up'
  if (abandoned < 1.5) return 'about 1 caller hangs up'
  return `${about(abandoned)} callers hang up`
}

/** The outcome of some calls with the available staff, in a clause: "41% answered within 20 seconds, about 3,100 callers hang up". */
export function outcomeClause(o: Outcome, h: Pick<ForecastHelpline, 'target'>): string {
  const within = `${percent(o.serviceLevel)} answered within ${duration(h.target.withinSeconds)}`
  if (o.abandoned !== null) return `${within}, ${hangUps(o.abandoned)}`
  if (o.asaSeconds === null) return `${within}, with the queue growing faster than it is answered in ${o.overloadedIntervals} half ${o.overloadedIntervals === 1 ? 'hour' : 'hours'}`
  return `${within}, answered calls waiting ${duration(o.asaSeconds)} on average`
}

export interface FtePoint {
  date: string
  label: string
  needed: number
  neededBand: [number, number]
  baseline: number
  available: number
}

export interface HelplineView {
  id: string
  name: string
  /** The helpline's settings as the forecast used them, for the words about its rules. */
  settings: ForecastHelpline | null
  /** The row of the peak day (most campaign calls, central), or null. */
  peakDayRow: HelplineDay | null
  outcomeChart: OutcomePoint[]
  /** Open days from the first to the last call of the campaign (at any helpline). */
  days: HelplineDay[]
  callsChart: CallsPoint[]
  fteChart: FtePoint[]
  totals: HelplineForecast['totals']
  peakDay: HelplineForecast['peakDay']
  peakDayIntervals: HelplineForecast['peakDayIntervals']
  peakInterval: HelplineForecast['peakInterval']
  /** The percentile of each day's calls the staffing figures and outcomes are for. */
  staffToPercentile: HelplineForecast['staffToPercentile']
}

export interface OutcomePoint {
  date: string
  label: string
  /** With the campaign, central, as a percentage. */
  withCampaign: number
  withCampaignBand: [number, number]
  baselineOnly: number
}

/** The forecast's helplines as the page shows them; `helplines` are the forecast's input, for their settings. */
export function helplineViews(result: ForecastResult, helplines: readonly ForecastHelpline[] = []): HelplineView[] {
  const { firstCallDate, lastCallDate } = result.summary
  const settings = new Map(helplines.map((h) => [h.id, h]))
  return result.helplines.map((h) => helplineView(campaignDays(h, firstCallDate, lastCallDate), settings.get(h.helplineId) ?? null))
}

/** A helpline's forecast with only its open days from the campaign's first call to its last (at any helpline). */
export function campaignDays(h: HelplineForecast, firstCallDate: string | null, lastCallDate: string | null): HelplineForecast {
  return { ...h, days: firstCallDate && lastCallDate ? h.days.filter((d) => d.open && d.date >= firstCallDate && d.date <= lastCallDate) : [] }
}

/** One helpline as the page shows it, from its forecast cut to the days to show (see campaignDays). */
export function helplineView(h: HelplineForecast, settings: ForecastHelpline | null): HelplineView {
  const days = h.days
  return {
    id: h.helplineId,
    name: h.name,
    settings,
    staffToPercentile: h.staffToPercentile,
    peakDayRow: h.peakDay ? (days.find((d) => d.date === h.peakDay!.date) ?? null) : null,
    outcomeChart: days.map((d) => ({
      date: d.date,
      label: axisDate(d.date),
      withCampaign: d.outcome.total.central.serviceLevel * 100,
      withCampaignBand: [d.outcome.total.high.serviceLevel * 100, d.outcome.total.low.serviceLevel * 100],
      baselineOnly: d.outcome.baseline.serviceLevel * 100,
    })),
    days,
    callsChart: days.map((d) => ({
      date: d.date,
      label: axisDate(d.date),
      low: d.calls.low,
      central: d.calls.central,
      high: d.calls.high,
      band: [d.calls.low, d.calls.high],
    })),
    fteChart: days.map((d) => ({
      date: d.date,
      label: axisDate(d.date),
      needed: d.totalFte.central,
      neededBand: [d.totalFte.low, d.totalFte.high],
      baseline: d.baselineFte,
      available: d.availableFte,
    })),
    totals: h.totals,
    peakDay: h.peakDay,
    peakDayIntervals: h.peakDayIntervals,
    peakInterval: h.peakInterval,
  }
}
