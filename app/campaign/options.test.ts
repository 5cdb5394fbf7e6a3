import { describe, expect, it } from 'vitest'
import { formatDateTime } from './options'

describe('formatDateTime', () => {
  it('writes UK time on a 12-hour clock, including the hour after midnight', () => {
    expect(formatDateTime('2026-11-25T00:53:00Z')).toBe('25 November 2026 at 12:53am')
    expect(formatDateTime('2026-07-01T11:05:00Z')).toBe('1 July 2026 at 12:05pm')
    expect(formatDateTime('2026-07-01T23:30:00Z')).toBe('2 July 2026 at 12:30am')
    expect(formatDateTime('2026-03-29T01:00:00Z')).toBe('29 March 2026 at 2:00am')
    expect(formatDateTime('not a date')).toBe('not a date')
  })
})
