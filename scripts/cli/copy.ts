// npm run db:copy -- --to postgres://…   (copies DATABASE_URL, e.g. the SQLite file, into a new empty database)
import { parseArgs } from 'node:util'
import { checkDatabase } from '../db/backup'
import { copyDatabase } from '../db/copy'
import { databaseUrl } from './env'

const { values } = parseArgs({ options: { to: { type: 'string' } } })
if (!values.to) {
  console.error('Usage: DATABASE_URL=<source> npm run db:copy -- --to <target URL or SQLite path>   (stop the app first)')
  process.exit(2)
}
try {
  const report = await copyDatabase(databaseUrl, values.to)
  for (const table of report.tables) console.log(`${table.name.padEnd(24)} ${table.rows}`)
  const check = await checkDatabase(values.to)
  console.log(check.ok ? `Checked: sound, ${check.auditEvents} audit events in an unbroken chain` : `PROBLEMS: ${check.problems.join('; ')}`)
  if (!check.ok) process.exitCode = 1
} catch (error) {
  console.error(`Copy failed: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
}
