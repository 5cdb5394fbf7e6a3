// kill -9 at a random moment, again and again: the database stays sound and nothing acknowledged is lost.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { skipBrowser } from '../support/browser'
import { checkFile, crashRound } from '../support/crash'

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 10)

describe.skipIf(skipBrowser)('crashes', () => {
  const file = path.resolve(`tmp/e2e/crash-${crypto.randomUUID()}.sqlite`)
  afterAll(() => {
    for (const suffix of ['', '-wal', '-shm', '.audit-checkpoint.json']) fs.rmSync(file + suffix, { force: true })
  })

  it(`survives ${ROUNDS} rounds of kill -9 during writes with every acknowledged write intact`, async () => {
    let acknowledged = 0
    for (let round = 1; round <= ROUNDS; round++) {
      const result = await crashRound(file, round)
      expect(result.problems, `round ${round}, killed after ${result.killedAfterMs} ms`).toEqual([])
      acknowledged += result.acknowledged
    }
    // The rounds really wrote: a crash test that never got a write through would prove nothing.
    expect(acknowledged).toBeGreaterThan(ROUNDS * 5)

    // And the check itself would notice a lost or rolled-back write.
    expect(checkFile(file, [{ kind: 'create', ref: 'OTM-2099-999', version: 1, name: 'never written' }])).toEqual([
      'acknowledged create of OTM-2099-999 is missing',
    ])
  }, 600_000)
})
