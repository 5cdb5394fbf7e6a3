import { z } from 'zod'
import { LIMITS, smsLimitError } from '../content/limits'
import type { Channel } from '../content/rules'
import { parseForm, type FieldErrors, type FormValues, type Parsed } from '../utils/forms'
import { isTranslationKind, WELSH_LAYOUTS, type TranslationKind, type WelshLine, type WelshMessage } from '../welsh/translation'
import { choice, dateInput, datePartsFrom, text } from './fields'

const CHANNEL_NAMES: Record<Channel, string> = { letter: 'letter', email: 'email', sms: 'text message', online: 'online account message' }

/** The Welsh version of a message: a layout for a letter, a subject for an email, and the body. */
export function parseWelshMessageForm(values: FormValues, channel: Channel): Parsed<WelshMessage> {
  const errors: FieldErrors = {}
  const name = CHANNEL_NAMES[channel]
  const body = parseForm(
    z.object({
      body: text({ label: 'Welsh body', required: `Enter the Welsh text of the ${name}`, tooLong: `Welsh body must be ${LIMITS.body[channel].toLocaleString('en-GB')} characters or fewer` }, channel === 'sms' ? LIMITS.checkedText : LIMITS.body[channel]),
    }),
    values,
  )
  if (!body.ok) Object.assign(errors, body.errors)
  else if (channel === 'sms') {
    const problem = smsLimitError(body.data.body)
    if (problem) errors.body = problem.replace(/^Text message/, 'Welsh text message')
  }
  let subject: string | null = null
  if (channel === 'email') {
    const parsed = parseForm(z.object({ subject: text({ label: 'Welsh subject', required: 'Enter the Welsh subject of the email', tooLong: `Welsh subject must be ${LIMITS.subject} characters or fewer` }, LIMITS.subject) }), values)
    if (parsed.ok) subject = parsed.data.subject
    else Object.assign(errors, parsed.errors)
  }
  let layout: WelshMessage['layout'] = null
  if (channel === 'letter') {
    const parsed = parseForm(z.object({ layout: choice(WELSH_LAYOUTS, 'Select whether the letter is in Welsh only or bilingual') }), values)
    if (parsed.ok) layout = parsed.data.layout
    else Object.assign(errors, parsed.errors)
  }
  if (Object.keys(errors).length || !body.ok) return { ok: false, errors }
  return { ok: true, data: { layout, subject, body: body.data.body } }
}

export const WELSH_MESSAGE_FIELD_ORDER = ['layout', 'subject', 'body'] as const

export function parseWelshLineForm(values: FormValues): Parsed<WelshLine> {
  return parseForm(
    z.object({
      question: text({ label: 'Welsh question', required: 'Enter the question in Welsh', tooLong: `Welsh question must be ${LIMITS.lineToTake.question} characters or fewer` }, LIMITS.lineToTake.question),
      answer: text({ label: 'Welsh answer', required: 'Enter the answer in Welsh', tooLong: `Welsh answer must be ${LIMITS.lineToTake.answer.toLocaleString('en-GB')} characters or fewer` }, LIMITS.lineToTake.answer),
    }),
    values,
  )
}

/** The version of the Welsh the user started from (0 for none) and the English version they saw. */
export function parseVersions(values: FormValues): { version: number; englishVersion: number } | null {
  const version = Number(values.version)
  const englishVersion = Number(values.englishVersion)
  return Number.isSafeInteger(version) && version >= 0 && Number.isSafeInteger(englishVersion) && englishVersion >= 1 ? { version, englishVersion } : null
}

/** "message:<id>", "line:<id>", "script:<id>": the items a request names. */
export function parseItemKey(value: string): { kind: TranslationKind; entityId: string } | null {
  const match = /^([a-z]+):([0-9a-f-]{36})$/.exec(value)
  return match && isTranslationKind(match[1]) ? { kind: match[1], entityId: match[2]! } : null
}

/** A request to translate: at least one item, and the date it is needed by (today or later). */
export function parseTranslationRequestForm(values: FormValues, items: readonly string[], options: { today: string; known: ReadonlySet<string> }): Parsed<{ items: { kind: TranslationKind; entityId: string }[]; neededBy: string }> {
  const errors: FieldErrors = {}
  const chosen = [...new Set(items)]
  if (chosen.length === 0) errors.items = 'Select what needs translating'
  else if (chosen.length > 500 || chosen.some((item) => !options.known.has(item) || !parseItemKey(item))) errors.items = 'Select what needs translating from the list'
  const date = parseForm(z.object({ neededBy: dateInput('Date needed by', { notBefore: options.today, notBeforeMessage: 'Date needed by must be today or in the future' }) }), { neededBy: datePartsFrom(values, 'neededBy') })
  if (!date.ok) Object.assign(errors, date.errors)
  if (Object.keys(errors).length || !date.ok) return { ok: false, errors }
  return { ok: true, data: { items: chosen.map((item) => parseItemKey(item)!), neededBy: date.data.neededBy } }
}
