import { sql } from 'kysely'
import { openDatabase, type Db } from '../../db/connection'
import { env } from './env.server'

export { afterCommit, writeTransaction, dialectOf, type Db, type Tx, type DbOrTx } from '../../db/connection'

declare global {
  // Survives development rebuilds, which re-import the server bundle: one database handle per URL.
  var __otmDatabases: Map<string, Db> | undefined
}

function database(): Db {
  const url = env().DATABASE_URL
  globalThis.__otmDatabases ??= new Map()
  let db = globalThis.__otmDatabases.get(url)
  if (!db) {
    db = openDatabase(url, { poolSize: env().DB_POOL_SIZE })
    globalThis.__otmDatabases.set(url, db)
  }
  return db
}

/** The application's database, opened on first import. Model functions take it (or a transaction) first. */
export const db: Db = database()

export async function pingDatabase(): Promise<void> {
  await sql`select 1`.execute(db)
}

export async function closeDatabases(): Promise<void> {
  const open = [...(globalThis.__otmDatabases?.values() ?? [])]
  globalThis.__otmDatabases?.clear()
  await Promise.all(open.map((handle) => handle.destroy()))
}
