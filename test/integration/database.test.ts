import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { getCampaignByRef, updateCampaignDescription } from '../../app/models/campaign.server'
import { appendAudit, verifyAuditChain } from '../../app/utils/audit.server'
import { db, dialectOf, writeTransaction } from '../../app/utils/db.server'
import { campaignInput, makeCampaign, makeUser } from '../support/factories'

async function count(table: 'audit_event' | 'campaign') {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('write transactions', () => {
  it('roll the whole transaction back when any part fails', async () => {
    const before = await count('audit_event')
    await expect(
      writeTransaction(db, async (tx) => {
        await appendAudit(tx, { actor: null, action: 'test', entityType: 'test', summary: 'should vanish' })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await count('audit_event')).toBe(before)
  })

  it('let exactly one of many simultaneous saves of the same version win', async () => {
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner)
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => updateCampaignDescription(db, { ref, version: 1, values: campaignInput({ name: `Attempt ${i}` }) }, owner)),
    )
    const winners = attempts.filter((a) => a.ok)
    expect(winners).toHaveLength(1)
    expect(attempts.filter((a) => !a.ok && a.reason === 'conflict')).toHaveLength(7)
    const campaign = await getCampaignByRef(db, ref)
    expect(campaign!.version).toBe(2)
    const updates = await db.selectFrom('audit_event').select('id').where('campaign_id', '=', campaign!.id).where('action', '=', 'campaign.updated').execute()
    expect(updates).toHaveLength(1)
  })

  it('enforce foreign keys', async () => {
    await expect(
      db.insertInto('campaign_co_owner').values({ campaign_id: 'no-such-campaign', user_id: 'no-such-user' }).execute(),
    ).rejects.toThrow(/foreign key/i)
  })
})

describe('the audit trail', () => {
  it('cannot be updated or deleted, by the database’s own triggers', async () => {
    const owner = await makeUser(['designer'])
    await makeCampaign(owner)
    await expect(db.updateTable('audit_event').set({ summary: 'rewritten' }).execute()).rejects.toThrow(/append-only/)
    await expect(db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/)
  })

  it('refuses to be written outside a transaction', async () => {
    await expect(appendAudit(db as never, { actor: null, action: 'x', entityType: 'x', summary: 'x' })).rejects.toThrow(/inside the transaction/)
  })

  it('stays one unbroken chain when many changes are written at once', async () => {
    const owner = await makeUser(['designer'])
    await Promise.all(Array.from({ length: 12 }, (_, i) => makeCampaign(owner, { name: `Concurrent ${i}` })))
    const result = await verifyAuditChain(db)
    expect(result.firstBreak).toBeNull()
    expect(result.checked).toBeGreaterThanOrEqual(13)
  })

  it('is a hash chain that verifies, and names the first event that was tampered with', async () => {
    const owner = await makeUser(['designer'])
    await makeCampaign(owner)
    await makeCampaign(owner)
    const clean = await verifyAuditChain(db)
    expect(clean.firstBreak).toBeNull()
    expect(clean.checked).toBeGreaterThanOrEqual(3)

    const victim = await db.selectFrom('audit_event').select('id').orderBy('id').offset(1).limit(1).executeTakeFirstOrThrow()
    if (dialectOf(db) === 'postgres') await sql`drop trigger audit_event_no_update on audit_event`.execute(db)
    else await sql`drop trigger audit_event_no_update`.execute(db)
    await sql`update audit_event set summary = 'nothing happened here' where id = ${victim.id}`.execute(db)
    const broken = await verifyAuditChain(db)
    expect(broken.firstBreak).toEqual({ id: victim.id, reason: `event ${victim.id} was altered after it was written (its hash does not match its content)` })
  })
})

describe('hostile parameters', () => {
  it('looks up an id containing NUL as nothing, rather than failing (PostgreSQL refuses NUL in text)', async () => {
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner)
    expect(await db.selectFrom('campaign').select('id').where('ref', '=', `${ref}\u0000`).execute()).toEqual([])
    expect(await db.selectFrom('campaign').select('id').where('id', 'in', ['a\u0000b', 'c']).execute()).toEqual([])
    const { rows } = await sql<{ n: number }>`select count(*) as n from campaign where name = ${'x\u0000y'}`.execute(db)
    expect(Number(rows[0]!.n)).toBe(0)
  })
})
