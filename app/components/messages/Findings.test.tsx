import { describe, expect, it } from 'vitest'
import { checkMessage } from '~/content/rules'
import { attr, render, textOf } from '../govuk/test-support/dom'
import '../govuk/test-support/no-console-errors'
import { FindingsSummary, MarkedText, numberFindings, PartFindings } from './Findings'

const address = '((customer_name))\n((postcode))\n((NINO))'
const findings = numberFindings(
  checkMessage({ channel: 'letter', name: 'L', referenceType: 'utr', body: 'Dear ((custmer_name))', addressBlock: address, postage: 'second' }, { extraFields: [] }),
)

describe('numberFindings', () => {
  it('numbers findings in the order their parts appear on the page', () => {
    expect(findings.map((f) => [f.n, f.location.field, f.id])).toEqual([
      [1, 'addressBlock', 'window-envelope'],
      [2, 'body', 'letter-reference'],
      [3, 'body', 'unknown-placeholder'],
    ])
  })
})

describe('FindingsSummary', () => {
  it('lists every error, linking to its place beside its part, without stealing focus on load', () => {
    const page = render(<FindingsSummary findings={findings} />)
    expect(page.text('.govuk-error-summary__title')).toBe('This message fails 3 data-security checks')
    expect(page.all('.govuk-error-summary__list a').map((a) => attr(a, 'href'))).toEqual(['#finding-1', '#finding-2', '#finding-3'])
    expect(textOf(page.all('.govuk-error-summary__list a')[0]!)).toMatch(/^Address block: Line 3 of the address block shows \(\(NINO\)\)\./)
    expect(attr(page.one('.govuk-error-summary'), 'data-disable-auto-focus')).toBe('true')
  })

  it('says so when a message passes every check', () => {
    expect(render(<FindingsSummary findings={[]} />).text()).toBe('No problems This message passes every data-security check.')
  })
})

describe('beside the part', () => {
  it('marks the span a finding concerns, numbered for screen readers too', () => {
    const page = render(<MarkedText text={address} findings={findings.filter((f) => f.location.field === 'addressBlock')} />)
    expect(page.all('mark')).toHaveLength(1)
    expect(page.text('mark')).toBe('((NINO)) (problem 1)')
    expect(page.text()).toBe('((customer_name)) ((postcode)) ((NINO)) (problem 1)')
  })

  it('merges overlapping spans into one mark naming both findings, and leaves unmarked text alone', () => {
    const overlapping = numberFindings([
      { id: 'unknown-placeholder', level: 'error', message: 'a', location: { field: 'body', offset: 0, length: 5 } },
      { id: 'nino-in-digital', level: 'error', message: 'b', location: { field: 'body', offset: 3, length: 4 } },
      { id: 'letter-reference', level: 'error', message: 'c', location: { field: 'body' } },
    ])
    const page = render(<MarkedText text="0123456789" findings={overlapping} />)
    expect(page.all('mark').map((m) => textOf(m))).toEqual(['0123456 (problem 2, 3)'])
    expect(page.text()).toBe('0123456 (problem 2, 3)789')
  })

  it('gives each finding an anchor, its level and its line', () => {
    const page = render(<PartFindings findings={findings.filter((f) => f.location.field === 'addressBlock')} />)
    expect(attr(page.one('li'), 'id')).toBe('finding-1')
    expect(page.text('li')).toMatch(/^Error \(problem 1\) Line 3 of the address block shows/)
    const body = render(<PartFindings findings={findings.filter((f) => f.id === 'unknown-placeholder')} />)
    expect(body.text('li')).toMatch(/^Error \(problem 3\) Line 1: \(\(custmer_name\)\) is not in this campaign’s mailing data/)
  })
})
