// The forecast engine's input and output. Everything here is plain JSON: no Dates, Maps or typed arrays,
// so a result can cross the loader boundary and be recomputed in the browser unchanged.
import type { Channel, Postage } from './delivery'
import type { DeadlineBumpSettings } from './curves'
import type { BindingRule } from './erlang'

export type { Channel, Postage } from './delivery'
export type { DeadlineBumpSettings } from './curves'
export type { BindingRule } from './erlang'
export { BINDING_RULES } from './erlang'

export const SCENARIOS = ['low', 'central', 'high'] as const
export type Scenario = (typeof SCENARIOS)[number]

/** One value for each contact-rate scenario. */
export interface Scenarios<T> {
  low: T
  central: T
  high: T
}

/** One number for each contact-rate scenario. */
export type ScenarioValues = Scenarios<number>

// ---------------------------------------------------------------------------------------------
// Input

/** Calls per recipient, as fractions: 0.08 means 8 calls for every 100 customers written to. */
export type ContactRates = ScenarioValues

export interface Wave {
  /** YYYY-MM-DD: the day the message is posted or sent. */
  sendDate: string
  /** Recipients in this wave (whole number). */
  volume: number
}

export interface HelplineShare {
  helplineId: string
  /** Fraction of the message's calls that go to this helpline; a message's shares sum to 1. */
  share: number
}

export interface ForecastMessage {
  id: string
  name: string
  channel: Channel
  /** Letters only; a letter without one is treated as second class. */
  postage?: Postage | null
  /** "Reply within N days": calendar days after delivery. Adds the deadline bump when set. */
  deadlineDays?: number | null
  /** Working days from send to delivery, replacing the postage/channel default. */
  delayOverrideDays?: number | null
  /** Shares delivered on working day 0, 1, 2 … after sending, replacing the postage/channel profile. */
  deliveryProfile?: readonly number[] | null
  /** Overrides the campaign's contact rates for this message. */
  contactRates?: ContactRates | null
  /** Overrides the channel's response curve for this message (any non-negative weights; normalised). */
  responseCurve?: readonly number[] | null
  waves: readonly Wave[]
  /** Which helplines take this message's calls. */
  split: readonly HelplineShare[]
}

/** 'HH:MM' on a half hour ('08:00', '17:30'); close may be '24:00'. */
export interface OpeningHours {
  open: string
  close: string
}

export interface ServiceTarget {
  /** 80 means 80% of calls… */
  percent: number
  /** …answered within this many seconds. */
  withinSeconds: number
}

export interface ForecastHelpline {
  id: string
  name: string
  /** Seven entries, Monday first; null = closed that day. Closed on bank holidays whatever this says. */
  openingHours: readonly (OpeningHours | null)[]
  /** 48 half-hourly shares of a day's calls, from 00:00. Renormalised over each day's open intervals. */
  intradayProfile: readonly number[]
  /** Seven multipliers, Monday first, applied to baselineCallsPerDay (1 = an average day). */
  dayOfWeekWeights: readonly number[]
  ahtSeconds: number
  target: ServiceTarget
  /** Fraction of paid time not available to take calls (leave, training, breaks): 0.35 = 35%. */
  shrinkage: number
  /** Fraction, e.g. 0.85: agents are never planned to be busier than this. */
  maxOccupancy: number
  /** Average caller patience; set it to staff with Erlang A (callers abandon), null for Erlang C. */
  patienceSeconds: number | null
  /** Erlang A only: the most callers who may hang up in a half hour, as a fraction (0.05 = 5%); null or absent: no limit. */
  maxAbandonment?: number | null
  /** The most mean wait of answered calls in a half hour, in seconds; null or absent: no limit. */
  maxAsaSeconds?: number | null
  /** The helpline's usual traffic without campaigns, per average open day. */
  baselineCallsPerDay: number
  /** Staff available, in full-time equivalents. */
  availableFte: number
  /** Paid hours in one FTE's working day, e.g. 7.4. */
  paidHoursPerFtePerDay: number
  /** The percentile of each day's calls the central staffing is for (50, 80 or 90); absent: 50, the median. */
  staffToPercentile?: 50 | 80 | 90
}

export interface ForecastInput {
  messages: readonly ForecastMessage[]
  /** The campaign's contact rates; a message may override them. */
  contactRates: ContactRates
  /** Per-channel curves replacing DEFAULT_RESPONSE_CURVES (any non-negative weights; normalised). */
  responseCurves?: Partial<Record<Channel, readonly number[]>> | null
  /** Defaults to DEFAULT_DEADLINE_BUMP; share 0 turns the bump off. */
  deadlineBump?: DeadlineBumpSettings | null
  helplines: readonly ForecastHelpline[]
  /** The campaign nation's bank holidays (YYYY-MM-DD; see holidayDates()): they decide when post is delivered and which days are working days. */
  bankHolidays: readonly string[]
  /** The bank holidays the helplines close on; absent or null: the same as `bankHolidays`. */
  helplineBankHolidays?: readonly string[] | null
  /** Day-to-day over-dispersion of calls (negative binomial size); absent or null: DEFAULT_DISPERSION. */
  dispersion?: number | null
  /** Widens the days reported; it never cuts off calls. */
  horizon?: { from?: string | null; to?: string | null } | null
}

/** Arrivals for one helpline on one date, before any roll-forward off closed days. */
export interface DailyCalls {
  date: string
  calls: ScenarioValues
}

// ---------------------------------------------------------------------------------------------
// Output

/**
 * What a team achieves over some half hours: the calls offered to it and what became of them. Sums and ratios over
 * several half hours are weighted as their names say (docs/forecasting.md, "Outcomes with the staff available").
 */
export interface Outcome {
  /** Calls offered. */
  calls: number
  /** Calls answered (all of them under Erlang C, which has callers wait however long it takes). */
  answered: number
  /** Share of the calls offered that are answered within the target time (weighted by calls). */
  serviceLevel: number
  /**
   * Mean wait of the answered calls (weighted by them), in seconds. Null when some half hour's queue grows without
   * limit: Erlang C with no more agents than the load.
   */
  asaSeconds: number | null
  /** Calls that hang up before they are answered; null under Erlang C, which does not model hanging up. */
  abandoned: number | null
  /** abandoned ÷ calls; null under Erlang C. */
  abandonmentRate: number | null
  /** busyHours ÷ agentHours. */
  occupancy: number
  /** Agent-hours on the phones. */
  agentHours: number
  /** Agent-hours spent handling the calls answered. */
  busyHours: number
  /** Half hours whose Erlang C queue grows without limit. */
  overloadedIntervals: number
}

/** Outcomes with the available staff: for the baseline alone, and for baseline and campaign together. */
export interface Outcomes {
  baseline: Outcome
  total: Scenarios<Outcome>
}

/** Half hours counted by the rule that set their staffing. */
export type RuleCounts = Record<BindingRule, number>

/** One open half hour of one helpline, central scenario. */
export interface IntervalDetail {
  /** 'HH:MM' start of the half hour. */
  time: string
  baselineCalls: number
  campaignCalls: number
  /** Agents the baseline alone needs. */
  agentsBaseline: number
  /** Agents baseline and campaign together need. */
  agentsRequired: number
  /** What set agentsRequired. */
  bindingRule: BindingRule
  /** Agents the available staff put on the phones (see Outcome). */
  agentsAvailable: number
  /** With the available staff, for baseline and campaign together. */
  serviceLevel: number
  /** Null when the queue grows without limit (Erlang C). */
  asaSeconds: number | null
  /** Null under Erlang C. */
  abandonmentRate: number | null
}

export interface HelplineDay {
  date: string
  /** 0 = Monday … 6 = Sunday */
  weekday: number
  /** Open: has opening hours that weekday and is not a bank holiday. */
  open: boolean
  /**
   * Campaign calls handled this day, after calls on closed days have rolled forward: `central` is the expected
   * (mean) number, `low` and `high` the 10th and 90th percentiles of the day's calls (a prediction interval).
   */
  calls: ScenarioValues
  /** The campaign calls the central staffing and outcomes are for: the day's calls at the helpline's chosen percentile. */
  staffedCalls: number
  baselineCalls: number
  agentHours: { baseline: number; total: ScenarioValues }
  /** FTE the baseline alone needs. */
  baselineFte: number
  /** The campaign's need: FTE for baseline + campaign together, less FTE for baseline alone. */
  requiredFte: ScenarioValues
  /** FTE for baseline + campaign together. */
  totalFte: ScenarioValues
  /** The helpline's available FTE on open days, 0 on closed days. */
  availableFte: number
  /** totalFte − availableFte: above 0 means short of staff, below 0 spare capacity. 0 on closed days. */
  shortfallFte: ScenarioValues
  /** Most agents (baseline + campaign) needed in any half hour. */
  peakAgents: ScenarioValues
  /** Most extra agents the campaign needs in any half hour. */
  peakCampaignAgents: ScenarioValues
  /** 'HH:MM' start of the half hour with the most agents at the central rate; null when closed. */
  peakInterval: string | null
  /** Agent-hours the available staff put on the phones (0 when closed). */
  availableAgentHours: number
  /** What the available staff achieve this day. */
  outcome: Outcomes
  /** Open half hours by the rule that set their staffing (baseline + campaign, central). */
  bindingRules: RuleCounts
}

export interface HelplineWeek {
  /** Monday, YYYY-MM-DD */
  weekStart: string
  /** Sunday, YYYY-MM-DD */
  weekEnd: string
  /** e.g. 2027-W05 */
  isoWeek: string
  /** Days of the week present in the rows (fewer than 7 at the edges of a range). */
  days: number
  openDays: number
  calls: ScenarioValues
  baselineCalls: number
  agentHours: { baseline: number; total: ScenarioValues }
  /** Mean over the open days of the week. */
  requiredFte: ScenarioValues
  /** Mean over the open days of the week. */
  totalFte: ScenarioValues
  /** Highest single day. */
  peakTotalFte: ScenarioValues
  /** Mean over the open days of the week. */
  availableFte: number
  /** Open days whose totalFte exceeds availableFte. */
  daysOverCapacity: ScenarioValues
  /** At least one open day short of staff at the central rate. */
  overCapacity: boolean
  /** What the available staff achieve over the week's open days, baseline and campaign together. */
  outcome: Scenarios<Outcome>
}

export interface PeakDay {
  date: string
  calls: ScenarioValues
}

export interface PeakInterval {
  helplineId: string
  date: string
  /** 'HH:MM' */
  time: string
  /** Agents needed in that half hour for baseline + campaign, central rate. */
  agents: number
  /** Of which the campaign's extra. */
  campaignAgents: number
  /** What set `agents`. */
  bindingRule: BindingRule
}

export interface HelplineForecast {
  helplineId: string
  name: string
  /** The percentile of each day's calls the central staffing figures are for. */
  staffToPercentile: 50 | 80 | 90
  days: HelplineDay[]
  totals: {
    calls: ScenarioValues
    baselineCalls: number
    /** Σ daily campaign FTE: FTE-days of extra staffing. */
    requiredFteDays: ScenarioValues
    /** Open days short of staff. */
    daysOverCapacity: ScenarioValues
    /** Over the open days with campaign calls: what the available staff achieve. */
    outcome: Outcomes
    /** Over the open days with campaign calls: half hours by the rule that set their staffing (central). */
    bindingRules: RuleCounts
  }
  /** Most campaign calls (central); null when the campaign sends this helpline nothing. */
  peakDay: PeakDay | null
  /** The peak day's open half hours, staffed for its calls at the helpline's percentile: what the day simulation starts from. Null without a peak day. */
  peakDayIntervals: IntervalDetail[] | null
  /** The half hour needing most agents (central) over the whole forecast. */
  peakInterval: PeakInterval | null
  /** Every open day's half hours, central: only when forecast() is asked for them (the interval CSV). */
  intervals?: { date: string; intervals: IntervalDetail[] }[]
}

export interface WaveForecast {
  sendDate: string
  deliveryDate: string
  /** Delivery + deadlineDays, or null. */
  deadlineDate: string | null
  volume: number
  calls: ScenarioValues
}

export interface MessageForecast {
  messageId: string
  name: string
  channel: Channel
  delayDays: number
  waves: WaveForecast[]
  calls: ScenarioValues
  /** Central calls arriving each day (aligned with ForecastResult.dates), before helpline roll-forward. */
  dailyCentralCalls: number[]
}

export interface ForecastSummary {
  calls: ScenarioValues
  requiredFteDays: ScenarioValues
  /** First and last days with campaign calls at any helpline; null when there are none. */
  firstCallDate: string | null
  lastCallDate: string | null
  /** Most campaign calls across all helplines (central). */
  peakDay: PeakDay | null
  /** Busiest half hour of any helpline (central). */
  peakInterval: PeakInterval | null
}

export interface ForecastResult {
  /** Every date reported, one per calendar day, shared by all helplines. */
  dates: string[]
  helplines: HelplineForecast[]
  messages: MessageForecast[]
  summary: ForecastSummary
  /** Sentences worth showing beside the forecast (for example, bank holidays unknown past 2028). */
  warnings: string[]
}
