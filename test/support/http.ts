// A minimal HTTP client for tests that talk to a running server without a browser: keeps one session cookie
// and sends the Origin header the server's CSRF check expects. rawExchange talks HTTP over a bare TCP connection.
import net from 'node:net'
export class HttpClient {
  /** The session cookie. */
  cookie: string | null = null
  /** A sign-in part-way through (a code, a new password or setting up two-factor still owed). */
  signInCookie: string | null = null
  constructor(public baseUrl: string) {}

  private cookies(): Record<string, string> {
    const header = [this.cookie, this.signInCookie].filter(Boolean).join('; ')
    return header ? { Cookie: header } : {}
  }

  async get(path: string): Promise<Response> {
    return fetch(this.baseUrl + path, { headers: this.cookies(), redirect: 'manual' })
  }

  async post(path: string, form: Record<string, string | string[]>, options: { origin?: string } = {}): Promise<Response> {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(form)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: options.origin ?? this.baseUrl,
        ...this.cookies(),
      },
      body,
      redirect: 'manual',
    })
    for (const setCookie of response.headers.getSetCookie()) {
      const value = setCookie.split(';')[0]!
      if (value.startsWith('otm_session=')) this.cookie = value === 'otm_session=' ? null : value
      if (value.startsWith('otm_sign_in=')) this.signInCookie = value === 'otm_sign_in=' ? null : value
    }
    return response
  }

  /** Signs in with a password: where the sign-in went next (the home page, or a step still owed such as a new password). */
  async signIn(email: string, password: string): Promise<string> {
    const response = await this.post('/login', { email, password })
    if (response.status !== 303) throw new Error(`Sign-in as ${email} failed with ${response.status}`)
    return response.headers.get('location') ?? '/'
  }
}

/** The value of a hidden input in a page's HTML. */
export function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="${name}"`).exec(html)
  if (!match) throw new Error(`No hidden field ${name} on the page`)
  return match[1] ?? match[2]!
}

export interface RawExchange {
  /** Everything the server sent, as Latin-1 text. */
  received: string
  /** Whether every byte of the request was handed to the kernel. */
  sentAll: boolean
  /** The connection's error (ECONNRESET, EPIPE), or null. */
  error: string | null
  /** The server closed the connection. */
  closed: boolean
  timedOut: boolean
}

/**
 * One TCP connection used as a browser's network stack uses it: the whole request written, however long (waiting
 * whenever the kernel's buffer is full), while whatever comes back is read. Settles once the request is written and
 * `until(received)` holds, or the connection closes, or `timeoutMs` passes.
 */
export function rawExchange(baseUrl: string, parts: (string | Buffer)[], options: { until?: (received: string) => boolean; timeoutMs?: number } = {}): Promise<RawExchange> {
  const url = new URL(baseUrl)
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname)
    const result: RawExchange = { received: '', sentAll: false, error: null, closed: false, timedOut: false }
    let settled = false
    const settle = () => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve(result)
    }
    const timer = setTimeout(() => {
      result.timedOut = true
      settle()
    }, options.timeoutMs ?? 30_000)
    const check = () => {
      if (result.sentAll && options.until?.(result.received)) settle()
    }
    let ended = false
    socket.on('data', (chunk) => {
      result.received += chunk.toString('latin1')
      check()
    })
    // The server has closed its side: stop sending, as a browser stops uploading.
    socket.on('end', () => (ended = true))
    socket.on('error', (error: NodeJS.ErrnoException) => (result.error = error.code ?? error.message))
    socket.on('close', () => {
      result.closed = true
      settle()
    })
    const chunks = parts.flatMap((part) => {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'latin1') : part
      return Array.from({ length: Math.ceil(bytes.length / 65_536) || 1 }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536))
    })
    let next = 0
    const write = () => {
      while (next < chunks.length && !ended) {
        const last = next === chunks.length - 1
        const ok = socket.write(chunks[next++]!, last ? () => ((result.sentAll = true), check()) : undefined)
        if (!ok) return void socket.once('drain', write)
      }
    }
    socket.once('connect', write)
  })
}

/** The status codes of the answers in what `rawExchange` received, in order. */
export function statusesIn(received: string): number[] {
  return [...received.matchAll(/(?:^|\r\n)HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]))
}
