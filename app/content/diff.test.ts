import { describe, expect, it } from 'vitest'
import { diffFields, diffText, flattenForDiff, humanise } from './diff'

describe('diffText', () => {
  it('gives same rows for identical text', () => {
    expect(diffText('a\nb', 'a\nb')).toEqual([
      { kind: 'same', left: { lineNo: 1, segments: [{ text: 'a', kind: 'same' }] }, right: { lineNo: 1, segments: [{ text: 'a', kind: 'same' }] } },
      { kind: 'same', left: { lineNo: 2, segments: [{ text: 'b', kind: 'same' }] }, right: { lineNo: 2, segments: [{ text: 'b', kind: 'same' }] } },
    ])
  })

  it('pairs a changed line and marks the changed words', () => {
    const rows = diffText('Dear customer\nPay by 31 July', 'Dear customer\nPay by 31 August')
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed'])
    expect(rows[1]).toEqual({
      kind: 'changed',
      left: {
        lineNo: 2,
        segments: [
          { text: 'Pay by 31 ', kind: 'same' },
          { text: 'July', kind: 'removed' },
        ],
      },
      right: {
        lineNo: 2,
        segments: [
          { text: 'Pay by 31 ', kind: 'same' },
          { text: 'August', kind: 'added' },
        ],
      },
    })
  })

  it('shows added and removed lines on one side only, with line numbers for each version', () => {
    const rows = diffText('one\ntwo\nthree', 'one\nthree\nfour')
    expect(rows.map((r) => [r.kind, r.left?.lineNo, r.right?.lineNo])).toEqual([
      ['same', 1, 1],
      ['removed', 2, undefined],
      ['same', 3, 2],
      ['added', undefined, 3],
    ])
    expect(rows[1]!.left!.segments).toEqual([{ text: 'two', kind: 'removed' }])
  })

  it('treats empty text as no lines, and \\r\\n like \\n', () => {
    expect(diffText('', '')).toEqual([])
    expect(diffText('', 'new').map((r) => r.kind)).toEqual(['added'])
    expect(diffText('a\r\nb', 'a\nb').every((r) => r.kind === 'same')).toBe(true)
  })

  it('pairs as many lines as both sides have, then adds or removes the rest', () => {
    expect(diffText('x\na\nb\ny', 'x\nA\ny').map((r) => r.kind)).toEqual(['same', 'changed', 'removed', 'same'])
  })

  it('copes with large, wholly different texts', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `line ${i} alpha`).join('\n')
    const b = Array.from({ length: 3000 }, (_, i) => `row ${i} beta`).join('\n')
    const rows = diffText(a, b)
    expect(rows.filter((r) => r.left).length).toBe(3000)
    expect(rows.filter((r) => r.right).length).toBe(3000)
  })
})

describe('flattenForDiff', () => {
  it('flattens nested JSON into readable paths and labels', () => {
    const snapshot = {
      launchDate: '2027-06-01',
      messages: [{ id: 7, name: 'First letter', body: 'Hi', postage: 'second' }],
      coOwners: ['ann', 'bob'],
      extraLiability: true,
      forecast: { contactRate: { central: 0.05 } },
    }
    expect(flattenForDiff(snapshot, { 'messages[].body': 'Letter text', launchDate: 'Launch date' })).toEqual([
      { path: 'launchDate', label: 'Launch date', value: '2027-06-01' },
      { path: 'messages[id=7].id', label: 'Messages › “First letter” › Id', value: '7' },
      { path: 'messages[id=7].name', label: 'Messages › “First letter” › Name', value: 'First letter' },
      { path: 'messages[id=7].body', label: 'Messages › “First letter” › Letter text', value: 'Hi' },
      { path: 'messages[id=7].postage', label: 'Messages › “First letter” › Postage', value: 'second' },
      { path: 'coOwners', label: 'Co owners', value: 'ann\nbob' },
      { path: 'extraLiability', label: 'Extra liability', value: 'Yes' },
      { path: 'forecast.contactRate.central', label: 'Forecast › Contact rate › Central', value: '0.05' },
    ])
  })

  it('humanises keys', () => {
    expect(humanise('addressBlock')).toBe('Address block')
    expect(humanise('address_block')).toBe('Address block')
    expect(humanise('recordingNotice')).toBe('Recording notice')
  })
})

describe('diffFields', () => {
  const labels = { body: 'Body', subject: 'Subject' }

  it('gives a diff for each changed field, and nothing for unchanged ones', () => {
    const fields = diffFields({ subject: 'Hi', body: 'a\nb' }, { subject: 'Hi', body: 'a\nc' }, labels)
    expect(fields).toHaveLength(1)
    expect(fields[0]).toMatchObject({ path: 'body', label: 'Body', kind: 'changed', before: 'a\nb', after: 'a\nc' })
    expect(fields[0]!.rows.map((r) => r.kind)).toEqual(['same', 'changed'])
  })

  it('includes unchanged fields when asked', () => {
    expect(diffFields({ a: '1' }, { a: '1' }, {}, { includeUnchanged: true }).map((f) => f.kind)).toEqual(['same'])
  })

  it('reports added and removed fields, keeping removed ones where they were', () => {
    const fields = diffFields({ a: '1', b: '2', c: '3' }, { a: '1', c: '3', d: '4' })
    expect(fields.map((f) => [f.path, f.kind, f.before, f.after])).toEqual([
      ['b', 'removed', '2', null],
      ['d', 'added', null, '4'],
    ])
  })

  it('matches array items by id, so inserting a line to take does not change the others', () => {
    const before = { lines: [{ id: 'a', question: 'Why me?', answer: 'Because' }] }
    const after = {
      lines: [
        { id: 'b', question: 'Is it real?', answer: 'Yes' },
        { id: 'a', question: 'Why me?', answer: 'Because' },
      ],
    }
    expect(diffFields(before, after).map((f) => [f.path, f.kind, f.label])).toEqual([
      ['lines[id=b].id', 'added', 'Lines › “Is it real?” › Id'],
      ['lines[id=b].question', 'added', 'Lines › “Is it real?” › Question'],
      ['lines[id=b].answer', 'added', 'Lines › “Is it real?” › Answer'],
    ])
  })

  it('treats a null field as empty text', () => {
    expect(diffFields({ subject: null }, { subject: 'New' }).map((f) => [f.kind, f.before])).toEqual([['changed', '']])
  })
})
