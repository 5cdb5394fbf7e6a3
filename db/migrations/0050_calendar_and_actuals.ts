import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. The helpline calendar's stored arrivals and the actual calls of launched
// campaigns (issue 7, DESIGN §9). docs/decisions/0050-stored-arrivals-checked-by-stamp.md explains the first two.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  // One row per campaign whose arrivals are stored: the stamp names exactly the inputs they were computed from.
  await db.schema
    .createTable('campaign_load')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaign.id'))
    .addColumn('stamp', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute()

  // A campaign's calls arriving at one helpline, day by day from first_date, before any roll-forward off closed
  // days. The series is always read whole, so it is one JSON text ({"low":[…],"central":[…],"high":[…]}).
  await db.schema
    .createTable('campaign_helpline_load')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('helpline_id', 'text', (c) => c.notNull().references('helpline.id'))
    .addColumn('first_date', 'text', (c) => c.notNull())
    .addColumn('last_date', 'text', (c) => c.notNull())
    .addColumn('daily_calls_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_helpline_load_pk', ['campaign_id', 'helpline_id'])
    .execute()
  await db.schema.createIndex('campaign_helpline_load_helpline_idx').on('campaign_helpline_load').columns(['helpline_id', 'last_date']).execute()

  // Calls a launched campaign actually received, per day and helpline. Recording a day again replaces it.
  await db.schema
    .createTable('actual_calls')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('helpline_id', 'text', (c) => c.notNull().references('helpline.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('actual_calls_pk', ['campaign_id', 'helpline_id', 'date'])
    .execute()
}
