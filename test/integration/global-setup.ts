import fs from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrate'

export const TEMPLATE_DB = path.resolve('tmp/test-db/template.sqlite')

/** One migrated database, copied by each test file: migrations run once, every file starts clean. */
export default async function setup() {
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(TEMPLATE_DB + suffix, { force: true })
  const db = openDatabase(TEMPLATE_DB)
  await migrateToLatest(db)
  await db.destroy()
}
