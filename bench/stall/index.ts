// The longest the server's event loop is held by one request, for the worst single requests a client can send:
//   npx tsx bench/stall/index.ts [--runs 5] [--save FILE] [--compare FILE] [--write] [--skip-build]
// Starts the production server (one process) on the demo workspace, with bench/stall/probe.mjs loaded into it, and
// sends each request alone: the probe's 1 ms timer histogram gives the longest stall of the event loop while that
// request was handled. Every other client of the same process waits at least that long, /healthz included.
// --save writes the figures as JSON (to compare a later run against); --compare FILE adds that run's figures as a
// "before" column; --write puts the section "## Event-loop stall" into docs/performance.md.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeSection } from '../support/docs'
import { BENCH_AUDIT_KEY } from '../support/env'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const tmp = path.join(root, 'tmp')
mkdirSync(tmp, { recursive: true })

const args = process.argv.slice(2)
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const RUNS = Number(option('--runs')) || 5
const SAVE = option('--save')
const COMPARE = option('--compare')
const WRITE = args.includes('--write')
const PASSWORD = 'stall benchmark password'
const BUDGET_MS = 50
/** A request that has had no answer this long is reported as never answered. */
const ANSWER_TIMEOUT_MS = 20_000
const MB = 1024 * 1024

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

interface Server {
  base: string
  child: ChildProcess
  output: () => string
  probe: (message: 'reset' | 'report') => Promise<{ maxMs?: number }>
  stop: () => Promise<void>
}

async function startServer(file: string): Promise<Server> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let output = ''
  // STALL_NODE_ARGS="--cpu-prof --cpu-prof-dir=tmp/prof" profiles the server; STALL_ONLY="actuals" runs the cases
  // whose name contains it.
  const nodeArgs = (process.env.STALL_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, '--import', path.join(here, 'probe.mjs'), 'server.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: file,
      OTM_DEMO: '1',
      DEMO_PASSWORD: PASSWORD,
      COOKIE_SECURE: '0',
      WEB_CONCURRENCY: '1',
      AUDIT_HMAC_KEY: BENCH_AUDIT_KEY,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const probe = (message: 'reset' | 'report') =>
    new Promise<{ maxMs?: number }>((resolve) => {
      child.once('message', (reply) => resolve(reply as { maxMs?: number }))
      child.send(message)
    })
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    }
  }
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${output}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (waited > 60_000) {
      await stop()
      throw new Error(`The server did not start:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { base, child, output: () => output, probe, stop }
}

interface Answer {
  status: number | string
  ms: number
  bytes: number
}

/**
 * One request as a browser sends it: the whole body, written in 64 KB chunks as fast as the server takes them, and
 * the answer read to its end. It is answered once both are done: a server that answers early but never reads the
 * rest of the body leaves the client stuck sending, as a browser would be. A reset, or no answer within
 * ANSWER_TIMEOUT_MS, is reported as such.
 */
function send(base: string, method: string, pathname: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  const started = performance.now()
  return new Promise((resolve) => {
    let settled = false
    let sent = !body
    let answered: { status: number; bytes: number } | null = null
    const finish = (status: number | string, bytes = 0) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.destroy()
      agent.destroy()
      resolve({ status, ms: performance.now() - started, bytes })
    }
    // Keep-alive, as browsers keep connections open: the server cannot simply close the connection to be rid of a body.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const request = http.request(`${base}${pathname}`, { method, headers: { ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) }, agent })
    const timer = setTimeout(() => finish(answered ? `${answered.status}, body never read` : 'no answer'), ANSWER_TIMEOUT_MS)
    request.on('response', (response) => {
      let bytes = 0
      response.on('data', (chunk: Buffer) => (bytes += chunk.length))
      response.on('end', () => {
        answered = { status: response.statusCode ?? 0, bytes }
        if (sent) finish(answered.status, answered.bytes)
      })
      response.on('error', () => finish('reset after headers', bytes))
    })
    request.on('error', (error: NodeJS.ErrnoException) => finish(answered ? `${answered.status}, then ${error.code ?? error.message}` : (error.code ?? error.message)))
    request.on('finish', () => {
      sent = true
      if (answered) finish(answered.status, answered.bytes)
    })
    if (!body) return void request.end()
    let offset = 0
    // Node's client stops passing its socket's 'drain' on to the request once the whole answer has arrived, so a
    // client that waits for the request's 'drain' after an early answer (a 413 sent before the body was read) waits
    // forever, however promptly the server reads the rest. The socket's own 'drain' is waited for as well.
    const waitForDrain = () => {
      const socket = request.socket
      let resumed = false
      const resume = () => {
        if (resumed) return
        resumed = true
        request.off('drain', resume)
        socket?.off('drain', resume)
        write()
      }
      request.once('drain', resume)
      socket?.once('drain', resume)
    }
    const write = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + 64 * 1024)
        offset += chunk.length
        if (!request.write(chunk)) return void waitForDrain()
      }
      request.end()
    }
    write()
  })
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    body: new URLSearchParams({ email, password: PASSWORD }).toString(),
  })
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!
  if (response.status !== 303 || !cookie) throw new Error(`Signing in as ${email} failed: ${response.status}`)
  return cookie
}

function multipart(parts: { name: string; filename?: string; type?: string; content: Buffer | string }[]): { body: Buffer; type: string } {
  const boundary = `----stall${Date.now()}`
  const chunks: Buffer[] = []
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`))
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content))
    chunks.push(Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` }
}

interface Case {
  name: string
  what: string
  run: () => Promise<Answer>
}

interface Result {
  name: string
  what: string
  maxStallMs: number
  medianStallMs: number
  statuses: string
  answerMs: number
  bytes: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

async function main() {
  if (!args.includes('--skip-build')) {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
    execFileSync(process.execPath, ['scripts/copy-govuk-assets.js'], { cwd: root, stdio: 'inherit', env })
    execFileSync(process.execPath, ['node_modules/@remix-run/dev/dist/cli.js', 'build'], { cwd: root, stdio: 'inherit', env })
  }
  const file = path.join(tmp, `bench-stall-${process.pid}.sqlite`)
  const cleanUp = () => {
    for (const suffix of ['', '-wal', '-shm', '.audit-checkpoint.json']) rmSync(file + suffix, { force: true })
  }
  cleanUp()
  const server = await startServer(file)
  try {
    const { base } = server
    const designer = await signIn(base, 'designer@example.gov.uk')
    const manager = await signIn(base, 'customer-services@example.gov.uk')
    const list = await (await fetch(`${base}/campaigns?status=launched`, { headers: { Cookie: manager } })).text()
    const launched = /\/campaigns\/(OTM-\d{4}-\d{3})"/.exec(list)?.[1]
    if (!launched) throw new Error('The demo workspace has no launched campaign')
    const all = await (await fetch(`${base}/campaigns`, { headers: { Cookie: designer } })).text()
    const someRef = /\/campaigns\/(OTM-\d{4}-\d{3})"/.exec(all)![1]!
    const form = (cookie: string | null) => ({ 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, ...(cookie ? { Cookie: cookie } : {}) })
    const manyFields = Buffer.from(`email=someone%40example.gov.uk&password=guess&${Array.from({ length: 200_000 }, (_, i) => `f${i}=v`).join('&')}`)
    const bigField = Buffer.from(`name=${'a'.repeat(2_000_000)}&regime=SA`)
    const fourMegabytes = Buffer.from(['name', 'objective', 'targetPopulation', 'responseProcess'].map((k) => `${k}=${'x'.repeat(MB)}`).join('&'))
    const badLines = Buffer.from(`date,helpline,calls\n${'not a date,no such helpline,minus three\n'.repeat(Math.floor(MB / 42))}`.slice(0, MB - 1024))
    const upload = multipart([{ name: 'file', filename: 'actuals.csv', type: 'text/csv', content: badLines }])
    const parts = multipart(Array.from({ length: 20_000 }, (_, i) => ({ name: `p${i}`, content: 'x' })))

    const cases: Case[] = [
      { name: 'GET /healthz', what: 'nothing to do: the floor', run: () => send(base, 'GET', '/healthz', {}) },
      { name: 'GET a campaign page', what: 'an ordinary page, signed in', run: () => send(base, 'GET', `/campaigns/${someRef}`, { Cookie: designer }) },
      { name: 'GET a forecast page', what: 'the heaviest ordinary page', run: () => send(base, 'GET', `/campaigns/${someRef}/forecast`, { Cookie: designer }) },
      { name: 'POST /login, 200,000 fields', what: `${(manyFields.length / MB).toFixed(1)} MB urlencoded, no session`, run: () => send(base, 'POST', '/login', form(null), manyFields) },
      { name: 'POST /login, one 2 MB field', what: 'the email field, no session', run: () => send(base, 'POST', '/login', form(null), bigField) },
      { name: 'POST a form, one 2 MB field', what: 'new campaign, signed in: the error page echoes the value', run: () => send(base, 'POST', '/campaigns/new', form(designer), bigField) },
      { name: 'POST a form, four 1 MB fields', what: `${(fourMegabytes.length / MB).toFixed(1)} MB, the whole body sent`, run: () => send(base, 'POST', '/campaigns/new', form(designer), fourMegabytes) },
      { name: 'POST a form, 20,000 multipart parts', what: `${(parts.body.length / MB).toFixed(1)} MB multipart`, run: () => send(base, 'POST', '/campaigns/new', { 'Content-Type': parts.type, Origin: base, Cookie: designer }, parts.body) },
      { name: 'Upload 1 MB of invalid actuals', what: `${Math.round(badLines.length / 42).toLocaleString('en-GB')} bad lines of CSV`, run: () => send(base, 'POST', `/campaigns/${launched}/actuals/upload`, { 'Content-Type': upload.type, Origin: base, Cookie: manager }, upload.body) },
    ]

    const results: Result[] = []
    for (const testCase of cases.filter((c) => !process.env.STALL_ONLY || c.name.includes(process.env.STALL_ONLY))) {
      const stalls: number[] = []
      const answers: Answer[] = []
      await testCase.run() // warm-up: the first run of a page also compiles its code
      for (let run = 0; run < RUNS; run++) {
        await server.probe('reset')
        answers.push(await testCase.run())
        // A beat for the work after the answer (a connection drained, an audit event written) to show too.
        await new Promise((resolve) => setTimeout(resolve, 100))
        stalls.push((await server.probe('report')).maxMs ?? NaN)
      }
      const statusCounts = new Map<string, number>()
      for (const answer of answers) statusCounts.set(String(answer.status), (statusCounts.get(String(answer.status)) ?? 0) + 1)
      const result: Result = {
        name: testCase.name,
        what: testCase.what,
        maxStallMs: Math.max(...stalls),
        medianStallMs: median(stalls),
        statuses: [...statusCounts].map(([status, n]) => (n === RUNS ? status : `${status} ×${n}`)).join(', '),
        answerMs: median(answers.map((a) => a.ms)),
        bytes: median(answers.map((a) => a.bytes)),
      }
      results.push(result)
      console.log(`${result.name.padEnd(40)} stall max ${result.maxStallMs.toFixed(1).padStart(7)} ms, median ${result.medianStallMs.toFixed(1).padStart(7)} ms; answer ${result.statuses} in ${Math.round(result.answerMs)} ms, ${Math.round(result.bytes / 1024)} KB`)
    }
    const load = os.loadavg()[0]!.toFixed(1)
    const run = { date: new Date().toISOString().slice(0, 10), load, runs: RUNS, node: process.version, cpus: os.cpus().length, results }
    if (SAVE) writeFileSync(SAVE, JSON.stringify(run, null, 2))
    const before = COMPARE ? (JSON.parse(readFileSync(COMPARE, 'utf8')) as typeof run) : null
    const worst = results.filter((r) => r.name !== 'GET /healthz').reduce((a, b) => (b.maxStallMs > a.maxStallMs ? b : a))
    console.log(`Worst single request: ${worst.name}, ${worst.maxStallMs.toFixed(1)} ms (budget ${BUDGET_MS} ms)`)
    if (WRITE) writeSection(path.join(root, 'docs/performance.md'), section(run, before))
    if (worst.maxStallMs > BUDGET_MS) process.exitCode = 1
  } finally {
    await server.stop()
    cleanUp()
  }
}

function section(run: { date: string; load: string; runs: number; node: string; cpus: number; results: Result[] }, before: { date: string; load: string; results: Result[] } | null): string {
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`
  const previous = new Map(before?.results.map((r) => [r.name, r]) ?? [])
  const header = before
    ? '| request | what it is | longest stall before | longest stall now | median stall now | answer now |\n|---|---|---|---|---|---|'
    : '| request | what it is | longest stall | median stall | answer |\n|---|---|---|---|---|'
  const rows = run.results.map((r) => {
    const answer = `${r.statuses} in ${Math.round(r.answerMs)} ms, ${Math.round(r.bytes / 1024)} KB`
    if (!before) return `| ${r.name} | ${r.what} | ${fmt(r.maxStallMs)} | ${fmt(r.medianStallMs)} | ${answer} |`
    const old = previous.get(r.name)
    const oldCell = old ? `${fmt(old.maxStallMs)} (${old.statuses})` : ''
    return `| ${r.name} | ${r.what} | ${oldCell} | ${fmt(r.maxStallMs)} | ${fmt(r.medianStallMs)} | ${answer} |`
  })
  return `## Event-loop stall

Measured by \`npx tsx bench/stall/index.ts --write\` (which rewrote this section) on ${run.date}; ${run.runs} runs of each
request${before ? `, and the "before" column by the same benchmark on ${before.date} against the code before the hardening of the HTTP edge (load average then ${before.load})` : ''}.

- Machine: ${run.cpus} CPUs; Node ${run.node}. Load average when the run began: ${run.load}.
- One server process on the demo workspace, with \`bench/stall/probe.mjs\` loaded into it: a 1 ms timer histogram
  (\`perf_hooks.monitorEventLoopDelay\`) records the longest time the event loop could not run, from just before each
  request is sent until 100 ms after its answer. Each request is sent alone, as a browser sends it: the whole body,
  in 64 KB chunks. While the loop is held, every other request to the process waits, \`/healthz\` included.
- The budget: no single request holds the event loop for more than ${BUDGET_MS} ms.

${header}
${rows.join('\n')}
`
}

await main()
