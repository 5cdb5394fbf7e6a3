import { countOccurrences, multipartBoundary, readBody } from './body.server'
import { yieldToEventLoop } from './event-loop.server'
import { badRequest, httpError } from './responses.server'

/**
 * What one route's form may be, checked before anything is parsed. The defaults suit every form that edits content:
 * the byte limit is above the largest field any form accepts, so an oversized value still gets a field error; only a
 * body far beyond any form (a 1 MB value of non-ASCII text is 3–9 MB once URL-encoded) is refused whole. The field
 * limit is far above the largest form (the forecast settings, a few hundred fields), and keeps a body of hundreds of
 * thousands of tiny fields from costing seconds to parse.
 */
export interface FormLimits {
  maxBytes: number
  maxFields: number
}

export const MAX_FORM_BYTES = 2 * 1024 * 1024
export const MAX_FORM_FIELDS = 2_000
export const FORM_LIMITS: FormLimits = { maxBytes: MAX_FORM_BYTES, maxFields: MAX_FORM_FIELDS }
/** A sign-in is an email address and a password: a few hundred bytes, with room for a long pass phrase. */
export const SIGN_IN_LIMITS: FormLimits = { maxBytes: 8 * 1024, maxFields: 10 }
/** A form that is only a button: an id, a version or an intent. */
export const BUTTON_LIMITS: FormLimits = { maxBytes: 16 * 1024, maxFields: 20 }

/** A form's fields: URL-encoded forms are read straight into URLSearchParams, multipart ones into FormData. */
export type FormFields = URLSearchParams | FormData

const tooLarge = () => httpError(413, 'The form was too large')
const AMPERSAND = new Uint8Array([0x26])

/**
 * Reads a posted form without trusting it: the wrong type or malformed gives a 400, too large a 413, never a 500.
 * Decoding and parsing a body of a few megabytes take milliseconds each: each has a turn of the event loop of its
 * own, and the route's checks another.
 */
export async function readFormData(request: Request, limits: Partial<FormLimits> = {}): Promise<FormFields> {
  const { maxBytes, maxFields } = { ...FORM_LIMITS, ...limits }
  const type = (request.headers.get('Content-Type') ?? '').toLowerCase()
  const urlencoded = type.startsWith('application/x-www-form-urlencoded')
  const multipart = type.startsWith('multipart/form-data')
  if (!urlencoded && !multipart) throw badRequest('Send the form from the page')
  const body = await readBody(request, maxBytes)
  if (!body.ok) throw body.reason === 'too-large' ? tooLarge() : badRequest('The form could not be read')
  if (urlencoded) {
    if (countOccurrences(body.bytes, AMPERSAND, maxFields) >= maxFields) throw tooLarge()
    const small = body.bytes.byteLength < SLICED_ABOVE_BYTES
    if (!small) await yieldToEventLoop()
    const text = Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString('utf8')
    if (!small) await yieldToEventLoop()
    const form = new URLSearchParams(text)
    if (!small) await yieldToEventLoop()
    return form
  }
  const boundary = multipartBoundary(request.headers.get('Content-Type') ?? '')
  if (!boundary) throw badRequest('The form could not be read')
  // Every part starts with a boundary line; the last one closes the form.
  if (countOccurrences(body.bytes, Buffer.from(`--${boundary}`), maxFields + 1) > maxFields + 1) throw tooLarge()
  const small = body.bytes.byteLength < SLICED_ABOVE_BYTES
  if (!small) await yieldToEventLoop()
  let form: FormData
  try {
    form = await new Response(body.bytes, { headers: { 'Content-Type': request.headers.get('Content-Type')! } }).formData()
  } catch {
    throw badRequest('The form could not be read')
  }
  if (!small) await yieldToEventLoop()
  return form
}

/** A body smaller than this is read in one go: every ordinary form, whose parsing takes well under a millisecond. */
const SLICED_ABOVE_BYTES = 64 * 1024
