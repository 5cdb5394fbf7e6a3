import { badRequest } from './http.server'

export const MAX_FORM_BYTES = 2 * 1024 * 1024

/**
 * Reads a posted form without trusting it: too large, the wrong type or malformed gives a 400, never a 500.
 * The limit is above the largest field any form accepts, so an oversized value still gets a field error.
 */
export async function readFormData(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const declared = Number(request.headers.get('Content-Length') ?? '0')
  if (!(declared <= maxBytes)) throw badRequest('The form was too large')
  const type = (request.headers.get('Content-Type') ?? '').toLowerCase()
  try {
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const text = await request.text()
      if (text.length > maxBytes) throw new RangeError('too large')
      const form = new FormData()
      for (const [key, value] of new URLSearchParams(text)) form.append(key, value)
      return form
    }
    if (type.startsWith('multipart/form-data')) return await request.formData()
  } catch {
    throw badRequest('The form could not be read')
  }
  throw badRequest('Send the form from the page')
}
