import { describe, expect, it } from 'vitest'
import { smsLength } from '~/content/sms'
import { render } from '../govuk/test-support/dom'
import '../govuk/test-support/no-console-errors'
import { SmsCounter, smsLengthSummary } from './SmsCounter'

describe('smsLengthSummary', () => {
  it.each([
    ['', '0 characters in GSM: the text message is empty'],
    ['a'.repeat(160), '160 characters in GSM: 1 text message, with room for 0 more characters'],
    ['a'.repeat(161), '161 characters in GSM: 2 text messages of up to 153 characters each'],
    ['€'.repeat(80), '160 characters in GSM: 1 text message, with room for 0 more characters'],
    ['ê'.repeat(70), '70 characters in Unicode (UCS-2): 1 text message, with room for 0 more characters'],
    ['ê'.repeat(71), '71 characters in Unicode (UCS-2): 2 text messages of up to 67 characters each'],
    ['x', '1 character in GSM: 1 text message, with room for 159 more characters'],
  ])('%j', (text, expected) => {
    expect(smsLengthSummary(smsLength(text))).toBe(expected)
  })
})

describe('SmsCounter', () => {
  it('renders the server’s count of the text, naming each non-GSM character once, with an empty live region', () => {
    const page = render(<SmsCounter textareaId="body" initialText={'Café — “quoted” ’ ’'} />)
    expect(page.one('#body-sms-count').type).toBe('element')
    expect(page.text('.app-sms-count__summary')).toBe('19 characters in Unicode (UCS-2): 1 text message, with room for 51 more characters.')
    // é is in the GSM alphabet; —, “, ” and ’ (twice) are not, and each is named once.
    expect(page.all('.app-sms-count__non-gsm li')).toHaveLength(4)
    expect(page.text('.app-sms-count__non-gsm')).toContain('em dash (—): replace it with -')
    expect(page.text('[aria-live="polite"]')).toBe('')
  })
})
