import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reference_type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('address_block', 'text')
    .addColumn('postage', 'text')
    .addColumn('deadline_days', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('message_campaign_idx').on('message').columns(['campaign_id', 'position']).execute()

  // A wave belongs to one version of its message: saving a message replaces its waves in the same transaction.
  await db.schema
    .createTable('wave')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('message.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('send_date', 'text', (c) => c.notNull())
    .addColumn('volume', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('wave_message_idx').on('wave').columns(['message_id', 'position']).execute()
  await db.schema.createIndex('wave_send_date_idx').on('wave').column('send_date').execute()
}
