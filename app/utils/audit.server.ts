import crypto from 'node:crypto'
import { sql } from 'kysely'
import { canonicalJson } from '../utils/canonical-json'
import { afterCommit, dialectOf, writeTransaction, type Db, type DbOrTx, type Tx } from '../../db/connection'
import { checkpointNow, requestCheckpoint } from './audit-checkpoint.server'
import { auditKey, eventSeal, sealsMatch } from './audit-seal.server'
import { nowIso } from './clock.server'

export const GENESIS_HASH = '0'.repeat(64)
const AUDIT_LOCK_KEY = 727_001

export interface Actor {
  id: string
  email: string
}

export interface AuditInput {
  actor: Actor | null
  campaignId?: string | null
  action: string
  entityType: string
  entityId?: string | null
  summary: string
  before?: unknown
  after?: unknown
}

export interface ChainedFields {
  at: string
  actor_id: string | null
  actor_email: string | null
  campaign_id: string | null
  action: string
  entity_type: string
  entity_id: string | null
  summary: string
  before_json: string | null
  after_json: string | null
}

export function auditHash(prevHash: string, fields: ChainedFields): string {
  return crypto.createHash('sha256').update(`${prevHash}\n${canonicalJson(fields)}`).digest('hex')
}

/**
 * PostgreSQL: one audited writer at a time, so two transactions never chain onto the same previous event. A
 * transaction that takes this before touching any row cannot deadlock with another audited writer (the lock is held to
 * the end of the transaction either way). SQLite's BEGIN IMMEDIATE already admits one writer at a time.
 */
export async function lockAuditChain(tx: Tx): Promise<void> {
  if (dialectOf(tx) === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx)
}

/**
 * Appends one event to the hash-chained audit trail. It must run inside the same write transaction as the
 * change it records, so the two commit or roll back together.
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  if (!tx.isTransaction) throw new Error('appendAudit must run inside the transaction that makes the change')
  await lockAuditChain(tx)
  const last = await tx.selectFrom('audit_event').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst()
  const prevHash = last?.hash ?? GENESIS_HASH
  const fields: ChainedFields = {
    at: nowIso(),
    actor_id: input.actor?.id ?? null,
    actor_email: input.actor?.email ?? null,
    campaign_id: input.campaignId ?? null,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId ?? null,
    summary: input.summary,
    before_json: input.before === undefined ? null : canonicalJson(input.before),
    after_json: input.after === undefined ? null : canonicalJson(input.after),
  }
  const key = auditKey()
  const hash = auditHash(prevHash, fields)
  await tx
    .insertInto('audit_event')
    .values({ ...fields, prev_hash: prevHash, hash, seal: eventSeal(key, hash) })
    .execute()
  // Outside a writeTransaction nothing says when this commits; the next event's checkpoint will cover it.
  afterCommit(tx, (db) => requestCheckpoint(db, key))
}

/**
 * Seals a trail written before sealing began, or by a process without the key: one event, sealed, whose hash covers
 * every event before it. Then writes the checkpoint. Runs at start-up.
 */
export async function sealAuditTrail(db: Db): Promise<void> {
  const key = auditKey()
  await writeTransaction(db, async (tx) => {
    const head = await tx.selectFrom('audit_event').select(['id', 'seal']).orderBy('id', 'desc').limit(1).executeTakeFirst()
    if (!head || head.seal !== null) return
    const unsealed = await tx.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('seal', 'is', null).executeTakeFirstOrThrow()
    await appendAudit(tx, {
      actor: null,
      action: 'audit.sealed',
      entityType: 'audit',
      summary: `Sealed the audit trail: this event's seal covers the ${Number(unsealed.n).toLocaleString('en-GB')} events written before sealing began`,
    })
  })
  await checkpointNow(db, key)
}

export interface ChainBreak {
  id: number
  reason: string
}

export interface ChainReport {
  checked: number
  firstBreak: ChainBreak | null
  /** Events that carry a seal. Events before the first sealed one have none; every event after it must. */
  sealed: number
  /** The newest event, which a checkpoint should name, and whether it carries a seal. */
  head: { id: number; hash: string; sealed: boolean } | null
}

/**
 * Walks the whole chain in order; returns the first broken link, or null when every link holds. With the audit key,
 * it also checks every event's seal: a chain rewritten and re-hashed by someone without the key breaks there.
 */
export async function verifyAuditChain(db: DbOrTx, options: { key?: Buffer | null } = {}): Promise<ChainReport> {
  const key = options.key ?? null
  let prevHash = GENESIS_HASH
  let checked = 0
  let sealed = 0
  let afterId = 0
  let head: ChainReport['head'] = null
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(5000)
      .execute()
    if (rows.length === 0) return { checked, firstBreak: null, sealed, head }
    for (const row of rows) {
      checked++
      const broken = (reason: string) => ({ checked, sealed, head, firstBreak: { id: row.id, reason } })
      if (row.prev_hash !== prevHash) return broken(`event ${row.id} does not follow the event before it (previous hash differs)`)
      const { id: _id, prev_hash: _prev, hash, seal, ...fields } = row
      if (auditHash(prevHash, fields) !== hash) return broken(`event ${row.id} was altered after it was written (its hash does not match its content)`)
      if (seal !== null) sealed++
      else if (sealed > 0) return broken(`event ${row.id} has no seal, though events before it do: it was written by someone without the audit key`)
      if (key && seal !== null && !sealsMatch(eventSeal(key, hash), seal)) {
        return broken(`event ${row.id}'s seal does not match: the trail from here on was rewritten by someone without the audit key, or it is checked with the wrong key`)
      }
      prevHash = hash
      afterId = row.id
      head = { id: row.id, hash, sealed: seal !== null }
    }
  }
}
