// The load benchmark's data, in its own process (the app's database module opens DATABASE_URL once per process):
//   node --import tsx bench/load/seed.ts FILE COUNT PASSWORD TODAY OUT.json
// Seeds the demo workspace and COUNT campaigns through the app's model functions, then writes what the mix needs
// (every ref, and the description form of each campaign its owner can still change) to OUT.json.
import { statSync, writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import { campaignToFormValues } from '../../app/campaign/form-values'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { closeDatabases, db } from '../../app/utils/db.server'
import { migrateToLatest } from '../../db/migrate'
import { seedDemoWorkspace } from '../../app/demo/seed.server'
import { seedBenchCampaigns } from '../calendar/seed'

const [file, countText, password, today, out] = process.argv.slice(2) as [string, string, string, string, string]
const count = Number(countText)
if (process.env.DATABASE_URL !== file) throw new Error('Run with DATABASE_URL set to the file to seed')

const started = performance.now()
await migrateToLatest(db)
await seedDemoWorkspace(db, { password })
// A scratch file: a crash here loses nothing, and an fsync per transaction would make 10,000 campaigns take minutes.
await sql`pragma synchronous = off`.execute(db)
const designers = await db.selectFrom('users').select(['id', 'email', 'name']).where('email', 'in', ['designer@example.gov.uk', 'designer2@example.gov.uk']).orderBy('email').execute()
const owners = designers.map((d) => ({ ...d, roles: ['designer' as const] }))
const seeded = await seedBenchCampaigns(db, owners[0]!, today, count, { owners, linesPerCampaign: 2, askSignOff: true })

const rows = await db.selectFrom('campaign').select(['ref', 'status']).orderBy('ref').execute()
const editable = []
for (const row of rows.filter((r) => r.status === 'draft' || r.status === 'awaiting-sign-off')) {
  const campaign = (await getCampaignByRef(db, row.ref))!
  if (!owners.some((o) => o.id === campaign.owner.id)) continue
  editable.push({ ref: campaign.ref, owner: campaign.owner.email, form: campaignToFormValues(campaign) })
}
const awaiting = rows.filter((r) => r.status === 'awaiting-sign-off').length
const lines = await db.selectFrom('line_to_take').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
await sql`pragma wal_checkpoint(truncate)`.execute(db)
await closeDatabases()

writeFileSync(
  out,
  JSON.stringify({
    file,
    campaigns: count,
    seedSeconds: (performance.now() - started) / 1000,
    byStatus: seeded.byStatus,
    refs: rows.map((r) => r.ref),
    editable,
    awaiting,
    lines: Number(lines.n),
    megabytes: statSync(file).size / 2 ** 20,
  }),
)
