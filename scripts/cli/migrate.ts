// npm run db:migrate — brings the database named by DATABASE_URL up to date (the app also does this at start).
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrate'
import { databaseUrl } from './env'

const db = openDatabase(databaseUrl)
try {
  const applied = await migrateToLatest(db)
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date')
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await db.destroy()
}
