// When a message reaches the customer: send date plus a delay in working days.
import type { WorkingCalendar } from './working-days'

export const CHANNELS = ['letter', 'email', 'sms', 'online'] as const
export type Channel = (typeof CHANNELS)[number]

export const POSTAGE_CLASSES = ['second', 'first', 'economy', 'signed-for'] as const
export type Postage = (typeof POSTAGE_CLASSES)[number]

export const CHANNEL_NAMES: Record<Channel, string> = {
  letter: 'Letter',
  email: 'Email',
  sms: 'SMS',
  online: 'Online account message',
}

export const POSTAGE_NAMES: Record<Postage, string> = {
  second: 'Second class',
  first: 'First class',
  economy: 'Economy',
  'signed-for': 'Signed for',
}

/** Working days from posting to delivery. */
export const POSTAGE_DELAY_WORKING_DAYS: Readonly<Record<Postage, number>> = {
  second: 3,
  first: 1,
  economy: 5,
  'signed-for': 1,
}

/**
 * When letters arrive: the share delivered on working day k after posting (k = 0 is the posting day). The day each
 * class aims for, and the share that makes it, are Royal Mail's published quality of service for 2023–24 (first
 * class: 74.7% next working day against a 93% target; second class: 92.7% within three working days against 98.5%).
 * How the late letters spread over the following days is not published: the planner assumes most arrive the next
 * working day (about two thirds), and the rest over the two after. Signed For travels as first class; Economy has no
 * published results, so it takes second class's shape at its own five-day aim. docs/forecasting.md gives the sources.
 */
export const DELIVERY_PROFILES: Readonly<Record<Postage, readonly number[]>> = {
  first: [0, 0.747, 0.17, 0.055, 0.028],
  'signed-for': [0, 0.747, 0.17, 0.055, 0.028],
  second: [0, 0, 0, 0.927, 0.05, 0.015, 0.008],
  economy: [0, 0, 0, 0, 0, 0.927, 0.05, 0.015, 0.008],
}

/** The longest delivery profile a designer may enter, in working days. */
export const MAX_DELIVERY_PROFILE_LENGTH = 15

export interface DeliveryProfileTerms extends DeliveryTerms {
  /** The designer's own shares by working day after posting (any non-negative weights; normalised). */
  deliveryProfile?: readonly number[] | null
}

/**
 * The shares of a message delivered on each working day after sending, summing to 1: the designer's own profile if
 * given, else a single day at the delay override, else the postage class's profile (letters) or the send day
 * (email, SMS and online messages arrive on the day).
 */
export function deliveryProfile({ channel, postage, delayOverrideDays, deliveryProfile: own }: DeliveryProfileTerms): readonly number[] {
  if (own && own.length) {
    let total = 0
    for (const w of own) total += Number.isFinite(w) && w > 0 ? w : 0
    if (total > 0) return own.map((w) => (Number.isFinite(w) && w > 0 ? w / total : 0))
  }
  if (delayOverrideDays !== null && delayOverrideDays !== undefined) {
    const profile = new Array<number>(delayOverrideDays + 1).fill(0)
    profile[delayOverrideDays] = 1
    return profile
  }
  if (channel !== 'letter') return [1]
  return DELIVERY_PROFILES[postage ?? DEFAULT_POSTAGE]
}

/** Letters without a postage class are treated as second class, the product's default. */
export const DEFAULT_POSTAGE: Postage = 'second'

/** Longest delay a designer may enter, in working days. */
export const MAX_DELAY_WORKING_DAYS = 60

export interface DeliveryTerms {
  channel: Channel
  postage?: Postage | null
  delayOverrideDays?: number | null
}

/** Delivery delay in working days: the override if given, else by postage (letters) or 0 (digital). */
export function deliveryDelayDays({ channel, postage, delayOverrideDays }: DeliveryTerms): number {
  if (delayOverrideDays !== null && delayOverrideDays !== undefined) return delayOverrideDays
  if (channel !== 'letter') return 0
  return POSTAGE_DELAY_WORKING_DAYS[postage ?? DEFAULT_POSTAGE]
}

/**
 * The working day a wave counts as delivered on (the day an action deadline counts from): with the designer's own
 * profile, the day by which half the letters have arrived; otherwise the delay as above.
 */
export function nominalDeliveryDays(terms: DeliveryProfileTerms): number {
  const own = terms.deliveryProfile
  if (own && own.some((w) => Number.isFinite(w) && w > 0)) {
    const shares = deliveryProfile(terms)
    let cumulative = 0
    for (let k = 0; k < shares.length; k++) {
      cumulative += shares[k]!
      if (cumulative >= 0.5 - 1e-9) return k
    }
  }
  return deliveryDelayDays(terms)
}

/** Send date plus the delay in working days (WORKDAY semantics: a 0-day delay delivers on the send date). */
export function deliveryDate(calendar: WorkingCalendar, sendDate: string, terms: DeliveryTerms): string {
  return calendar.addWorkingDays(sendDate, deliveryDelayDays(terms))
}
