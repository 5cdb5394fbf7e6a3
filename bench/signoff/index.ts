// What sign-off adds to a request: `npx tsx bench/signoff/index.ts [--write] [--runs N]`.
// The demo workspace is seeded into a scratch SQLite database; the awaiting-sign-off demo campaign (2 messages,
// 8 lines, 2 scripts, saved forecast inputs) is then timed as every content write refreshes its sign-off, as the
// review page reads it, and as a member's inbox lists it. --write puts the figures under "## Sign-off" in
// docs/performance.md.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeSection } from '../support/docs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const file = path.join(root, `tmp/bench-signoff-${process.pid}.sqlite`)
mkdirSync(path.dirname(file), { recursive: true })
// The app's database module opens DATABASE_URL when first imported, so point it at the scratch file first.
process.env.DATABASE_URL = file
process.env.OTM_DEMO = '0'

const args = process.argv.slice(2)
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 50
const WARMUP = 10
const WRITE = args.includes('--write')
const LOAD_AT_START = os.loadavg()[0]!.toFixed(1)

const { migrateToLatest } = await import('../../db/migrate')
const { seedDemoWorkspace } = await import('../../app/demo/seed.server')
const { db, closeDatabases, writeTransaction } = await import('../../app/utils/db.server')
const { getCampaignByRef } = await import('../../app/models/campaign.server')
const { getLine, listLines, updateLine } = await import('../../app/models/line.server')
const { forecastSummaryForReading } = await import('../../app/models/forecast.server')
const { listSignOffInbox, signOffOverview } = await import('../../app/models/signoff/views.server')
const { syncSignOff } = await import('../../app/models/signoff/sync.server')

const median = (xs: number[]) => quantile(xs, 0.5)
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo)
}
const ms = (x: number) => `${x.toFixed(2)} ms`

async function time(run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await run(i)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await run(WARMUP + i)
    times.push(performance.now() - t)
  }
  return { median: median(times), p95: quantile(times, 0.95) }
}

try {
  await migrateToLatest(db)
  await seedDemoWorkspace(db, { password: 'bench password 1234' })
  const row = await db.selectFrom('campaign').select('ref').where('name', '=', 'Rental income missing from Self Assessment returns').executeTakeFirstOrThrow()
  const campaign = (await getCampaignByRef(db, row.ref))!
  const owner = { ...campaign.owner, roles: ['designer' as const] }
  const dm = await db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', 'debt-management@example.gov.uk').executeTakeFirstOrThrow()
  const member = { ...dm, roles: ['debt-management' as const] }
  const line = (await listLines(db, campaign.id, ['helpline']))[0]!

  const refresh = await time(() => writeTransaction(db, (tx) => syncSignOff(tx, campaign.id, owner)))
  const save = await time(async (i) => {
    const current = (await getLine(db, campaign.id, line.id))!
    const result = await updateLine(db, { campaignId: campaign.id, lineId: line.id, version: current.version, values: { audience: 'helpline', standardQuestion: current.standardQuestion, question: current.question, answer: `${line.answer} (${i})` } }, owner)
    if (!result.ok) throw new Error(result.reason)
  })
  const review = await time(async () => Promise.all([signOffOverview(db, campaign.id), forecastSummaryForReading(db, campaign)]))
  const inbox = await time(() => listSignOffInbox(db, member, ['debt-management']))

  const rows = [
    { name: 'Refresh the sign-off (no change)', ...refresh, note: 'read every signed part, hash three scopes, compare with the stored hashes: added to every content write' },
    { name: 'Save a line to take, with the refresh', ...save, note: 'the whole write transaction, as the line form saves it; each save changes the Customer Services hash' },
    { name: 'Review page data', ...review, note: 'the scope, states, latest decisions and the forecast summary for reading' },
    { name: 'Sign-off inbox', ...inbox, note: 'stored hashes only: no hashing on read' },
  ]
  for (const r of rows) console.log(`${r.name.padEnd(44)} median ${ms(r.median).padStart(10)}  p95 ${ms(r.p95).padStart(10)}  ${r.note}`)

  const cpu = existsSync('/proc/cpuinfo') ? /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] : undefined
  const text = [
    '## Sign-off',
    '',
    'Measured by `npx tsx bench/signoff/index.ts --write` (which rewrote this section) on ' +
      `${new Date().toISOString().slice(0, 10)}. ${WARMUP} warm-up runs, then ${RUNS} timed runs.`,
    '',
    `- Machine: ${cpu ?? os.cpus()[0]?.model ?? 'unknown'}, ${os.availableParallelism?.() ?? os.cpus().length} CPUs; Node ${process.version}. Load`,
    `  average when the run began: ${LOAD_AT_START}; other work shared the machine, so treat these as upper bounds.`,
    '- The demo workspace in a scratch SQLite database; the awaiting-sign-off demo campaign (2 messages, 8 lines,',
    '  2 scripts, saved forecast inputs).',
    '',
    '| benchmark | median | p95 | notes |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${ms(r.median)} | ${ms(r.p95)} | ${r.note} |`),
    '',
  ].join('\n')

  if (WRITE) writeSection(path.join(root, 'docs/performance.md'), text)
  else console.log('\n(run with --write to update docs/performance.md)')
} finally {
  await closeDatabases()
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}
