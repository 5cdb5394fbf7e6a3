// npm run db:backup [-- --out FILE]
// A consistent backup of DATABASE_URL, safe while the app is running.
import { parseArgs } from 'node:util'
import { backupDatabase, checkDatabase, defaultBackupFile } from '../db/backup'
import { databaseUrl } from './env'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
try {
  const { file, bytes } = await backupDatabase(databaseUrl, values.out ?? defaultBackupFile(databaseUrl))
  console.log(`Backed up to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`)
  if (file.endsWith('.sqlite')) {
    const report = await checkDatabase(file)
    console.log(report.ok ? `Checked: sound, ${report.auditEvents} audit events in an unbroken chain` : `WARNING: ${report.problems.join('; ')}`)
    if (!report.ok) process.exitCode = 1
  }
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
}
