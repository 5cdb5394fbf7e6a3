import { describe, expect, it } from 'vitest'
import { diffFields } from '../content/diff'
import { historyEntityType } from './entities'

describe('history entity types', () => {
  it('knows campaigns, messages, lines and scripts, and nothing inherited from Object', () => {
    for (const type of ['campaign', 'message', 'line', 'script']) expect(historyEntityType(type), type).toBeDefined()
    for (const type of ['constructor', '__proto__', 'toString', 'users']) expect(historyEntityType(type), type).toBeUndefined()
  })

  it('compares a message’s codes in users’ words, with one line per wave', () => {
    const message = historyEntityType('message')!
    const v1 = { name: 'Letter', channel: 'letter', postage: 'second', referenceType: 'utr', waves: [{ sendDate: '2031-03-01', volume: 1000 }] }
    const v2 = { ...v1, postage: 'signed-for', waves: [...v1.waves, { sendDate: '2031-03-08', volume: 25000 }] }
    const diffs = diffFields(message.forDiff!(v1), message.forDiff!(v2), message.labels)
    expect(diffs.map((d) => [d.label, d.before, d.after])).toEqual([
      ['Postage', 'Second class', 'Signed for'],
      ['Waves (send date: volume)', '1 March 2031: 1,000', '1 March 2031: 1,000\n8 March 2031: 25,000'],
    ])
    expect(message.title(v1)).toBe('Letter')
    expect(message.backHref!('OTM-2031-001', 'abc', false)).toBe('/campaigns/OTM-2031-001/messages/abc')
    expect(message.backHref!('OTM-2031-001', 'abc', true)).toBe('/campaigns/OTM-2031-001/messages')
  })
})
