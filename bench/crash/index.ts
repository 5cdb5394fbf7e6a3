// npx tsx bench/crash/index.ts [ROUNDS=200]
// The long version of test/e2e/crash.test.ts: kill -9 the production server at a random moment during writes,
// ROUNDS times on one SQLite file, checking integrity and every acknowledged write after each round.
// Needs the production build (npm run build) and prints a summary for docs/reliability.md.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { crashRound } from '../../test/support/crash'

const rounds = Number(process.argv[2] ?? 200)
const file = path.resolve(`tmp/bench-crash-${crypto.randomUUID()}.sqlite`)
fs.mkdirSync(path.dirname(file), { recursive: true })
let acknowledged = 0
let failures = 0
const kills: number[] = []
const started = Date.now()
for (let round = 1; round <= rounds; round++) {
  const result = await crashRound(file, round)
  acknowledged += result.acknowledged
  kills.push(result.killedAfterMs)
  if (result.problems.length) {
    failures++
    console.error(`round ${round}: ${result.problems.join('; ')}`)
  }
  if (round % 20 === 0) console.log(`${round} rounds, ${acknowledged} acknowledged writes, ${failures} rounds with problems`)
}
const size = fs.statSync(file).size
console.log(
  JSON.stringify(
    {
      rounds,
      roundsWithProblems: failures,
      acknowledgedWrites: acknowledged,
      killAfterMs: { min: Math.min(...kills), max: Math.max(...kills) },
      databaseBytes: size,
      minutes: Number(((Date.now() - started) / 60000).toFixed(1)),
    },
    null,
    2,
  ),
)
for (const suffix of ['', '-wal', '-shm', '.audit-checkpoint.json']) fs.rmSync(file + suffix, { force: true })
process.exit(failures ? 1 : 0)
