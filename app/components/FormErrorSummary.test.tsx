import { describe, expect, it } from 'vitest'
import { attr, render } from './govuk/test-support/dom'
import './govuk/test-support/no-console-errors'
import { ActionErrorSummary, FormErrorSummary } from './FormErrorSummary'

describe('the error summary of a failed submission', () => {
  it('takes focus as the page loads, without JavaScript: focusable, with autofocus', () => {
    const page = render(<FormErrorSummary errors={{ comment: 'Say what needs to change', decision: 'Select one' }} order={['decision', 'comment']} />)
    const summary = page.one('div.govuk-error-summary')
    expect(attr(summary, 'tabindex')).toBe('-1')
    expect(attr(summary, 'autofocus')).toBe('')
    expect(attr(summary, 'data-module')).toBe('govuk-error-summary')
    expect(page.all('.govuk-error-summary__list a').map((a) => attr(a, 'href'))).toEqual(['#decision', '#comment'])
  })

  it('renders nothing without errors, and leaves focus alone when told to', () => {
    expect(render(<FormErrorSummary errors={{}} />).html).toBe('')
    const quiet = render(<ActionErrorSummary errors={[{ text: 'Fails a check', href: '#body' }]} disableAutoFocus />).one('div.govuk-error-summary')
    expect(attr(quiet, 'autofocus')).toBeUndefined()
    expect(attr(quiet, 'tabindex')).toBeUndefined()
    expect(attr(quiet, 'data-disable-auto-focus')).toBe('true')
  })
})
