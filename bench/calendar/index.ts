// The helpline calendar under load (issue 7): `npx tsx bench/calendar/index.ts [--write] [--duration S] [--campaigns N] [--skip-build]`.
// Seeds the demo workspace and 1,000 campaigns into a scratch SQLite database through the app's own model functions,
// builds and starts the production server on it, signs in as the helpline manager through POST /login, and drives
// the calendar of the busiest helpline over 12 months with autocannon at 10 connections.
// --write puts the figures under "## Helpline calendar" in docs/performance.md, leaving other sections alone.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const file = path.join(root, `tmp/bench-calendar-${process.pid}.sqlite`)
mkdirSync(path.dirname(file), { recursive: true })
// The app's database module opens DATABASE_URL when first imported, so point it at the scratch file first.
process.env.DATABASE_URL = file
process.env.OTM_DEMO = '0'

const args = process.argv.slice(2)
const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback)
const DURATION = arg('--duration', 30)
const CAMPAIGNS = arg('--campaigns', 1000)
const CONNECTIONS = 10
const WRITE = args.includes('--write')
const PASSWORD = 'calendar benchmark password'

const { migrateToLatest } = await import('../../db/migrate')
const { seedDemoWorkspace } = await import('../../db/seed')
const { db, closeDatabases } = await import('../../app/utils/db.server')
const { listHelplines } = await import('../../app/models/helpline.server')
const { helplineCalendar } = await import('../../app/models/calendar.server')
const { calendarRange } = await import('../../app/forecast/helpline-calendar')
const { seedBenchCampaigns } = await import('./seed')

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

const today = new Date().toISOString().slice(0, 10)
const month = today.slice(0, 7)
let server: ReturnType<typeof spawn> | null = null

try {
  // 1. The data.
  const seedStarted = performance.now()
  await migrateToLatest(db)
  await seedDemoWorkspace(db, { password: PASSWORD })
  const owner = await db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', 'designer@example.gov.uk').executeTakeFirstOrThrow()
  const seeded = await seedBenchCampaigns(db, { ...owner, roles: ['designer'] }, today, CAMPAIGNS)
  const stored = await db.selectFrom('campaign').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const helplines = await listHelplines(db)
  const busiest = Object.entries(seeded.byHelpline).sort((a, b) => b[1] - a[1])[0]![0]
  const helpline = helplines.find((h) => h.name === busiest)!
  const seedSeconds = (performance.now() - seedStarted) / 1000

  // The calendar's data on its own, in this process: computed (every stored arrival current), then memoised.
  const range = calendarRange(month, 12)
  const timeIt = async (runs: number, run: () => Promise<unknown>) => {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      await run()
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    return { median: times[Math.floor(times.length / 2)]!, p99: times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)]! }
  }
  await helplineCalendar(db, helpline.id, range)
  // A new generation each run: nothing memoised, every arrival already stored and current.
  const computed = await timeIt(20, async () => {
    await db.updateTable('input_generation').set((eb) => ({ n: eb('n', '+', 1) })).where('id', '=', 1).execute()
    await helplineCalendar(db, helpline.id, range)
  })
  const memoised = await timeIt(200, () => helplineCalendar(db, helpline.id, range))
  await closeDatabases()
  console.log(`Seeded ${Number(stored.n)} campaigns in ${seedSeconds.toFixed(0)} s; busiest helpline: ${busiest} (${seeded.byHelpline[busiest]} campaigns)`)

  // 2. The production server.
  if (!args.includes('--skip-build')) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let output = ''
  server = spawn(process.execPath, ['server.js'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: file, OTM_DEMO: '0', DEMO_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.on('data', (chunk) => (output += chunk))
  server.stderr!.on('data', (chunk) => (output += chunk))
  for (let waited = 0; ; waited += 100) {
    if (server.exitCode !== null) throw new Error(`The server exited:\n${output}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (waited > 60_000) throw new Error(`The server did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  // 3. A real session: sign in as the helpline manager.
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    body: new URLSearchParams({ email: 'customer-services@example.gov.uk', password: PASSWORD }).toString(),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  if (login.status !== 303 || !cookie) throw new Error(`Sign-in failed: ${login.status}`)
  const url = `${base}/helplines/${helpline.id}/calendar?start=${month}&months=12`

  // The first request after every stored arrival went stale (as after a new bank-holiday calendar): all recomputed.
  execFileSync(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.prepare("update campaign_load set model='stale'").run();d.close()`], { cwd: root })
  const coldStarted = performance.now()
  const cold = await fetch(url, { headers: { Cookie: cookie } })
  const coldMs = performance.now() - coldStarted
  const page = await cold.text()
  if (cold.status !== 200) throw new Error(`The calendar answered ${cold.status}`)
  const campaignsOnPage = (page.match(/data-campaign="/g) ?? []).length
  const weeksOnPage = (page.match(/data-week="/g) ?? []).length
  const htmlKb = Buffer.byteLength(page) / 1024

  // 4. Warm up, then measure.
  await autocannon({ url, connections: CONNECTIONS, duration: 3, headers: { Cookie: cookie } })
  const load = os.loadavg()[0]!.toFixed(1)
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { Cookie: cookie } })
  if (result.non2xx || result.errors) throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors`)
  // For scale: a small page of the same app, under the same conditions.
  const reference = await autocannon({ url: `${base}/helplines`, connections: CONNECTIONS, duration: 10, headers: { Cookie: cookie } })

  const lines = [
    `Measured by \`npx tsx bench/calendar/index.ts --write\` (which rewrote this section) on ${today}.`,
    '',
    `- Machine: ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}.`,
    `  Load average when the measured run began: ${load}; autocannon ran on the same machine, and other work shared it.`,
    `- Data: the demo workspace plus ${seeded.count.toLocaleString('en-GB')} campaigns (${Number(stored.n).toLocaleString('en-GB')} stored) written through the app's model`,
    `  functions, launching from a year ago to a year ahead (${Object.entries(seeded.byStatus).map(([s, n]) => `${n} ${s}`).join(', ')}), each with 1 to 4 waves of`,
    `  letters, texts or emails and a saved forecast, in SQLite. The ${busiest} takes calls from ${seeded.byHelpline[busiest]} of them.`,
    `- Request: \`GET /helplines/:id/calendar?start=${month}&months=12\` for the ${busiest}, signed in as the helpline manager (a`,
    `  session from POST /login), ${CONNECTIONS} connections for ${DURATION} s after a 3 s warm-up; production build, \`node server.js\`.`,
    `  The page: ${weeksOnPage} weeks, ${campaignsOnPage} campaigns with calls, ${htmlKb.toFixed(0)} KB of HTML.`,
    '',
    '| measure | figure | budget |',
    '|---|---|---|',
    `| p50 latency | ${result.latency.p50} ms | |`,
    `| p99 latency | ${result.latency.p99} ms | < 100 ms |`,
    `| max latency | ${result.latency.max} ms | |`,
    `| requests per second (mean) | ${result.requests.average.toFixed(0)} | |`,
    `| requests in ${DURATION} s | ${result.requests.total.toLocaleString('en-GB')} | |`,
    `| first request after every stored arrival went stale (all recomputed and stored again) | ${coldMs.toFixed(0)} ms | |`,
    `| the calendar's data alone, computed from stored arrivals (median / p99, in process) | ${computed.median.toFixed(1)} / ${computed.p99.toFixed(1)} ms | |`,
    `| the calendar's data alone, memoised (median / p99, in process) | ${memoised.median.toFixed(2)} / ${memoised.p99.toFixed(2)} ms | |`,
    `| for scale: \`GET /helplines\` (4 rows), same conditions, p50 / p99 | ${reference.latency.p50} / ${reference.latency.p99} ms | |`,
    '',
    result.latency.p99 < 100
      ? `The p99 is within the 100 ms budget.`
      : `The p99 is over the 100 ms budget on this machine. At 10 connections a single Node process answers one request at a time, so the p99 is about ten times a request's own CPU time plus what else runs: here ${(1000 / result.requests.average).toFixed(1)} ms a request, against ${(1000 / reference.requests.average).toFixed(1)} ms for the four-row helplines list.`,
    '',
    'How it is kept fast: each campaign\'s calls arriving at each helpline are stored, and database triggers mark them',
    'out of date whenever anything they come from changes (docs/decisions/0050-stored-arrivals-kept-current-by-triggers.md),',
    'so a request reads one row per campaign instead of forecasting it; a whole calendar is memoised under a counter the',
    'same triggers move on, so a request that finds it reads one row. What is left is rendering the page: a year is 53',
    'week rows of 12 columns, and the app\'s own per-request work (session, route matching, layout) is what the',
    '`/helplines` row shows.',
  ]
  console.log(lines.join('\n'))
  if (WRITE) {
    const doc = path.join(root, 'docs/performance.md')
    const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Performance\n'
    const section = `## Helpline calendar\n\n${lines.join('\n')}\n`
    const start = text.indexOf('## Helpline calendar')
    const next = start < 0 ? -1 : text.indexOf('\n## ', start + 1)
    const updated = start < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${next < 0 ? '' : text.slice(next + 1)}`
    writeFileSync(doc, updated)
    console.log('Wrote docs/performance.md')
  }
} finally {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM')
    await new Promise((resolve) => server!.once('exit', resolve))
  }
  await closeDatabases().catch(() => undefined)
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}
