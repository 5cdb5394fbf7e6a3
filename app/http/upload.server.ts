// Reading a file upload without trusting it. `readFormData` (forms.server.ts) suits small urlencoded forms; an
// upload needs its size checked twice: from the declared Content-Length before anything is read, and again while
// the body streams in, since a body can be longer than it declares or declare nothing at all.

/** Multipart framing and the form's other fields, on top of the file itself. */
export const FORM_OVERHEAD_BYTES = 16 * 1024

export type UploadRead = { ok: true; form: FormData } | { ok: false; reason: 'too-large' | 'not-multipart' | 'unreadable' }

export async function readUpload(request: Request, maxFileBytes: number): Promise<UploadRead> {
  const limit = maxFileBytes + FORM_OVERHEAD_BYTES
  const type = request.headers.get('Content-Type') ?? ''
  if (!type.toLowerCase().startsWith('multipart/form-data')) return { ok: false, reason: 'not-multipart' }
  const declared = request.headers.get('Content-Length')
  if (declared !== null && !(Number(declared) <= limit)) return { ok: false, reason: 'too-large' }
  if (!request.body) return { ok: false, reason: 'unreadable' }

  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => undefined)
        return { ok: false, reason: 'too-large' }
      }
      chunks.push(value)
    }
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    // The body is now in memory and within the limit: let the platform parse the multipart framing.
    const form = await new Response(body, { headers: { 'Content-Type': type } }).formData()
    return { ok: true, form }
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
}
