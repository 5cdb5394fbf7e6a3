import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, vi } from 'vitest'

// Runs before each test file imports the app: point it at this file's own copy of the migrated database.
const template = path.resolve('tmp/test-db/template.sqlite')
const file = path.resolve(`tmp/test-db/file-${process.pid}-${crypto.randomUUID()}.sqlite`)
if (!process.env.TEST_DATABASE_URL) fs.copyFileSync(template, file)
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? file
process.env.NODE_ENV = 'test'
process.env.OTM_DEMO = '0'
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
  const { closeDatabases } = await import('../../app/utils/db.server')
  await closeDatabases()
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
})
