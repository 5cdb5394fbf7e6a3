import { sql, type Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>, so later changes to db/types.ts never alter what this migration did.
export async function up(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('user_role')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role'])
    .execute()

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute()
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute()

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('next_allowed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('campaign')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('objective', 'text', (c) => c.notNull())
    .addColumn('target_population', 'text', (c) => c.notNull())
    .addColumn('population_size', 'integer', (c) => c.notNull())
    .addColumn('planned_launch_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response_sought', 'text', (c) => c.notNull())
    .addColumn('extra_liability', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('liability_customers', 'integer')
    .addColumn('liability_average_pence', 'integer')
    .addColumn('press_inform', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('press_reason', 'text')
    .addColumn('response_process', 'text', (c) => c.notNull())
    .addColumn('reference_type', 'text', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull().defaultTo('england-and-wales'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('campaign_launch_idx').on('campaign').columns(['planned_launch_date', 'ref']).execute()
  await db.schema.createIndex('campaign_status_idx').on('campaign').columns(['status', 'planned_launch_date']).execute()
  await db.schema.createIndex('campaign_owner_idx').on('campaign').column('owner_id').execute()

  await db.schema
    .createTable('campaign_co_owner')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('campaign_co_owner_pk', ['campaign_id', 'user_id'])
    .execute()
  await db.schema.createIndex('campaign_co_owner_user_idx').on('campaign_co_owner').column('user_id').execute()

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_email', 'text')
    .addColumn('campaign_id', 'text', (c) => c.references('campaign.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute()
  await db.schema.createIndex('audit_event_campaign_idx').on('audit_event').columns(['campaign_id', 'id']).execute()

  await db.schema
    .createTable('revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('campaign.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('revision_entity_version_uq', ['entity_type', 'entity_id', 'version'])
    .execute()

  // The audit trail is append-only, enforced by the database itself, not by application discipline.
  if (dialect === 'postgres') {
    await sql`
      create function otm_audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only';
      end;
      $$`.execute(db)
    await sql`create trigger audit_event_no_update before update on audit_event
      for each row execute function otm_audit_append_only()`.execute(db)
    await sql`create trigger audit_event_no_delete before delete on audit_event
      for each row execute function otm_audit_append_only()`.execute(db)
    await sql`create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function otm_audit_append_only()`.execute(db)
  } else {
    await sql`create trigger audit_event_no_update before update on audit_event
      begin select raise(abort, 'audit_event is append-only'); end`.execute(db)
    await sql`create trigger audit_event_no_delete before delete on audit_event
      begin select raise(abort, 'audit_event is append-only'); end`.execute(db)
  }
}
