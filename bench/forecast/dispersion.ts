// The day-to-day dispersion every forecast uses, fitted from past campaigns' actual calls:
// `npx tsx bench/forecast/dispersion.ts [--write] [--runs N]`. The demo workspace is stored in a scratch SQLite
// database; the fit is timed cold (every launched campaign's forecast recomputed) and warm (the fingerprint queries
// each forecast makes to find it remembered). --write puts the figures under "## Fitted dispersion" in
// docs/performance.md.
import { mkdirSync, rmSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeSection } from '../support/docs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const file = path.join(root, `tmp/bench-dispersion-${process.pid}.sqlite`)
mkdirSync(path.dirname(file), { recursive: true })
process.env.DATABASE_URL = file
process.env.OTM_DEMO = '0'

const args = process.argv.slice(2)
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 30
const WARMUP = 3
const WRITE = args.includes('--write')
const LOAD_AT_START = os.loadavg()[0]!.toFixed(1)

const { migrateToLatest } = await import('../../db/migrate')
const { db, closeDatabases } = await import('../../app/utils/db.server')
const { seedDemoWorkspace } = await import('../../app/demo/seed.server')
const { clearFittedDispersion, dispersionInUse } = await import('../../app/models/dispersion.server')

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo)
}
const ms = (x: number) => `${x.toFixed(2)} ms`

async function time(prepare: () => void, run: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) {
    prepare()
    await run()
  }
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    prepare()
    const t = performance.now()
    await run()
    times.push(performance.now() - t)
  }
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) }
}

try {
  await migrateToLatest(db)
  await seedDemoWorkspace(db, { password: 'benchmark password for the dispersion' })
  const fitted = await dispersionInUse(db)
  const campaigns = await db.selectFrom('actual_calls').select('campaign_id').distinct().execute()
  const cold = await time(clearFittedDispersion, () => dispersionInUse(db))
  const warm = await time(() => undefined, () => dispersionInUse(db))
  const rows = [
    { name: 'Fit from every launched campaign’s actual calls (cold)', ...cold, note: `${campaigns.length} campaign(s) with actual calls, ${fitted.days} helpline-days; grows with each` },
    { name: 'Find the remembered figure (warm)', ...warm, note: 'five aggregate queries: what every forecast adds' },
  ]
  for (const r of rows) console.log(`${r.name.padEnd(60)} median ${ms(r.median).padStart(10)}  p95 ${ms(r.p95).padStart(10)}  ${r.note}`)
  const text = [
    '## Fitted dispersion',
    '',
    `\`npx tsx bench/forecast/dispersion.ts --write\`, ${RUNS} runs each after ${WARMUP} to warm up, on the demo workspace in SQLite; load average ${LOAD_AT_START} at the start on ${os.cpus().length} cores.`,
    '',
    '| What | Median | p95 | Note |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.name} | ${ms(r.median)} | ${ms(r.p95)} | ${r.note} |`),
    '',
    'The cold fit runs once after actual calls are recorded (or a launched campaign’s inputs, a helpline or the bank holidays change), in the request that first needs it; it awaits the database between campaigns, so the event loop is held for one campaign’s forecast at a time.',
  ].join('\n')
  if (WRITE) writeSection(path.join(root, 'docs/performance.md'), text)
} finally {
  await closeDatabases()
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f)
}
