import { describe, expect, it } from 'vitest'
import { FORM_OVERHEAD_BYTES, readUpload } from './upload.server'

function multipart(bytes: number): { body: Uint8Array; type: string } {
  const boundary = 'test-boundary'
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n`)
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`)
  const body = new Uint8Array(head.length + bytes + tail.length)
  body.set(head)
  body.fill(0x61, head.length, head.length + bytes)
  body.set(tail, head.length + bytes)
  return { body, type: `multipart/form-data; boundary=${boundary}` }
}

/** A body that arrives in 64 KB chunks and says nothing of its length, counting what has been read. */
function streamed(body: Uint8Array) {
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= body.length) return controller.close()
      const chunk = body.subarray(sent, sent + 65_536)
      sent += chunk.length
      controller.enqueue(chunk)
    },
  })
  return { stream, sent: () => sent }
}

describe('reading an upload', () => {
  it('reads a file within the limit', async () => {
    const { body, type } = multipart(1_000)
    const read = await readUpload(new Request('http://localhost/', { method: 'POST', body: Buffer.from(body), headers: { 'Content-Type': type } }), 2_000)
    expect(read.ok).toBe(true)
    if (read.ok) expect(((read.form.get('file') as File).size)).toBe(1_000)
  })

  it('refuses a declared length over the limit without reading the body', async () => {
    const { body, type } = multipart(10 * 1024 * 1024)
    const { stream, sent } = streamed(body)
    const request = new Request('http://localhost/', { method: 'POST', body: stream, headers: { 'Content-Type': type, 'Content-Length': String(body.length) }, duplex: 'half' } as RequestInit)
    expect(await readUpload(request, 1024 * 1024)).toEqual({ ok: false, reason: 'too-large' })
    // The stream queues its first chunk on its own; nothing more is pulled.
    expect(sent()).toBeLessThanOrEqual(65_536)
  })

  it('stops reading an undeclared body as soon as it passes the limit', async () => {
    const { body, type } = multipart(10 * 1024 * 1024)
    const { stream, sent } = streamed(body)
    const request = new Request('http://localhost/', { method: 'POST', body: stream, headers: { 'Content-Type': type }, duplex: 'half' } as RequestInit)
    expect(await readUpload(request, 1024 * 1024)).toEqual({ ok: false, reason: 'too-large' })
    // At most a chunk or two beyond the limit was pulled, not the 10 MB.
    expect(sent()).toBeLessThan(1024 * 1024 + FORM_OVERHEAD_BYTES + 3 * 65_536)
  })

  it('refuses what is not a multipart form, and framing it cannot read', async () => {
    expect(await readUpload(new Request('http://localhost/', { method: 'POST', body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 100)).toEqual({ ok: false, reason: 'not-multipart' })
    const broken = await readUpload(new Request('http://localhost/', { method: 'POST', body: 'no boundary here', headers: { 'Content-Type': 'multipart/form-data; boundary=x' } }), 100)
    expect(broken).toEqual({ ok: false, reason: 'unreadable' })
  })
})
