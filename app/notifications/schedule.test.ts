import { describe, expect, it } from 'vitest'
import { digestCutoff, isPermanentFailure, londonTime, MAX_RETRY_DELAY_MS, retryDelayMs } from './schedule'

describe('retry delays', () => {
  it('double from 30 seconds up to an hour, within ±20%', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 12].map((n) => retryDelayMs(n, 0.5))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000])
    expect(retryDelayMs(1, 0)).toBe(24_000)
    expect(retryDelayMs(1, 0.999_999)).toBe(36_000)
    expect(retryDelayMs(40, 0.999_999)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS * 1.2)
  })

  it('give up at once only on a 5xx reply', () => {
    expect(isPermanentFailure({ responseCode: 550 })).toBe(true)
    expect(isPermanentFailure({ responseCode: 451 })).toBe(false)
    expect(isPermanentFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false)
    expect(isPermanentFailure(null)).toBe(false)
  })
})

describe('the daily digest time', () => {
  it('is 08:00 UK time, in GMT and in BST', () => {
    expect(londonTime('2027-01-15', 8).toISOString()).toBe('2027-01-15T08:00:00.000Z')
    expect(londonTime('2027-06-15', 8).toISOString()).toBe('2027-06-15T07:00:00.000Z')
    // The mornings the clocks change.
    expect(londonTime('2027-03-28', 8).toISOString()).toBe('2027-03-28T07:00:00.000Z')
    expect(londonTime('2027-10-31', 8).toISOString()).toBe('2027-10-31T08:00:00.000Z')
  })

  it('is the latest one at or before now', () => {
    expect(digestCutoff(new Date('2027-06-15T06:59:59Z')).toISOString()).toBe('2027-06-14T07:00:00.000Z')
    expect(digestCutoff(new Date('2027-06-15T07:00:00Z')).toISOString()).toBe('2027-06-15T07:00:00.000Z')
    expect(digestCutoff(new Date('2027-01-15T23:30:00Z')).toISOString()).toBe('2027-01-15T08:00:00.000Z')
    expect(digestCutoff(new Date('2027-03-28T07:30:00Z')).toISOString()).toBe('2027-03-28T07:00:00.000Z')
  })
})
