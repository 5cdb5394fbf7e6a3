import { sql, type Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. Notifications in the app, the email outbox and its delivery attempts, each person's
// choices of how to be told, and their calendar feed. docs/notifications.md explains them;
// docs/decisions/0100-transactional-email-outbox.md says why the outbox is a table.
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  // What a person is told, in the app. Written in the transaction of the change that causes it.
  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('campaign.id'))
    .addColumn('helpline_id', 'text', (c) => c.references('helpline.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // A path inside the service: the page where the person acts.
    .addColumn('href', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    // How the person chose to be told when it was written: email (at once), digest or in-app.
    .addColumn('delivery', 'text', (c) => c.notNull())
    // The daily digest email that carried it, once one has.
    .addColumn('digest_outbox_id', 'text')
    .addCheckConstraint('notification_delivery_ck', sql`delivery in ('email', 'digest', 'in-app')`)
    .execute()
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'created_at']).execute()
  // The header's unread count on every page: only the unread rows of one person.
  await db.schema.createIndex('notification_unread_idx').on('notification').columns(['user_id', 'read_at']).execute()
  await db.schema.createIndex('notification_digest_idx').on('notification').columns(['delivery', 'digest_outbox_id', 'created_at']).execute()

  // The outbox: one row per email to send, written in the same transaction as what it tells of. A delivery worker
  // claims due rows, sends them and records the outcome; message_id is fixed here, so every attempt carries it.
  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // notification | digest | test
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'text', (c) => c.references('notification.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    // pending | sending | sent | failed | cancelled
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    // Attempts made before an administrator last retried it: the back-off and the limit count from there.
    .addColumn('attempts_before_retry', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // While a worker sends it: until when its claim holds. A claim that runs out (a crash) can be taken again.
    .addColumn('lease_until', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addCheckConstraint('email_outbox_state_ck', sql`state in ('pending', 'sending', 'sent', 'failed', 'cancelled')`)
    .execute()
  await db.schema.createIndex('email_outbox_due_idx').on('email_outbox').columns(['state', 'next_attempt_at']).execute()
  await db.schema.createIndex('email_outbox_created_idx').on('email_outbox').columns(['created_at']).execute()

  // Every attempt to send an outbox row, so administrators can see what happened.
  await db.schema
    .createTable('email_attempt')
    .addColumn('outbox_id', 'text', (c) => c.notNull().references('email_outbox.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    // sent | retry | failed; null while under way, and for ever if the sender stopped mid-way
    .addColumn('outcome', 'text')
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('email_attempt_pk', ['outbox_id', 'attempt'])
    .execute()

  // How each person wants to hear of each kind of event; no row means the default (email at once).
  await db.schema
    .createTable('notification_preference')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preference_pk', ['user_id', 'kind'])
    .addCheckConstraint('notification_preference_delivery_ck', sql`delivery in ('email', 'digest', 'in-app')`)
    .execute()

  // A person's calendar feed. The token is never stored: it is derived from the nonce with a key from the
  // environment, and only its SHA-256 is kept, to find the feed by.
  await db.schema
    .createTable('calendar_feed')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}
