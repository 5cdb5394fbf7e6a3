// Welsh versions of messages, lines to take and scripts: what each holds, whether it is still a translation of the
// English as it is now, and the checks it must pass. Pure: the pages, the server and the sign-off share it.
import { uncoveredQuestions, type LineAudience, type UncoveredQuestion } from '../content/coverage'
import { finding, findingAt, parseField, type Finding, type FindingField } from '../content/findings'
import type { ParsedContent } from '../content/placeholders'
import { checkScript, SCRIPT_SECTIONS, type CallType, type ScriptSections } from '../content/script-rules'
import { messageFindings, type StoredMessage } from '../content/stored-content'
import type { ReferenceType } from '../content/fields'
import type { Channel } from '../content/rules'
import { canonicalJson } from '../utils/canonical-json'

/** The only other language the service writes in. */
export const WELSH = 'cy'

export const TRANSLATION_KINDS = ['message', 'line', 'script'] as const
export type TranslationKind = (typeof TRANSLATION_KINDS)[number]

export function isTranslationKind(value: unknown): value is TranslationKind {
  return typeof value === 'string' && (TRANSLATION_KINDS as readonly string[]).includes(value)
}

/** Lines for these audiences can have a Welsh version: the Welsh helpline answers them, Debt Management's time to pay included. */
export const WELSH_LINE_AUDIENCES: readonly LineAudience[] = ['helpline', 'debt-management']

/** How a Welsh letter is sent: in Welsh alone, or bilingual with the Welsh first, as GOV.UK Notify lays them out. */
export const WELSH_LAYOUTS = ['bilingual', 'welsh-only'] as const
export type WelshLayout = (typeof WELSH_LAYOUTS)[number]
export const WELSH_LAYOUT_LABELS: Record<WelshLayout, string> = {
  bilingual: 'Bilingual: Welsh first, then English',
  'welsh-only': 'Welsh only',
}

export function isWelshLayout(value: unknown): value is WelshLayout {
  return typeof value === 'string' && (WELSH_LAYOUTS as readonly string[]).includes(value)
}

/** The parts of a message that are translated: the subject of an email and the body. The address block is not. */
export interface MessageSource {
  channel: Channel
  subject: string | null
  body: string
}

export interface WelshMessage {
  /** Letters only. */
  layout: WelshLayout | null
  /** Emails only. */
  subject: string | null
  body: string
}

export interface LineSource {
  question: string
  answer: string
}
export type WelshLine = LineSource
export type WelshScript = ScriptSections

export interface ContentByKind {
  message: { source: MessageSource; welsh: WelshMessage }
  line: { source: LineSource; welsh: WelshLine }
  script: { source: ScriptSections; welsh: WelshScript }
}

export function messageSource(message: { channel: Channel; subject: string | null; body: string }): MessageSource {
  return { channel: message.channel, subject: message.channel === 'email' ? (message.subject ?? '') : null, body: message.body }
}

export function lineSource(line: LineSource): LineSource {
  return { question: line.question, answer: line.answer }
}

export function scriptSource(script: ScriptSections): ScriptSections {
  return Object.fromEntries(SCRIPT_SECTIONS.map((s) => [s, script[s]])) as ScriptSections
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')

/** Stored Welsh text, read defensively: a field that is missing or not text reads as empty. */
export function welshMessageFrom(value: Record<string, unknown>): WelshMessage {
  return { layout: isWelshLayout(value.layout) ? value.layout : null, subject: typeof value.subject === 'string' ? value.subject : null, body: str(value.body) }
}

export function welshLineFrom(value: Record<string, unknown>): WelshLine {
  return { question: str(value.question), answer: str(value.answer) }
}

export function welshScriptFrom(value: Record<string, unknown>): WelshScript {
  return Object.fromEntries(SCRIPT_SECTIONS.map((s) => [s, str(value[s])])) as WelshScript
}

export type TranslationState = 'current' | 'out-of-date'

/**
 * A Welsh version is out of date once the English has moved past the version it translates with a change to the text
 * it translates. A save that changed only what is not translated (a message's waves, its name) leaves it current.
 */
export function translationState(englishNow: unknown, translatedFrom: unknown): TranslationState {
  return canonicalJson(englishNow) === canonicalJson(translatedFrom) ? 'current' : 'out-of-date'
}

/** The fields of each kind that are translated, in page order, with their labels. */
export const TRANSLATED_FIELDS: Record<TranslationKind, readonly { key: string; label: string; field: FindingField }[]> = {
  message: [
    { key: 'subject', label: 'Subject', field: 'subject' },
    { key: 'body', label: 'Body', field: 'body' },
  ],
  line: [
    { key: 'question', label: 'Question', field: 'question' },
    { key: 'answer', label: 'Answer', field: 'answer' },
  ],
  script: [
    { key: 'opening', label: 'Opening', field: 'opening' },
    { key: 'verification', label: 'Verification', field: 'verification' },
    { key: 'recordingNotice', label: 'Recording notice', field: 'recordingNotice' },
    { key: 'body', label: 'Body', field: 'body' },
    { key: 'closing', label: 'Closing', field: 'closing' },
  ],
}

/** The parts of a source that are translated for this kind; a message's subject only for an email. */
export function translatedParts(kind: TranslationKind, source: Record<string, unknown>): { key: string; label: string; field: FindingField; english: string }[] {
  return TRANSLATED_FIELDS[kind]
    .filter((f) => !(kind === 'message' && f.key === 'subject' && source.channel !== 'email'))
    .map((f) => ({ ...f, english: typeof source[f.key] === 'string' ? (source[f.key] as string) : '' }))
}

interface Named {
  raw: string
  start: number
  end: number
}

function namesIn(parsed: ParsedContent): { placeholders: Map<string, Named>; flags: Map<string, Named> } {
  const placeholders = new Map<string, Named>()
  const flags = new Map<string, Named>()
  for (const p of parsed.placeholders) if (!placeholders.has(p.key)) placeholders.set(p.key, { raw: p.raw, start: p.start, end: p.end })
  for (const o of parsed.optionals) if (!flags.has(o.key)) flags.set(o.key, { raw: `((${o.flag}??…))`, start: o.flagStart, end: o.flagStart + o.flag.length })
  return { placeholders, flags }
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1)

/**
 * Placeholders and optional-content flags that the Welsh and the English do not share, named part by part: mail-merge
 * data is the same for both, so a difference is always a mistake (a name mistranslated, or left out).
 */
export function placeholderMismatches(parts: readonly { field: FindingField; label: string; english: string; welsh: string }[]): Finding[] {
  const found: Finding[] = []
  for (const part of parts) {
    const english = namesIn(parseField(part.english))
    const welshParsed = parseField(part.welsh)
    const welsh = namesIn(welshParsed)
    const what = lower(part.label)
    for (const [kind, noun] of [
      ['placeholders', 'placeholder'],
      ['flags', 'optional content'],
    ] as const) {
      for (const [key, named] of welsh[kind]) {
        if (english[kind].has(key)) continue
        found.push(
          findingAt(
            'welsh-placeholders',
            `The Welsh ${what} has the ${noun} ${named.raw}, which the English ${what} does not. ${kind === 'flags' ? 'Use the English optional content exactly as it is.' : 'Use the English placeholders exactly as they are.'}`,
            part.field,
            welshParsed,
            named.start,
            named.end,
          ),
        )
      }
      for (const [key, named] of english[kind]) {
        if (welsh[kind].has(key)) continue
        found.push(finding('welsh-placeholders', `The English ${what} has the ${noun} ${named.raw}, which the Welsh ${what} does not. Add it to the Welsh, exactly as it is in the English.`, { field: part.field }))
      }
    }
  }
  return found
}

/** The parts of a Welsh version beside the English they translate. */
export function partsToCompare(kind: TranslationKind, source: Record<string, unknown>, welsh: Record<string, unknown>) {
  return translatedParts(kind, source).map((p) => ({ ...p, welsh: typeof welsh[p.key] === 'string' ? (welsh[p.key] as string) : '' }))
}

/** Every data-security check of the English runs on the Welsh text too, with the placeholders compared. */
export function welshMessageFindings(english: StoredMessage, welsh: WelshMessage, extraFields: readonly string[]): Finding[] {
  const source = messageSource(english)
  const mismatches = placeholderMismatches(partsToCompare('message', { ...source }, { ...welsh }))
  // The Welsh text in place of the English: the checks of the address block and postage stay with the English message.
  const checks = messageFindings({ ...english, subject: english.channel === 'email' ? welsh.subject : null, body: welsh.body }, extraFields).filter(
    (f) => f.location.field === 'subject' || f.location.field === 'body',
  )
  return [...mismatches, ...checks]
}

export function welshLineFindings(english: LineSource, welsh: WelshLine): Finding[] {
  return placeholderMismatches(partsToCompare('line', { ...english }, { ...welsh }))
}

/** The script checks, looking for the Welsh wording (the greeting, the recording notice, the summary and thanks). */
export function welshScriptFindings(english: ScriptSections & { callType: CallType }, welsh: WelshScript, campaign: { referenceType: ReferenceType }): Finding[] {
  return [
    ...placeholderMismatches(partsToCompare('script', { ...english }, { ...welsh })),
    ...checkScript({ ...welsh, callType: english.callType }, { referenceType: campaign.referenceType, extraFields: [], language: 'cy' }),
  ]
}

/** A line as Welsh coverage reads it: the English line's audience and tag, with its Welsh version if it has one. */
export interface WelshCoverageLine {
  audience: LineAudience
  standardQuestion: string | null
  welsh: WelshLine | null
}

/**
 * The standard questions the Welsh helpline cannot answer yet: the same rules as for the English lines, counting only
 * lines that have a Welsh version.
 */
export function uncoveredInWelsh(lines: readonly WelshCoverageLine[], campaign: { extraLiability: boolean }): UncoveredQuestion[] {
  const translated = lines.filter((l) => l.welsh).map((l) => ({ audience: l.audience, standardQuestion: l.standardQuestion, question: l.welsh!.question, answer: l.welsh!.answer }))
  return uncoveredQuestions(translated, campaign).map((q) => ({
    ...q,
    warning: `Add a Welsh version of a ${q.id === 'time-to-pay' ? 'helpline or Debt Management' : 'helpline'} line that answers “${q.label}”, so the Welsh helpline can answer it.`,
  }))
}

/** The share of the campaign's customers who asked for Welsh, in %: what the forecast sends to the Welsh helpline. */
export function welshSharePercent(campaign: { welshCustomers: number; populationSize: number }): number {
  if (!(campaign.welshCustomers > 0) || !(campaign.populationSize > 0)) return 0
  return Math.min(100, (campaign.welshCustomers / campaign.populationSize) * 100)
}

/** "3.2%", "0.05%", "100%": a share as people read it. */
export function formatShare(percent: number): string {
  const places = percent >= 10 ? 1 : percent >= 1 ? 1 : 2
  return `${Number(percent.toFixed(places)).toLocaleString('en-GB', { maximumFractionDigits: places })}%`
}
