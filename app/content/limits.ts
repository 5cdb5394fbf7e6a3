/**
 * Size limits the forms enforce (with zod, on the server) and show (character counts, in the browser). The reasons
 * are in docs/content-checks.md. Lengths are in UTF-16 code units (JavaScript's `length`) after line endings are
 * normalised to `\n`, except the SMS body, which is measured as `smsLength` measures it.
 */
import type { Channel } from './rules'
import { smsLength } from './sms'

export const LIMITS = {
  /** A message, script or campaign name. */
  name: 120,
  /** An email subject. */
  subject: 200,
  /**
   * Message bodies by channel. The SMS figure is GSM-7 characters: the binding SMS limit is `smsFragments`, which is
   * the same 918 for GSM-7 but 402 for UCS-2 (see `smsLimitError`).
   */
  body: {
    letter: 20_000,
    email: 20_000,
    sms: 918,
    online: 10_000,
  } satisfies Record<Channel, number>,
  /** The most fragments an SMS may need: 918 GSM-7 characters is 6 fragments of 153. */
  smsFragments: 6,
  addressBlock: {
    lines: 8,
    lineLength: 100,
  },
  /** Each section of a script. */
  scriptSection: 10_000,
  lineToTake: {
    question: 500,
    answer: 10_000,
  },
  extraFields: {
    count: 50,
    nameLength: 50,
  },
  /** The largest text the checks are specified for; anything larger is refused before it is checked. */
  checkedText: 200_000,
} as const

/** Normalises line endings so a length is the same in the browser (`\n`) and on the server (`\r\n` from the form). */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/** The length a limit is measured in, for every field except an SMS body. */
export function textLength(text: string): number {
  return normaliseLineEndings(text).length
}

/** An error message in GOV.UK style when an SMS body is too long, or null. Placeholders count as written. */
export function smsLimitError(body: string): string | null {
  const length = smsLength(body)
  if (length.fragments <= LIMITS.smsFragments) return null
  const max = length.encoding === 'GSM-7' ? LIMITS.smsFragments * 153 : LIMITS.smsFragments * 67
  const why = length.encoding === 'UCS-2' ? ' because it contains characters that are not in the GSM alphabet' : ''
  return `Text message must be ${max} characters or fewer${why} (it is ${length.characters})`
}
