import { describe, expect, it } from 'vitest'
import { diffFields } from '../content/diff'
import { scopeForDiff, SCOPE_DIFF_LABELS } from './display'
import { scopeContent } from './scopes'
import { exampleAggregate } from './test-support/aggregate'

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
