import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. A letter's own delivery profile: the percentages delivered on working day 1, 2, 3 …
// after posting, as text ("60, 30, 10"). Null uses the postage class's published profile. It lives on the message,
// not with the forecast's delay, because it is part of what the designer writes about the letter and is versioned,
// audited and signed with it.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema.alterTable('message').addColumn('delivery_profile', 'text').execute()
}
