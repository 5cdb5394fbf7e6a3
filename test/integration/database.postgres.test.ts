import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { db, dialectOf, writeTransaction } from '../../app/utils/db.server'
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
