import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. A campaign's forecast inputs, versioned as one record.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('forecast_input')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaign.id'))
    .addColumn('rate_low_percent', 'double precision', (c) => c.notNull())
    .addColumn('rate_central_percent', 'double precision', (c) => c.notNull())
    .addColumn('rate_high_percent', 'double precision', (c) => c.notNull())
    // {"letter": [4, 10, …]}: percentages by working day after delivery, only for channels the designer changed.
    .addColumn('response_curves_json', 'text')
    .addColumn('bump_share_percent', 'double precision', (c) => c.notNull())
    .addColumn('bump_working_days', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  // Per message: the delivery-delay override. A message deleted by its editor takes its forecast rows with it.
  await db.schema
    .createTable('forecast_message')
    .addColumn('message_id', 'text', (c) => c.primaryKey().references('message.id').onDelete('cascade'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('delay_override_days', 'integer')
    .execute()
  await db.schema.createIndex('forecast_message_campaign_idx').on('forecast_message').column('campaign_id').execute()

  // Which helplines take each message's calls, as percentages that add up to 100 per message.
  await db.schema
    .createTable('forecast_split')
    .addColumn('message_id', 'text', (c) => c.notNull().references('message.id').onDelete('cascade'))
    .addColumn('helpline_id', 'text', (c) => c.notNull().references('helpline.id'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('share_percent', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('forecast_split_pk', ['message_id', 'helpline_id'])
    .execute()
  await db.schema.createIndex('forecast_split_campaign_idx').on('forecast_split').column('campaign_id').execute()
  await db.schema.createIndex('forecast_split_helpline_idx').on('forecast_split').column('helpline_id').execute()
}
