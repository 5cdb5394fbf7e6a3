import crypto from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createUser } from '../../app/models/user.server'
import { db, dialectOf, writeTransaction } from '../../app/utils/db.server'
import { env } from '../../app/utils/env.server'
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrate'
import { makeCampaign, makeUser } from '../support/factories'

describe('the PostgreSQL connection', () => {
  it('is PostgreSQL, through Kysely’s own dialect', async () => {
    expect(dialectOf(db)).toBe('postgres')
    const { rows } = await sql<{ version: string }>`select version() as version`.execute(db)
    expect(rows[0]!.version).toMatch(/^PostgreSQL/)
  })

  it('runs write transactions as SERIALIZABLE', async () => {
    const level = await writeTransaction(db, async (tx) => (await sql<{ level: string }>`select current_setting('transaction_isolation') as level`.execute(tx)).rows[0]!.level)
    expect(level).toBe('serializable')
  })

  it('retries a transaction that lost a serialization race, so check-then-act still holds', async () => {
    // Both transactions read the count, then write based on it: one must be retried and see the other's row.
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner)
    const campaign = await db.selectFrom('campaign').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()
    let runs = 0
    const addIfFewerThanOne = () =>
      writeTransaction(db, async (tx) => {
        runs++
        const existing = await tx.selectFrom('campaign_co_owner').select('user_id').where('campaign_id', '=', campaign.id).execute()
        await sql`select pg_sleep(0.05)`.execute(tx)
        if (existing.length === 0) {
          const user = await tx.selectFrom('users').select('id').where('id', '=', owner.id).executeTakeFirstOrThrow()
          await tx.insertInto('campaign_co_owner').values({ campaign_id: campaign.id, user_id: user.id }).onConflict((c) => c.doNothing()).execute()
          return 'added'
        }
        return 'already there'
      })
    const results = await Promise.all([addIfFewerThanOne(), addIfFewerThanOne()])
    expect(results.sort()).toEqual(['added', 'already there'])
    expect(runs).toBeGreaterThanOrEqual(3) // one retry at least
  })

  it('refuses TRUNCATE of the audit trail too', async () => {
    await expect(sql`truncate audit_event`.execute(db)).rejects.toThrow(/append-only/)
  })
})

// docs/deployment.md ("Roles"): the app connects as a role that owns nothing, so it can neither drop nor disable
// the append-only triggers, nor change the schema; and it has no UPDATE or DELETE on the records.
describe('the app under a role without DDL or trigger rights', () => {
  it('works, and cannot drop the triggers, alter the tables or delete the records', async () => {
    const role = `otm_app_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`
    const database = new URL(env().DATABASE_URL).pathname.slice(1)
    // As the owner, exactly as the documentation says (the role name is generated above, never user input).
    for (const statement of [
      `create role ${role} login`,
      `grant connect on database ${database} to ${role}`,
      `grant usage on schema public to ${role}`,
      `grant select, insert, update, delete on all tables in schema public to ${role}`,
      `grant usage, select on all sequences in schema public to ${role}`,
      `revoke update, delete, truncate on audit_event, sign_off_decision, launch_snapshot from ${role}`,
    ]) {
      await sql.raw(statement).execute(db)
    }
    const url = new URL(env().DATABASE_URL)
    url.username = role
    url.password = ''
    const app = openDatabase(url.toString(), { poolSize: 1 })
    try {
      // The start-up migration check runs, and the app writes, audit trail included.
      expect(await migrateToLatest(app)).toEqual([])
      const id = await createUser(app, { email: `${role}@example.gov.uk`, name: 'Restricted', password: 'a long enough password', roles: ['viewer'] }, null)
      expect(await app.selectFrom('audit_event').select('action').where('entity_id', '=', id).execute()).toEqual([{ action: 'user.created' }])

      for (const attempt of [
        sql`drop trigger audit_event_no_update on audit_event`,
        sql`alter table audit_event disable trigger all`,
        sql`alter table sign_off_decision disable trigger sign_off_decision_no_delete`,
        sql`alter table audit_event add column forged text`,
        sql`create table forged (id integer)`,
        sql`update audit_event set summary = 'forged'`,
        sql`delete from audit_event`,
        sql`truncate audit_event`,
        sql`delete from sign_off_decision`,
        sql`delete from launch_snapshot`,
      ]) {
        await expect(attempt.execute(app)).rejects.toThrow(/permission denied|must be owner/)
      }
    } finally {
      await app.destroy()
      await sql.raw(`drop owned by ${role}`).execute(db)
      await sql.raw(`drop role ${role}`).execute(db)
    }
  })
})
