import { describe, expect, it } from 'vitest'
import { REFERENCE_TYPES } from './fields'
import { CALL_TYPES, SCRIPT_SECTIONS } from './script-rules'
import { RECORDING_NOTICE, standardScript, thirdPartyMessage } from './standard-scripts'

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
