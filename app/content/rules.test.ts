import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkMessage, findLiteralNinos, MAX_FINDINGS_PER_RULE_AND_FIELD, type MessageInput } from './rules'

const ADDRESS = '((customer_name))\n((address_line_1))\n((address_line_2))\n((postcode))'
const BODY = 'Dear ((customer_name))\n\nReference: ((utr))\n\nWe think your return for ((tax_year)) may be wrong.'

function letter(overrides: Partial<MessageInput> = {}): MessageInput {
  return { channel: 'letter', name: 'Letter', referenceType: 'utr', body: BODY, addressBlock: ADDRESS, postage: 'second', ...overrides }
}
function sms(body: string, overrides: Partial<MessageInput> = {}): MessageInput {
  return { channel: 'sms', name: 'SMS', referenceType: 'utr', body, ...overrides }
}
const none = { extraFields: [] as string[] }
const ids = (findings: { id: string }[]) => findings.map((f) => f.id)

describe('checkMessage', () => {
  it('finds nothing wrong with a well-formed letter, SMS, email or online message', () => {
    expect(checkMessage(letter(), none)).toEqual([])
    expect(checkMessage(sms('Hi ((customer_name)), please check your ((tax_year)) return.'), none)).toEqual([])
    expect(checkMessage({ channel: 'email', name: 'E', referenceType: 'nino', subject: 'Your ((tax_year)) return', body: 'Hello' }, none)).toEqual([])
    expect(checkMessage({ channel: 'online', name: 'O', referenceType: 'nino', body: 'Your NINO is ((nino))' }, none)).toEqual([])
  })
})

describe('unknown-placeholder', () => {
  it('reports a placeholder the data does not provide, where it is', () => {
    const findings = checkMessage(sms('Hello\n  ((custmer_name))'), none)
    expect(findings).toEqual([
      {
        id: 'unknown-placeholder',
        level: 'error',
        message: '((custmer_name)) is not in this campaign’s mailing data. Check the spelling, or add “custmer_name” as a custom field.',
        location: { field: 'body', offset: 8, length: 16, line: 2, column: 3 },
      },
    ])
  })

  it('accepts standard fields in any case and spacing', () => {
    expect(checkMessage(sms('((  Customer Name )) ((TAX-YEAR)) (( helpline_number ))'), none)).toEqual([])
  })

  it('checks placeholders inside optional content, and the flag itself', () => {
    const body = 'Hi ((has_debt??You owe ((amout)) for ((tax_year)).))'
    expect(checkMessage(sms(body), none).map((f) => [f.id, f.location.offset])).toEqual([
      ['unknown-placeholder', 5],
      ['unknown-placeholder', 23],
    ])
    const withFlag = checkMessage(sms(body), { extraFields: ['Has Debt'] })
    expect(withFlag).toHaveLength(1)
    expect(withFlag[0]!.message).toContain('((amout))')
  })

  it('checks an email subject and a letter address block', () => {
    const email = checkMessage({ channel: 'email', name: 'E', referenceType: 'utr', subject: 'About ((thing))', body: 'x' }, none)
    expect(email.map((f) => [f.id, f.location.field])).toEqual([['unknown-placeholder', 'subject']])
    const block = checkMessage(letter({ addressBlock: ADDRESS + '\n((post_town))' }), none)
    expect(block.map((f) => [f.id, f.location.field, f.location.line])).toEqual([
      ['unknown-placeholder', 'addressBlock', 5],
      ['window-envelope', 'addressBlock', 5],
    ])
  })

  it('reports malformed placeholders', () => {
    const findings = checkMessage(sms('Dear ((customer_name, see (()) and ((??x))'), none)
    expect(findings.map((f) => [f.id, f.location.offset])).toEqual([
      ['malformed-placeholder', 5],
      ['malformed-placeholder', 26],
      ['malformed-placeholder', 35],
    ])
    expect(findings[0]!.message).toBe('“((” is never closed with “))”.')
  })

  it('summarises after the first findings of a kind', () => {
    const body = Array.from({ length: 30 }, (_, i) => `((unknown_${i}))`).join(' ')
    const findings = checkMessage(sms(body), none)
    expect(findings).toHaveLength(MAX_FINDINGS_PER_RULE_AND_FIELD + 1)
    expect(findings.at(-1)!.message).toBe('There are 10 more problems like this in the body.')
  })
})

describe('letter-reference', () => {
  it('is satisfied by ((reference)) or the type’s own placeholder, in any spacing', () => {
    expect(checkMessage(letter({ body: 'Ref ((reference))' }), none)).toEqual([])
    expect(checkMessage(letter({ body: 'Ref (( UTR ))' }), none)).toEqual([])
    expect(checkMessage(letter({ referenceType: 'vrn', body: 'VAT number: ((VAT registration number))' }), none)).toEqual([])
  })

  it('reports a letter that does not show the reference', () => {
    const findings = checkMessage(letter({ body: 'Dear ((customer_name))' }), none)
    expect(findings).toEqual([
      {
        id: 'letter-reference',
        level: 'error',
        message: 'The letter does not show the customer’s Unique Taxpayer Reference. Add ((utr)) or ((reference)) to the body.',
        location: { field: 'body' },
      },
    ])
  })

  it('reports an empty body', () => {
    expect(ids(checkMessage(letter({ body: '' }), none))).toEqual(['letter-reference'])
  })

  it('says so when the letter shows a reference of another type', () => {
    const [f] = checkMessage(letter({ referenceType: 'paye', body: 'Ref ((utr))' }), none)
    expect(f!.message).toContain('It shows ((utr)), which is not this letter’s reference type.')
  })

  it('does not count a reference that only shows inside optional content', () => {
    const body = 'Dear ((customer_name))\n((has_utr??Your UTR is ((utr)).))'
    const findings = checkMessage(letter({ body }), { extraFields: ['has_utr'] })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ id: 'letter-reference', location: { field: 'body', line: 2, column: 24 } })
    expect(findings[0]!.message).toBe(
      'The Unique Taxpayer Reference ((utr)) is only inside optional content ((has_utr??…)), so it is not guaranteed to show on every letter. Show it outside optional content as well.',
    )
  })

  it('does not count a reference in the address block', () => {
    const findings = checkMessage(letter({ body: 'Dear ((customer_name))', addressBlock: ADDRESS + '\n((utr))' }), none)
    expect(ids(findings).sort()).toEqual(['letter-reference', 'window-envelope'])
  })
})

describe('window-envelope', () => {
  it('allows name and address placeholders with punctuation between them', () => {
    expect(checkMessage(letter({ addressBlock: '((Customer Name))\n((address_line_1)), ((address_line_2)).\n((POSTCODE))' }), none)).toEqual([])
  })

  it('finds a reference hidden on the last line of the address block', () => {
    const findings = checkMessage(letter({ addressBlock: ADDRESS + '\n\n(( UTR ))' }), none)
    expect(findings).toEqual([
      {
        id: 'window-envelope',
        level: 'error',
        message:
          'Line 6 of the address block shows (( UTR )). Only the customer’s name and address may show through the envelope window: use ((customer_name)), ((address_line_1)) to ((address_line_6)) and ((postcode)).',
        location: { field: 'addressBlock', offset: ADDRESS.length + 2, length: 9, line: 6, column: 1 },
      },
    ])
  })

  it('reports literal text, naming the line and the text', () => {
    const findings = checkMessage(letter({ addressBlock: '((customer_name))\nRef: 123\n((postcode))' }), none)
    expect(findings).toHaveLength(1)
    expect(findings[0]!.message).toMatch(/^Line 2 of the address block shows the text “Ref: 123”\./)
    expect(findings[0]!.location).toEqual({ field: 'addressBlock', offset: 18, length: 8, line: 2, column: 1 })
  })

  it('reports the NINO and other fields on the same line together', () => {
    const findings = checkMessage(letter({ addressBlock: '((customer_name)) ((nino)) ((amount))\n((postcode))' }), none)
    expect(findings).toHaveLength(1)
    expect(findings[0]!.message).toMatch(/^Line 1 of the address block shows \(\(nino\)\) and \(\(amount\)\)\./)
  })

  it('reports optional content in the address block', () => {
    const findings = checkMessage(letter({ addressBlock: ADDRESS + '\n((is_business??((address_line_3))))' }), {
      extraFields: ['is_business'],
    })
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^Line 5 of the address block shows optional content \(\(is_business\?\?…\)\)\./)])
  })

  it('reports an empty or missing address block', () => {
    expect(ids(checkMessage(letter({ addressBlock: '  \n ' }), none))).toEqual(['window-envelope'])
    expect(ids(checkMessage(letter({ addressBlock: undefined }), none))).toEqual(['window-envelope'])
  })

  it('reports an address typed in as text, which would go to every customer', () => {
    const findings = checkMessage(letter({ addressBlock: 'Mr A Person\n1 High Street' }), none)
    expect(findings.map((f) => f.location.line)).toEqual([undefined, 1, 2])
    expect(findings[0]!.message).toMatch(/^The address block has no name or address placeholders/)
  })

  it('reports a malformed placeholder that leaks text', () => {
    expect(ids(checkMessage(letter({ addressBlock: ADDRESS + '\n((nino' }), none))).toEqual(['malformed-placeholder', 'window-envelope'])
  })
})

describe('letter-postage', () => {
  it.each(['second', 'first', 'economy', 'signed-for'])('accepts %s', (postage) => {
    expect(checkMessage(letter({ postage }), none)).toEqual([])
  })

  it('reports a missing or unknown postage class', () => {
    expect(checkMessage(letter({ postage: null }), none)).toEqual([
      {
        id: 'letter-postage',
        level: 'error',
        message: 'Choose a postage class for the letter: second class (usually), first class, economy or signed for.',
        location: { field: 'postage' },
      },
    ])
    expect(checkMessage(letter({ postage: 'pigeon' }), none)[0]!.message).toBe(
      '“pigeon” is not a postage class. Choose second class, first class, economy or signed for.',
    )
  })

  it('does not apply to other channels', () => {
    expect(checkMessage(sms('Hi', { postage: null }), none)).toEqual([])
  })
})

describe('nino-in-digital', () => {
  it.each(['((nino))', '(( NINO ))', '((N I N O))', '((Nino))', '((n_i-n o))'])('reports %s in an SMS', (placeholder) => {
    const findings = checkMessage(sms(`Your number is ${placeholder}`), none)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ id: 'nino-in-digital', level: 'error', location: { field: 'body', offset: 15, line: 1 } })
  })

  it('reports ((reference)) only when the reference type is NINO', () => {
    expect(ids(checkMessage(sms('Quote ((reference))', { referenceType: 'nino' }), none))).toEqual(['nino-in-digital'])
    expect(checkMessage(sms('Quote ((reference))', { referenceType: 'nino' }), none)[0]!.message).toContain(
      'the reference type is National Insurance number',
    )
    expect(checkMessage(sms('Quote ((reference))', { referenceType: 'utr' }), none)).toEqual([])
  })

  it.each(['AB123456C', 'AB 12 34 56 C', 'ab123456c', 'AB 123456 C', 'AB123456', 'AB-12-34-56-D', 'AB\u00a012\u00a034\u00a056\u00a0A'])(
    'reports the literal NINO %j',
    (nino) => {
      const findings = checkMessage(sms(`Your NINO: ${nino}.`), none)
      expect(findings.map((f) => [f.id, f.location.offset, f.location.length])).toEqual([['nino-in-digital', 11, nino.length]])
    },
  )

  it('does not mistake ordinary numbers for a NINO', () => {
    for (const text of ['Your case number is 123456', 'Call 0300 200 3300', 'Form SA100', 'OTM-2027-014', 'ABC123456D', 'AB1234567']) {
      expect(findLiteralNinos(text)).toEqual([])
    }
  })

  it('reports the NINO inside optional content and in an email subject', () => {
    const email: MessageInput = {
      channel: 'email',
      name: 'E',
      referenceType: 'utr',
      subject: 'For ((nino))',
      body: '((has_x??Your NINO is ((nino))))',
    }
    expect(checkMessage(email, { extraFields: ['has_x'] }).map((f) => [f.id, f.location.field])).toEqual([
      ['nino-in-digital', 'subject'],
      ['nino-in-digital', 'body'],
    ])
  })

  it('does not apply to letters or online account messages', () => {
    expect(checkMessage(letter({ body: 'Ref ((utr)) NINO ((nino))' }), none)).toEqual([])
    expect(checkMessage({ channel: 'online', name: 'O', referenceType: 'nino', body: '((reference)) AB123456C' }, none)).toEqual([])
  })

  it('checks a 200,000-character body without trouble', () => {
    const body = 'AB12345 (( (( ))'.repeat(12_500)
    const findings = checkMessage(sms(body), none)
    expect(findings.length).toBeGreaterThan(0)
  })
})

describe('checkMessage is total', () => {
  it('never throws, and every finding points inside its field', () => {
    const text = fc
      .array(fc.constantFrom('((', '))', '(', ')', '??', 'nino', 'utr', 'AB123456C', ' ', '\n', '\r\n', 'x', '((nino))', '((reference))', '’'), {
        maxLength: 40,
      })
      .map((parts) => parts.join(''))
    const message = fc.record({
      channel: fc.constantFrom('letter', 'email', 'sms', 'online', 'fax'),
      name: fc.string(),
      referenceType: fc.constantFrom('nino', 'utr', 'vrn', 'paye', 'ctutr', 'bogus'),
      subject: fc.option(text),
      body: text,
      addressBlock: fc.option(text),
      postage: fc.option(fc.constantFrom('second', 'first', 'economy', 'signed-for', 'air')),
    })
    fc.assert(
      fc.property(message, fc.array(fc.constantFrom('nino', 'x', 'has_debt', ''), { maxLength: 3 }), (m, extraFields) => {
        const findings = checkMessage(m as MessageInput, { extraFields })
        for (const f of findings) {
          const source = (m as Record<string, unknown>)[f.location.field]
          if (f.location.offset !== undefined) {
            expect(typeof source).toBe('string')
            expect(f.location.offset + (f.location.length ?? 0)).toBeLessThanOrEqual((source as string).length)
          }
        }
      }),
      { seed: 512700, numRuns: 1500 },
    )
  })
})
