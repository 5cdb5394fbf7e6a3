import { describe, expect, it } from 'vitest'
import {
  REFERENCE_PLACEHOLDERS,
  REFERENCE_TYPES,
  STANDARD_FIELDS,
  checkExtraFieldName,
  isKnownField,
  ninoKeys,
  referenceKeys,
  sampleValues,
} from './fields'

describe('the data dictionary', () => {
  it('has a placeholder for every reference type', () => {
    for (const type of REFERENCE_TYPES) expect(isKnownField(REFERENCE_PLACEHOLDERS[type])).toBe(true)
  })

  it('knows standard fields in any spelling, and custom fields only when the campaign adds them', () => {
    expect(isKnownField('Address Line 1')).toBe(true)
    expect(isKnownField('VAT-registration-number')).toBe(true)
    expect(isKnownField('policy_number')).toBe(false)
    expect(isKnownField('Policy Number', ['policy_number'])).toBe(true)
  })

  it('shows the NINO through ((reference)) only when the reference type is NINO', () => {
    expect([...ninoKeys('nino')].sort()).toEqual(['nino', 'reference'])
    expect([...ninoKeys('utr')]).toEqual(['nino'])
    expect([...referenceKeys('vrn')].sort()).toEqual(['reference', 'vatregistrationnumber'])
  })

  it('gives sample data that is obviously fake', () => {
    const values = sampleValues('nino', ['Case Officer'])
    expect(values.reference).toBe('QQ 12 34 56 C')
    expect(values.nino).toBe('QQ 12 34 56 C')
    expect(values['Case Officer']).toBe('[Case Officer]')
    expect(sampleValues('paye').reference).toBe('123/AB45678')
    expect(STANDARD_FIELDS.every((f) => typeof f.sample === 'string')).toBe(true)
  })
})

describe('checkExtraFieldName', () => {
  it.each([
    ['', 'Enter a field name'],
    ['1st', 'Field name must start with a letter and can only include letters, numbers, spaces, hyphens and underscores'],
    ['has ((x))', 'Field name must start with a letter and can only include letters, numbers, spaces, hyphens and underscores'],
    ['Customer Name', '“Customer Name” is already a standard field (((customer_name)))'],
    ['Policy-Number', 'This campaign already has a field called “Policy-Number”'],
    ['x'.repeat(51), 'Field name must be 50 characters or less'],
  ])('rejects %j', (name, message) => {
    expect(checkExtraFieldName(name, ['policy_number'])).toBe(message)
  })

  it('accepts a new name', () => {
    expect(checkExtraFieldName('has_debt', ['policy_number'])).toBeNull()
  })
})
