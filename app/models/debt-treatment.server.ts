import { appendAudit } from '../utils/audit.server'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { recordRevision } from '../utils/revision.server'
import type { SessionUser } from '../utils/roles'
import { refuseUnlessEditable, type WriteRefusal } from './content-access.server'
import { refreshSignOff } from './signoff.server'

/** Debt Management's treatment of customers left with extra liability. The estimate itself is on the campaign. */
export interface DebtTreatment {
  specialTreatment: string
  version: number
  updatedAt: string
}

export async function getDebtTreatment(db: DbOrTx, campaignId: string): Promise<DebtTreatment | null> {
  const row = await db
    .selectFrom('debt_treatment')
    .select(['special_treatment', 'version', 'updated_at'])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst()
  return row ? { specialTreatment: row.special_treatment, version: row.version, updatedAt: row.updated_at } : null
}

export type SingleRecordWriteResult<T> =
  | { ok: true; version: number }
  | { ok: false; reason: WriteRefusal | 'not-applicable' }
  | { ok: false; reason: 'conflict'; current: T | null }

/** Saves the treatment; version 0 means the user started from none recorded. */
export async function saveDebtTreatment(
  db: DbOrTx,
  input: { campaignId: string; version: number; specialTreatment: string },
  user: SessionUser,
): Promise<SingleRecordWriteResult<DebtTreatment>> {
  return writeTransaction(db, async (tx) => {
    const refusal = await refuseUnlessEditable(tx, input.campaignId, user)
    if (refusal) return { ok: false, reason: refusal }
    const campaign = await tx.selectFrom('campaign').select('extra_liability').where('id', '=', input.campaignId).executeTakeFirstOrThrow()
    if (campaign.extra_liability !== 1) return { ok: false, reason: 'not-applicable' }
    const before = await getDebtTreatment(tx, input.campaignId)
    if ((before?.version ?? 0) !== input.version) return { ok: false, reason: 'conflict', current: before }
    const version = input.version + 1
    const at = nowIso()
    if (before) {
      const result = await tx
        .updateTable('debt_treatment')
        .set({ special_treatment: input.specialTreatment, version, updated_at: at })
        .where('campaign_id', '=', input.campaignId)
        .where('version', '=', input.version)
        .executeTakeFirst()
      if (result.numUpdatedRows !== 1n) return { ok: false, reason: 'conflict', current: before }
    } else {
      await tx
        .insertInto('debt_treatment')
        .values({ campaign_id: input.campaignId, special_treatment: input.specialTreatment, version, created_at: at, updated_at: at })
        .execute()
    }
    const snapshot = { specialTreatment: input.specialTreatment }
    const summary = before ? 'Changed the Debt Management special treatment' : 'Recorded the Debt Management special treatment'
    await recordRevision(tx, { entityType: 'debt-treatment', entityId: input.campaignId, campaignId: input.campaignId, version, authorId: user.id, summary, snapshot })
    await appendAudit(tx, {
      actor: user,
      campaignId: input.campaignId,
      action: 'debt-treatment.saved',
      entityType: 'debt-treatment',
      entityId: input.campaignId,
      summary,
      before: before ? { specialTreatment: before.specialTreatment } : undefined,
      after: snapshot,
    })
    await refreshSignOff(tx, input.campaignId, user)
    return { ok: true, version }
  })
}
