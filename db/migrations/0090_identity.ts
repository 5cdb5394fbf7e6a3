import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. Single sign-on, two-factor sign-in and accounts people look after themselves
// (docs/decisions/0090-single-sign-on-with-openid-connect.md, 0091-two-factor-sign-in.md, 0092-password-policy.md).
export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  // SQLite adds one column per ALTER TABLE.
  const addToUsers = [
    // Set for administrators added from the command line or by another administrator: they enrol before they get in.
    (t: Kysely<any>) => t.schema.alterTable('users').addColumn('two_factor_required', 'integer', (c) => c.notNull().defaultTo(0)).execute(),
    // Set by an administrator's reset: the next sign-in asks for a new password before anything else.
    (t: Kysely<any>) => t.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute(),
    // A one-time password stops working at this instant (null: the password does not expire).
    (t: Kysely<any>) => t.schema.alterTable('users').addColumn('password_expires_at', 'text').execute(),
    // The identity provider's issuer and subject: the only link from a provider account to a user here.
    (t: Kysely<any>) => t.schema.alterTable('users').addColumn('sso_issuer', 'text').execute(),
    (t: Kysely<any>) => t.schema.alterTable('users').addColumn('sso_subject', 'text').execute(),
  ]
  for (const add of addToUsers) await add(db)
  await db.schema.createIndex('users_sso_uq').unique().on('users').columns(['sso_issuer', 'sso_subject']).execute()

  // How a session was signed in, and the provider's ID token for ending the provider's session at sign-out.
  await db.schema.alterTable('session').addColumn('method', 'text').execute()
  await db.schema.alterTable('session').addColumn('id_token', 'text').execute()

  await db.schema
    .createTable('two_factor')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    // Base32 TOTP secrets: the confirmed one, and one being set up that replaces it once a code from it is entered.
    .addColumn('secret', 'text')
    .addColumn('enrolled_at', 'text')
    // The last 30-second step whose code was accepted: a code is never accepted twice.
    .addColumn('last_used_step', 'integer')
    .addColumn('pending_secret', 'text')
    .addColumn('pending_created_at', 'text')
    .execute()

  await db.schema
    .createTable('recovery_code')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute()
  await db.schema.createIndex('recovery_code_user_idx').on('recovery_code').column('user_id').execute()

  // A sign-in part-way through: the password was right, a code, a new password or setting up two-factor is still to come.
  await db.schema
    .createTable('sign_in_pending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('redirect_to', 'text', (c) => c.notNull())
    .addColumn('second_factor_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  // A single sign-on request sent to the provider and not yet answered: what the answer must match.
  await db.schema
    .createTable('sso_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('redirect_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}
