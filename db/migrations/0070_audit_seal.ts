import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. Each audit event's seal: an HMAC of its hash under a key the database never holds
// (app/utils/audit-seal.server.ts). Events written before this migration have none; the first sealed event after
// them covers them, since its hash covers the whole chain before it.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema.alterTable('audit_event').addColumn('seal', 'text').execute()
}
