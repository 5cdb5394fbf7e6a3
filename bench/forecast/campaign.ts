// The forecast of a stored campaign on the server: `npx tsx bench/forecast/campaign.ts [--write] [--runs N]`.
// The performance budget's large campaign (2,000,000 letters, 10 waves, 3 helplines) is stored in a scratch SQLite database
// through the app's own model functions, then timed as the CSV download and the briefings compute it (read
// everything, then forecast) and as the forecast page renders its outputs (the tables) on the server.
// --write puts the figures under "## Forecast of a stored campaign" in docs/performance.md.
import { readFileSync, rmSync, existsSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeSection } from '../support/docs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const file = path.join(root, `tmp/bench-campaign-${process.pid}.sqlite`)
mkdirSync(path.dirname(file), { recursive: true })
// The app's database module opens DATABASE_URL when first imported, so point it at the scratch file first.
process.env.DATABASE_URL = file
process.env.OTM_DEMO = '0'

const args = process.argv.slice(2)
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 30
const WARMUP = 5
const WRITE = args.includes('--write')
const LOAD_AT_START = os.loadavg()[0]!.toFixed(1)

const { createElement } = await import('react')
const { renderToString } = await import('react-dom/server')
const { migrateToLatest } = await import('../../db/migrate')
const { db, closeDatabases } = await import('../../app/utils/db.server')
const { createUser } = await import('../../app/models/user.server')
const { createCampaign } = await import('../../app/models/campaign.server')
const { createHelpline } = await import('../../app/models/helpline.server')
const { computeSavedForecast, saveForecastSettings } = await import('../../app/models/forecast.server')
const { clearForecastCaches } = await import('../../app/forecast/caches')
const { forecastIntervalsCsv } = await import('../../app/models/forecast-exports.server')
const { largeCampaignInput } = await import('../../app/forecast/examples')
const { openIntervals } = await import('../../app/helplines/helpline')
const { ForecastOutputs } = await import('../../app/components/ForecastOutputs')
const { insertMessage } = await import('../../test/support/forecast')

const median = (xs: number[]) => quantile(xs, 0.5)
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo)
}
const ms = (x: number) => `${x.toFixed(2)} ms`

async function time(prepare: () => void, run: () => Promise<unknown> | unknown) {
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
  return { median: median(times), p95: quantile(times, 0.95) }
}

try {
  await migrateToLatest(db)
  const adminId = await createUser(db, { email: 'admin@example.gov.uk', name: 'Admin', password: 'bench password 1234', roles: ['admin'] }, null)
  const designerId = await createUser(db, { email: 'designer@example.gov.uk', name: 'Designer', password: 'bench password 1234', roles: ['designer'] }, null)
  const admin = { id: adminId, email: 'admin@example.gov.uk', name: 'Admin', roles: ['admin' as const] }
  const designer = { id: designerId, email: 'designer@example.gov.uk', name: 'Designer', roles: ['designer' as const] }

  const large = largeCampaignInput()
  const helplineIds = new Map<string, string>()
  for (const h of large.helplines) {
    // Stored profiles are percentages adding up to 100 over the open half hours.
    const open = openIntervals(h.openingHours)
    const total = open.reduce((sum, i) => sum + h.intradayProfile[i]!, 0)
    const result = await createHelpline(
      db,
      {
        name: h.name,
        openingHours: [...h.openingHours],
        intradayProfile: h.intradayProfile.map((share, i) => (open.includes(i) ? (share / total) * 100 : 0)),
        dayWeights: [...h.dayOfWeekWeights],
        ahtSeconds: h.ahtSeconds,
        targetPercent: h.target.percent,
        targetSeconds: h.target.withinSeconds,
        shrinkagePercent: h.shrinkage * 100,
        maxOccupancyPercent: h.maxOccupancy * 100,
        patienceSeconds: h.patienceSeconds,
        maxAbandonmentPercent: h.maxAbandonment == null ? null : h.maxAbandonment * 100,
        maxAsaSeconds: h.maxAsaSeconds ?? null,
        baselineCallsPerDay: h.baselineCallsPerDay,
        availableFte: h.availableFte,
        paidHoursPerFte: h.paidHoursPerFtePerDay,
      },
      admin,
    )
    if (!result.ok) throw new Error(result.reason)
    helplineIds.set(h.id, result.id)
  }
  const ref = await createCampaign(
    db,
    {
      name: 'Benchmark campaign',
      regime: 'self-assessment',
      objective: 'Benchmark',
      targetPopulation: 'Benchmark',
      populationSize: 2_000_000,
      launchDate: '2027-01-04',
      nation: 'england-and-wales',
      referenceType: 'utr',
      responseSought: 'possible',
      responseProcess: 'Benchmark',
      extraLiability: false,
      liabilityCustomers: null,
      liabilityAveragePence: null,
      pressInform: true,
      pressReason: null,
      coOwners: [],
    },
    designer,
  )
  const campaign = await db.selectFrom('campaign').select(['id', 'nation']).where('ref', '=', ref).executeTakeFirstOrThrow()
  const letter = large.messages[0]!
  const messageId = await insertMessage(db, campaign.id, { name: letter.name, channel: 'letter', postage: 'second', deadlineDays: letter.deadlineDays, waves: [...letter.waves] })
  const saved = await saveForecastSettings(
    db,
    {
      campaignId: campaign.id,
      version: 0,
      settings: {
        contactRates: { low: 6, central: 10, high: 15 },
        responseCurves: {},
        deadlineBump: { sharePercent: 15, workingDays: 5 },
        messages: { [messageId]: { delayOverrideDays: null, split: Object.fromEntries(letter.split.map((s) => [helplineIds.get(s.helplineId)!, s.share * 100])) } },
      },
    },
    designer,
  )
  if (!saved.ok) throw new Error(saved.reason)
  const target = { id: campaign.id, nation: 'england-and-wales' as const }

  const first = await computeSavedForecast(db, target)
  if (!first.forecast.ok) throw new Error('The benchmark campaign did not forecast')
  const result = first.forecast.result
  const cold = await time(
    () => {
      clearForecastCaches()
    },
    () => computeSavedForecast(db, target),
  )
  const warm = await time(() => undefined, () => computeSavedForecast(db, target))
  const intervalsCsv = await forecastIntervalsCsv(db, target)
  const intervals = await time(() => undefined, () => forecastIntervalsCsv(db, target))
  const html = renderToString(createElement(ForecastOutputs, { forecast: first.forecast, chartsEnabled: false }))
  const render = await time(() => undefined, () => renderToString(createElement(ForecastOutputs, { forecast: first.forecast, chartsEnabled: false })))

  const rows = [
    { name: 'Read the stored campaign and forecast it, caches cleared', ...cold, note: 'as the first CSV download or briefing after a start' },
    { name: 'Read the stored campaign and forecast it, warm', ...warm, note: 'as later downloads and briefings' },
    {
      name: 'The half-hour CSV (`forecast-intervals.csv`), warm',
      ...intervals,
      note: `every open half hour of every helpline, central: ${(intervalsCsv.split('\r\n').length - 2).toLocaleString('en-GB')} rows, ${Math.round(intervalsCsv.length / 1024)} KB`,
    },
    { name: 'Render the forecast page’s outputs on the server', ...render, note: `summary, waves and daily tables: ${Math.round(html.length / 1024)} KB of HTML` },
  ]
  for (const r of rows) console.log(`${r.name.padEnd(64)} median ${ms(r.median).padStart(10)}  p95 ${ms(r.p95).padStart(10)}  ${r.note}`)

  const cpu = existsSync('/proc/cpuinfo') ? /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] : undefined
  const text = [
    '## Forecast of a stored campaign',
    '',
    'Measured by `npx tsx bench/forecast/campaign.ts --write` (which rewrote this section) on ' +
      `${new Date().toISOString().slice(0, 10)}. ${WARMUP} warm-up runs, then ${RUNS} timed runs.`,
    '',
    `- Machine: ${cpu ?? os.cpus()[0]?.model ?? 'unknown'}, ${os.availableParallelism?.() ?? os.cpus().length} CPUs; Node ${process.version}. Load`,
    `  average when the run began: ${LOAD_AT_START}; other work shared the machine, so treat these as upper bounds.`,
    '- The large campaign of "Forecast engine" above, stored through the app\'s model functions in a scratch SQLite',
    `  database: ${Math.round(result.summary.calls.central).toLocaleString('en-GB')} central calls over ${result.dates.length} days and ${result.helplines.length} helplines.`,
    '  `computeSavedForecast()` reads the messages, waves, helplines, bank holidays and saved inputs, then runs',
    '  `forecast()`; the page renders the same result with `ForecastOutputs` (charts are drawn in the browser).',
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
  for (const suffix of ['', '-wal', '-shm', '.audit-checkpoint.json']) rmSync(file + suffix, { force: true })
}
