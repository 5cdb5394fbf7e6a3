import { z } from 'zod'
import { CHANNELS, POSTAGE_CLASSES, type Channel, type PostageClass } from '../content/rules'
import { REFERENCE_TYPES, type ReferenceType } from '../content/fields'
import { LIMITS, normaliseLineEndings, smsLimitError } from '../content/limits'
import { parseForm, type FieldErrors, type FormValues, type Parsed } from '../utils/forms'
import { readDeliveryProfile } from '../forecast/delivery-profile'
import { choice, dateInput, normaliseText, text, wholeNumber } from './fields'

/** Limits of the message form beyond the content limits in `LIMITS` (docs/messages.md gives the reasons). */
export const MESSAGE_FORM_LIMITS = {
  /** A year of weekly waves, with room to spare. */
  waves: 60,
  /** The same ceiling as a campaign's population size. */
  volume: 100_000_000,
  /** An action deadline is counted in days after the letter arrives. */
  deadlineDays: 365,
}

export const CHANNEL_NAMES: Record<Channel, string> = {
  letter: 'letter',
  email: 'email',
  sms: 'text message',
  online: 'online account message',
}

/** Field order on the form, which is also the error summary's order (wave fields are appended in row order). */
export const MESSAGE_FIELD_ORDER = ['channel', 'name', 'referenceType', 'subject', 'addressBlock', 'postage', 'deliveryProfile', 'deadlineDays', 'body'] as const

export const MESSAGE_ERROR_HREFS: Record<string, string> = {
  channel: '#channel',
  referenceType: '#referenceType',
  postage: '#postage',
}

/** One row of the waves "add another" list, exactly as typed. */
export interface WaveFormRow {
  day: string
  month: string
  year: string
  volume: string
}

export interface WaveInput {
  sendDate: string
  volume: number
}

export interface MessageFormInput {
  channel: Channel
  name: string
  referenceType: ReferenceType
  subject: string | null
  body: string
  addressBlock: string | null
  postage: PostageClass | null
  deadlineDays: number | null
  /** Letters only: percentages delivered on working day 1, 2, 3 … after posting; null uses the postage class's. */
  deliveryProfile?: number[] | null
  waves: WaveInput[]
}

const WAVE_KEY = /^waves-(\d{1,3})-(day|month|year|volume)$/

/**
 * The wave rows a form posted, in order. Rows are renumbered from 0 so that a removed row leaves no gap, and
 * anything beyond the limit is dropped (the limit is reported separately).
 */
export function waveRowsFrom(values: FormValues): WaveFormRow[] {
  const byIndex = new Map<number, WaveFormRow>()
  for (const [key, value] of Object.entries(values)) {
    const match = WAVE_KEY.exec(key)
    if (!match) continue
    const index = Number(match[1])
    const row = byIndex.get(index) ?? { day: '', month: '', year: '', volume: '' }
    row[match[2] as keyof WaveFormRow] = value
    byIndex.set(index, row)
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row)
}

export function isBlankWave(row: WaveFormRow): boolean {
  return !row.day.trim() && !row.month.trim() && !row.year.trim() && !row.volume.trim()
}

/** Form values for wave rows, as the form names them. */
export function waveFormValues(rows: WaveFormRow[]): Record<string, string> {
  const values: Record<string, string> = {}
  rows.forEach((row, index) => {
    values[`waves-${index}-day`] = row.day
    values[`waves-${index}-month`] = row.month
    values[`waves-${index}-year`] = row.year
    values[`waves-${index}-volume`] = row.volume
  })
  return values
}

export const waveDateKey = (index: number) => `waves-${index}`
export const waveVolumeKey = (index: number) => `waves-${index}-volume`

function waveSchema(index: number, notBefore: string | undefined) {
  const label = `wave ${index + 1}`
  return z.object({
    sendDate: dateInput(`Send date of ${label}`, {
      notBefore,
      notBeforeMessage: `Send date of ${label} must be today or in the future`,
    }),
    volume: wholeNumber(
      {
        required: `Enter the volume of ${label}`,
        notNumber: `Volume of ${label} must be a whole number above 0, like 25000`,
        tooSmall: `Volume of ${label} must be a whole number above 0, like 25000`,
        tooBig: `Volume of ${label} must be ${MESSAGE_FORM_LIMITS.volume.toLocaleString('en-GB')} or fewer`,
      },
      1,
      MESSAGE_FORM_LIMITS.volume,
    ),
  })
}

function lengthMessage(label: string, max: number, length: number): string {
  return `${label} must be ${max.toLocaleString('en-GB')} characters or fewer (it has ${length.toLocaleString('en-GB')})`
}

/** The message as its errors name it: "the text message" once a type is chosen, "the message" before. */
const messageName = (channel: Channel | null) => (channel ? CHANNEL_NAMES[channel] : 'message')

/** Without a type the body is checked against the most generous limit, and its errors name no channel. */
function bodySchema(channel: Channel | null) {
  const max = LIMITS.body[channel ?? 'letter']
  return z
    .string({ error: 'Enter the body of the message' })
    .transform(normaliseText)
    .superRefine((value, context) => {
      if (value.length === 0) {
        context.addIssue({ code: 'custom', message: `Enter the body of the ${messageName(channel)}` })
        return
      }
      // Anything beyond the checked size is refused before any other work is done on it.
      if (value.length > LIMITS.checkedText || (channel !== 'sms' && value.length > max)) {
        context.addIssue({ code: 'custom', message: lengthMessage('Body', max, value.length) })
        return
      }
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) {
        context.addIssue({ code: 'custom', message: 'Body must not contain hidden control characters' })
        return
      }
      if (channel === 'sms') {
        const problem = smsLimitError(value)
        if (problem) context.addIssue({ code: 'custom', message: problem })
      }
    })
}

const addressBlockSchema = z
  .string()
  .optional()
  .transform((value) => normaliseText(value ?? ''))
  .superRefine((value, context) => {
    if (value.length > LIMITS.checkedText) {
      context.addIssue({ code: 'custom', message: `Address block must be ${LIMITS.addressBlock.lines} lines or fewer` })
      return
    }
    const lines = value === '' ? [] : value.split('\n')
    if (lines.length > LIMITS.addressBlock.lines) {
      context.addIssue({ code: 'custom', message: `Address block must be ${LIMITS.addressBlock.lines} lines or fewer (it has ${lines.length})` })
      return
    }
    const long = lines.findIndex((line) => line.length > LIMITS.addressBlock.lineLength)
    if (long >= 0) {
      context.addIssue({
        code: 'custom',
        message: `Line ${long + 1} of the address block must be ${LIMITS.addressBlock.lineLength} characters or fewer`,
      })
      return
    }
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) {
      context.addIssue({ code: 'custom', message: 'Address block must not contain hidden control characters' })
    }
  })

const deadlineSchema = z
  .string()
  .optional()
  .transform((value, context) => {
    const typed = (value ?? '').trim()
    if (typed === '') return null
    if (!/^-?\d+$/.test(typed)) {
      context.addIssue({ code: 'custom', message: 'Action deadline must be a whole number of days, like 30' })
      return z.NEVER
    }
    const days = Number(typed)
    if (days < 1 || days > MESSAGE_FORM_LIMITS.deadlineDays) {
      context.addIssue({ code: 'custom', message: `Action deadline must be between 1 and ${MESSAGE_FORM_LIMITS.deadlineDays} days` })
      return z.NEVER
    }
    return days
  })

export interface MessageFormOptions {
  /** Send dates before this are refused; undefined allows past dates (a campaign past the draft stage). */
  earliestSendDate?: string
}

/**
 * Validates the whole message form at once: the fields that apply to its channel and every wave, so the user sees
 * every problem in one error summary. Fields that do not apply to the channel are ignored and stored empty.
 */
export function parseMessageForm(values: FormValues, options: MessageFormOptions = {}): Parsed<MessageFormInput> {
  const errors: FieldErrors = {}
  const channelResult = parseForm(z.object({ channel: choice(CHANNELS, 'Select the type of message') }), values)
  const channel = channelResult.ok ? channelResult.data.channel : null
  if (!channelResult.ok) Object.assign(errors, channelResult.errors)

  const common = parseForm(
    z.object({
      name: text({ label: 'Name', required: 'Enter a name for the message', tooLong: `Name must be ${LIMITS.name} characters or fewer` }, LIMITS.name),
      referenceType: choice(REFERENCE_TYPES, `Select the reference that identifies customers in this ${messageName(channel)}`),
    }),
    values,
  )
  if (!common.ok) Object.assign(errors, common.errors)

  // Without a valid channel the body is still checked, so its errors show too.
  const body = parseForm(z.object({ body: bodySchema(channel) }), values)
  if (!body.ok) Object.assign(errors, body.errors)

  let subject: string | null = null
  if (channel === 'email') {
    const parsed = parseForm(
      z.object({ subject: text({ label: 'Subject', required: 'Enter the subject of the email', tooLong: `Subject must be ${LIMITS.subject} characters or fewer` }, LIMITS.subject) }),
      values,
    )
    if (parsed.ok) subject = parsed.data.subject
    else Object.assign(errors, parsed.errors)
  }

  let addressBlock: string | null = null
  let postage: PostageClass | null = null
  let deadlineDays: number | null = null
  let deliveryProfile: number[] | null = null
  if (channel === 'letter') {
    const profile = readDeliveryProfile(values.deliveryProfile)
    if (profile.ok) deliveryProfile = profile.value
    else errors.deliveryProfile = profile.message
    const parsed = parseForm(
      z.object({
        addressBlock: addressBlockSchema,
        postage: choice(POSTAGE_CLASSES, 'Select the postage class of the letter'),
        deadlineDays: deadlineSchema,
      }),
      values,
    )
    if (parsed.ok) {
      addressBlock = parsed.data.addressBlock
      postage = parsed.data.postage
      deadlineDays = parsed.data.deadlineDays
    } else Object.assign(errors, parsed.errors)
  }

  const rows = waveRowsFrom(values)
  const waves: WaveInput[] = []
  if (rows.filter((row) => !isBlankWave(row)).length > MESSAGE_FORM_LIMITS.waves) {
    errors[waveDateKey(0)] = `A message can have up to ${MESSAGE_FORM_LIMITS.waves} waves`
  } else {
    rows.forEach((row, index) => {
      if (isBlankWave(row)) return
      const parsed = parseForm(waveSchema(index, options.earliestSendDate), { sendDate: { day: row.day, month: row.month, year: row.year }, volume: row.volume })
      if (parsed.ok) waves.push(parsed.data)
      else {
        if (parsed.errors.sendDate) errors[waveDateKey(index)] = parsed.errors.sendDate
        if (parsed.errors.volume) errors[waveVolumeKey(index)] = parsed.errors.volume
      }
    })
  }

  if (Object.keys(errors).length > 0 || !channel || !common.ok || !body.ok) return { ok: false, errors }
  waves.sort((a, b) => (a.sendDate < b.sendDate ? -1 : a.sendDate > b.sendDate ? 1 : 0))
  return {
    ok: true,
    data: {
      channel,
      name: common.data.name,
      referenceType: common.data.referenceType,
      subject,
      body: body.data.body,
      addressBlock: addressBlock === '' ? null : addressBlock,
      postage,
      deadlineDays,
      deliveryProfile,
      waves,
    },
  }
}

/** The error summary's order: the fields, then each wave's date and volume. */
export function messageErrorOrder(waveCount: number): string[] {
  const order: string[] = [...MESSAGE_FIELD_ORDER]
  for (let index = 0; index < waveCount; index++) order.push(waveDateKey(index), waveVolumeKey(index))
  return order
}

export function messageErrorHrefs(waveCount: number): Record<string, string> {
  const hrefs: Record<string, string> = { ...MESSAGE_ERROR_HREFS }
  for (let index = 0; index < Math.max(waveCount, 1); index++) hrefs[waveDateKey(index)] = `#${waveDateKey(index)}-day`
  return hrefs
}

/** A body as the browser's textarea holds it, for counting on the server exactly as the browser counts. */
export function bodyAsTyped(value: string | undefined): string {
  return normaliseLineEndings(value ?? '')
}

export const BLANK_WAVE: WaveFormRow = { day: '', month: '', year: '', volume: '' }

export type FormIntent = { kind: 'save' } | { kind: 'add-wave' } | { kind: 'remove-wave'; index: number }

/** Which button submitted the form; Enter in a field submits as "save". */
export function formIntent(value: string | undefined): FormIntent {
  if (value === 'add-wave') return { kind: 'add-wave' }
  const remove = /^remove-wave-(\d{1,3})$/.exec(value ?? '')
  if (remove) return { kind: 'remove-wave', index: Number(remove[1]) }
  return { kind: 'save' }
}

/** The rows after an "Add another wave" or "Remove" press, which save nothing. */
export function applyWaveIntent(rows: WaveFormRow[], intent: FormIntent): { rows: WaveFormRow[]; focus?: number } {
  if (intent.kind === 'add-wave') {
    const next = rows.length >= MESSAGE_FORM_LIMITS.waves ? rows : [...rows, { ...BLANK_WAVE }]
    return { rows: next, focus: next.length - 1 }
  }
  if (intent.kind === 'remove-wave') {
    const next = rows.filter((_, index) => index !== intent.index)
    return { rows: next.length > 0 ? next : [{ ...BLANK_WAVE }] }
  }
  return { rows }
}

/** The submitted values without the wave rows and buttons, which travel separately. */
export function fieldValues(values: FormValues): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const key of [...MESSAGE_FIELD_ORDER]) if (typeof values[key] === 'string') kept[key] = values[key]!
  return kept
}

/** A saved wave as the form shows it: `2027-03-04` becomes 4, 3, 2027. */
export function waveRowFromSaved(wave: { sendDate: string; volume: number }): WaveFormRow {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(wave.sendDate)
  return match
    ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]!, volume: String(wave.volume) }
    : { ...BLANK_WAVE, volume: String(wave.volume) }
}
