import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. The percentile of each day's calls a helpline staffs to: 50 (the median), 80 or 90.
// Existing helplines take 50, which staffs within a call or two of the mean they were staffed for before.
//
// The helpline triggers of migration 0050 fire on any update of a helpline row, whatever its columns, so a change of
// percentile moves the calendar's input generation on like any other helpline change.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema
    .alterTable('helpline')
    .addColumn('staff_to_percentile', 'integer', (c) => c.notNull().defaultTo(50))
    .execute()
}
