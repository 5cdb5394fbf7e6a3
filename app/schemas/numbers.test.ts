import { describe, expect, it } from 'vitest'
import { numberText, readNumber, type NumberSpec } from './numbers'

const spec: NumberSpec = { label: 'Shrinkage', required: 'the shrinkage', example: '35', min: 0, max: 90, unit: '%', percent: true }

describe('reading a typed number', () => {
  it('accepts what people type and refuses the rest with a sentence', () => {
    expect(readNumber(' 1,234.5 ', { ...spec, max: 10_000 })).toEqual({ ok: true, value: 1234.5 })
    expect(readNumber('35%', spec)).toEqual({ ok: true, value: 35 })
    expect(readNumber('.5', spec)).toEqual({ ok: true, value: 0.5 })
    expect(readNumber('-0', spec)).toEqual({ ok: true, value: 0 })
    expect(readNumber('', spec)).toEqual({ ok: false, message: 'Enter the shrinkage' })
    expect(readNumber('', { ...spec, required: undefined })).toEqual({ ok: true, value: null })
    expect(readNumber('1e3', spec)).toEqual({ ok: false, message: 'Shrinkage must be a number, like 35' })
    expect(readNumber('Infinity', spec)).toEqual({ ok: false, message: 'Shrinkage must be a number, like 35' })
    expect(readNumber('91', spec)).toEqual({ ok: false, message: 'Shrinkage must be 90% or less' })
    expect(readNumber('2.5', { ...spec, integer: true })).toEqual({ ok: false, message: 'Shrinkage must be a whole number, like 35' })
    expect(readNumber('0', { ...spec, min: 1, unit: ' seconds' })).toEqual({ ok: false, message: 'Shrinkage must be 1 second or more' })
    expect(readNumber('1'.repeat(40), { ...spec, max: Infinity })).toEqual({ ok: false, message: 'Shrinkage must be a number, like 35' })
  })

  it('shows stored numbers without floating-point noise', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3')
    expect(numberText(null)).toBe('')
    expect(numberText(7.4)).toBe('7.4')
  })
})
