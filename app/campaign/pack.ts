// The printable handler pack: for each audience, its lines to take, the scripts and the key dates.
// Pure: the key dates and the weekly calls are worked out here from plain data, and tested without a server.
import { nominalDeliveryDays, type Channel, type Postage } from '../forecast/delivery'
import { engineDeliveryProfile } from '../forecast/delivery-profile'
import { isoWeekStart, addDays } from '../forecast/dates'
import type { ForecastResult, ScenarioValues } from '../forecast/types'
import type { WorkingCalendar } from '../forecast/working-days'
import type { LineAudience } from '../content/coverage'

export const PACK_AUDIENCES = ['helpline', 'press', 'debt-management', 'welsh-helpline'] as const
export type PackAudience = (typeof PACK_AUDIENCES)[number]

export const PACK_TITLES: Record<PackAudience, string> = {
  helpline: 'Helpline handler pack',
  press: 'Press Office pack',
  'debt-management': 'Debt Management handler pack',
  'welsh-helpline': 'Welsh helpline handler pack',
}

/** The lines each pack prints: the Welsh helpline's are the Welsh versions of the helpline lines. */
export const PACK_LINE_AUDIENCE: Record<PackAudience, LineAudience> = {
  helpline: 'helpline',
  press: 'press',
  'debt-management': 'debt-management',
  'welsh-helpline': 'helpline',
}

export function isPackAudience(value: unknown): value is PackAudience {
  return typeof value === 'string' && (PACK_AUDIENCES as readonly string[]).includes(value)
}

export interface PackMessage {
  name: string
  channel: Channel
  postage: Postage | null
  /** The forecast's override of the delivery delay, in working days. */
  delayOverrideDays?: number | null
  /** Letters only: the designer's own percentages delivered on working day 1, 2, 3 … after posting. */
  deliveryProfile?: readonly number[] | null
  waves: readonly { sendDate: string; volume: number }[]
}

export interface PackWave {
  messageName: string
  channel: Channel
  postage: Postage | null
  sendDate: string
  /** Working days from sending to delivery. */
  delayDays: number
  deliveryDate: string
  volume: number
}

/** Every wave of every message, with when it is expected to reach customers, in date order. */
export function packWaves(messages: readonly PackMessage[], calendar: WorkingCalendar): PackWave[] {
  const waves: PackWave[] = []
  for (const message of messages) {
    const terms = {
      channel: message.channel,
      postage: message.postage,
      delayOverrideDays: message.delayOverrideDays,
      deliveryProfile: message.deliveryProfile?.length ? engineDeliveryProfile(message.deliveryProfile) : null,
    }
    const delayDays = nominalDeliveryDays(terms)
    for (const wave of message.waves) {
      waves.push({
        messageName: message.name,
        channel: message.channel,
        postage: message.postage,
        sendDate: wave.sendDate,
        delayDays,
        deliveryDate: calendar.addWorkingDays(wave.sendDate, delayDays),
        volume: wave.volume,
      })
    }
  }
  return waves.sort((a, b) => a.sendDate.localeCompare(b.sendDate) || a.deliveryDate.localeCompare(b.deliveryDate) || a.messageName.localeCompare(b.messageName))
}

export interface PackForecastWeek {
  /** Monday, YYYY-MM-DD */
  weekStart: string
  /** Sunday, YYYY-MM-DD */
  weekEnd: string
  /** Campaign calls across every helpline that week: central, and at the P10 and P90 contact rates. */
  calls: ScenarioValues
}

export interface PackForecast {
  weeks: PackForecastWeek[]
  peakDay: { date: string; calls: ScenarioValues } | null
}

/** The weekly calls a pack prints, from a forecast: every helpline's handled calls added up, week by week. */
export function packForecastFromResult(result: ForecastResult): PackForecast {
  const weeks = new Map<string, ScenarioValues>()
  for (const helpline of result.helplines) {
    for (const day of helpline.days) {
      const start = isoWeekStart(day.date)
      const week = weeks.get(start) ?? { low: 0, central: 0, high: 0 }
      week.low += day.calls.low
      week.central += day.calls.central
      week.high += day.calls.high
      weeks.set(start, week)
    }
  }
  // A day's low and high are that day's P10 and P90, and percentiles do not add up: summed over a week they would
  // claim a band far wider than a week's. Every day shares one contact rate, so a week's calls move with it: the
  // week's low and high are its central calls at the P10 and P90 rates, which add up to the campaign's totals.
  const total = result.summary.calls
  for (const week of weeks.values()) {
    week.low = total.central > 0 ? (week.central * total.low) / total.central : 0
    week.high = total.central > 0 ? (week.central * total.high) / total.central : 0
  }
  return {
    weeks: [...weeks.entries()]
      .filter(([, calls]) => calls.central > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, calls]) => ({ weekStart, weekEnd: addDays(weekStart, 6), calls })),
    peakDay: result.summary.peakDay,
  }
}
