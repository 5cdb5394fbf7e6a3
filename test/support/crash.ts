// Crash rounds: start the production server on one SQLite file, drive writes, record every write that got a
// success response, kill -9 the server at a random moment, then check the file with the server dead.
// Shared by test/e2e/crash.test.ts (CI: 20 rounds) and bench/crash (200 rounds).
import BetterSqlite3 from 'better-sqlite3'
import { openDatabase } from '../../db/connection'
import { verifyAuditChain } from '../../app/utils/audit.server'
import { DEMO_PASSWORD, startApp } from './browser'
import { HttpClient, hiddenValue } from './http'
import { campaignForm, campaignInput } from './campaign-form'

export interface AcknowledgedWrite {
  kind: 'create' | 'edit'
  ref: string
  version: number
  name: string
}

export interface RoundResult {
  round: number
  acknowledged: number
  killedAfterMs: number
  problems: string[]
}

const campaignFormNamed = (name: string) => campaignForm(campaignInput({ name }))

/** One writer: creates a campaign, then keeps editing it, recording each write the server acknowledged. */
async function writer(client: HttpClient, id: string, acknowledged: AcknowledgedWrite[], stop: { now: boolean }) {
  let ref: string | null = null
  let version = 0
  for (let i = 0; !stop.now; i++) {
    const name = `crash ${id} #${i}`
    try {
      if (!ref) {
        const created = await client.post('/campaigns/new', campaignFormNamed(name))
        if (created.status !== 303) continue
        ref = /\/campaigns\/(OTM-\d{4}-\d{3})/.exec(created.headers.get('location')!)![1]!
        version = 1
        acknowledged.push({ kind: 'create', ref, version, name })
      } else {
        const saved = await client.post(`/campaigns/${ref}/describe/edit`, { ...campaignFormNamed(name), version: String(version) })
        if (saved.status === 303) {
          version++
          acknowledged.push({ kind: 'edit', ref, version, name })
        } else if (saved.status === 409) {
          version = Number(hiddenValue(await saved.text(), 'version'))
        }
      }
    } catch {
      return // the server was killed mid-request: that write was never acknowledged
    }
  }
}

export function checkFile(file: string, acknowledged: AcknowledgedWrite[]): string[] {
  const problems: string[] = []
  const db = new BetterSqlite3(file)
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)
    if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.join('; ')}`)
    const foreignKeys = db.pragma('foreign_key_check') as unknown[]
    if (foreignKeys.length) problems.push(`foreign_key_check: ${foreignKeys.length} rows`)
    const latest = new Map<string, AcknowledgedWrite>()
    for (const write of acknowledged) {
      const seen = latest.get(write.ref)
      if (!seen || write.version > seen.version) latest.set(write.ref, write)
    }
    const find = db.prepare('select name, version from campaign where ref = ?')
    for (const write of latest.values()) {
      const row = find.get(write.ref) as { name: string; version: number } | undefined
      if (!row) problems.push(`acknowledged ${write.kind} of ${write.ref} is missing`)
      else if (row.version < write.version) problems.push(`${write.ref} is at version ${row.version}, but version ${write.version} was acknowledged`)
      else if (row.version === write.version && row.name !== write.name) problems.push(`${write.ref} v${write.version} holds "${row.name}", not the acknowledged "${write.name}"`)
    }
  } finally {
    db.close()
  }
  return problems
}

export async function crashRound(file: string, round: number, options: { writers?: number; maxKillMs?: number } = {}): Promise<RoundResult> {
  const app = await startApp({ DATABASE_URL: file, SCRYPT_COST: '1024' })
  const acknowledged: AcknowledgedWrite[] = []
  const stop = { now: false }
  const client = new HttpClient(app.baseUrl)
  await client.signIn('designer@example.gov.uk', DEMO_PASSWORD)
  const writers = Array.from({ length: options.writers ?? 4 }, (_, i) => writer(client, `r${round}w${i}`, acknowledged, stop))
  const killedAfterMs = 50 + Math.floor(Math.random() * (options.maxKillMs ?? 1500))
  await new Promise((resolve) => setTimeout(resolve, killedAfterMs))
  app.process.kill('SIGKILL')
  await new Promise((resolve) => app.process.once('exit', resolve))
  stop.now = true
  await Promise.all(writers)
  const problems = checkFile(file, acknowledged)
  // The audit trail survives too: every event written is chained to the one before it.
  const db = openDatabase(file, { poolSize: 1 })
  try {
    const chain = await verifyAuditChain(db)
    if (chain.firstBreak) problems.push(`audit chain: ${chain.firstBreak.reason}`)
  } finally {
    await db.destroy()
  }
  return { round, acknowledged: acknowledged.length, killedAfterMs, problems }
}
