import { sql, type Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Sign-off and launch: requests, decisions bound to a scope hash, each group's current hash, and the
// snapshot taken at launch. Decisions and launch snapshots are append-only, enforced by the database.
export async function up(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  // One row per campaign, written when its owner first asks for sign-off.
  await db.schema
    .createTable('sign_off_request')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaign.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sign_off_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('grp', 'text', (c) => c.notNull())
    // 1, 2, 3… per campaign and group: each decision names the one it follows, so two members deciding at once on
    // the same state cannot both succeed (the unique constraint below), and the latest is the highest.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('scope_hash', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('sign_off_decision_seq_uq', ['campaign_id', 'grp', 'seq'])
    .addCheckConstraint('sign_off_decision_kind_ck', sql`decision in ('approved', 'changes-requested')`)
    .execute()

  // Each group's scope hash as the content is now, kept in the transaction of every content change, so lists
  // (the inbox, the task list) need no hashing. changed_at is when the hash last changed.
  await db.schema
    .createTable('campaign_scope')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('grp', 'text', (c) => c.notNull())
    .addColumn('current_hash', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_scope_pk', ['campaign_id', 'grp'])
    .execute()

  await db.schema
    .createTable('launch_snapshot')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaign.id'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('launched_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('launched_at', 'text', (c) => c.notNull())
    .execute()

  // Decisions and launch snapshots are records, like the audit trail: the database refuses to change them.
  // Written out in full (no SQL assembled from strings), as in the first migration.
  if (dialect === 'postgres') {
    await sql`create function otm_sign_off_decision_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'sign_off_decision is append-only';
      end;
      $$`.execute(db)
    await sql`create trigger sign_off_decision_no_update before update on sign_off_decision
      for each row execute function otm_sign_off_decision_append_only()`.execute(db)
    await sql`create trigger sign_off_decision_no_delete before delete on sign_off_decision
      for each row execute function otm_sign_off_decision_append_only()`.execute(db)
    await sql`create trigger sign_off_decision_no_truncate before truncate on sign_off_decision
      for each statement execute function otm_sign_off_decision_append_only()`.execute(db)
    await sql`create function otm_launch_snapshot_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'launch_snapshot is append-only';
      end;
      $$`.execute(db)
    await sql`create trigger launch_snapshot_no_update before update on launch_snapshot
      for each row execute function otm_launch_snapshot_append_only()`.execute(db)
    await sql`create trigger launch_snapshot_no_delete before delete on launch_snapshot
      for each row execute function otm_launch_snapshot_append_only()`.execute(db)
    await sql`create trigger launch_snapshot_no_truncate before truncate on launch_snapshot
      for each statement execute function otm_launch_snapshot_append_only()`.execute(db)
  } else {
    await sql`create trigger sign_off_decision_no_update before update on sign_off_decision
      begin select raise(abort, 'sign_off_decision is append-only'); end`.execute(db)
    await sql`create trigger sign_off_decision_no_delete before delete on sign_off_decision
      begin select raise(abort, 'sign_off_decision is append-only'); end`.execute(db)
    await sql`create trigger launch_snapshot_no_update before update on launch_snapshot
      begin select raise(abort, 'launch_snapshot is append-only'); end`.execute(db)
    await sql`create trigger launch_snapshot_no_delete before delete on launch_snapshot
      begin select raise(abort, 'launch_snapshot is append-only'); end`.execute(db)
  }
}
