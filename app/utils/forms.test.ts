import { describe, expect, it } from 'vitest'
import { echoed, MAX_ECHOED_CHARS, reportsErrors } from './forms'

describe('what a refused form sends back to its page', () => {
  // Found by probing: a 2 MB value came back in a 4.2 MB error page (once in the page, once in its data).
  it('cuts text beyond the longest any field accepts, and leaves everything else as it was', () => {
    const values = { name: 'Ada', body: 'x'.repeat(2 * 1024 * 1024), waves: [{ date: 'y'.repeat(MAX_ECHOED_CHARS + 1), volume: '10' }], count: 3, none: null }
    const shown = echoed(values)
    expect(shown.name).toBe('Ada')
    expect(shown.body).toHaveLength(MAX_ECHOED_CHARS)
    expect(shown.waves[0]!.date).toHaveLength(MAX_ECHOED_CHARS)
    expect(shown.waves[0]!.volume).toBe('10')
    expect([shown.count, shown.none]).toEqual([3, null])
    expect(values.body).toHaveLength(2 * 1024 * 1024)
    // Text a person typed or pasted, up to ten times the longest field's limit, comes back whole.
    expect(echoed('z'.repeat(MAX_ECHOED_CHARS))).toHaveLength(MAX_ECHOED_CHARS)
    expect(MAX_ECHOED_CHARS).toBeGreaterThanOrEqual(10 * 20_000)
  })

  it('never leaves half of a surrogate pair at the end', () => {
    const text = `${'a'.repeat(MAX_ECHOED_CHARS - 1)}😀😀`
    const cut = echoed(text)
    expect(cut).toHaveLength(MAX_ECHOED_CHARS - 1)
    expect(/[\uD800-\uDBFF]$/.test(cut)).toBe(false)
  })

  it('keeps a form’s values without a prototype, so "__proto__" stays a key', () => {
    const values = Object.create(null) as Record<string, string>
    values.__proto__ = 'x'.repeat(MAX_ECHOED_CHARS + 5)
    const shown = echoed(values)
    expect(Object.getPrototypeOf(shown)).toBeNull()
    expect(shown.__proto__).toHaveLength(MAX_ECHOED_CHARS)
  })
})

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
