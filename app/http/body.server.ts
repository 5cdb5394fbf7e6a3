// Reading a request body without trusting it: its size is checked from the declared Content-Length before anything
// is read, and again while it streams in, since a body can be longer than it declares or declare nothing at all.
// An oversized body is left unread rather than cancelled: cancelling destroys the connection, and the client would
// see a reset instead of the answer. The HTTP server reads and discards the rest once the answer has gone
// (app/http/node-server/unread-body.js).

export type BodyRead = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: 'too-large' | 'unreadable' }

export async function readBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = request.headers.get('Content-Length')
  if (declared !== null && !(Number(declared) <= maxBytes)) return { ok: false, reason: 'too-large' }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) return { ok: false, reason: 'too-large' }
      chunks.push(value)
    }
  } catch {
    return { ok: false, reason: 'unreadable' }
  } finally {
    reader.releaseLock()
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { ok: true, bytes }
}

/** How many times `needle` occurs in `bytes`: counted before parsing, so a body of many tiny fields is refused cheaply. */
export function countOccurrences(bytes: Uint8Array, needle: Uint8Array, stopAfter = Infinity): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (needle.length === 1) {
    let count = 0
    for (let at = buffer.indexOf(needle[0]!); at !== -1 && count <= stopAfter; at = buffer.indexOf(needle[0]!, at + 1)) count++
    return count
  }
  let count = 0
  for (let at = buffer.indexOf(needle); at !== -1 && count <= stopAfter; at = buffer.indexOf(needle, at + needle.length)) count++
  return count
}

/** The multipart boundary of a Content-Type, or null when there is none. */
export function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType)
  return match ? (match[1] ?? match[2]!) : null
}
