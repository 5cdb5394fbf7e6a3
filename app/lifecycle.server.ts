import crypto from 'node:crypto'
import { migrateToLatest } from '../db/migrate'
import { seedDemoWorkspace } from './demo/seed.server'
import { warmUpForecastEngine } from './forecast/warm-up'
import { closeDatabases, db, pingDatabase } from './utils/db.server'
import { env } from './utils/env.server'

/** Runs before the server accepts connections: migrations, then the demo workspace on an empty database. */
export async function startup(): Promise<void> {
  const applied = await migrateToLatest(db)
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
  // Compile the forecast engine now, not during the first user's request (about a tenth of a second, once).
  warmUpForecastEngine()
  if (env().OTM_DEMO === '0') return
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (anyUser) return
  const generated = !env().DEMO_PASSWORD
  const password = env().DEMO_PASSWORD ?? crypto.randomBytes(9).toString('base64url')
  const summary = await seedDemoWorkspace(db, { password })
  const banner = '='.repeat(72)
  console.log(
    [
      banner,
      'Demo workspace created (set OTM_DEMO=0 to turn this off).',
      `Users: ${summary.users.join(', ')}`,
      generated
        ? `Password for every demo user: ${password}\n(Shown once only. Set DEMO_PASSWORD to choose your own.)`
        : 'Password for every demo user: the value of DEMO_PASSWORD.',
      `Campaigns: ${summary.campaigns.join(', ')}`,
      banner,
    ].join('\n'),
  )
}

export async function healthCheck(): Promise<void> {
  await pingDatabase()
}

export async function shutdown(): Promise<void> {
  await closeDatabases()
}
