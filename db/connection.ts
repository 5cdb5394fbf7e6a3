import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SelectQueryNode,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type Transaction,
} from 'kysely'
import pg from 'pg'
import { dialectForUrl, type SqlDialect } from './dialect'
import { NulParameterPlugin } from './nul-plugin'
import type { Database } from './types'

export type Db = Kysely<Database>
export type Tx = Transaction<Database>
export type DbOrTx = Db | Tx

const SQLITE_BUSY_TIMEOUT_MS = 5000
const STATEMENT_CACHE_SIZE = 500

/** The SQLite side of NulParameterPlugin: the same replacement, on the compiled parameters, and only when needed. */
function withoutNul(parameters: readonly unknown[]): unknown[] {
  if (!parameters.some((p) => typeof p === 'string' && p.includes('\u0000'))) return parameters as unknown[]
  return parameters.map((p) => (typeof p === 'string' ? p.replace(/\u0000/g, '\uFFFD') : p))
}

/**
 * A better-sqlite3 connection that caches prepared statements: parsing the same SQL on every request is
 * the largest avoidable cost under load.
 */
class SqliteConnection implements DatabaseConnection {
  readonly #db: BetterSqlite3.Database
  readonly #statements = new Map<string, BetterSqlite3.Statement>()

  constructor(db: BetterSqlite3.Database) {
    this.#db = db
  }

  #prepare(sqlText: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(sqlText)
    if (!statement) {
      statement = this.#db.prepare(sqlText)
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear()
      this.#statements.set(sqlText, statement)
    }
    return statement
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#prepare(compiled.sql)
    const parameters = withoutNul(compiled.parameters)
    if (statement.reader) return { rows: statement.all(parameters) as R[] }
    const { changes, lastInsertRowid } = statement.run(parameters)
    return {
      numAffectedRows: BigInt(changes),
      insertId: lastInsertRowid === undefined ? undefined : BigInt(lastInsertRowid),
      rows: [],
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('SQLite streams only select queries')
    for (const row of this.#prepare(compiled.sql).iterate(withoutNul(compiled.parameters))) {
      yield { rows: [row as R] }
    }
  }
}

/**
 * Kysely's own SQLite driver always issues a plain BEGIN, which takes the write lock only at the first
 * write: two check-then-act transactions in different processes could then both read before either
 * writes. BEGIN IMMEDIATE takes the write lock up front, so every transaction here is serialisable.
 */
class ImmediateSqliteDriver implements Driver {
  readonly #open: () => BetterSqlite3.Database
  #raw?: BetterSqlite3.Database
  #connection?: SqliteConnection
  #queue: Promise<void> = Promise.resolve()
  #release?: () => void

  constructor(open: () => BetterSqlite3.Database) {
    this.#open = open
  }

  async init(): Promise<void> {
    this.#raw = this.#open()
    this.#connection = new SqliteConnection(this.#raw)
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection per process; callers queue for it in order.
    const previous = this.#queue
    let release!: () => void
    this.#queue = new Promise<void>((resolve) => (release = resolve))
    await previous
    this.#release = release
    return this.#connection!
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release
    this.#release = undefined
    release?.()
  }

  async destroy(): Promise<void> {
    this.#raw?.close()
    this.#raw = undefined
  }

  /** The raw handle, for the online backup API and integrity checks. */
  get raw(): BetterSqlite3.Database | undefined {
    return this.#raw
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #driver: ImmediateSqliteDriver
  constructor(open: () => BetterSqlite3.Database) {
    super({ database: async () => open() })
    this.#driver = new ImmediateSqliteDriver(open)
  }
  createDriver(): Driver {
    return this.#driver
  }
}

export function openSqlite(file: string): BetterSqlite3.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const raw = new BetterSqlite3(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = FULL')
  raw.pragma('foreign_keys = ON')
  raw.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
  return raw
}

// PostgreSQL returns int8 (count(*), sums) as strings; every such value here fits in a double.
pg.types.setTypeParser(20, (value: string) => Number.parseInt(value, 10))
pg.types.setTypeParser(1700, (value: string) => Number.parseFloat(value))

const dialects = new WeakMap<object, SqlDialect>()

export function openDatabase(url: string, options: { poolSize?: number } = {}): Db {
  const dialect = dialectForUrl(url)
  const kysely =
    dialect === 'postgres'
      ? new Kysely<Database>({
          dialect: new PostgresDialect({
            pool: new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 }),
          }),
          plugins: [new NulParameterPlugin()],
        })
      : // SQLite replaces NUL in the parameters as it runs them (withoutNul): the plugin's rewrite of every query's
        // tree cost 2% of the server's time under load (bench/load), for a character that is almost never there.
        new Kysely<Database>({ dialect: new ImmediateSqliteDialect(() => openSqlite(sqlitePath(url))) })
  dialects.set(kysely, dialect)
  return kysely
}

export function sqlitePath(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/i, '').replace(/^file:/i, '')
}

export function dialectOf(db: DbOrTx): SqlDialect {
  const known = dialects.get(db)
  if (known) return known
  // A transaction is a different object from its Kysely; ask its adapter instead.
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

const commitHooks = new WeakMap<Tx, ((db: Db) => void)[]>()

/**
 * Runs `hook` once the write transaction `tx` has committed, with the database it committed to, and never if it rolls
 * back (on PostgreSQL, a retried attempt's hooks are dropped with it). For work outside the database that must follow
 * a commit, never precede it. Returns false when `tx` was not begun by writeTransaction, which cannot tell when it
 * commits.
 */
export function afterCommit(tx: Tx, hook: (db: Db) => void): boolean {
  const hooks = commitHooks.get(tx)
  if (!hooks) return false
  hooks.push(hook)
  return true
}

function runCommitHooks(hooks: ((db: Db) => void)[], db: Db): void {
  for (const hook of hooks) {
    try {
      hook(db)
    } catch (error) {
      console.error('A hook after a commit failed', error)
    }
  }
}

const RETRYABLE_PG_CODES = new Set(['40001', '40P01'])
const MAX_ATTEMPTS = 8

/**
 * Runs `work` as one write transaction that means the same on both databases: BEGIN IMMEDIATE on SQLite
 * (the driver above), SERIALIZABLE with retry on PostgreSQL. Check-then-act code inside `work` is safe
 * either way. `work` must not have side effects outside the database: on PostgreSQL it may run again.
 * Inside an existing transaction, `work` simply joins it.
 */
export async function writeTransaction<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Tx)
  let hooks: ((db: Db) => void)[] = []
  const tracked = (tx: Tx) => {
    hooks = []
    commitHooks.set(tx, hooks)
    return work(tx)
  }
  if (dialectOf(db) === 'sqlite') {
    const result = await db.transaction().execute(tracked)
    runCommitHooks(hooks, db as Db)
    return result
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.transaction().setIsolationLevel('serializable').execute(tracked)
      runCommitHooks(hooks, db as Db)
      return result
    } catch (error) {
      const code = (error as { code?: string }).code
      if (!code || !RETRYABLE_PG_CODES.has(code) || attempt >= MAX_ATTEMPTS) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt))
    }
  }
}
