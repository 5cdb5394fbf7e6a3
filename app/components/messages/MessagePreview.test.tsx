import { describe, expect, it } from 'vitest'
import { attr, render, textOf } from '../govuk/test-support/dom'
import '../govuk/test-support/no-console-errors'
import { MessagePreview, type PreviewableMessage } from './MessagePreview'

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)><b>bold</b>'

function message(overrides: Partial<PreviewableMessage>): PreviewableMessage {
  return {
    channel: 'letter',
    name: 'Letter',
    referenceType: 'utr',
    subject: null,
    body: 'Dear ((customer_name))\nReference: ((reference))',
    addressBlock: '((customer_name))\n((address_line_1))\n((address_line_5))\n((postcode))',
    postage: 'second',
    deadlineDays: null,
    ...overrides,
  }
}

describe('MessagePreview', () => {
  it.each(['letter', 'email', 'sms', 'online'] as const)('shows HTML and script in a %s as text, never as markup', (channel) => {
    const page = render(
      <MessagePreview message={message({ channel, body: HOSTILE, subject: HOSTILE, addressBlock: `((customer_name))\n${HOSTILE}` })} extraFields={[]} />,
    )
    expect(page.has('script')).toBe(false)
    expect(page.has('img')).toBe(false)
    expect(page.has('b')).toBe(false)
    expect(page.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(page.text()).toContain('<b>bold</b>')
  })

  it('puts the filled address lines in the envelope window, dropping blank ones, and fills the body with sample data', () => {
    const page = render(<MessagePreview message={message({})} extraFields={[]} />)
    expect(page.all('.app-letter__window p').map((p) => textOf(p))).toEqual(['Alex Example', '1 Sample Street', 'AA1 1AA'])
    expect(page.text('.app-letter__body')).toBe('Dear Alex Example Reference: 12345 67890')
    expect(attr(page.all('.app-letter__body .app-preview__value')[0]!, 'title')).toBe('((customer_name))')
  })

  it('marks a placeholder the campaign’s data does not provide, for sighted and screen reader users', () => {
    const page = render(<MessagePreview message={message({ channel: 'online', body: 'Hello ((nickname))' })} extraFields={[]} />)
    expect(page.text('.app-preview__unfilled')).toBe('((nickname)) (not in the mailing data)')
    const known = render(<MessagePreview message={message({ channel: 'online', body: 'Hello ((nickname))' })} extraFields={['Nickname']} />)
    expect(known.text('.app-online__body')).toBe('Hello [Nickname]')
  })

  it('shows an email with its subject', () => {
    const page = render(<MessagePreview message={message({ channel: 'email', subject: 'Your ((tax_year)) return' })} extraFields={[]} />)
    expect(page.text('.app-email__subject')).toBe('Your 2025 to 2026 return')
  })

  it('counts a text message with the sample data and names each non-GSM character', () => {
    const page = render(<MessagePreview message={message({ channel: 'sms', body: 'Hi ((customer_name)), it’s time.' })} extraFields={[]} />)
    expect(page.text('.app-sms-count__summary')).toBe('27 characters in Unicode (UCS-2): 1 text message, with room for 43 more characters.')
    expect(page.text('.app-sms-count__non-gsm li')).toBe("right single quotation mark (’): replace it with '")
  })
})

describe('a Welsh letter preview', () => {
  it('shows the Welsh page with the address in the window, and the English as a continued page without one', async () => {
    const { LetterPreview } = await import('./MessagePreview')
    const welsh = render(<LetterPreview message={message({ body: 'Annwyl ((customer_name))' })} extraFields={[]} lang="cy" />)
    expect(attr(welsh.one('.app-letter'), 'lang')).toBe('cy')
    expect(welsh.text('.app-letter__sender')).toContain('Cyllid a Thollau EF')
    expect(welsh.has('[data-testid="letter-window"]')).toBe(true)
    const english = render(<LetterPreview message={message({})} extraFields={[]} continued />)
    expect(english.has('.app-letter--continued')).toBe(true)
    expect(english.has('[data-testid="letter-window"]')).toBe(false)
    expect(english.has('.app-letter__sender')).toBe(false)
  })
})
