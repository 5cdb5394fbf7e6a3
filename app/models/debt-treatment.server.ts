import type { DbOrTx } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'
import { saveSingleRecord, type SingleRecordWriteResult } from './single-record.server'

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

export type { SingleRecordWriteResult } from './single-record.server'

/** Saves the treatment; version 0 means the user started from none recorded. */
export async function saveDebtTreatment(
  db: DbOrTx,
  input: { campaignId: string; version: number; specialTreatment: string },
  user: SessionUser,
): Promise<SingleRecordWriteResult<DebtTreatment>> {
  return saveSingleRecord(db, input, user, {
    entityType: 'debt-treatment',
    applies: (campaign) => campaign.extra_liability === 1,
    read: (tx) => getDebtTreatment(tx, input.campaignId),
    write: async (tx, { version, at, before }) => {
      if (!before) {
        await tx
          .insertInto('debt_treatment')
          .values({ campaign_id: input.campaignId, special_treatment: input.specialTreatment, version, created_at: at, updated_at: at })
          .execute()
        return true
      }
      const result = await tx
        .updateTable('debt_treatment')
        .set({ special_treatment: input.specialTreatment, version, updated_at: at })
        .where('campaign_id', '=', input.campaignId)
        .where('version', '=', before.version)
        .executeTakeFirst()
      return result.numUpdatedRows === 1n
    },
    snapshot: { specialTreatment: input.specialTreatment },
    snapshotOf: (treatment) => ({ specialTreatment: treatment.specialTreatment }),
    summary: (before) => (before ? 'Changed the Debt Management special treatment' : 'Recorded the Debt Management special treatment'),
  })
}
