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
