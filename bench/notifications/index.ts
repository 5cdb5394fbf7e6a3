// Email delivery from event to SMTP acceptance: `npx tsx bench/notifications/index.ts [--write] [--runs N] [--fanout N]`.
// The demo workspace is seeded into a scratch SQLite database and a real SMTP server (smtp-server) listens on
// localhost; one delivery worker runs in this process with its defaults, as an app process runs it. Measured:
//   - latency: a sign-off decision (changes asked for) made through the model, until the relay has accepted both
//     authors' emails; split into the writing transaction and what follows its commit;
//   - throughput: a sign-off request to every member of three groups of --fanout people each, from the request
//     until the relay has accepted the last email;
//   - what notifications add to a write: asking for sign-off with that many recipients, and a forecast save that
//     compares the helpline weeks before and after.
// --write puts the figures under "## Notifications" in docs/performance.md.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeSection } from '../support/docs'
import { startMailServer, type ReceivedMail } from '../../test/support/mail-server'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const file = path.join(root, `tmp/bench-notifications-${process.pid}.sqlite`)
mkdirSync(path.dirname(file), { recursive: true })
const mail = await startMailServer()
// The app's modules read the environment when first imported: point them at the scratch file and the relay first.
process.env.DATABASE_URL = file
process.env.OTM_DEMO = '0'
process.env.SMTP_URL = mail.url
process.env.APP_ORIGIN = 'https://otm.example.gov.uk'
process.env.SCRYPT_COST = '1024'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback)
const RUNS = option('--runs', 50)
const FANOUT = option('--fanout', 300)
const WARMUP = 5
const WRITE = args.includes('--write')
const LOAD_AT_START = os.loadavg()[0]!.toFixed(1)

const { migrateToLatest } = await import('../../db/migrate')
const { seedDemoWorkspace } = await import('../../app/demo/seed.server')
const { db, closeDatabases, writeTransaction } = await import('../../app/utils/db.server')
const { env } = await import('../../app/utils/env.server')
const { createUser } = await import('../../app/models/user.server')
const { getCampaignByRef } = await import('../../app/models/campaign.server')
const { getLine, listLines, updateLine } = await import('../../app/models/line.server')
const { getForecastSettings, saveForecastSettings } = await import('../../app/models/forecast.server')
const { decideSignOff, requestSignOff } = await import('../../app/models/signoff/commands.server')
const { loadSignOffAggregate, scopesOf } = await import('../../app/models/signoff/aggregate.server')
const { withoutEmail } = await import('../../app/models/notifications/notify.server')
const { watchContentWrite } = await import('../../app/models/notifications/write-hook.server')
const { startDeliveryWorker, stopDeliveryWorker } = await import('../../app/models/notifications/delivery.server')

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo)
}
const ms = (x: number) => `${x.toFixed(2)} ms`
const stats = (xs: number[]) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) })

/** When the relay accepted each message, by subject and recipient: the moment smtp-server had the whole message. */
function acceptedAt(predicate: (m: ReceivedMail) => boolean, count: number, timeoutMs = 120_000): Promise<number> {
  return mail.waitFor(predicate, count, timeoutMs).then((found) => Math.max(...found.map((m) => m.receivedAt)))
}

try {
  await migrateToLatest(db)
  await withoutEmail(() => seedDemoWorkspace(db, { password: 'bench password 1234' }))
  const draft = (await getCampaignByRef(db, (await db.selectFrom('campaign').select('ref').where('name', '=', 'Cryptoasset disposals not reported for 2024 to 2025').executeTakeFirstOrThrow()).ref))!
  const owner = { ...draft.owner, roles: ['designer' as const] }
  const press = await db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', 'press-office@example.gov.uk').executeTakeFirstOrThrow()
  const pressMember = { ...press, roles: ['press-office' as const] }
  for (const group of ['customer-services', 'debt-management', 'press-office'] as const) {
    for (let i = 0; i < FANOUT; i++) {
      await createUser(db, { email: `${group}-${i}@bench.example.gov.uk`, name: `${group} ${i}`, password: 'bench password 1234', roles: [group] }, null)
    }
  }
  const recipients = 3 * (FANOUT + 1)
  startDeliveryWorker(db, { smtpUrl: env().SMTP_URL, from: env().MAIL_FROM })

  // Throughput: one sign-off request to every member of three groups.
  const requestedSubject = `Sign-off needed: ${draft.ref} ${draft.name}`
  const t0 = Date.now()
  const asked = await requestSignOff(db, { campaignId: draft.id }, owner)
  const committed = Date.now()
  if (!asked.ok) throw new Error(`Could not ask for sign-off: ${asked.reason}`)
  const last = await acceptedAt((m) => m.subject === requestedSubject, recipients)
  const fanout = { recipients, writeMs: committed - t0, lastMs: last - t0, perSecond: recipients / ((last - t0) / 1000) }
  const first = Math.min(...mail.messages.filter((m) => m.subject === requestedSubject).map((m) => m.receivedAt)) - t0
  console.log(`Sign-off request to ${recipients} people: written in ${fanout.writeMs} ms, first accepted after ${first} ms, last after ${fanout.lastMs} ms: ${fanout.perSecond.toFixed(0)} emails a second`)

  // Latency: the Press Office asks for changes; the two authors are emailed. Between decisions the owner changes a
  // press line, so that the group may decide again.
  const pressLine = (await listLines(db, draft.id, ['press']))[0]!
  const write: number[] = []
  const afterCommit: number[] = []
  const total: number[] = []
  const changesSubject = `Changes asked for: ${draft.ref} ${draft.name}`
  for (let i = 0; i < WARMUP + RUNS; i++) {
    if (i > 0) {
      const line = (await getLine(db, draft.id, pressLine.id))!
      const changed = await updateLine(db, { campaignId: draft.id, lineId: line.id, version: line.version, values: { audience: 'press', standardQuestion: line.standardQuestion, question: line.question, answer: `${pressLine.answer} (${i})` } }, owner)
      if (!changed.ok) throw new Error(`Could not change the press line: ${changed.reason}`)
    }
    const reviewedHash = scopesOf((await loadSignOffAggregate(db, draft.id))!)['press-office'].hash
    const before = mail.messages.filter((m) => m.subject === changesSubject).length
    const start = performance.now()
    const wall = Date.now()
    const decided = await decideSignOff(db, { campaignId: draft.id, group: 'press-office', reviewedHash, decision: 'changes-requested', comment: 'Name the tax year.' }, pressMember)
    const done = performance.now()
    if (!decided.ok) throw new Error(`The decision was refused: ${decided.reason}`)
    const accepted = await acceptedAt((m) => m.subject === changesSubject, before + 2)
    if (i < WARMUP) continue
    write.push(done - start)
    total.push(accepted - wall)
    afterCommit.push(accepted - wall - (done - start))
  }
  const latency = { write: stats(write), afterCommit: stats(afterCommit), total: stats(total) }
  console.log(`Decision to acceptance: median ${ms(latency.total.median)}, p95 ${ms(latency.total.p95)} (transaction ${ms(latency.write.median)}, then ${ms(latency.afterCommit.median)})`)

  // What the capacity check adds to a forecast save: the weeks the campaign's calls reach, staffed before and after.
  const awaiting = (await getCampaignByRef(db, (await db.selectFrom('campaign').select('ref').where('name', '=', 'Rental income missing from Self Assessment returns').executeTakeFirstOrThrow()).ref))!
  const awaitingOwner = { ...awaiting.owner, roles: ['designer' as const] }
  const saves: number[] = []
  // Two rates, neither the approved one: Customer Services' approval goes out of date once (in the warm-up) and stays
  // so, rather than coming back into date and going out again with every other save.
  const approvedCentral = (await getForecastSettings(db, awaiting.id)).settings.contactRates.central
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const saved = await getForecastSettings(db, awaiting.id)
    const central = approvedCentral + (i % 2 ? 0.5 : 1)
    const start = performance.now()
    const result = await saveForecastSettings(db, { campaignId: awaiting.id, version: saved.version, settings: { ...saved.settings, contactRates: { ...saved.settings.contactRates, central } } }, awaitingOwner)
    if (!result.ok) throw new Error(`The forecast save was refused: ${result.reason}`)
    if (i >= WARMUP) saves.push(performance.now() - start)
  }
  const save = stats(saves)
  console.log(`Forecast save with the capacity check: median ${ms(save.median)}, p95 ${ms(save.p95)}`)

  // An ordinary write that tells nobody: a helpline line saved again. What the hook costs every content write.
  const helplineLine = (await listLines(db, awaiting.id, ['helpline']))[0]!
  const lineSaves: number[] = []
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const line = (await getLine(db, awaiting.id, helplineLine.id))!
    const start = performance.now()
    const result = await updateLine(db, { campaignId: awaiting.id, lineId: line.id, version: line.version, values: { audience: 'helpline', standardQuestion: line.standardQuestion, question: line.question, answer: `${helplineLine.answer} (${i})` } }, awaitingOwner)
    if (!result.ok) throw new Error(`The line save was refused: ${result.reason}`)
    if (i >= WARMUP) lineSaves.push(performance.now() - start)
  }
  const lineSave = stats(lineSaves)
  console.log(`Line save: median ${ms(lineSave.median)}, p95 ${ms(lineSave.p95)}`)

  // The hook alone, on a write that changes nothing it watches, against the same empty write transaction without it.
  const withHook: number[] = []
  const without: number[] = []
  for (let i = 0; i < WARMUP + RUNS; i++) {
    let start = performance.now()
    await writeTransaction(db, async (tx) => {
      const after = await watchContentWrite(tx, awaiting.id)
      await after(awaitingOwner, [])
    })
    if (i >= WARMUP) withHook.push(performance.now() - start)
    start = performance.now()
    await writeTransaction(db, async (tx) => tx.selectFrom('campaign').select('id').where('id', '=', awaiting.id).execute())
    if (i >= WARMUP) without.push(performance.now() - start)
  }
  const hook = { with: stats(withHook), without: stats(without) }
  console.log(`The hook: ${ms(hook.with.median)} against ${ms(hook.without.median)} for an empty write transaction`)

  const told = await db.selectFrom('notification').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').execute()
  console.log(`Notifications written: ${told.map((t) => `${t.kind} ${t.n}`).join(', ')}`)

  const cpu = existsSync('/proc/cpuinfo') ? /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] : undefined
  const text = [
    '## Notifications',
    '',
    `Measured by \`npx tsx bench/notifications/index.ts --write\` (which rewrote this section) on ${new Date().toISOString().slice(0, 10)}. ` +
      `${WARMUP} warm-up runs, then ${RUNS} timed runs for each figure measured more than once.`,
    '',
    `- Machine: ${cpu ?? os.cpus()[0]?.model ?? 'unknown'}, ${os.availableParallelism?.() ?? os.cpus().length} CPUs; Node ${process.version}. Load`,
    `  average when the run began: ${LOAD_AT_START}; other work shared the machine, so treat these as upper bounds.`,
    '- The demo workspace in a scratch SQLite database, a real SMTP server (smtp-server) on localhost, and one delivery',
    '  worker in the same process with its defaults (batches of 20, 4 pooled SMTP connections, a 1 s poll, woken at',
    '  once by a write in its own process). The relay, the worker and the writes share one Node process and its core.',
    "- Acceptance is the moment the relay has the whole message (it answers 250 straight after).",
    '',
    '| from the event to the relay accepting | median | p95 | max | notes |',
    '|---|---|---|---|---|',
    `| A decision (changes asked for), two authors emailed | ${ms(latency.total.median)} | ${ms(latency.total.p95)} | ${ms(latency.total.max)} | both emails accepted |`,
    `| … of which the writing transaction | ${ms(latency.write.median)} | ${ms(latency.write.p95)} | ${ms(latency.write.max)} | the decision, its audit events, the sign-off sync, two notifications and two outbox rows |`,
    `| … of which after the commit | ${ms(latency.afterCommit.median)} | ${ms(latency.afterCommit.p95)} | ${ms(latency.afterCommit.max)} | claim, render, send over a pooled connection, record |`,
    '',
    '| throughput | figure | notes |',
    '|---|---|---|',
    `| Sign-off request to ${fanout.recipients} people | ${fanout.perSecond.toFixed(0)} emails a second | every email accepted ${(fanout.lastMs / 1000).toFixed(1)} s after the request; the first after ${first} ms |`,
    `| … the request's transaction | ${fanout.writeMs} ms | ${fanout.recipients} notifications and outbox rows written with the request |`,
    '',
    '| what notifications add to a write | median | p95 | notes |',
    '|---|---|---|---|',
    `| Save a campaign's forecast inputs | ${ms(save.median)} | ${ms(save.p95)} | the whole save; the rates move, so the helpline weeks its calls reach are staffed before and after |`,
    `| Save a line to take | ${ms(lineSave.median)} | ${ms(lineSave.p95)} | the whole save of a write that tells nobody |`,
    `| The hook alone, in a write transaction | ${ms(hook.with.median)} | ${ms(hook.with.p95)} | against ${ms(hook.without.median)} (p95 ${ms(hook.without.p95)}) for the same transaction without it: one read before the body and one after |`,
    '',
  ].join('\n')

  if (WRITE) writeSection(path.join(root, 'docs/performance.md'), text)
  else console.log('\n(run with --write to update docs/performance.md)')
} finally {
  await stopDeliveryWorker()
  await closeDatabases()
  await mail.stop()
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}
