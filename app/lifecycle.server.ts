import crypto from 'node:crypto'
import { migrateToLatest } from '../db/migrate'
import { seedDemoWorkspace } from './demo/seed.server'
import { warmUpForecastEngine } from './forecast/warm-up'
import { withoutEmail } from './models/notifications/notify.server'
import { linkSigningKey } from './models/notifications/signing.server'
import { startDeliveryWorker, stopDeliveryWorker } from './models/notifications/delivery.server'
import { flushCheckpoint } from './utils/audit-checkpoint.server'
import { auditKey } from './utils/audit-seal.server'
import { sealAuditTrail } from './utils/audit.server'
import { closeDatabases, db, pingDatabase } from './utils/db.server'
import { env } from './utils/env.server'

/**
 * Runs before the server accepts connections: migrations, the demo workspace on an empty database, the audit
 * trail's seal and checkpoint, then the email delivery worker (when SMTP_URL is set). A missing audit key or
 * link-signing key fails here, at boot, not on some later write.
 */
export async function startup(): Promise<void> {
  auditKey()
  linkSigningKey()
  const applied = await migrateToLatest(db)
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
  // Compile the forecast engine now, not during the first user's request (about a tenth of a second, once).
  warmUpForecastEngine()
  await seedDemo()
  await sealAuditTrail(db)
  startDeliveryWorker(db, { smtpUrl: env().SMTP_URL, from: env().MAIL_FROM })
}

async function seedDemo(): Promise<void> {
  if (env().OTM_DEMO === '0') return
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (anyUser) return
  const generated = !env().DEMO_PASSWORD
  const password = env().DEMO_PASSWORD ?? crypto.randomBytes(9).toString('base64url')
  // Its people are made up: they are told in the app, never by email.
  const summary = await withoutEmail(() => seedDemoWorkspace(db, { password }))
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
  await stopDeliveryWorker()
  await flushCheckpoint()
  await closeDatabases()
}
