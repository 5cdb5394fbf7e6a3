import { describe, expect, it } from 'vitest'
import { diffFields } from '../content/diff'
import { scopeForDiff, SCOPE_DIFF_LABELS } from './display'
import { scopeContent } from './scopes'
import { exampleAggregate, exampleWelshAggregate } from './test-support/aggregate'
import { isWelshField } from './display'

const helplines = new Map([
  ['h1', 'Self Assessment helpline'],
  ['h2', 'Payment Support Service'],
])

describe('a scope made readable for a comparison', () => {
  it('turns codes and ids into the words people use', () => {
    const readable = scopeForDiff(scopeContent('customer-services', exampleAggregate()), helplines) as Record<string, any>
    expect(readable.launchDate).toBe('1 March 2027')
    expect(readable.messages[0]).toMatchObject({ channel: 'Letter', postage: 'Second class', waves: ['1 March 2027: 160,000', '8 March 2027: 160,000'] })
    expect(readable.forecastInputs.nation).toBe('England and Wales')
    expect(readable.forecastInputs.messages[0]).toEqual({
      id: 'm1',
      name: 'Rental income letter',
      delayOverrideDays: 'Standard',
      split: ['Self Assessment helpline: 85%', 'Payment Support Service: 15%'],
    })
    expect(readable.scripts[0]).toMatchObject({ name: 'Inbound call' })
    expect(readable.scripts[0]).not.toHaveProperty('callType')
    const dm = scopeForDiff(scopeContent('debt-management', exampleAggregate()), new Map()) as Record<string, any>
    expect(dm.liabilityEstimate).toEqual({ customers: '60,000', averagePence: '£920' })
  })

  it('gives a diff that names each changed field and reads a removed helpline plainly', () => {
    const before = exampleAggregate()
    const after = exampleAggregate()
    after.forecast!.messages.m1!.split = { h1: 70, gone: 30 }
    after.lines.find((l) => l.id === 'l1')!.answer = 'We have information from letting agents.'
    const diffs = diffFields(
      scopeForDiff(scopeContent('customer-services', before), helplines),
      scopeForDiff(scopeContent('customer-services', after), helplines),
      SCOPE_DIFF_LABELS,
    )
    expect(diffs.map((d) => [d.label, d.kind])).toEqual([
      ['Forecast inputs › Messages › “Rental income letter” › Helplines that take the calls', 'changed'],
      ['Helpline lines › “Why have I been sent this letter?” › Answer', 'changed'],
    ])
    expect(diffs[0]!.after).toBe('(removed helpline): 30%\nSelf Assessment helpline: 70%')
  })
})

describe('a Welsh Language Services scope made readable', () => {
  it('names each Welsh version, says in words whether it is current, and marks only the Welsh text as Welsh', () => {
    const before = exampleWelshAggregate()
    const after = exampleWelshAggregate()
    after.messages[0]!.body += '\n\nThank you.'
    after.welsh.lines[0]!.welsh.answer = 'Mae asiantau gosod yn dweud wrthym.'
    const diffs = diffFields(
      scopeForDiff(scopeContent('welsh-language-services', before), helplines),
      scopeForDiff(scopeContent('welsh-language-services', after), helplines),
      SCOPE_DIFF_LABELS,
    )
    expect(diffs.map((d) => [d.label, d.after, isWelshField(d.path)])).toEqual([
      ['Welsh messages › “Rental income letter” › English › Body', expect.stringContaining('Thank you.'), false],
      ['Welsh messages › “Rental income letter” › Translates the English as it is now', 'No: the English has changed since', false],
      ['Welsh lines › “Why have I been sent this letter?” › Welsh › Answer', 'Mae asiantau gosod yn dweud wrthym.', true],
    ])
    const readable = scopeForDiff(scopeContent('welsh-language-services', before), helplines) as Record<string, any>
    expect(readable.welshMessages[0]).toMatchObject({ channel: 'Letter', welsh: { layout: 'Bilingual: Welsh first, then English' }, translationCurrent: 'Yes' })
    expect(readable.welshScripts[0]).toMatchObject({ name: 'Inbound call' })
    const cs = scopeForDiff(scopeContent('customer-services', before), helplines) as Record<string, any>
    expect(cs.welshMessages[0]).toMatchObject({ name: 'Rental income letter', layout: 'Bilingual: Welsh first, then English' })
    expect(isWelshField('welshMessages[id=m1].body')).toBe(true)
    expect(isWelshField('messages[id=m1].body')).toBe(false)
  })
})
