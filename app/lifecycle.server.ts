import crypto from 'node:crypto'
import { migrateToLatest } from '../db/migrate'
import { seedDemoWorkspace } from './demo/seed.server'
import { flushCheckpoint } from './utils/audit-checkpoint.server'
import { auditKey } from './utils/audit-seal.server'
import { sealAuditTrail } from './utils/audit.server'
import { closeDatabases, db, pingDatabase } from './utils/db.server'
import { env } from './utils/env.server'

/**
 * Runs before the server accepts connections: migrations, the demo workspace on an empty database, then the audit
 * trail's seal and checkpoint. A missing audit key fails here, at boot, not on some later write.
 */
export async function startup(): Promise<void> {
  auditKey()
  const applied = await migrateToLatest(db)
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
  await seedDemo()
  await sealAuditTrail(db)
}

async function seedDemo(): Promise<void> {
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
  await flushCheckpoint()
  await closeDatabases()
}
