// Consistent backups while the app runs, restores into a new or emptied database, and the checks a restore
// drill ends with. SQLite uses its online backup API; PostgreSQL uses pg_dump/pg_restore.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import pg from 'pg'
import { existingAuditKey } from '../../app/utils/audit-seal.server'
import { verifyAuditTrail } from '../../app/utils/audit-verify.server'
import { openDatabase, sqlitePath } from '../../db/connection'
import { dialectForUrl } from '../../db/dialect'

const run = promisify(execFile)
const ALL_PAGES = 0x7fffffff

function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const candidates = [
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs.readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin/${name}`)
      : []),
    `/usr/bin/${name}`,
    `/usr/local/bin/${name}`,
  ]
  return candidates.find((file) => fs.existsSync(file)) ?? name
}

export function defaultBackupFile(url: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  return path.resolve('backups', `otm-${stamp}.${dialectForUrl(url) === 'postgres' ? 'dump' : 'sqlite'}`)
}

/** Takes a consistent snapshot of the live database. Writers carry on while it runs. */
export async function backupDatabase(url: string, file = defaultBackupFile(url)): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  if (fs.existsSync(file)) throw new Error(`${file} already exists; choose another name`)
  if (dialectForUrl(url) === 'postgres') {
    // pg_dump reads everything in one repeatable-read snapshot.
    await run(postgresTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`])
  } else {
    const source = new BetterSqlite3(sqlitePath(url), { fileMustExist: true })
    source.pragma('busy_timeout = 5000')
    try {
      // After the first (empty) step, ask for every remaining page at once: one read snapshot, so concurrent
      // writes can neither restart the copy nor tear it.
      await source.backup(file, { progress: () => ALL_PAGES })
    } finally {
      source.close()
    }
  }
  return { file, bytes: fs.statSync(file).size }
}

async function postgresDatabaseIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`)
    return rows[0].n === 0
  } finally {
    await client.end()
  }
}

async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsupported database name: ${name}`)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rows } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (rows.length === 0) await client.query(`create database ${name}`)
  } finally {
    await client.end()
  }
}

/**
 * Restores a backup into `targetUrl`. Refuses to overwrite a database that has data unless `replace` is set;
 * for SQLite the app must be stopped first (the file is swapped in whole).
 */
export async function restoreDatabase(file: string, targetUrl: string, options: { replace?: boolean } = {}): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}`)
  if (dialectForUrl(targetUrl) === 'postgres') {
    await ensurePostgresDatabase(targetUrl)
    const empty = await postgresDatabaseIsEmpty(targetUrl)
    if (!empty && !options.replace) throw new Error('The target database is not empty; pass --replace to overwrite it')
    const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${targetUrl}`]
    if (!empty) args.push('--clean', '--if-exists')
    await run(postgresTool('pg_restore'), [...args, file])
    return
  }
  const target = path.resolve(sqlitePath(targetUrl))
  if (fs.existsSync(target) && !options.replace) throw new Error(`${target} exists; pass --replace to overwrite it (stop the app first)`)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const staging = `${target}.restoring-${process.pid}`
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    await source.backup(staging, { progress: () => ALL_PAGES })
  } finally {
    source.close()
  }
  const problems = await sqliteIntegrity(staging)
  if (problems.length) {
    fs.rmSync(staging, { force: true })
    throw new Error(`The backup is damaged: ${problems.join('; ')}`)
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true })
  fs.renameSync(staging, target)
}

async function sqliteIntegrity(file: string): Promise<string[]> {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
    const problems = integrity.map((row) => row.integrity_check).filter((text) => text !== 'ok')
    const foreignKeys = db.pragma('foreign_key_check') as unknown[]
    if (foreignKeys.length) problems.push(`${foreignKeys.length} rows break foreign keys`)
    return problems
  } finally {
    db.close()
  }
}

export interface IntegrityReport {
  ok: boolean
  problems: string[]
  auditEvents: number
}

/** What a restore drill checks: the storage is sound, every reference holds, and the audit chain is unbroken. */
export async function checkDatabase(url: string): Promise<IntegrityReport> {
  const problems = dialectForUrl(url) === 'postgres' ? [] : await sqliteIntegrity(path.resolve(sqlitePath(url)))
  const db = openDatabase(url, { poolSize: 1 })
  try {
    if (dialectForUrl(url) === 'postgres') {
      // Constraints marked NOT VALID would hide broken references; everything here must be validated.
      const { rows } = await sql<{ name: string }>`select conname as name from pg_constraint where not convalidated`.execute(db)
      for (const row of rows) problems.push(`constraint ${row.name} is not validated`)
    }
    // A copy has no checkpoint of its own: the original's may be ahead of it by design.
    const audit = await verifyAuditTrail(db, { key: existingAuditKey(), checkpoint: 'skip' })
    problems.push(...audit.problems.map((problem) => `audit trail: ${problem}`))
    return { ok: problems.length === 0, problems, auditEvents: audit.checked }
  } finally {
    await db.destroy()
  }
}
