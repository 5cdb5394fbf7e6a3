/**
 * The standard wording a new script starts from (DMBM510330), which the designer then adapts. Phrases the guidance
 * gives in quotation marks are kept word for word; the rest is ours. Square brackets are notes for the handler.
 */
import { REFERENCE_PLACEHOLDERS, REFERENCE_TYPE_LABELS, type ReferenceType } from './fields'
import type { CallType, ScriptSections } from './script-rules'

export const INBOUND_GREETING = 'Good morning/afternoon/evening, Revenue and Customs'
export const OUTBOUND_GREETING = 'Good morning/afternoon/evening, please can I speak to ((customer_name))?'
export const OUTBOUND_INTRODUCTION =
  '((customer_name)), I am calling from Revenue and Customs. For security purposes could you just confirm…'
export const RECORDING_NOTICE =
  'Before I continue I must advise you that this call may be recorded for quality and training purposes.'

/** The message to leave with a third party when the customer is not there, as DMBM510330 words it. */
export function thirdPartyMessage(referenceType: ReferenceType): string {
  const quoting =
    referenceType === 'nino'
      ? 'quoting their National Insurance Number'
      : `quoting reference number ((${REFERENCE_PLACEHOLDERS[referenceType]}))`
  return `Could you please ask ((customer_name)) to return this call on ((helpline_number)) ${quoting}. Our opening hours are ((helpline_hours))`
}

const LINES_TO_TAKE_NOTE =
  '[Explain why we contacted the customer and what they need to do, using this campaign’s lines to take. If they cannot pay what they owe, follow the time to pay line.]'

export function standardScript(callType: CallType, referenceType: ReferenceType): ScriptSections {
  const referenceInWords = REFERENCE_TYPE_LABELS[referenceType]
  switch (callType) {
    case 'inbound':
      return {
        opening: `${INBOUND_GREETING}\n\n[Once you know the call is from a customer or their authorised agent, not an internal call:]\nPlease can I have your ${referenceInWords}?`,
        verification:
          '[Complete the inbound caller verification checks (DMBM512920). Do not discuss the customer’s affairs until they have passed them.]',
        recordingNotice: '',
        body: LINES_TO_TAKE_NOTE,
        closing:
          'Before we finish, let me summarise what we have discussed and anything we have agreed: [summarise the call].\n\nThank you for calling. Goodbye.',
      }
    case 'outbound':
      return {
        opening: `${OUTBOUND_GREETING}\n\n[When you are speaking to the customer:]\n${OUTBOUND_INTRODUCTION}`,
        verification:
          '[Take the customer through the outbound call verification checks (DMBM512930). If they are worried that this is a bogus call, refer to earlier letters or calls from us, or give your name and a number to call back on, explaining that someone else may answer.]',
        recordingNotice: RECORDING_NOTICE,
        body: LINES_TO_TAKE_NOTE,
        closing:
          'Before we finish, let me summarise what we have discussed and anything we have agreed: [summarise the call, including what happens next].\n\nThank you for your time. Goodbye.',
      }
    case 'outdoor':
      return {
        opening: 'Good morning/afternoon/evening, please can I speak to ((customer_name))?',
        verification:
          '[Once you believe you are speaking to the customer, complete the outdoor call verification checks (DMBM512940). If you are speaking to a third party, follow DMBM512900 instead.]',
        recordingNotice: '',
        body: LINES_TO_TAKE_NOTE,
        closing:
          'Before I go, let me summarise what I have done today and what we need you to do next: [summarise the actions and dates].\n\nThank you for your time.',
      }
    case 'third-party':
      return {
        opening: OUTBOUND_GREETING,
        verification: '',
        recordingNotice: '',
        body: `[If the customer is not there, leave this message and nothing more:]\n${thirdPartyMessage(referenceType)}\n\n[Do not say why you are calling or give any of the customer’s details.]`,
        closing: 'To confirm, the number to call is ((helpline_number)). Thank you for passing on the message. Goodbye.',
      }
    case 'answering-machine':
      return {
        opening: 'Hello, this is [your first name] calling.',
        verification: '',
        recordingNotice: '',
        body:
          'Please could you call us back on ((helpline_number)). Our opening hours are ((helpline_hours)).\n\n[Leave your name and the return number only. Never leave the customer’s name, reference number or any other details on an answering machine.]',
        closing: 'To confirm, the number is ((helpline_number)). Thank you. Goodbye.',
      }
  }
}

// The same standard wording in Welsh, for the Welsh helpline's scripts: HMRC is "Cyllid a Thollau EF" (CThEF). A Welsh
// version starts from it, and Welsh Language Services checks the translation when it signs off.
const REFERENCE_IN_WELSH: Record<ReferenceType, string> = {
  nino: 'rhif Yswiriant Gwladol',
  utr: 'Cyfeirnod Unigryw y Trethdalwr (UTR)',
  vrn: 'rhif cofrestru TAW',
  paye: 'cyfeirnod TWE',
  ctutr: 'Cyfeirnod Unigryw y Trethdalwr ar gyfer Treth Gorfforaeth',
}

export const WELSH_INBOUND_GREETING = 'Bore da/Prynhawn da/Noswaith dda, Cyllid a Thollau EF'
export const WELSH_OUTBOUND_GREETING = 'Bore da/Prynhawn da/Noswaith dda, a gaf i siarad â ((customer_name)), os gwelwch yn dda?'
export const WELSH_RECORDING_NOTICE =
  'Cyn i mi barhau, rhaid i mi roi gwybod i chi y gall yr alwad hon gael ei recordio at ddibenion ansawdd a hyfforddiant.'

function welshThirdPartyMessage(referenceType: ReferenceType): string {
  const quoting = referenceType === 'nino' ? 'gan ddyfynnu eu rhif Yswiriant Gwladol' : `gan ddyfynnu’r cyfeirnod ((${REFERENCE_PLACEHOLDERS[referenceType]}))`
  return `A allech ofyn i ((customer_name)) ein ffonio’n ôl ar ((helpline_number)) ${quoting}? Ein horiau agor yw ((helpline_hours))`
}

const WELSH_LINES_TO_TAKE_NOTE =
  '[Esboniwch pam y cysylltwyd â’r cwsmer a beth sydd angen iddo ei wneud, gan ddefnyddio llinellau’r ymgyrch hon. Os na all dalu’r hyn sy’n ddyledus, dilynwch y llinell ar drefniant amser i dalu.]'

export function standardWelshScript(callType: CallType, referenceType: ReferenceType): ScriptSections {
  switch (callType) {
    case 'inbound':
      return {
        opening: `${WELSH_INBOUND_GREETING}\n\n[Unwaith y gwyddoch fod yr alwad gan gwsmer neu ei asiant awdurdodedig:]\nA gaf i gael eich ${REFERENCE_IN_WELSH[referenceType]}, os gwelwch yn dda?`,
        verification: '[Cwblhewch y gwiriadau diogelwch ar gyfer galwyr (DMBM512920). Peidiwch â thrafod materion y cwsmer nes ei fod wedi’u pasio.]',
        recordingNotice: '',
        body: WELSH_LINES_TO_TAKE_NOTE,
        closing: 'Cyn i ni orffen, gadewch i mi grynhoi’r hyn rydym wedi’i drafod ac unrhyw beth rydym wedi cytuno arno: [crynhowch yr alwad].\n\nDiolch am ffonio. Hwyl fawr.',
      }
    case 'outbound':
      return {
        opening: `${WELSH_OUTBOUND_GREETING}\n\n[Pan fyddwch yn siarad â’r cwsmer:]\n((customer_name)), rwy’n ffonio o Gyllid a Thollau EF. Am resymau diogelwch, a allech gadarnhau…`,
        verification:
          '[Ewch â’r cwsmer drwy’r gwiriadau diogelwch ar gyfer galwadau allan (DMBM512930). Os yw’n poeni nad yw’r alwad yn ddilys, cyfeiriwch at lythyrau neu alwadau blaenorol gennym, neu rhowch eich enw a rhif i’w ffonio’n ôl.]',
        recordingNotice: WELSH_RECORDING_NOTICE,
        body: WELSH_LINES_TO_TAKE_NOTE,
        closing: 'Cyn i ni orffen, gadewch i mi grynhoi’r hyn rydym wedi’i drafod ac unrhyw beth rydym wedi cytuno arno: [crynhowch yr alwad, gan gynnwys beth fydd yn digwydd nesaf].\n\nDiolch am eich amser. Hwyl fawr.',
      }
    case 'outdoor':
      return {
        opening: 'Bore da/Prynhawn da/Noswaith dda, a gaf i siarad â ((customer_name)), os gwelwch yn dda?',
        verification:
          '[Unwaith y credwch eich bod yn siarad â’r cwsmer, cwblhewch y gwiriadau diogelwch ar gyfer ymweliadau (DMBM512940). Os ydych yn siarad â thrydydd parti, dilynwch DMBM512900.]',
        recordingNotice: '',
        body: WELSH_LINES_TO_TAKE_NOTE,
        closing: 'Cyn i mi fynd, gadewch i mi grynhoi’r hyn rwyf wedi’i wneud heddiw a’r hyn sydd angen i chi ei wneud nesaf: [crynhowch y camau a’r dyddiadau].\n\nDiolch am eich amser.',
      }
    case 'third-party':
      return {
        opening: WELSH_OUTBOUND_GREETING,
        verification: '',
        recordingNotice: '',
        body: `[Os nad yw’r cwsmer yno, gadewch y neges hon a dim mwy:]\n${welshThirdPartyMessage(referenceType)}\n\n[Peidiwch â dweud pam rydych yn ffonio na rhoi unrhyw un o fanylion y cwsmer.]`,
        closing: 'I gadarnhau, y rhif i’w ffonio yw ((helpline_number)). Diolch am drosglwyddo’r neges. Hwyl fawr.',
      }
    case 'answering-machine':
      return {
        opening: 'Helo, [eich enw cyntaf] sydd yma.',
        verification: '',
        recordingNotice: '',
        body:
          'A allech ein ffonio’n ôl ar ((helpline_number)), os gwelwch yn dda? Ein horiau agor yw ((helpline_hours)).\n\n[Gadewch eich enw a’r rhif i’w ffonio’n ôl yn unig. Peidiwch byth â gadael enw’r cwsmer, ei gyfeirnod nac unrhyw fanylion eraill ar beiriant ateb.]',
        closing: 'I gadarnhau, y rhif yw ((helpline_number)). Diolch. Hwyl fawr.',
      }
  }
}
