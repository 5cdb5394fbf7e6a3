import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupDatabase, checkDatabase, restoreDatabase } from '../../scripts/db/backup'
import { openDatabase } from '../../db/connection'
import { dialectForUrl } from '../../db/dialect'
import { makeCampaign, makeUser } from '../support/factories'

function restoreTarget(sourceUrl: string): string {
  if (dialectForUrl(sourceUrl) === 'postgres') {
    const url = new URL(sourceUrl)
    url.pathname = `/restored_${crypto.randomUUID().replace(/-/g, '')}`
    return url.toString()
  }
  return path.resolve(`tmp/test-db/restored-${crypto.randomUUID()}.sqlite`)
}

describe('backup and restore', () => {
  it('backs up while writes are running, and the restore holds every write acknowledged before the backup began', async () => {
    const url = process.env.DATABASE_URL!
    const owner = await makeUser(['designer'])
    const acknowledged: string[] = []
    let stop = false
    let failure: unknown = null
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          acknowledged.push(await makeCampaign(owner, { name: `Written during the drill ${i}` }))
          // Requests reach a server as separate events; without this yield SQLite's synchronous driver
          // would keep the event loop to itself and the backup would never get a turn.
          await new Promise((resolve) => setImmediate(resolve))
        } catch (error) {
          failure = error
          return
        }
      }
    })()
    const waitFor = async (n: number) => {
      while (acknowledged.length < n && !failure) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await waitFor(15)
    const acknowledgedBeforeBackup = [...acknowledged]
    const file = path.resolve(`tmp/test-db/backup-${crypto.randomUUID()}.${dialectForUrl(url) === 'postgres' ? 'dump' : 'sqlite'}`)
    const backup = await backupDatabase(url, file)
    const duringBackup = acknowledged.length - acknowledgedBeforeBackup.length
    await waitFor(acknowledged.length + 5) // writes carry on after the backup too
    stop = true
    await writer
    expect(failure).toBeNull()
    expect(backup.bytes).toBeGreaterThan(0)

    const target = restoreTarget(url)
    await restoreDatabase(file, target)
    const report = await checkDatabase(target)
    expect(report).toMatchObject({ ok: true, problems: [] })
    expect(report.auditEvents).toBeGreaterThan(acknowledgedBeforeBackup.length)

    const restored = openDatabase(target, { poolSize: 1 })
    try {
      const refs = new Set((await restored.selectFrom('campaign').select('ref').execute()).map((row) => row.ref))
      const missing = acknowledgedBeforeBackup.filter((ref) => !refs.has(ref))
      expect(missing).toEqual([])
      // The snapshot is a real point in time: it never holds a write from after the backup finished.
      expect(refs.size).toBeLessThanOrEqual(acknowledgedBeforeBackup.length + duringBackup + 1)
    } finally {
      await restored.destroy()
      fs.rmSync(file, { force: true })
      if (dialectForUrl(target) === 'sqlite') for (const s of ['', '-wal', '-shm']) fs.rmSync(target + s, { force: true })
    }
  })

  it('refuses to restore over a database that has data, unless told to replace it', async () => {
    const url = process.env.DATABASE_URL!
    const owner = await makeUser(['designer'])
    await makeCampaign(owner)
    const file = path.resolve(`tmp/test-db/backup-${crypto.randomUUID()}.${dialectForUrl(url) === 'postgres' ? 'dump' : 'sqlite'}`)
    await backupDatabase(url, file)
    const target = restoreTarget(url)
    await restoreDatabase(file, target)
    await expect(restoreDatabase(file, target)).rejects.toThrow(/replace/)
    await restoreDatabase(file, target, { replace: true })
    expect((await checkDatabase(target)).ok).toBe(true)
    fs.rmSync(file, { force: true })
    if (dialectForUrl(target) === 'sqlite') for (const s of ['', '-wal', '-shm']) fs.rmSync(target + s, { force: true })
  })
})
