import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. Two optional staffing rules for each helpline, beside its service-level target and
// occupancy cap: the most callers who may hang up (Erlang A only) and the most mean wait of answered calls. Null
// means no such rule.
//
// The helpline triggers of migration 0050 fire on any update of a helpline row, whatever its columns, so a change to
// either rule moves the calendar's input generation on like any other helpline change: nothing else is needed.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema.alterTable('helpline').addColumn('max_abandonment_percent', 'double precision').execute()
  await db.schema.alterTable('helpline').addColumn('max_asa_seconds', 'integer').execute()
}
