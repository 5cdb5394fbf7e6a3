import { describe, expect, it } from 'vitest'
import { diffFields, diffText } from '~/content/diff'
import { render, textOf } from '../govuk/test-support/dom'
import '../govuk/test-support/no-console-errors'
import { FieldDiffs, foldUnchanged } from './FieldDiffs'

describe('FieldDiffs', () => {
  const diffs = diffFields(
    { addressBlock: '((customer_name))\n((postcode))\n((nino))', postage: 'Second class' },
    { addressBlock: '((customer_name))\n((postcode))', postage: 'First class' },
    { addressBlock: 'Address block', postage: 'Postage' },
  )
  const page = render(<FieldDiffs diffs={diffs} leftLabel="Version 1" rightLabel="Version 2" />)

  it('shows each changed field as a table with the two versions side by side', () => {
    expect(page.all('caption').map((c) => textOf(c))).toEqual(['Address block (changed)', 'Postage (changed)'])
    expect(page.all('table')[0]!.children.length).toBeGreaterThan(0)
    expect(page.all('th').map((th) => textOf(th))).toEqual(['Version 1', 'Version 2', 'Version 1', 'Version 2'])
  })

  it('marks removals and additions with words a screen reader reads, not only colour', () => {
    expect(page.all('del').map((d) => textOf(d))).toEqual(['removed: “((nino))”', 'removed: “Second”'])
    expect(page.all('ins').map((d) => textOf(d))).toEqual(['added: “First”'])
    expect(page.all('.app-diff__empty').map((d) => textOf(d))).toEqual(['(no line)'])
  })

  it('says when there is nothing to show', () => {
    expect(render(<FieldDiffs diffs={[]} leftLabel="a" rightLabel="b" />).text()).toBe('There are no differences between these versions.')
  })
})

describe('foldUnchanged', () => {
  it('keeps two lines either side of a change and folds the rest', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n')
    const after = before.replace('line 10', 'line ten')
    const shown = foldUnchanged(diffText(before, after))
    expect(shown.map((s) => ('folded' in s ? `…${s.folded}` : s.row.kind))).toEqual(['…7', 'same', 'same', 'changed', 'same', 'same', '…8'])
  })
})
