import { describe, expect, it } from 'vitest'
import { attr, classList, render, textOf } from './test-support/dom'
import './test-support/no-console-errors'
import { DateInput } from './index'

const startDate = (extra: Partial<Parameters<typeof DateInput>[0]> = {}) =>
  render(
    <DateInput
      id="startDate"
      namePrefix="startDate"
      fieldset={{ legend: { text: 'When does the campaign start?' } }}
      hint={{ text: 'For example, 27 3 2026' }}
      {...extra}
    />,
  )

describe('DateInput', () => {
  it('labels day, month and year, with prefixed names and numeric keyboards', () => {
    const page = startDate()
    expect(page.all('input').map((input) => attr(input, 'id'))).toEqual(['startDate-day', 'startDate-month', 'startDate-year'])
    expect(page.all('input').map((input) => attr(input, 'name'))).toEqual(['startDate-day', 'startDate-month', 'startDate-year'])
    expect(page.all('label').map((label) => [attr(label, 'for'), textOf(label)])).toEqual([
      ['startDate-day', 'Day'],
      ['startDate-month', 'Month'],
      ['startDate-year', 'Year'],
    ])
    expect(page.all('input').every((input) => attr(input, 'inputmode') === 'numeric')).toBe(true)
    expect(page.all('input').map((input) => classList(input).find((c) => c.startsWith('govuk-input--width-')))).toEqual([
      'govuk-input--width-2',
      'govuk-input--width-2',
      'govuk-input--width-4',
    ])
    expect(page.all('input').every((input) => classList(input).includes('govuk-date-input__input'))).toBe(true)
  })

  it('groups the inputs in a fieldset described by hint then error', () => {
    const page = startDate({ errorMessage: 'Enter the start date' })
    const fieldset = page.one('fieldset')
    expect(attr(fieldset, 'role')).toBe('group')
    expect(attr(fieldset, 'aria-describedby')).toBe('startDate-hint startDate-error')
    expect(page.text('#startDate-error')).toBe('Error: Enter the start date')
    expect(classList(page.all('div.govuk-form-group')[0]!)).toContain('govuk-form-group--error')
  })

  it('marks only the parts in error', () => {
    const page = startDate({ errorMessage: 'The start date must include a month', errorItems: ['month'] })
    expect(page.all('input.govuk-input--error').map((input) => attr(input, 'id'))).toEqual(['startDate-month'])
  })

  it('marks all three parts when no part is named', () => {
    for (const errorItems of [undefined, []]) {
      const page = startDate({ errorMessage: 'Enter a real date', errorItems })
      expect(page.all('input.govuk-input--error')).toHaveLength(3)
    }
  })

  it('marks nothing without an error', () => {
    expect(startDate().has('.govuk-input--error')).toBe(false)
    expect(startDate().has('.govuk-form-group--error')).toBe(false)
  })

  it('re-renders what the user typed, even when it is not a number', () => {
    const page = startDate({ defaultValues: { day: '31', month: 'Feb', year: '2026' }, errorMessage: 'Enter a real date' })
    expect(page.all('input').map((input) => attr(input, 'value'))).toEqual(['31', 'Feb', '2026'])
  })
})
