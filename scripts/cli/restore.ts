// npm run db:restore -- BACKUP_FILE [--replace]
// Restores into DATABASE_URL (a new SQLite file or PostgreSQL database, or an existing one with --replace;
// stop the app first), then checks the result as a restore drill would.
import { parseArgs } from 'node:util'
import { checkDatabase, restoreDatabase } from '../db/backup'
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrate'
import { databaseUrl } from './env'

const { values, positionals } = parseArgs({ options: { replace: { type: 'boolean' } }, allowPositionals: true })
const file = positionals[0]
if (!file) {
  console.error('Usage: npm run db:restore -- BACKUP_FILE [--replace]   (restores into DATABASE_URL)')
  process.exit(2)
}
try {
  await restoreDatabase(file, databaseUrl, { replace: values.replace })
  const db = openDatabase(databaseUrl, { poolSize: 1 })
  const applied = await migrateToLatest(db) // a backup from an older release is brought up to date
  await db.destroy()
  const report = await checkDatabase(databaseUrl)
  console.log(`Restored ${file} into ${databaseUrl}${applied.length ? ` and applied ${applied.join(', ')}` : ''}`)
  console.log(report.ok ? `Checked: sound, ${report.auditEvents} audit events in an unbroken chain` : `PROBLEMS: ${report.problems.join('; ')}`)
  if (!report.ok) process.exitCode = 1
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
}
