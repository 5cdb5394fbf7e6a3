import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// A campaign's custom mailing-data fields: placeholders beyond the standard data dictionary, such as a flag for
// optional content. `name_key` is the name as placeholders match it (case, spaces, `-` and `_` ignored), so two
// spellings of one field cannot both be added, even by two people at once.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('campaign_field')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('campaign_field_key_uq', ['campaign_id', 'name_key'])
    .execute()
}
