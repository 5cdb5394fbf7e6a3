import { describe, expect, it } from 'vitest'
import { attr, render, textOf } from './test-support/dom'
import './test-support/no-console-errors'
import { ErrorSummary } from './index'

describe('ErrorSummary', () => {
  it('renders nothing when there are no errors', () => {
    expect(render(<ErrorSummary errors={[]} />).html).toBe('')
  })

  it('is headed "There is a problem" and links each error to its field, in order', () => {
    const page = render(
      <ErrorSummary
        errors={[
          { text: 'Enter a campaign name', href: '#name' },
          { text: 'The start date must include a month', href: '#startDate-month' },
        ]}
      />,
    )
    expect(page.text('h2.govuk-error-summary__title')).toBe('There is a problem')
    expect(page.all('ul.govuk-error-summary__list li a').map((a) => [attr(a, 'href'), textOf(a)])).toEqual([
      ['#name', 'Enter a campaign name'],
      ['#startDate-month', 'The start date must include a month'],
    ])
  })

  it('leaves focusing to govuk-frontend: a data-module, an inner alert, and no tabindex of its own', () => {
    const page = render(<ErrorSummary errors={[{ text: 'Enter a name', href: '#name' }]} />)
    const summary = page.one('div.govuk-error-summary')
    expect(attr(summary, 'data-module')).toBe('govuk-error-summary')
    expect(attr(summary, 'tabindex')).toBeUndefined()
    expect(attr(summary, 'data-disable-auto-focus')).toBeUndefined()
    expect(page.has('div.govuk-error-summary div[role="alert"] h2.govuk-error-summary__title')).toBe(true)
  })

  it('can carry a description and turn off auto-focus', () => {
    const page = render(
      <ErrorSummary errors={[{ text: 'Enter a name', href: '#name' }]} descriptionText="Fix these to continue" disableAutoFocus />,
    )
    expect(page.text('.govuk-error-summary__body p')).toBe('Fix these to continue')
    expect(attr(page.one('.govuk-error-summary'), 'data-disable-auto-focus')).toBe('true')
  })
})
