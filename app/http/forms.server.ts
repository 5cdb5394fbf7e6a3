import { badRequest, httpError } from './responses.server'

export const MAX_FORM_BYTES = 2 * 1024 * 1024

const tooLarge = () => httpError(413, 'The form was too large')

/**
 * Reads a posted form without trusting it: the wrong type or malformed gives a 400, too large a 413, never a 500.
 * The limit is above the largest field any form accepts, so an oversized value still gets a field error; only a
 * body far beyond any form (a 1 MB value of non-ASCII text is 3–9 MB once URL-encoded) is refused whole.
 */
export async function readFormData(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const declared = Number(request.headers.get('Content-Length') ?? '0')
  if (!(declared <= maxBytes)) throw tooLarge()
  const type = (request.headers.get('Content-Type') ?? '').toLowerCase()
  try {
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const text = await request.text()
      if (text.length > maxBytes) throw tooLarge()
      const form = new FormData()
      for (const [key, value] of new URLSearchParams(text)) form.append(key, value)
      return form
    }
    if (type.startsWith('multipart/form-data')) return await request.formData()
  } catch (error) {
    if (error instanceof Response) throw error
    throw badRequest('The form could not be read')
  }
  throw badRequest('Send the form from the page')
}
