import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { sqlitePath } from '../../db/connection'
import { db, writeTransaction } from '../../app/utils/db.server'

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
})
