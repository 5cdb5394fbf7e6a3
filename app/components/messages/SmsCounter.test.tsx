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

describe('SmsCounter for Welsh text', () => {
  it('says why Welsh letters make the text Unicode, marks them as Welsh, and never offers to replace them', () => {
    const page = render(<SmsCounter textareaId="welsh-body" initialText={'Tŷ ŵyr — â'} language="cy" />)
    expect(page.text('.app-sms-count__summary')).toBe('10 characters in Unicode (UCS-2): 1 text message, with room for 60 more characters.')
    expect(page.text('.app-sms-count__welsh')).toContain('The Welsh letters ŷ ŵ â are not in the GSM alphabet')
    expect(page.text('.app-sms-count__welsh')).toContain('70 characters, or 67 when there is more than one')
    expect(page.one('.app-sms-count__welsh [lang="cy"]').type).toBe('element')
    // The em dash is not Welsh: it is still named, with its replacement; the Welsh letters are not.
    expect(page.all('.app-sms-count__non-gsm li')).toHaveLength(1)
    expect(page.text('.app-sms-count__non-gsm')).toContain('em dash (—): replace it with -')
  })

  it('still names a circumflex with its replacement in English text', () => {
    const page = render(<SmsCounter textareaId="body" initialText="pâté" />)
    expect(page.text('.app-sms-count__non-gsm')).toContain('a with circumflex (â): replace it with a')
    expect(page.all('.app-sms-count__welsh')).toHaveLength(0)
  })
})
