import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDatabase } from '../../scripts/db/backup'
import { openDatabase } from '../../db/connection'
import { copyDatabase } from '../../scripts/db/copy'
import { makeCampaign, makeUser } from '../support/factories'
import { makeMessage } from '../support/messages'

async function counts(url: string): Promise<Record<string, number>> {
  const db = openDatabase(url, { poolSize: 1 })
  try {
    const result: Record<string, number> = {}
    for (const table of ['users', 'user_role', 'campaign', 'campaign_co_owner', 'audit_event', 'revision', 'message', 'wave'] as const) {
      const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      result[table] = Number(row.n)
    }
    return result
  } finally {
    await db.destroy()
  }
}

describe('moving between SQLite and PostgreSQL', () => {
  it('copies everything both ways with the audit chain intact, and refuses a target that already has data', async () => {
    const source = process.env.DATABASE_URL! // this file's PostgreSQL database
    const owner = await makeUser(['designer'])
    const coOwner = await makeUser(['designer'])
    const ref = await makeCampaign(owner, { coOwners: [coOwner.id] })
    await makeMessage(owner, ref)
    await makeCampaign(coOwner)
    const original = await counts(source)
    expect(original.message).toBe(1)
    expect(original.campaign_co_owner).toBe(1)

    const sqliteFile = path.resolve(`tmp/test-db/copy-${crypto.randomUUID()}.sqlite`)
    const backToPostgres = new URL(source)
    backToPostgres.pathname = `/copied_${crypto.randomUUID().replace(/-/g, '')}`
    try {
      await copyDatabase(source, sqliteFile)
      expect(await counts(sqliteFile)).toEqual(original)
      expect(await checkDatabase(sqliteFile)).toMatchObject({ ok: true, auditEvents: original.audit_event })

      const admin = openDatabase(source, { poolSize: 1 })
      const { sql } = await import('kysely')
      await sql.raw(`create database ${backToPostgres.pathname.slice(1)}`).execute(admin)
      await admin.destroy()
      await copyDatabase(sqliteFile, backToPostgres.toString())
      expect(await counts(backToPostgres.toString())).toEqual(original)
      expect((await checkDatabase(backToPostgres.toString())).ok).toBe(true)

      // New audit events on the copy continue the sequence after the copied ones.
      const copy = openDatabase(backToPostgres.toString(), { poolSize: 1 })
      const { appendAudit } = await import('../../app/utils/audit.server')
      await copy.transaction().execute((tx) => appendAudit(tx, { actor: null, action: 'test', entityType: 'test', summary: 'after the move' }))
      await copy.destroy()
      expect((await checkDatabase(backToPostgres.toString())).ok).toBe(true)

      await expect(copyDatabase(sqliteFile, backToPostgres.toString())).rejects.toThrow(/already has users/)
    } finally {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(sqliteFile + suffix, { force: true })
    }
  })
})
