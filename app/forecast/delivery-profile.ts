// A letter's delivery profile as designers see and type it: the percentage of letters delivered on working day 1,
// 2, 3 … after posting. The engine's profile (delivery.ts) starts at the posting day; letters never arrive on the day
// they are posted, so the designer's list starts the day after and the engine's day 0 is always empty. Pure: the
// message form, the forecast page and the server all read a profile through here.
import { DELIVERY_PROFILES, MAX_DELIVERY_PROFILE_LENGTH, POSTAGE_CLASSES, POSTAGE_NAMES, type Postage } from './delivery'

export { MAX_DELIVERY_PROFILE_LENGTH }

/** Percentages by working day after posting (index 0 is working day 1), as stored and shown. */
export type DeliveryPercents = number[]

/** How far a profile's total may drift from 100% and still be accepted (rounding in typed figures). */
export const PROFILE_TOTAL_TOLERANCE = 0.05

const round = (x: number, places = 4) => Math.round(x * 10 ** places) / 10 ** places

/** The postage class's published profile as percentages by working day after posting. */
export function defaultDeliveryPercents(postage: Postage): DeliveryPercents {
  return DELIVERY_PROFILES[postage].slice(1).map((share) => round(share * 100))
}

/** A profile as the engine takes it: shares from the posting day (always 0 for a letter), summing to 1. */
export function engineDeliveryProfile(percents: readonly number[]): number[] {
  const total = percents.reduce((s, x) => s + x, 0)
  return [0, ...percents.map((x) => (total > 0 ? x / total : 0))]
}

/** "74.7, 17, 5.5, 2.8": how the form shows a profile and how it is stored. */
export function deliveryProfileText(percents: readonly number[]): string {
  return percents.map((x) => String(round(x))).join(', ')
}

function trimTrailingZeros(percents: number[]): number[] {
  let end = percents.length
  while (end > 0 && percents[end - 1] === 0) end--
  return percents.slice(0, end)
}

export type ProfileReading = { ok: true; value: DeliveryPercents | null } | { ok: false; message: string }

const plain = (x: number) => (Math.round(x * 100) / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })

/**
 * Reads what a designer typed: percentages by working day after posting, separated by commas (or spaces, or
 * semicolons), an optional % after each. Blank means "use the postage class's profile". Trailing zero days are
 * dropped; the total must be 100%.
 */
export function readDeliveryProfile(typed: string | undefined | null): ProfileReading {
  const text = (typed ?? '').trim()
  if (text === '') return { ok: true, value: null }
  if (text.length > 400) return { ok: false, message: `Delivery profile must have ${MAX_DELIVERY_PROFILE_LENGTH} working days or fewer` }
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '')
  const percents: number[] = []
  for (const [index, part] of parts.entries()) {
    const figure = part.replace(/%$/, '')
    if (!/^\d{1,3}(\.\d{1,4})?$|^\.\d{1,4}$/.test(figure)) {
      return { ok: false, message: `Delivery profile: working day ${index + 1} must be a percentage between 0 and 100, like 74.7 (it is “${part.slice(0, 20)}”)` }
    }
    const value = Number(figure)
    if (value > 100) return { ok: false, message: `Delivery profile: working day ${index + 1} must be 100% or less` }
    percents.push(value)
  }
  const days = trimTrailingZeros(percents)
  if (days.length > MAX_DELIVERY_PROFILE_LENGTH) {
    return { ok: false, message: `Delivery profile must have ${MAX_DELIVERY_PROFILE_LENGTH} working days or fewer (it has ${days.length})` }
  }
  const total = days.reduce((s, x) => s + x, 0)
  if (Math.abs(total - 100) > PROFILE_TOTAL_TOLERANCE) {
    return { ok: false, message: `Delivery profile adds up to ${plain(total)}%. The shares must add up to 100%` }
  }
  return { ok: true, value: days }
}

/** A stored profile, checked again on the way out: anything that is not a valid profile reads as none. */
export function storedDeliveryProfile(stored: string | null | undefined): DeliveryPercents | null {
  if (stored === null || stored === undefined) return null
  const read = readDeliveryProfile(stored)
  return read.ok ? read.value : null
}

/** Which profile a letter uses, in the words the pages show. */
export function deliveryProfileName(postage: Postage | null, own: readonly number[] | null): string {
  if (own && own.length) return 'your own delivery profile'
  return `Royal Mail ${POSTAGE_NAMES[postage ?? 'second'].toLowerCase()} (default)`
}

/** "working day 1: 60%, day 2: 30%, day 3: 10%", leaving out days with nothing delivered. */
export function describeDeliveryPercents(percents: readonly number[]): string {
  const days = percents.map((x, k) => ({ day: k + 1, x })).filter((d) => d.x > 0)
  return days.map((d, i) => `${i === 0 ? 'working day ' : 'day '}${d.day}: ${plain(d.x)}%`).join(', ')
}

/** Which profile a letter uses and what it is, for the message page: "Your own: working day 1: 60%, …". */
export function deliveryProfileSummary(postage: Postage | null, own: readonly number[] | null): string {
  if (own && own.length) return `Your own: ${describeDeliveryPercents(own)}`
  const name = deliveryProfileName(postage, null)
  return `${name[0]!.toUpperCase()}${name.slice(1)}: ${describeDeliveryPercents(defaultDeliveryPercents(postage ?? 'second'))}`
}

export function isPostage(value: string | null | undefined): value is Postage {
  return value !== null && value !== undefined && (POSTAGE_CLASSES as readonly string[]).includes(value)
}
