import { describe, expect, it } from 'vitest'
import { reportsErrors } from './forms'

describe('reportsErrors', () => {
  it('sees every shape a failed action returns', () => {
    expect(reportsErrors({ errors: { name: 'Enter the name' }, values: {} })).toBe(true)
    expect(reportsErrors({ errors: ['The file is empty'] })).toBe(true)
    expect(reportsErrors({ problems: [{ text: 'The Press Office has not decided yet' }] })).toBe(true)
    expect(reportsErrors({ error: 'The file was applied meanwhile' })).toBe(true)
  })

  it('ignores a reply that succeeded or has nothing to report', () => {
    expect(reportsErrors({ errors: null, values: {}, focusWave: 2 })).toBe(false)
    expect(reportsErrors({ errors: {} })).toBe(false)
    expect(reportsErrors({ problems: [] })).toBe(false)
    expect(reportsErrors(undefined)).toBe(false)
    expect(reportsErrors('text')).toBe(false)
  })
})
