// The one way signed campaign content is written (docs/decisions/0060-one-content-write-path.md). Every write runs the
// same pipeline in one write transaction: refuse unless the user may write now → the body's own checks and writes →
// a revision for each versioned record → an audit event for each change → the sign-off brought up to date. A body
// that refuses rolls back whatever it wrote, so nothing is ever half-saved.
import type { AuditInput } from '../utils/audit.server'
import { appendAudit, lockAuditChain } from '../utils/audit.server'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx, type Tx } from '../utils/db.server'
import { recordRevision, type RevisionInput } from '../utils/revision.server'
import type { SessionUser } from '../utils/roles'
import { refuseUnlessEditable, type WriteRefusal } from './content-access.server'
import { syncSignOff } from './signoff/sync.server'

export type { WriteRefusal } from './content-access.server'

/** One change a write made: the new version's content (for versioned records), and what the audit trail says. */
export interface ContentChange {
  revision?: Pick<RevisionInput, 'entityType' | 'entityId' | 'version' | 'summary' | 'snapshot'>
  audit: Omit<AuditInput, 'actor' | 'campaignId'>
}

export interface ContentWrite {
  tx: Tx
  campaignId: string
  user: SessionUser
  /** One timestamp for everything the write stores. */
  at: string
  /** Records a change; its revision and audit event are written, in order, once the body has succeeded. */
  record(change: ContentChange): void
}

/** Who may make the write: returns why not, or null. The default lets an owner or co-owner designer write before launch. */
export type WriteAccess<R extends string> = (tx: Tx, campaignId: string, user: SessionUser) => Promise<R | null>

class Refused<T> {
  constructor(readonly result: T) {}
}

export async function writeCampaignContent<T extends { ok: boolean }, R extends string = WriteRefusal>(
  db: DbOrTx,
  target: { campaignId: string; user: SessionUser; access?: WriteAccess<R> },
  body: (write: ContentWrite) => Promise<T>,
): Promise<T | { ok: false; reason: NoInfer<R> }> {
  const { campaignId, user } = target
  const access = target.access ?? (refuseUnlessEditable as unknown as WriteAccess<R>)
  try {
    return await writeTransaction(db, async (tx) => {
      // Every content write ends by appending to the audit chain; queueing for it first, before any row is locked,
      // keeps two writes of the same campaign from deadlocking on PostgreSQL.
      await lockAuditChain(tx)
      const refusal = await access(tx, campaignId, user)
      if (refusal) return { ok: false as const, reason: refusal }
      const changes: ContentChange[] = []
      const result = await body({ tx, campaignId, user, at: nowIso(), record: (change) => void changes.push(change) })
      if (!result.ok) throw new Refused(result)
      for (const { revision, audit } of changes) {
        if (revision) await recordRevision(tx, { ...revision, campaignId, authorId: user.id })
        await appendAudit(tx, { ...audit, actor: user, campaignId })
      }
      await syncSignOff(tx, campaignId, user)
      return result
    })
  } catch (error) {
    if (error instanceof Refused) return error.result as T
    throw error
  }
}
