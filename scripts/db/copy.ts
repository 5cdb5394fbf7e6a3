// Copies every table from one database to another (SQLite ⇄ PostgreSQL), parents before children, so a
// department can move from the embedded default to PostgreSQL without retyping anything.
import { sql, type Kysely } from 'kysely'
import { dialectOf, openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrate'

// Transient state that need not (and should not) move: sessions force everyone to sign in again on the new system.
// The calendar's stored arrivals and their change counter are derived caches, recomputed on the first read.
// Caches and counters the target's own triggers rebuild as the rows arrive, and state that must not move.
const SKIPPED = new Set(['session', 'login_throttle', 'kysely_migration', 'kysely_migration_lock', 'campaign_load', 'campaign_helpline_load', 'input_generation', 'campaign_content'])
const BATCH = 500

interface TableInfo {
  name: string
  parents: string[]
}

async function tables(db: Kysely<any>): Promise<TableInfo[]> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ name: string; parent: string | null }>`
      select t.table_name as name, ccu.table_name as parent
      from information_schema.tables t
      left join information_schema.table_constraints tc
        on tc.table_name = t.table_name and tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = t.table_schema
      left join information_schema.constraint_column_usage ccu
        on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`.execute(db)
    return group(rows)
  }
  const { rows: names } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
  const rows: { name: string; parent: string | null }[] = []
  for (const { name } of names) {
    const { rows: keys } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db)
    rows.push({ name, parent: null }, ...keys.map((key) => ({ name, parent: key.table })))
  }
  return group(rows)
}

function group(rows: { name: string; parent: string | null }[]): TableInfo[] {
  const map = new Map<string, Set<string>>()
  for (const row of rows) {
    if (!map.has(row.name)) map.set(row.name, new Set())
    if (row.parent && row.parent !== row.name) map.get(row.name)!.add(row.parent)
  }
  return [...map].map(([name, parents]) => ({ name, parents: [...parents] }))
}

/** Parents before children. */
export function dependencyOrder(list: TableInfo[]): string[] {
  const order: string[] = []
  const done = new Set<string>()
  const byName = new Map(list.map((t) => [t.name, t]))
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name)) return
    if (path.has(name)) throw new Error(`Foreign keys form a cycle through ${name}`)
    path.add(name)
    for (const parent of byName.get(name)?.parents ?? []) visit(parent, path)
    path.delete(name)
    done.add(name)
    order.push(name)
  }
  for (const table of [...list].sort((a, b) => a.name.localeCompare(b.name))) visit(table.name, new Set())
  return order
}

export interface CopyReport {
  tables: { name: string; rows: number }[]
}

/** Copies into an empty, freshly migrated target. Refuses a target that already has campaigns or users. */
export async function copyDatabase(fromUrl: string, toUrl: string): Promise<CopyReport> {
  const from = openDatabase(fromUrl, { poolSize: 2 })
  const to = openDatabase(toUrl, { poolSize: 2 })
  try {
    await migrateToLatest(from)
    await migrateToLatest(to)
    const existing = await to.selectFrom('users').select('id').limit(1).executeTakeFirst()
    if (existing) throw new Error('The target already has users; copy only into a new, empty database')
    const order = dependencyOrder(await tables(from)).filter((name) => !SKIPPED.has(name))
    const report: CopyReport = { tables: [] }
    await to.transaction().execute(async (tx) => {
      for (const name of order) {
        let copied = 0
        // Keyset-free paging is fine here: the source is not being written during a move.
        for (let offset = 0; ; offset += BATCH) {
          const rows = await (from as Kysely<any>).selectFrom(name).selectAll().orderBy(sql.raw('1')).limit(BATCH).offset(offset).execute()
          if (rows.length === 0) break
          await (tx as Kysely<any>).insertInto(name).values(rows).execute()
          copied += rows.length
        }
        report.tables.push({ name, rows: copied })
      }
      if (dialectOf(to) === 'postgres') {
        // Identity columns keep counting from the highest copied id.
        await sql`select setval(pg_get_serial_sequence('audit_event', 'id'), coalesce((select max(id) from audit_event), 0) + 1, false)`.execute(tx)
      }
    })
    return report
  } finally {
    await from.destroy()
    await to.destroy()
  }
}
