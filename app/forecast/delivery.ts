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

/** Send date plus the delay in working days (WORKDAY semantics: a 0-day delay delivers on the send date). */
export function deliveryDate(calendar: WorkingCalendar, sendDate: string, terms: DeliveryTerms): string {
  return calendar.addWorkingDays(sendDate, deliveryDelayDays(terms))
}
