// Reading a file upload without trusting it. An upload's size is checked from the declared Content-Length before
// anything is read, and again while the body streams in (body.server.ts); its parts are counted before the
// multipart framing is parsed.
import { countOccurrences, multipartBoundary, readBody } from './body.server'
import { yieldToEventLoop } from './event-loop.server'

/** Multipart framing and the form's other fields, on top of the file itself. */
export const FORM_OVERHEAD_BYTES = 16 * 1024
/** The file and a few fields: a form of thousands of parts is not an upload. */
export const MAX_UPLOAD_PARTS = 20

export type UploadRead = { ok: true; form: FormData } | { ok: false; reason: 'too-large' | 'not-multipart' | 'unreadable' }

export async function readUpload(request: Request, maxFileBytes: number): Promise<UploadRead> {
  const type = request.headers.get('Content-Type') ?? ''
  if (!type.toLowerCase().startsWith('multipart/form-data')) return { ok: false, reason: 'not-multipart' }
  const body = await readBody(request, maxFileBytes + FORM_OVERHEAD_BYTES)
  if (!body.ok) return body
  const boundary = multipartBoundary(type)
  if (!boundary) return { ok: false, reason: 'unreadable' }
  if (countOccurrences(body.bytes, Buffer.from(`--${boundary}`), MAX_UPLOAD_PARTS + 1) > MAX_UPLOAD_PARTS + 1) return { ok: false, reason: 'unreadable' }
  // Parsing a megabyte of framing (and copying it into a File) is a slice of work of its own, after the turn that
  // read the body's last bytes.
  await yieldToEventLoop()
  try {
    // The body is now in memory and within the limits: let the platform parse the multipart framing.
    // Handed over as a stream: a Response made from the bytes themselves would first copy them all.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body.bytes)
        controller.close()
      },
    })
    const form = await new Response(stream, { headers: { 'Content-Type': type } }).formData()
    return { ok: true, form }
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
}
