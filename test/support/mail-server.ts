// A real SMTP server (smtp-server) for the tests: it accepts what the planner sends and keeps every message as
// received, so tests assert on the mail itself. It can be stopped and started again on the same port (a relay that
// is down, then back), and can hold a message before answering (to kill a sender mid-delivery).
import net from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  /** The envelope's recipients. */
  to: string[]
  from: string
  headers: Map<string, string>
  messageId: string
  subject: string
  text: string
  html: string
  raw: string
  receivedAt: number
}

export interface MailServer {
  url: string
  port: number
  messages: ReceivedMail[]
  /** Resolves once `count` messages match, or fails after `timeoutMs`. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>
  /** Every message received so far for an address. */
  to(address: string): ReceivedMail[]
  /** Stops listening: connections are refused until start() again. */
  stop(): Promise<void>
  start(): Promise<void>
  /** While set, each message is kept as received, then the server waits for this before answering 250. */
  hold: ((mail: ReceivedMail) => Promise<void>) | null
  /** While set, each message is refused with this reply code and text. */
  refuse: { code: number; message: string } | null
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export async function startMailServer(options: { port?: number } = {}): Promise<MailServer> {
  const port = options.port ?? (await freePort())
  const messages: ReceivedMail[] = []
  const waiters = new Set<() => void>()
  let server: SMTPServer | null = null
  const state: MailServer = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    hold: null,
    refuse: null,
    async waitFor(predicate, count = 1, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = messages.filter(predicate)
        if (found.length >= count) return found
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`Waited ${timeoutMs} ms for ${count} message(s); ${found.length} arrived. Received: ${messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`)
        await new Promise<void>((resolve) => {
          const done = () => {
            waiters.delete(done)
            clearTimeout(timer)
            resolve()
          }
          const timer = setTimeout(done, Math.min(left, 250))
          waiters.add(done)
        })
      }
    },
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    async stop() {
      const running = server
      server = null
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()))
    },
    async start() {
      if (server) return
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            if (state.refuse) {
              const error = Object.assign(new Error(state.refuse.message), { responseCode: state.refuse.code })
              return callback(error)
            }
            const raw = Buffer.concat(chunks).toString('utf8')
            const mail = parseMail(raw, {
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            })
            // Kept as soon as the whole message is in: a sender killed before the 250 reaches it has still delivered.
            messages.push(mail)
            for (const wake of [...waiters]) wake()
            const hold = state.hold
            if (hold) hold(mail).then(() => callback(), () => callback())
            else callback()
          })
        },
      })
      const listening = server
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject)
        listening.listen(port, '127.0.0.1', () => resolve())
      })
      listening.on('error', () => undefined)
    },
  }
  await state.start()
  return state
}

// ---------------------------------------------------------------------------------------------
// Just enough MIME to read what nodemailer sends: headers (unfolded, with encoded words), and the text and HTML
// parts of a multipart/alternative body in 7bit, quoted-printable or base64.

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=(\s+(?==\?))?/g, (_all, _charset: string, encoding: string, text: string) => {
    if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8')
    return decodeQuotedPrintable(text.replace(/_/g, ' '))
  })
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = []
  const source = text.replace(/=\r?\n/g, '')
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(source.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(...Buffer.from(c, 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}

function splitHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split(/\r\n/)) {
    const at = line.indexOf(':')
    if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim())
  }
  return headers
}

function decodeBody(body: string, encoding: string | undefined): string {
  const kind = (encoding ?? '7bit').toLowerCase()
  if (kind === 'quoted-printable') return decodeQuotedPrintable(body)
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  return body
}

function parts(headers: Map<string, string>, body: string): { type: string; content: string }[] {
  const type = headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (!/^multipart\//i.test(type) || !boundary) return [{ type: type.split(';')[0]!.trim().toLowerCase(), content: decodeBody(body, headers.get('content-transfer-encoding')) }]
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((section) => !section.startsWith('--'))
    .flatMap((section) => {
      const trimmed = section.replace(/^\r\n/, '')
      const split = trimmed.indexOf('\r\n\r\n')
      return parts(splitHeaders(trimmed.slice(0, split)), trimmed.slice(split + 4).replace(/\r\n$/, ''))
    })
}

export function parseMail(raw: string, envelope: { to: string[]; from: string }): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n')
  const headers = splitHeaders(raw.slice(0, split))
  const body = parts(headers, raw.slice(split + 4))
  return {
    ...envelope,
    headers,
    messageId: headers.get('message-id') ?? '',
    subject: decodeWords(headers.get('subject') ?? ''),
    text: body.find((p) => p.type === 'text/plain')?.content ?? '',
    html: body.find((p) => p.type === 'text/html')?.content ?? '',
    raw,
    receivedAt: Date.now(),
  }
}
