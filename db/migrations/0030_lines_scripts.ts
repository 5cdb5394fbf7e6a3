import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Lines to take, call scripts, Debt Management treatment and the launch date told to the Press Office.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('line_to_take')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('standard_question', 'text')
    // Order within the campaign; each task page lists one audience in this order.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('line_to_take_campaign_idx').on('line_to_take').columns(['campaign_id', 'audience', 'position']).execute()

  await db.schema
    .createTable('script')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('call_type', 'text', (c) => c.notNull())
    .addColumn('opening', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('recording_notice', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('closing', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // One script per call type: two people creating the same one at once cannot both succeed.
    .addUniqueConstraint('script_campaign_call_type_uq', ['campaign_id', 'call_type'])
    .execute()

  // At most one per campaign; the liability estimate itself stays on the campaign (Describe).
  await db.schema
    .createTable('debt_treatment')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaign.id'))
    .addColumn('special_treatment', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('press_briefing')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaign.id'))
    .addColumn('launch_date_told', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}
