import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REFERENCE_TYPES } from './fields'
import { CALL_TYPES, checkScript, type ScriptCheckContext, type ScriptInput } from './script-rules'
import { standardScript } from './standard-scripts'

const utr: ScriptCheckContext = { referenceType: 'utr', extraFields: [] }
const nino: ScriptCheckContext = { referenceType: 'nino', extraFields: [] }
const ids = (findings: { id: string }[]) => findings.map((f) => f.id)

function script(callType: ScriptInput['callType'], context: ScriptCheckContext, overrides: Partial<ScriptInput> = {}): ScriptInput {
  return { ...standardScript(callType, context.referenceType), callType, ...overrides }
}

describe('standard scripts', () => {
  for (const callType of CALL_TYPES) {
    for (const referenceType of REFERENCE_TYPES) {
      it(`${callType} with ${referenceType} passes all its own rules`, () => {
        const sections = standardScript(callType, referenceType)
        expect(checkScript({ callType, ...sections }, { referenceType, extraFields: [] })).toEqual([])
      })
    }
  }
})

describe('unknown-placeholder in scripts', () => {
  it('reports unknown placeholders in any section', () => {
    const findings = checkScript(script('outbound', utr, { body: 'About ((amont))' }), utr)
    expect(findings.map((f) => [f.id, f.location.field, f.location.offset])).toEqual([['unknown-placeholder', 'body', 6]])
  })
})

describe('nino-third-party', () => {
  it.each([
    ['body', '((nino))'],
    ['closing', 'To confirm: (( NINO )). Thank you.'],
    ['opening', 'Hello, about AB 12 34 56 C'],
  ] as const)('reports the NINO in the %s of a message left with a third party', (section, text) => {
    const findings = checkScript(script('third-party', nino, { [section]: text }), nino)
    expect(findings.filter((f) => f.id === 'nino-third-party').map((f) => f.location.field)).toEqual([section])
  })

  it('reports ((reference)) when the reference type is NINO', () => {
    const findings = checkScript(script('answering-machine', nino, { body: 'Call us quoting ((reference))' }), nino)
    expect(ids(findings)).toEqual(['nino-third-party'])
    expect(findings[0]!.message).toBe(
      'Never give the customer’s National Insurance number to an answering machine, but this shows ((reference)) (the reference type is National Insurance number, so it shows the NINO). Ask for the customer to quote their National Insurance number instead.',
    )
  })

  it('does not apply to a call with the verified customer', () => {
    expect(checkScript(script('outbound', nino, { body: 'Your NINO is ((nino))' }), nino)).toEqual([])
  })
})

describe('third-party-reference', () => {
  it('asks for the NINO in words when the reference type is NINO', () => {
    const findings = checkScript(
      script('third-party', nino, { body: 'Could you please ask ((customer_name)) to call ((helpline_number)).' }),
      nino,
    )
    expect(findings).toEqual([
      {
        id: 'third-party-reference',
        level: 'error',
        message:
          'Ask the third party to tell the customer to quote their National Insurance number when they call back, in words, for example “…quoting their National Insurance Number”. Never give the number itself.',
        location: { field: 'body' },
      },
    ])
    expect(checkScript(script('third-party', nino, { body: 'Please ask them to quote their national\n insurance number.' }), nino)).toEqual([])
  })

  it('needs the reference placeholder for other reference types', () => {
    const body = 'Could you please ask ((customer_name)) to call ((helpline_number)) quoting their reference.'
    const findings = checkScript(script('third-party', utr, { body }), utr)
    expect(findings.map((f) => f.message)).toEqual([
      'The message must ask the customer to quote their Unique Taxpayer Reference. Add ((utr)) or ((reference)), for example “…quoting reference number ((utr))”.',
    ])
    expect(checkScript(script('third-party', utr, { body: body + ' ((Reference))' }), utr)).toEqual([])
  })

  it('does not count a reference inside optional content', () => {
    const context = { referenceType: 'utr' as const, extraFields: ['has_utr'] }
    const body = 'Please ask ((customer_name)) to call ((helpline_number)) ((has_utr??quoting ((utr))))'
    expect(ids(checkScript(script('third-party', utr, { body }), context))).toEqual(['third-party-reference'])
  })

  it.each([
    ['vrn', '((utr))', 'VAT registration number'],
    ['paye', '((ct_utr))', 'PAYE reference'],
    ['ctutr', '((utr))', 'Corporation Tax UTR'],
    ['utr', '((vat_registration_number))', 'Unique Taxpayer Reference'],
  ] as const)('in a %s campaign, a message quoting %s is told to ask for the %s instead', (referenceType, wrong, label) => {
    const context = { referenceType, extraFields: [] }
    const body = `Could you please ask ((customer_name)) to return this call on ((helpline_number)) quoting reference number ${wrong}.`
    const findings = checkScript(script('third-party', context, { body }), context)
    expect(findings.map((f) => [f.id, f.level])).toEqual([
      ['third-party-reference', 'error'],
      ['verify-first', 'error'],
    ])
    expect(findings[0]!.message).toContain(`quote their ${label}`)
    expect(findings[1]!.message).toContain(`remove ${wrong}`)
  })

  it('reports the NINO, not a missing reference, when a VAT script gives the NINO', () => {
    const context = { referenceType: 'vrn' as const, extraFields: [] }
    const body = 'Please ask ((customer_name)) to call quoting ((vat_registration_number)) or ((nino))'
    expect(ids(checkScript(script('third-party', context, { body }), context))).toEqual(['nino-third-party'])
  })
})

describe('inbound-greeting', () => {
  it.each([
    '‘’Good morning/afternoon/evening, Revenue and Customs’’',
    'GOOD AFTERNOON REVENUE AND CUSTOMS',
    'Good morning / afternoon / evening,\n  Revenue & Customs. How can I help?',
    '[Answer promptly] “Good evening, HM Revenue and Customs”',
  ])('accepts %j', (opening) => {
    expect(checkScript(script('inbound', utr, { opening }), utr)).toEqual([])
  })

  it('warns when the greeting is missing', () => {
    const findings = checkScript(script('inbound', utr, { opening: 'Hello, HMRC.' }), utr)
    expect(findings).toEqual([
      {
        id: 'inbound-greeting',
        level: 'warning',
        message: 'Open an inbound call with “Good morning/afternoon/evening, Revenue and Customs”.',
        location: { field: 'opening' },
      },
    ])
  })

  it('does not apply to outbound calls', () => {
    expect(ids(checkScript(script('outbound', utr), utr))).toEqual([])
  })
})

describe('verify-first', () => {
  it.each(['inbound', 'outbound', 'outdoor'] as const)('needs a verification section in an %s script', (callType) => {
    const findings = checkScript(script(callType, utr, { verification: '  \n' }), utr)
    expect(findings.map((f) => [f.id, f.level, f.location.field])).toEqual([['verify-first', 'error', 'verification']])
  })

  it.each(['((utr))', '((reference))', '((amount))', '((tax_year))', '((nino))', '((Address Line 1))'])(
    'reports %s in the opening',
    (placeholder) => {
      const opening = `Good morning/afternoon/evening, Revenue and Customs. Is that about ${placeholder}?`
      const findings = checkScript(script('inbound', utr, { opening }), utr)
      expect(findings.map((f) => [f.id, f.location.field, f.location.offset])).toEqual([['verify-first', 'opening', 67]])
    },
  )

  it('reports a custom field and a literal NINO before verification', () => {
    const context = { referenceType: 'utr' as const, extraFields: ['income_source'] }
    const findings = checkScript(script('outbound', context, { verification: 'Is your income from ((income_source))? Is your NINO QQ123456C?' }), context)
    expect(findings.map((f) => [f.id, f.location.field])).toEqual([
      ['verify-first', 'verification'],
      ['verify-first', 'verification'],
    ])
  })

  it('allows the customer’s name and the helpline details in the opening', () => {
    const opening = 'Good morning/afternoon/evening, please can I speak to ((customer_name))? Our number is ((helpline_number)), ((helpline_hours)), ((date)).'
    expect(checkScript(script('outbound', utr, { opening }), utr)).toEqual([])
  })

  it('allows tax details in the body, after verification', () => {
    expect(checkScript(script('outbound', utr, { body: 'You owe ((amount)) for ((tax_year)), UTR ((utr)).' }), utr)).toEqual([])
  })

  it('reports the customer’s details in a message left with a third party', () => {
    const findings = checkScript(script('third-party', utr, { body: script('third-party', utr).body + ' You owe ((amount)).' }), utr)
    expect(findings.map((f) => [f.id, f.message])).toEqual([
      ['verify-first', 'A third party is never verified, so the message must not disclose the customer’s details: remove ((amount)).'],
    ])
  })

  it('allows only a return number on an answering machine', () => {
    const findings = checkScript(script('answering-machine', utr, { opening: 'This is a message for ((customer_name)) about ((utr)).' }), utr)
    expect(findings.map((f) => [f.id, f.location.offset])).toEqual([
      ['verify-first', 22],
      ['verify-first', 46],
    ])
  })
})

describe('recording-notice', () => {
  it('warns when an outbound script does not say the call may be recorded', () => {
    const findings = checkScript(script('outbound', utr, { recordingNotice: '' }), utr)
    expect(findings.map((f) => [f.id, f.level, f.location.field])).toEqual([['recording-notice', 'warning', 'recordingNotice']])
  })

  it('warns when recording is mentioned before verification', () => {
    const opening = 'Good morning, please can I speak to ((customer_name))? This call may be\nrecorded.'
    const findings = checkScript(script('outbound', utr, { opening }), utr)
    expect(findings).toEqual([
      {
        id: 'recording-notice',
        level: 'warning',
        message:
          'The opening mentions recording. Tell the customer the call may be recorded after verification, in the recording notice.',
        location: { field: 'opening', offset: 72, length: 8, line: 2, column: 1 },
      },
    ])
  })

  it('is not confused by “on record”', () => {
    const verification = 'Please confirm the address we hold on record for you.'
    expect(checkScript(script('outbound', utr, { verification }), utr)).toEqual([])
  })

  it('applies to outbound calls only', () => {
    expect(checkScript(script('inbound', utr, { recordingNotice: '' }), utr)).toEqual([])
  })
})

describe('summarise-close', () => {
  it.each([
    ['', 'The closing should summarise the call and thank the customer'],
    ['Thank you. Goodbye.', 'The closing should summarise the call,'],
    ['To summarise, you will send us the form. Goodbye.', 'The closing should thank the customer,'],
  ])('warns about the closing %j', (closing, start) => {
    const findings = checkScript(script('outbound', utr, { closing }), utr)
    expect(findings.map((f) => [f.id, f.level, f.location.field])).toEqual([['summarise-close', 'warning', 'closing']])
    expect(findings[0]!.message.startsWith(start)).toBe(true)
  })

  it.each(['Just to recap: the form by Friday. Many thanks!', 'To confirm, you will call back. Thanks, bye.', 'In summary… THANK YOU'])(
    'accepts %j',
    (closing) => {
      expect(checkScript(script('outdoor', utr, { closing }), utr)).toEqual([])
    },
  )

  it('speaks of the third party in a third-party script', () => {
    const [f] = checkScript(script('third-party', utr, { closing: 'To confirm, ((helpline_number)).' }), utr)
    expect(f!.message.startsWith('The closing should thank the third party')).toBe(true)
  })
})

describe('checkScript is total', () => {
  it('never throws on odd input', () => {
    const text = fc
      .array(fc.constantFrom('((', '))', 'nino', '((nino))', 'Good morning', 'Revenue and Customs', 'recorded', 'thank', ' ', '\n'), {
        maxLength: 20,
      })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(
        fc.constantFrom(...CALL_TYPES),
        fc.constantFrom('nino', 'utr', 'vrn', 'paye', 'ctutr', 'bogus'),
        fc.option(text),
        text,
        (callType, referenceType, opening, body) => {
          const context = { referenceType, extraFields: [] } as unknown as ScriptCheckContext
          expect(Array.isArray(checkScript({ callType, opening, body }, context))).toBe(true)
        },
      ),
      { seed: 510330, numRuns: 1000 },
    )
  })
})
