import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. Re-forecasts of launched campaigns: each is a new version with the contact rates the
// calls so far pointed to, the figures it was made from, who made it and when. Rows are never changed or removed:
// the latest version is the one in force, and the saved forecast stays as it was signed off.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('reforecast')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // The version of the saved forecast inputs it re-projects.
    .addColumn('forecast_version', 'integer', (c) => c.notNull())
    // The last date of the actual calls it used, and what they were against the forecast.
    .addColumn('through_date', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('actual_calls', 'integer', (c) => c.notNull())
    .addColumn('expected_calls', 'double precision', (c) => c.notNull())
    // Contact rates in %, as the forecast inputs hold them.
    .addColumn('rate_low', 'double precision', (c) => c.notNull())
    .addColumn('rate_central', 'double precision', (c) => c.notNull())
    .addColumn('rate_high', 'double precision', (c) => c.notNull())
    .addColumn('made_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reforecast_campaign_version_unique', ['campaign_id', 'version'])
    .execute()
}
