import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyDeadlineBump,
  DEFAULT_DEADLINE_BUMP,
  DEFAULT_RESPONSE_CURVES,
  deadlineBumpShape,
  MAX_CURVE_LENGTH,
  normaliseCurve,
  sumInOrder,
} from './curves'
import { responseCurveSchema } from './input-validation'
import { CHANNELS, deliveryDelayDays } from './delivery'

const SEED = 20270301

/** Mean working-day offset of a curve: how long after delivery the average call comes. */
const meanDay = (curve: readonly number[]) => curve.reduce((t, w, k) => t + w * k, 0)

describe('default response curves', () => {
  it.each(CHANNELS)('%s sums to exactly 1', (channel) => {
    expect(sumInOrder(DEFAULT_RESPONSE_CURVES[channel])).toBe(1)
    expect(DEFAULT_RESPONSE_CURVES[channel].every((w) => w >= 0)).toBe(true)
  })

  it('letters peak 2–5 working days after delivery and spread over 10–15', () => {
    const letter = DEFAULT_RESPONSE_CURVES.letter
    const peak = letter.indexOf(Math.max(...letter))
    expect(peak).toBeGreaterThanOrEqual(2)
    expect(peak).toBeLessThanOrEqual(5)
    expect(letter.length).toBeGreaterThanOrEqual(10)
    expect(letter.length).toBeLessThanOrEqual(15)
    expect(sumInOrder(letter.slice(2, 6))).toBeGreaterThan(0.5)
  })

  it('digital channels respond faster than letters, SMS fastest', () => {
    const { letter, email, sms, online } = DEFAULT_RESPONSE_CURVES
    expect(meanDay(sms)).toBeLessThan(meanDay(email))
    expect(meanDay(email)).toBeLessThan(meanDay(online))
    expect(meanDay(online)).toBeLessThan(meanDay(letter))
    expect(email[0]).toBeGreaterThan(letter[0])
  })
})

describe('normalising a curve', () => {
  it('sums to exactly 1 and keeps proportions, for any non-negative weights (property)', () => {
    const weights = fc
      .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: MAX_CURVE_LENGTH })
      .filter((ws) => ws.some((w) => w > 0))
    fc.assert(
      fc.property(weights, (ws) => {
        const curve = normaliseCurve(ws)
        expect(curve).toHaveLength(ws.length)
        expect(sumInOrder(curve)).toBe(1)
        const total = ws.reduce((a, b) => a + b, 0)
        curve.forEach((c, i) => {
          expect(c).toBeGreaterThanOrEqual(0)
          expect(Math.abs(c - ws[i] / total)).toBeLessThan(1e-12)
        })
      }),
      { seed: SEED, numRuns: 500 },
    )
  })

  it('refuses curves that cannot be normalised', () => {
    expect(() => normaliseCurve([])).toThrow(/at least one day/)
    expect(() => normaliseCurve([0, 0])).toThrow(/above 0/)
    expect(() => normaliseCurve([1, -1])).toThrow(/0 or more/)
    expect(() => normaliseCurve([1, NaN])).toThrow(/0 or more/)
  })
})

describe('validating a user-edited curve', () => {
  it('normalises a valid curve', () => {
    const result = responseCurveSchema.safeParse([1, 3, 4, 2])
    expect(result.success && result.data).toEqual([0.1, 0.3, 0.4, 0.2])
  })

  it.each([
    [[], 'Enter at least one day in the response curve'],
    [[0, 0, 0], 'At least one day of the response curve must be above 0'],
    [[1, -0.5], 'Each day’s share must be 0 or more'],
    [Array(61).fill(1), 'A response curve can cover at most 60 working days'],
    [[1, 'x'], 'Each day’s share must be a number'],
    ['1,2,3', 'Enter the response curve as a list of daily shares'],
  ])('rejects %j', (curve, message) => {
    const result = responseCurveSchema.safeParse(curve)
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.issues.map((i) => i.message)).toContain(message)
  })
})

describe('the deadline bump', () => {
  it('rises linearly into the deadline', () => {
    expect(deadlineBumpShape(5).map((x) => Math.round(x * 15))).toEqual([1, 2, 3, 4, 5])
    expect(DEFAULT_DEADLINE_BUMP).toEqual({ share: 0.15, workingDays: 5 })
  })

  it('moves its share of calls into the days before the deadline and conserves calls', () => {
    const letter = DEFAULT_RESPONSE_CURVES.letter
    const bumped = applyDeadlineBump(letter, 20, DEFAULT_DEADLINE_BUMP)
    expect(bumped).toHaveLength(21)
    expect(sumInOrder(bumped)).toBeCloseTo(1, 14)
    expect(sumInOrder(bumped.slice(16, 21))).toBeCloseTo(0.15, 14)
    expect(bumped[20]).toBeCloseTo((0.15 * 5) / 15, 14)
    expect(bumped[3]).toBeCloseTo(letter[3] * 0.85, 14)
  })

  it('conserves calls for any deadline and setting (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3, max: 80 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(...CHANNELS),
        (deadline, share, workingDays, channel) => {
          const bumped = applyDeadlineBump(DEFAULT_RESPONSE_CURVES[channel], deadline, { share, workingDays })
          expect(Math.abs(sumInOrder(bumped) - 1)).toBeLessThan(1e-12)
          expect(bumped.every((x) => x >= 0)).toBe(true)
        },
      ),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('squeezes a bump that would start before delivery into the days available', () => {
    const bumped = applyDeadlineBump([1], 1, { share: 0.3, workingDays: 5 })
    expect(bumped[0]).toBeCloseTo(0.7 + (0.3 * 4) / 9, 14)
    expect(bumped[1]).toBeCloseTo((0.3 * 5) / 9, 14)
  })
})

describe('delivery delay', () => {
  it('uses the postage class for letters, 0 for digital, and the override when given', () => {
    expect(deliveryDelayDays({ channel: 'letter', postage: 'second' })).toBe(3)
    expect(deliveryDelayDays({ channel: 'letter', postage: 'first' })).toBe(1)
    expect(deliveryDelayDays({ channel: 'letter', postage: 'economy' })).toBe(5)
    expect(deliveryDelayDays({ channel: 'letter', postage: 'signed-for' })).toBe(1)
    expect(deliveryDelayDays({ channel: 'letter' })).toBe(3)
    expect(deliveryDelayDays({ channel: 'email' })).toBe(0)
    expect(deliveryDelayDays({ channel: 'sms' })).toBe(0)
    expect(deliveryDelayDays({ channel: 'online' })).toBe(0)
    expect(deliveryDelayDays({ channel: 'letter', postage: 'second', delayOverrideDays: 7 })).toBe(7)
    expect(deliveryDelayDays({ channel: 'email', delayOverrideDays: 0 })).toBe(0)
  })
})
