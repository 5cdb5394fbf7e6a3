import { describe, expect, it } from 'vitest'
import { DELIVERY_PROFILES, deliveryProfile, nominalDeliveryDays } from './delivery'
import {
  defaultDeliveryPercents,
  deliveryProfileName,
  deliveryProfileSummary,
  deliveryProfileText,
  engineDeliveryProfile,
  readDeliveryProfile,
  storedDeliveryProfile,
} from './delivery-profile'

describe('reading a typed delivery profile', () => {
  it('takes percentages by working day after posting, separated by commas or spaces, with or without %', () => {
    expect(readDeliveryProfile('60, 30, 10')).toEqual({ ok: true, value: [60, 30, 10] })
    expect(readDeliveryProfile(' 0,60% 30 ;10, 0, 0 ')).toEqual({ ok: true, value: [0, 60, 30, 10] })
    expect(readDeliveryProfile('74.7, 17, 5.5, 2.8')).toEqual({ ok: true, value: [74.7, 17, 5.5, 2.8] })
    expect(readDeliveryProfile('33.33,33.33,33.33')).toMatchObject({ ok: true })
  })

  it('reads blank as the postage class’s own profile', () => {
    expect(readDeliveryProfile('')).toEqual({ ok: true, value: null })
    expect(readDeliveryProfile('   ')).toEqual({ ok: true, value: null })
    expect(readDeliveryProfile(undefined)).toEqual({ ok: true, value: null })
  })

  it('says what the total is when it is not 100%', () => {
    expect(readDeliveryProfile('60, 30')).toEqual({ ok: false, message: 'Delivery profile adds up to 90%. The shares must add up to 100%' })
    expect(readDeliveryProfile('60, 30, 10.5')).toEqual({ ok: false, message: 'Delivery profile adds up to 100.5%. The shares must add up to 100%' })
    expect(readDeliveryProfile('0, 0')).toEqual({ ok: false, message: 'Delivery profile adds up to 0%. The shares must add up to 100%' })
  })

  it('refuses negative, non-numeric and over-100 figures, naming the working day', () => {
    expect(readDeliveryProfile('110, -10')).toEqual({ ok: false, message: 'Delivery profile: working day 1 must be 100% or less' })
    expect(readDeliveryProfile('50, -10, 60')).toMatchObject({ ok: false, message: expect.stringContaining('working day 2 must be a percentage') })
    expect(readDeliveryProfile('50, abc, 50')).toMatchObject({ ok: false, message: expect.stringContaining('working day 2') })
    expect(readDeliveryProfile('1e2')).toMatchObject({ ok: false })
    expect(readDeliveryProfile('Infinity')).toMatchObject({ ok: false })
  })

  it('allows at most 15 working days, not counting empty days at the end', () => {
    const fifteen = Array.from({ length: 15 }, () => '6.6667').join(',')
    expect(readDeliveryProfile(fifteen)).toMatchObject({ ok: true })
    expect(readDeliveryProfile(`${fifteen},0,0`)).toMatchObject({ ok: true })
    expect(readDeliveryProfile(Array.from({ length: 16 }, () => '6.25').join(','))).toEqual({
      ok: false,
      message: 'Delivery profile must have 15 working days or fewer (it has 16)',
    })
    expect(readDeliveryProfile('1,'.repeat(300))).toMatchObject({ ok: false })
  })

  it('reads a stored profile again, and anything damaged as none', () => {
    expect(storedDeliveryProfile(deliveryProfileText([60, 30, 10]))).toEqual([60, 30, 10])
    expect(storedDeliveryProfile(null)).toBeNull()
    expect(storedDeliveryProfile('60, 30')).toBeNull()
    expect(storedDeliveryProfile('{"x":1}')).toBeNull()
  })
})

describe('the profile as the engine and the pages see it', () => {
  it('shows each class’s published profile by working day after posting', () => {
    expect(defaultDeliveryPercents('first')).toEqual([74.7, 17, 5.5, 2.8])
    expect(defaultDeliveryPercents('second')).toEqual([0, 0, 92.7, 5, 1.5, 0.8])
    for (const postage of ['first', 'second', 'economy', 'signed-for'] as const) {
      expect(defaultDeliveryPercents(postage).reduce((s, x) => s + x, 0)).toBeCloseTo(100, 6)
    }
  })

  it('starts the engine’s profile at the posting day, with nothing delivered then', () => {
    expect(engineDeliveryProfile([60, 30, 10])).toEqual([0, 0.6, 0.3, 0.1])
    const used = deliveryProfile({ channel: 'letter', postage: 'second', deliveryProfile: engineDeliveryProfile([60, 30, 10]) })
    ;[0, 0.6, 0.3, 0.1].forEach((share, k) => expect(used[k]).toBeCloseTo(share, 12))
  })

  it('names the profile a letter uses', () => {
    expect(deliveryProfileName('second', null)).toBe('Royal Mail second class (default)')
    expect(deliveryProfileName(null, null)).toBe('Royal Mail second class (default)')
    expect(deliveryProfileName('first', [100])).toBe('your own delivery profile')
    expect(deliveryProfileSummary('first', null)).toBe('Royal Mail first class (default): working day 1: 74.7%, day 2: 17%, day 3: 5.5%, day 4: 2.8%')
    expect(deliveryProfileSummary('first', [0, 60, 40])).toBe('Your own: working day 2: 60%, day 3: 40%')
  })

  it('turns a class’s published percentages back into the engine’s own profile', () => {
    for (const postage of ['first', 'second', 'economy', 'signed-for'] as const) {
      const back = engineDeliveryProfile(defaultDeliveryPercents(postage))
      DELIVERY_PROFILES[postage].forEach((share, k) => expect(back[k]).toBeCloseTo(share, 9))
    }
  })
})

describe('the day a wave with its own profile counts as delivered', () => {
  it('is the working day by which half the letters have arrived; without one, the class’s or the delay’s day', () => {
    expect(nominalDeliveryDays({ channel: 'letter', postage: 'second', deliveryProfile: engineDeliveryProfile([60, 30, 10]) })).toBe(1)
    expect(nominalDeliveryDays({ channel: 'letter', postage: 'first', deliveryProfile: engineDeliveryProfile([0, 0, 40, 20, 40]) })).toBe(4)
    expect(nominalDeliveryDays({ channel: 'letter', postage: 'second' })).toBe(3)
    expect(nominalDeliveryDays({ channel: 'letter', postage: 'second', delayOverrideDays: 6 })).toBe(6)
  })
})
