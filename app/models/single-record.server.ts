// A record a campaign has at most one of (the Debt Management treatment, the launch date told to the Press Office),
// versioned from 1, saved through the content-write gateway like every other piece of signed content.
import type { DbOrTx, Tx } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'
import { writeCampaignContent, type WriteRefusal } from './content-write.server'

export type SingleRecordWriteResult<T> =
  | { ok: true; version: number }
  | { ok: false; reason: WriteRefusal | 'not-applicable' }
  | { ok: false; reason: 'conflict'; current: T | null }

/** How one kind of single record is read, written and described; version 0 means "none yet". */
export interface SingleRecord<T extends { version: number }, S extends Record<string, unknown>> {
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

export async function saveSingleRecord<T extends { version: number }, S extends Record<string, unknown>>(
  db: DbOrTx,
  input: { campaignId: string; version: number },
  user: SessionUser,
  record: SingleRecord<T, S>,
): Promise<SingleRecordWriteResult<T>> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record: change }): Promise<SingleRecordWriteResult<T>> => {
    const campaign = await tx.selectFrom('campaign').select(['extra_liability', 'press_inform']).where('id', '=', input.campaignId).executeTakeFirstOrThrow()
    if (!record.applies(campaign)) return { ok: false, reason: 'not-applicable' }
    const before = await record.read(tx)
    if ((before?.version ?? 0) !== input.version) return { ok: false, reason: 'conflict', current: before }
    const version = input.version + 1
    if (!(await record.write(tx, { version, at, before }))) return { ok: false, reason: 'conflict', current: before }
    const summary = record.summary(before)
    const { entityType } = record
    change({
      revision: { entityType, entityId: input.campaignId, version, summary, snapshot: record.snapshot },
      audit: {
        action: `${entityType}.saved`,
        entityType,
        entityId: input.campaignId,
        summary,
        before: before ? record.snapshotOf(before) : undefined,
        after: record.snapshot,
      },
    })
    return { ok: true, version }
  })
}
