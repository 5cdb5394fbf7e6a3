import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { sqlitePath } from '../../db/connection'
import { appendAudit, verifyAuditChain } from '../../app/utils/audit.server'
import { db, writeTransaction } from '../../app/utils/db.server'
import { makeCampaign, makeUser } from '../support/factories'

describe('the SQLite connection', () => {
  it('uses WAL, full sync, foreign keys and a busy timeout', async () => {
    const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0]
    expect(await pragma('journal_mode')).toBe('wal')
    expect(await pragma('synchronous')).toBe(2) // FULL
    expect(await pragma('foreign_keys')).toBe(1)
    expect(await pragma('busy_timeout')).toBeGreaterThanOrEqual(1000)
  })

  it('takes the write lock at BEGIN, before the first write (BEGIN IMMEDIATE)', async () => {
    const other = new BetterSqlite3(sqlitePath(process.env.DATABASE_URL!))
    other.pragma('busy_timeout = 0')
    try {
      await writeTransaction(db, async (tx) => {
        await tx.selectFrom('users').select('id').limit(1).execute() // only a read so far
        // With a plain BEGIN another connection could still take the write lock here.
        expect(() => other.exec('begin immediate')).toThrow(/database is locked/)
      })
      expect(() => {
        other.exec('begin immediate')
        other.exec('rollback')
      }).not.toThrow()
    } finally {
      other.close()
    }
  })

  it('rolls the whole transaction back when any part fails', async () => {
    const before = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    await expect(
      writeTransaction(db, async (tx) => {
        await appendAudit(tx, { actor: null, action: 'test', entityType: 'test', summary: 'should vanish' })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const after = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('enforces foreign keys', async () => {
    await expect(
      db.insertInto('campaign_co_owner').values({ campaign_id: 'no-such-campaign', user_id: 'no-such-user' }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/)
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

  it('is a hash chain that verifies, and names the first event that was tampered with', async () => {
    const owner = await makeUser(['designer'])
    await makeCampaign(owner)
    await makeCampaign(owner)
    const clean = await verifyAuditChain(db)
    expect(clean.firstBreak).toBeNull()
    expect(clean.checked).toBeGreaterThanOrEqual(3)

    const victim = await db.selectFrom('audit_event').select('id').orderBy('id').offset(1).limit(1).executeTakeFirstOrThrow()
    await sql`drop trigger audit_event_no_update`.execute(db)
    await sql`update audit_event set summary = 'nothing happened here' where id = ${victim.id}`.execute(db)
    const broken = await verifyAuditChain(db)
    expect(broken.firstBreak).toEqual({ id: victim.id, reason: `event ${victim.id} was altered after it was written (its hash does not match its content)` })
  })
})
