import { describe, expect, it } from 'vitest'
import { sampleValues } from './fields'
import { renderAddressBlock, renderContent } from './render'

const values = sampleValues('utr', ['has_debt'])

describe('renderContent', () => {
  it('replaces placeholders with sample values, matching names loosely', () => {
    const rendered = renderContent('Dear (( Customer Name )), your reference is ((REFERENCE)).', { values })
    expect(rendered.text).toBe('Dear Alex Example, your reference is 12345 67890.')
    expect(rendered.segments).toEqual([
      { kind: 'text', text: 'Dear ', optional: false },
      { kind: 'value', text: 'Alex Example', placeholder: 'Customer Name', optional: false },
      { kind: 'text', text: ', your reference is ', optional: false },
      { kind: 'value', text: '12345 67890', placeholder: 'REFERENCE', optional: false },
      { kind: 'text', text: '.', optional: false },
    ])
  })

  it('keeps HTML and script as inert text segments', () => {
    const body = '<script>alert("x")</script><b onclick="x()">((customer_name))</b>'
    const rendered = renderContent(body, { values })
    expect(rendered.segments[0]).toEqual({ kind: 'text', text: '<script>alert("x")</script><b onclick="x()">', optional: false })
    expect(rendered.text).toBe('<script>alert("x")</script><b onclick="x()">Alex Example</b>')
    expect(rendered.segments.every((s) => typeof s.text === 'string')).toBe(true)
  })

  it('shows optional content by default and hides it when its flag is off', () => {
    const body = 'Hello.((has_debt?? You owe ((amount)).))'
    expect(renderContent(body, { values, extraFields: ['has_debt'] }).segments).toEqual([
      { kind: 'text', text: 'Hello.', optional: false },
      { kind: 'text', text: ' You owe ', optional: true },
      { kind: 'value', text: '£1,234.56', placeholder: 'amount', optional: true },
      { kind: 'text', text: '.', optional: true },
    ])
    expect(renderContent(body, { values, extraFields: ['has_debt'], flags: { 'Has Debt': false } }).text).toBe('Hello.')
    expect(renderContent(body, { values, extraFields: ['has_debt'], showOptional: false }).text).toBe('Hello.')
  })

  it('resolves optional content by the flag’s value when it reads as yes or no', () => {
    const body = 'A((has_debt??B))'
    const render = (value: string) => renderContent(body, { values: { ...values, has_debt: value }, extraFields: ['has_debt'] }).text
    expect(render('Yes')).toBe('AB')
    expect(render('true')).toBe('AB')
    expect(render('no')).toBe('A')
    expect(render('')).toBe('A')
    expect(render('[has_debt]')).toBe('AB')
    expect(renderContent(body, { values: { has_debt: 'yes' }, flags: { has_debt: false } }).text).toBe('A')
  })

  it('marks unknown placeholders and flags and shows them as written', () => {
    const rendered = renderContent('Hi ((custmer_name)) ((odd??x)) ((custmer name))', { values })
    expect(rendered.segments[1]).toEqual({ kind: 'unknown', text: '((custmer_name))', placeholder: 'custmer_name', optional: false })
    expect(rendered.unknown).toEqual(['custmer_name', 'odd'])
  })

  it('marks a known field that has no value', () => {
    const rendered = renderContent('((my_field))', { values: {}, extraFields: ['my_field'] })
    expect(rendered.segments).toEqual([{ kind: 'missing', text: '((my_field))', placeholder: 'my_field', optional: false }])
  })

  it('renders a malformed placeholder as the text written', () => {
    expect(renderContent('Dear ((customer_name', { values }).text).toBe('Dear ((customer_name')
    expect(renderContent('(())', { values }).text).toBe('(())')
  })

  it('renders an empty body as nothing', () => {
    expect(renderContent('', { values })).toEqual({ segments: [], text: '', unknown: [] })
  })

  it('shows each custom field as its name in square brackets', () => {
    expect(renderContent('((Has Debt))', { values, extraFields: ['has_debt'] }).text).toBe('[has_debt]')
  })
})

describe('renderAddressBlock', () => {
  it('drops lines that come out blank', () => {
    const lines = renderAddressBlock('((customer_name))\n((address_line_1))\n((address_line_5))\n((postcode))', { values })
    expect(lines.map((line) => line.map((s) => s.text).join(''))).toEqual(['Alex Example', '1 Sample Street', 'AA1 1AA'])
  })
})
