import crypto from 'node:crypto'
import { sql } from 'kysely'
import { canonicalJson } from '../utils/canonical-json'
import { dialectOf, type DbOrTx, type Tx } from '../../db/connection'
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
  await tx
    .insertInto('audit_event')
    .values({ ...fields, prev_hash: prevHash, hash: auditHash(prevHash, fields) })
    .execute()
}

export interface ChainBreak {
  id: number
  reason: string
}

/** Walks the whole chain in order; returns the first broken link, or null when every link holds. */
export async function verifyAuditChain(db: DbOrTx): Promise<{ checked: number; firstBreak: ChainBreak | null }> {
  let prevHash = GENESIS_HASH
  let checked = 0
  let afterId = 0
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(5000)
      .execute()
    if (rows.length === 0) return { checked, firstBreak: null }
    for (const row of rows) {
      checked++
      if (row.prev_hash !== prevHash) {
        return { checked, firstBreak: { id: row.id, reason: `event ${row.id} does not follow the event before it (previous hash differs)` } }
      }
      const { id: _id, prev_hash: _prev, hash, ...fields } = row
      if (auditHash(prevHash, fields) !== hash) {
        return { checked, firstBreak: { id: row.id, reason: `event ${row.id} was altered after it was written (its hash does not match its content)` } }
      }
      prevHash = hash
      afterId = row.id
    }
  }
}
