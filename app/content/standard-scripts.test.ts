import { describe, expect, it } from 'vitest'
import { REFERENCE_TYPES } from './fields'
import { CALL_TYPES, checkScript, SCRIPT_SECTIONS } from './script-rules'
import { RECORDING_NOTICE, standardScript, standardWelshScript, thirdPartyMessage } from './standard-scripts'
import { welshScriptFindings } from '../welsh/translation'

describe('standardScript', () => {
  it('returns all five sections for every call type and reference type', () => {
    for (const callType of CALL_TYPES) {
      for (const referenceType of REFERENCE_TYPES) {
        expect(Object.keys(standardScript(callType, referenceType)).sort()).toEqual([...SCRIPT_SECTIONS].sort())
      }
    }
  })

  it('keeps the DMBM510330 wording verbatim', () => {
    expect(standardScript('inbound', 'utr').opening).toContain('Good morning/afternoon/evening, Revenue and Customs')
    const outbound = standardScript('outbound', 'utr')
    expect(outbound.opening).toContain('Good morning/afternoon/evening, please can I speak to ((customer_name))?')
    expect(outbound.opening).toContain(
      '((customer_name)), I am calling from Revenue and Customs. For security purposes could you just confirm…',
    )
    expect(outbound.recordingNotice).toBe(
      'Before I continue I must advise you that this call may be recorded for quality and training purposes.',
    )
    expect(RECORDING_NOTICE).toBe(outbound.recordingNotice)
  })

  it('leaves the third-party message in the guidance’s words for each reference type', () => {
    expect(thirdPartyMessage('nino')).toBe(
      'Could you please ask ((customer_name)) to return this call on ((helpline_number)) quoting their National Insurance Number. Our opening hours are ((helpline_hours))',
    )
    expect(thirdPartyMessage('utr')).toBe(
      'Could you please ask ((customer_name)) to return this call on ((helpline_number)) quoting reference number ((utr)). Our opening hours are ((helpline_hours))',
    )
    expect(thirdPartyMessage('vrn')).toContain('quoting reference number ((vat_registration_number)).')
    expect(thirdPartyMessage('paye')).toContain('quoting reference number ((paye_reference)).')
    expect(thirdPartyMessage('ctutr')).toContain('quoting reference number ((ct_utr)).')
    expect(standardScript('third-party', 'nino').body).toContain(thirdPartyMessage('nino'))
  })

  it('leaves no personal details on an answering machine', () => {
    const sections = Object.values(standardScript('answering-machine', 'nino')).join('\n')
    expect(sections).not.toMatch(/\(\((?:customer_name|nino|reference|utr)\)\)/)
    expect(sections).toContain('((helpline_number))')
  })
})

describe('the standard Welsh wording', () => {
  it('passes the Welsh checks for every call type and reference, with the English wording’s placeholders', () => {
    for (const callType of CALL_TYPES) {
      for (const referenceType of REFERENCE_TYPES) {
        const welsh = standardWelshScript(callType, referenceType)
        const english = standardScript(callType, referenceType)
        const findings = welshScriptFindings({ ...english, callType }, welsh, { referenceType })
        expect(findings, `${callType} / ${referenceType}`).toEqual([])
      }
    }
  })

  it('is what the Welsh checks look for, and the English wording is not', () => {
    const english = standardScript('inbound', 'utr')
    const findings = checkScript({ ...english, callType: 'inbound' }, { referenceType: 'utr', extraFields: [], language: 'cy' })
    expect(findings.map((f) => f.id).sort()).toEqual(['inbound-greeting', 'summarise-close'])
    expect(findings.find((f) => f.id === 'inbound-greeting')!.message).toContain('Cyllid a Thollau EF')
  })

  it('finds the recording notice, the summary and the thanks in Welsh, however the words mutate', () => {
    const outbound = { ...standardWelshScript('outbound', 'nino'), callType: 'outbound' as const }
    expect(checkScript(outbound, { referenceType: 'nino', extraFields: [], language: 'cy' })).toEqual([])
    const noNotice = { ...outbound, recordingNotice: 'Cyn i mi barhau…' }
    expect(checkScript(noNotice, { referenceType: 'nino', extraFields: [], language: 'cy' }).map((f) => f.id)).toEqual(['recording-notice'])
    const closing = (text: string) => checkScript({ ...outbound, closing: text }, { referenceType: 'nino', extraFields: [], language: 'cy' }).map((f) => f.id)
    expect(closing('I gadarnhau, byddwch yn ffonio eto. Diolch.')).toEqual([])
    expect(closing('Crynodeb: dim byd. Diolch yn fawr.')).toEqual([])
    expect(closing('Hwyl fawr.')).toEqual(['summarise-close'])
  })
})
