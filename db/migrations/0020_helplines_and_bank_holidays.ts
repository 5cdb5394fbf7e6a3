import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. Helplines and uploaded bank-holiday files.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  // The weekly shape (opening hours, the 48 half-hour profile, the 7 day weights) is small, always read and
  // written whole, and validated on both sides, so it is kept as JSON text: portable to PostgreSQL as is.
  await db.schema
    .createTable('helpline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased name: two helplines that differ only in capitals would be indistinguishable in a split.
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('opening_hours_json', 'text', (c) => c.notNull())
    .addColumn('intraday_profile_json', 'text', (c) => c.notNull())
    .addColumn('day_weights_json', 'text', (c) => c.notNull())
    .addColumn('aht_seconds', 'integer', (c) => c.notNull())
    .addColumn('target_percent', 'double precision', (c) => c.notNull())
    .addColumn('target_seconds', 'integer', (c) => c.notNull())
    .addColumn('shrinkage_percent', 'double precision', (c) => c.notNull())
    .addColumn('max_occupancy_percent', 'double precision', (c) => c.notNull())
    .addColumn('patience_seconds', 'integer')
    .addColumn('baseline_calls_per_day', 'integer', (c) => c.notNull())
    .addColumn('available_fte', 'double precision', (c) => c.notNull())
    .addColumn('paid_hours_per_fte', 'double precision', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  // Every upload is kept. A row is pending until an admin confirms it; the applied row with the highest
  // applied_seq is the calendar in use, and with none applied the file shipped with the product is used.
  await db.schema
    .createTable('bank_holiday_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('applied_seq', 'integer', (c) => c.unique())
    .addColumn('applied_by', 'text', (c) => c.references('users.id'))
    .addColumn('applied_at', 'text')
    .execute()
}
