import { appendAudit } from '../utils/audit.server'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx, type Tx } from '../utils/db.server'
import { recordRevision } from '../utils/revision.server'
import type { SessionUser } from '../utils/roles'
import { refuseUnlessEditable, type WriteRefusal } from './content-access.server'
import { refreshSignOff } from './signoff.server'

export type SingleRecordWriteResult<T> =
  | { ok: true; version: number }
  | { ok: false; reason: WriteRefusal | 'not-applicable' }
  | { ok: false; reason: 'conflict'; current: T | null }

/** A record a campaign has at most one of, versioned from 1; version 0 means "none yet". */
export interface CampaignRecord<T extends { version: number }, S extends Record<string, unknown>> {
  entityType: 'debt-treatment' | 'press-briefing'
  /** Whether the campaign needs the record at all. */
  applies: (campaign: { extra_liability: number; press_inform: number }) => boolean
  read: (tx: Tx) => Promise<T | null>
  /** Inserts (no `before`) or updates the row still at `before.version`; false when another save got there first. */
  write: (tx: Tx, change: { version: number; at: string; before: T | null }) => Promise<boolean>
  snapshot: S
  snapshotOf: (record: T) => S
  summary: (before: T | null) => string
}

/**
 * Saves a one-per-campaign record the way every content write goes: authorship re-checked in the transaction, the
 * version compared, a revision, an audit event, and the sign-off brought up to date.
 */
export async function saveCampaignRecord<T extends { version: number }, S extends Record<string, unknown>>(
  db: DbOrTx,
  input: { campaignId: string; version: number },
  user: SessionUser,
  record: CampaignRecord<T, S>,
): Promise<SingleRecordWriteResult<T>> {
  return writeTransaction(db, async (tx) => {
    const refusal = await refuseUnlessEditable(tx, input.campaignId, user)
    if (refusal) return { ok: false, reason: refusal }
    const campaign = await tx.selectFrom('campaign').select(['extra_liability', 'press_inform']).where('id', '=', input.campaignId).executeTakeFirstOrThrow()
    if (!record.applies(campaign)) return { ok: false, reason: 'not-applicable' }
    const before = await record.read(tx)
    if ((before?.version ?? 0) !== input.version) return { ok: false, reason: 'conflict', current: before }
    const version = input.version + 1
    if (!(await record.write(tx, { version, at: nowIso(), before }))) return { ok: false, reason: 'conflict', current: before }
    const summary = record.summary(before)
    const { entityType } = record
    await recordRevision(tx, { entityType, entityId: input.campaignId, campaignId: input.campaignId, version, authorId: user.id, summary, snapshot: record.snapshot })
    await appendAudit(tx, {
      actor: user,
      campaignId: input.campaignId,
      action: `${entityType}.saved`,
      entityType,
      entityId: input.campaignId,
      summary,
      before: before ? record.snapshotOf(before) : undefined,
      after: record.snapshot,
    })
    await refreshSignOff(tx, input.campaignId, user)
    return { ok: true, version }
  })
}
