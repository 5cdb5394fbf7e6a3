/**
 * The checks for call scripts, from DMBM510330: opening, verification, recording notice,
 * messages left with a third party or on an answering machine, and closing.
 */
import { REFERENCE_PLACEHOLDERS, REFERENCE_TYPE_LABELS, isReferenceType, knownKeys, ninoKeys, referenceKeys, type ReferenceType } from './fields'
import {
  capFindings,
  checkPlaceholders,
  finding,
  findingAt,
  findLiteralNinos,
  ninoDisclosures,
  parseField,
  type Finding,
} from './findings'
import { normaliseName, type ParsedContent } from './placeholders'

export const CALL_TYPES = ['inbound', 'outbound', 'outdoor', 'third-party', 'answering-machine'] as const
export type CallType = (typeof CALL_TYPES)[number]

export const CALL_TYPE_LABELS: Record<CallType, string> = {
  inbound: 'Inbound call',
  outbound: 'Outbound call',
  outdoor: 'Outdoor call (visit)',
  'third-party': 'Message left with a third party',
  'answering-machine': 'Answering machine message',
}

export const SCRIPT_SECTIONS = ['opening', 'verification', 'recordingNotice', 'body', 'closing'] as const
export type ScriptSection = (typeof SCRIPT_SECTIONS)[number]
export type ScriptSections = Record<ScriptSection, string>

export const SCRIPT_SECTION_LABELS: Record<ScriptSection, string> = {
  opening: 'Opening',
  verification: 'Verification',
  recordingNotice: 'Recording notice',
  body: 'Body',
  closing: 'Closing',
}

export interface ScriptInput extends Partial<Record<ScriptSection, string | null>> {
  callType: CallType
  name?: string
}

export interface ScriptCheckContext {
  referenceType: ReferenceType
  extraFields: readonly string[]
  /** The language the script is written in: the prose checks look for the Welsh wording in a Welsh version. */
  language?: 'en' | 'cy'
}

/** Call types where the handler speaks to the customer and can verify them. */
const VERIFIED_CALLS: ReadonlySet<CallType> = new Set(['inbound', 'outbound', 'outdoor'])

const keysOf = (...names: string[]) => new Set(names.map(normaliseName))
/** What may be said before the customer has passed verification. */
const SAFE_BEFORE_VERIFICATION = keysOf('customer_name', 'helpline_number', 'helpline_hours', 'date')
/** An answering machine gets a return number only. */
const SAFE_ON_ANSWERING_MACHINE = keysOf('helpline_number', 'helpline_hours', 'date')

/** Tolerant matching: no quotation marks, one space for any run of whitespace, lower case. */
function normaliseProse(text: string): string {
  return text
    .replace(/["'‘’‚‛“”„‟′″`´]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase()
}

const TIME_OF_DAY = '(?:morning|afternoon|evening)'
const GREETING = new RegExp(
  `good ?${TIME_OF_DAY}(?: ?/ ?${TIME_OF_DAY})* ?[,.!:;-]? ?(?:hm |her majestys |his majestys )?revenue ?(?:and|&) ?customs`,
)
const RECORDING_MENTION = /\b(?:recorded|call\s+recording|recording\s+(?:this|the|your|our)\s+(?:call|conversation))\b/i
const SUMMARY = /\b(?:summar(?:y|is|iz)\w*|recap\w*|to confirm)\b/
const THANKS = /\bthank/
const NINO_IN_WORDS = /\bnational insurance (?:number|no\b)/

// The same checks for a Welsh version: HMRC is "Cyllid a Thollau EF" (CThEF), and the guidance's phrases in Welsh.
const WELSH_TIME_OF_DAY = '(?:bore da|prynhawn da|noswaith dda)'
const WELSH_GREETING = new RegExp(`${WELSH_TIME_OF_DAY}(?: ?/ ?${WELSH_TIME_OF_DAY})* ?[,.!:;-]? ?cyllid a thollau`)
const WELSH_RECORDING = /\brecordi(?:o|ad|wyd)\b/i
// Welsh mutates the first letter of a word after some words ("i grynhoi", "i gadarnhau"), so each stem is matched
// with its soft, nasal and aspirate mutations.
const WELSH_SUMMARY = /\b(?:c|g|ngh|ch)(?:ryn(?:ho|od)|adarnha)\w*/
const WELSH_THANKS = /\bd?diolch/
const WELSH_NINO_IN_WORDS = /\brhif yswiriant gwladol/

interface ProseChecks {
  greeting: RegExp
  greetingMessage: string
  recording: RegExp
  recordingNotice: string
  summary: RegExp
  thanks: RegExp
  summaryExample: string
  ninoInWords: RegExp
  ninoInWordsExample: string
}

const PROSE: Record<'en' | 'cy', ProseChecks> = {
  en: {
    greeting: GREETING,
    greetingMessage: 'Open an inbound call with “Good morning/afternoon/evening, Revenue and Customs”.',
    recording: RECORDING_MENTION,
    recordingNotice:
      'Tell the customer the call may be recorded, once they have passed verification: “Before I continue I must advise you that this call may be recorded for quality and training purposes.”',
    summary: SUMMARY,
    thanks: THANKS,
    summaryExample: '(for example “To confirm, …” or “To summarise, …” and “Thank you”)',
    ninoInWords: NINO_IN_WORDS,
    ninoInWordsExample: '“…quoting their National Insurance Number”',
  },
  cy: {
    greeting: WELSH_GREETING,
    greetingMessage: 'Open an inbound call in Welsh with “Bore da/Prynhawn da/Noswaith dda, Cyllid a Thollau EF”.',
    recording: WELSH_RECORDING,
    recordingNotice:
      'Tell the customer, in Welsh, that the call may be recorded, once they have passed verification: “Cyn i mi barhau, rhaid i mi roi gwybod i chi y gall yr alwad hon gael ei recordio at ddibenion ansawdd a hyfforddiant.”',
    summary: WELSH_SUMMARY,
    thanks: WELSH_THANKS,
    summaryExample: '(for example “I gadarnhau, …” or “I grynhoi, …” and “Diolch”)',
    ninoInWords: WELSH_NINO_IN_WORDS,
    ninoInWordsExample: '“…gan ddyfynnu eu rhif Yswiriant Gwladol”',
  },
}

function section(script: ScriptInput, name: ScriptSection): string {
  const value = script[name]
  return typeof value === 'string' ? value : ''
}

function checkNinoThirdParty(parsed: ParsedContent, name: ScriptSection, callType: CallType, referenceType: ReferenceType): Finding[] {
  const who = callType === 'third-party' ? 'a third party' : 'an answering machine'
  return ninoDisclosures(parsed, ninoKeys(referenceType)).map((d) => {
    const via =
      d.placeholder && d.placeholder.key === 'reference' ? ' (the reference type is National Insurance number, so it shows the NINO)' : ''
    return findingAt(
      'nino-third-party',
      `Never give the customer’s National Insurance number to ${who}, but this shows ${d.what}${via}. Ask for the customer to quote their National Insurance number instead.`,
      name,
      parsed,
      d.start,
      d.end,
    )
  })
}

function checkThirdPartyReference(sections: Record<ScriptSection, ParsedContent>, referenceType: ReferenceType, prose: ProseChecks): Finding[] {
  if (referenceType === 'nino') {
    const asked = SCRIPT_SECTIONS.some((name) => prose.ninoInWords.test(normaliseProse(sections[name].source)))
    if (asked) return []
    return [
      finding(
        'third-party-reference',
        `Ask the third party to tell the customer to quote their National Insurance number when they call back, in words, for example ${prose.ninoInWordsExample}. Never give the number itself.`,
        { field: 'body' },
      ),
    ]
  }
  const keys = referenceKeys(referenceType)
  const shows = SCRIPT_SECTIONS.some((name) => sections[name].placeholders.some((p) => keys.has(p.key) && p.enclosingFlags.length === 0))
  if (shows) return []
  const own = `((${REFERENCE_PLACEHOLDERS[referenceType]}))`
  return [
    finding(
      'third-party-reference',
      `The message must ask the customer to quote their ${REFERENCE_TYPE_LABELS[referenceType]}. Add ${own} or ((reference)), for example “…quoting reference number ${own}”.`,
      { field: 'body' },
    ),
  ]
}

function checkVerifyFirst(
  script: ScriptInput,
  sections: Record<ScriptSection, ParsedContent>,
  context: ScriptCheckContext,
): Finding[] {
  const found: Finding[] = []
  const known = knownKeys(context.extraFields)
  const nino = ninoKeys(context.referenceType)

  if (VERIFIED_CALLS.has(script.callType)) {
    if (section(script, 'verification').trim() === '') {
      found.push(
        finding(
          'verify-first',
          'Add a verification section: the handler must complete the verification checks before discussing the customer’s affairs.',
          { field: 'verification' },
        ),
      )
    }
    for (const name of ['opening', 'verification'] as const) {
      const parsed = sections[name]
      const where = name === 'opening' ? 'The opening' : 'The verification section'
      for (const p of parsed.placeholders) {
        if (known.has(p.key) && !SAFE_BEFORE_VERIFICATION.has(p.key)) {
          found.push(
            findingAt(
              'verify-first',
              `${where} discloses ${p.raw} before the customer has passed verification. Ask the caller to confirm their details instead, and move ${p.raw} to the body.`,
              name,
              parsed,
              p.start,
              p.end,
            ),
          )
        }
      }
      for (const m of findLiteralNinos(parsed.source)) {
        found.push(
          findingAt(
            'verify-first',
            `${where} contains “${m.text}”, which looks like a National Insurance number, before the customer has passed verification.`,
            name,
            parsed,
            m.start,
            m.end,
          ),
        )
      }
    }
    return found
  }

  // Nobody is verified on a message left with a third party or on an answering machine, so every section counts as
  // "before verification". The NINO itself is reported by nino-third-party.
  const allowed =
    script.callType === 'answering-machine'
      ? SAFE_ON_ANSWERING_MACHINE
      : context.referenceType === 'nino'
        ? SAFE_BEFORE_VERIFICATION
        : new Set([...SAFE_BEFORE_VERIFICATION, ...referenceKeys(context.referenceType)])
  const who =
    script.callType === 'answering-machine'
      ? 'An answering machine message must leave a name and a return number only, never the customer’s details'
      : 'A third party is never verified, so the message must not disclose the customer’s details'
  for (const name of SCRIPT_SECTIONS) {
    const parsed = sections[name]
    for (const p of parsed.placeholders) {
      if (known.has(p.key) && !allowed.has(p.key) && !nino.has(p.key)) {
        found.push(findingAt('verify-first', `${who}: remove ${p.raw}.`, name, parsed, p.start, p.end))
      }
    }
  }
  return found
}

function checkRecordingNotice(script: ScriptInput, sections: Record<ScriptSection, ParsedContent>, prose: ProseChecks): Finding[] {
  const found: Finding[] = []
  const notice = prose === PROSE.en ? /\b(?:recorded|recording)\b/i : prose.recording
  if (!notice.test(section(script, 'recordingNotice'))) {
    found.push(finding('recording-notice', prose.recordingNotice, { field: 'recordingNotice' }))
  }
  for (const name of ['opening', 'verification'] as const) {
    const parsed = sections[name]
    const m = prose.recording.exec(parsed.source)
    if (m) {
      found.push(
        findingAt(
          'recording-notice',
          `The ${name === 'opening' ? 'opening' : 'verification section'} mentions recording. Tell the customer the call may be recorded after verification, in the recording notice.`,
          name,
          parsed,
          m.index,
          m.index + m[0].length,
        ),
      )
    }
  }
  return found
}

function checkSummariseClose(script: ScriptInput, prose: ProseChecks): Finding[] {
  const closing = normaliseProse(section(script, 'closing'))
  const summary = prose.summary.test(closing)
  const thanks = prose.thanks.test(closing)
  if (summary && thanks) return []
  const missing = !summary && !thanks ? 'summarise the call and thank the customer' : !summary ? 'summarise the call' : 'thank the customer'
  const who = script.callType === 'third-party' ? 'the third party' : script.callType === 'answering-machine' ? 'the listener' : 'the customer'
  return [
    finding(
      'summarise-close',
      `The closing should ${missing.replace('the customer', who)}, so that both sides understand what was agreed ${prose.summaryExample}.`,
      { field: 'closing' },
    ),
  ]
}

/** Runs every check that applies to the script's call type. Errors block a sign-off request; warnings do not. */
export function checkScript(script: ScriptInput, checkContext: ScriptCheckContext): Finding[] {
  const extraFields = checkContext.extraFields ?? []
  // A stored value outside the list is checked as the strictest type rather than crashing the page.
  const context: ScriptCheckContext = {
    referenceType: isReferenceType(checkContext.referenceType) ? checkContext.referenceType : 'nino',
    extraFields,
  }
  const prose = PROSE[checkContext.language === 'cy' ? 'cy' : 'en']
  const sections = Object.fromEntries(SCRIPT_SECTIONS.map((name) => [name, parseField(section(script, name))])) as Record<
    ScriptSection,
    ParsedContent
  >
  const findings: Finding[] = []
  for (const name of SCRIPT_SECTIONS) findings.push(...checkPlaceholders(sections[name], name, extraFields))

  const { callType } = script
  if (callType === 'third-party' || callType === 'answering-machine') {
    for (const name of SCRIPT_SECTIONS) findings.push(...checkNinoThirdParty(sections[name], name, callType, context.referenceType))
  }
  if (callType === 'third-party') findings.push(...checkThirdPartyReference(sections, context.referenceType, prose))
  if (callType === 'inbound' && !prose.greeting.test(normaliseProse(section(script, 'opening')))) {
    findings.push(finding('inbound-greeting', prose.greetingMessage, { field: 'opening' }))
  }
  findings.push(...checkVerifyFirst(script, sections, context))
  if (callType === 'outbound') findings.push(...checkRecordingNotice(script, sections, prose))
  findings.push(...checkSummariseClose(script, prose))
  return capFindings(findings)
}
