import { describe, expect, it } from 'vitest'
import { formatDateTime } from './options'

describe('formatDateTime', () => {
  it('writes the hour after midnight as 12, as browsers do, so server and browser agree', () => {
    expect(formatDateTime('2026-11-25T00:30:00Z')).toBe('25 November 2026 at 12:30am')
    expect(formatDateTime('2026-07-01T11:05:00Z')).toBe('1 July 2026 at 12:05pm')
    expect(formatDateTime('2026-07-01T13:05:00Z')).toBe('1 July 2026 at 2:05pm')
  })
})
