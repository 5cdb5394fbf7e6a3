import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeEach, inject, vi } from 'vitest'

// Runs before each test file imports the app: point it at this file's own copy of the migrated database —
// an SQLite file copied from a template, or a PostgreSQL database cloned from a template database.
export const testDialect = process.env.OTM_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite'

let dropDatabase: () => Promise<void>
if (testDialect === 'postgres') {
  const adminUrl = inject('postgresUrl')
  const name = `file_${crypto.randomUUID().replace(/-/g, '')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name} template otm_template`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
  process.env.DB_POOL_SIZE = '5'
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      // Without FORCE: a pool connection still saying goodbye would otherwise be killed mid-close.
      for (let attempt = 0; ; attempt++) {
        try {
          await client.query(`drop database if exists ${name}`)
          return
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
    } finally {
      await client.end()
    }
  }
} else {
  const template = path.resolve('tmp/test-db/template.sqlite')
  const file = path.resolve(`tmp/test-db/file-${process.pid}-${crypto.randomUUID()}.sqlite`)
  fs.copyFileSync(template, file)
  process.env.DATABASE_URL = file
  dropDatabase = async () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  }
}
process.env.NODE_ENV = 'test'
process.env.OTM_DEMO = '0'
process.env.AUDIT_HMAC_KEY = 'integration-test-audit-key-not-a-secret-0123456789'
// Each file's own checkpoint, outside the database, as in production.
const checkpointFile = path.resolve(`tmp/test-db/checkpoint-${process.pid}-${crypto.randomUUID()}.json`)
process.env.AUDIT_CHECKPOINT_FILE = checkpointFile
process.env.SCRYPT_COST = '1024' // the format and the check are the same; only the deliberate slowness is reduced

beforeEach(() => {
  // A test that makes the app log an error has found a bug, even if its assertions pass.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
  })
})

afterEach(async () => {
  vi.restoreAllMocks()
  const { testClock } = await import('../../app/utils/clock.server')
  testClock.reset()
})

afterAll(async () => {
  const { flushCheckpoint } = await import('../../app/utils/audit-checkpoint.server')
  const { closeDatabases } = await import('../../app/utils/db.server')
  await flushCheckpoint()
  await closeDatabases()
  await dropDatabase()
  fs.rmSync(checkpointFile, { force: true })
})
