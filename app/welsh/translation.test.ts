import { describe, expect, it } from 'vitest'
import {
  formatShare,
  messageSource,
  placeholderMismatches,
  translationState,
  uncoveredInWelsh,
  welshMessageFindings,
  welshMessageFrom,
  welshSharePercent,
} from './translation'

const letter = {
  channel: 'letter' as const,
  name: 'First letter',
  referenceType: 'utr',
  subject: null,
  body: 'Dear ((customer_name))\n\nReference: ((reference))\n\n((has_agent??We sent a copy to your agent.))',
  addressBlock: '((customer_name))\n((address_line_1))\n((postcode))',
  postage: 'second',
  deadlineDays: 30,
}

describe('whether a Welsh version translates the English as it is now', () => {
  it('is current while the text it translates is the English text, whatever else changed', () => {
    const source = messageSource(letter)
    expect(source).toEqual({ channel: 'letter', subject: null, body: letter.body })
    expect(translationState(source, { ...source })).toBe('current')
    // Keys in another order are the same text.
    expect(translationState(source, { body: letter.body, subject: null, channel: 'letter' })).toBe('current')
    expect(translationState(messageSource({ ...letter, body: `${letter.body}\n\nThank you.` }), source)).toBe('out-of-date')
    // A different channel is a different text to translate, even with the same words.
    expect(translationState(messageSource({ ...letter, channel: 'sms' }), source)).toBe('out-of-date')
  })
})

describe('placeholders the Welsh and the English do not share', () => {
  it('are named part by part, pointing at the Welsh one where there is one', () => {
    const findings = placeholderMismatches([
      { field: 'body', label: 'Body', english: 'Dear ((customer_name)), ((reference)) ((flag??x))', welsh: 'Annwyl ((Customer Name)), ((cyfeirnod)) ((flag??y))' },
      { field: 'subject', label: 'Subject', english: 'About ((tax_year))', welsh: 'Ynghylch' },
    ])
    expect(findings.map((f) => [f.location.field, f.message, f.location.offset ?? null])).toEqual([
      ['body', 'The Welsh body has the placeholder ((cyfeirnod)), which the English body does not. Use the English placeholders exactly as they are.', 26],
      ['body', 'The English body has the placeholder ((reference)), which the Welsh body does not. Add it to the Welsh, exactly as it is in the English.', null],
      ['subject', 'The English subject has the placeholder ((tax_year)), which the Welsh subject does not. Add it to the Welsh, exactly as it is in the English.', null],
    ])
    expect(findings.every((f) => f.id === 'welsh-placeholders' && f.level === 'error')).toBe(true)
  })

  it('match names as GOV.UK Notify does, ignoring case, spaces, hyphens and underscores', () => {
    expect(placeholderMismatches([{ field: 'body', label: 'Body', english: '((customer_name)) ((has_agent??a))', welsh: '((Customer-Name)) ((HAS AGENT??b))' }])).toEqual([])
  })
})

describe('the checks of a Welsh message', () => {
  it('run the English data-security checks on the Welsh text, but leave the address block and postage to the English', () => {
    const welsh = welshMessageFrom({ layout: 'bilingual', body: 'Annwyl ((customer_name))\n\n((has_agent??Anfonwyd copi.))' })
    const findings = welshMessageFindings({ ...letter, postage: 'nonsense' }, welsh, ['has_agent'])
    expect(findings.map((f) => f.id)).toEqual(['welsh-placeholders', 'letter-reference'])
    expect(findings.some((f) => f.location.field === 'postage')).toBe(false)
  })

  it('find a National Insurance number in a Welsh text message or email', () => {
    const sms = { ...letter, channel: 'sms' as const, addressBlock: null, postage: null, deadlineDays: null, body: 'HMRC: ((customer_name))' }
    const findings = welshMessageFindings(sms, welshMessageFrom({ body: 'CThEF: ((customer_name)) AB 12 34 56 C' }), [])
    expect(findings.map((f) => f.id)).toEqual(['nino-in-digital'])
  })

  it('read stored Welsh text defensively', () => {
    expect(welshMessageFrom({ layout: 'sideways', subject: 3, body: null })).toEqual({ layout: null, subject: null, body: '' })
  })
})

describe('the standard questions in Welsh', () => {
  it('count only the lines that have a Welsh version, under the English rules, with Welsh warnings', () => {
    const lines = [
      { audience: 'helpline' as const, standardQuestion: 'why-sent', welsh: { question: 'Pam?', answer: 'Oherwydd.' } },
      { audience: 'helpline' as const, standardQuestion: 'how-to-act', welsh: null },
      { audience: 'debt-management' as const, standardQuestion: 'time-to-pay', welsh: { question: 'Ni allaf dalu.', answer: 'Cynllun talu.' } },
      { audience: 'helpline' as const, standardQuestion: 'is-genuine', welsh: { question: 'Dilys?', answer: '  ' } },
    ]
    const uncovered = uncoveredInWelsh(lines, { extraLiability: true })
    expect(uncovered.map((q) => q.id)).toEqual(['how-to-act', 'more-information', 'is-genuine'])
    expect(uncovered[0]!.warning).toBe('Add a Welsh version of a helpline line that answers “How do I act on it or change my return?”, so the Welsh helpline can answer it.')
    expect(uncoveredInWelsh([], { extraLiability: true }).find((q) => q.id === 'time-to-pay')!.warning).toContain('helpline or Debt Management')
  })
})

describe('the Welsh share', () => {
  it('is the Welsh-preference customers as a share of the population, read as people read it', () => {
    expect(welshSharePercent({ welshCustomers: 9_600, populationSize: 320_000 })).toBe(3)
    expect(welshSharePercent({ welshCustomers: 0, populationSize: 320_000 })).toBe(0)
    expect(welshSharePercent({ welshCustomers: 10, populationSize: 0 })).toBe(0)
    expect(welshSharePercent({ welshCustomers: 500, populationSize: 400 })).toBe(100)
    expect(formatShare(3)).toBe('3%')
    expect(formatShare(12.345)).toBe('12.3%')
    expect(formatShare(0.0625)).toBe('0.06%')
  })
})
