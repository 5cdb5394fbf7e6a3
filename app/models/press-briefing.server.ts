import { formatDate } from '../campaign/options'
import type { DbOrTx } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'
import { saveSingleRecord, type SingleRecordWriteResult } from './single-record.server'

/** What the Press Office has been told (CH600440: keep them informed of the date the campaign will launch). */
export interface PressBriefing {
  launchDateTold: string
  version: number
  updatedAt: string
}

export async function getPressBriefing(db: DbOrTx, campaignId: string): Promise<PressBriefing | null> {
  const row = await db
    .selectFrom('press_briefing')
    .select(['launch_date_told', 'version', 'updated_at'])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst()
  return row ? { launchDateTold: row.launch_date_told, version: row.version, updatedAt: row.updated_at } : null
}

/** Records the launch date the Press Office was told; version 0 means none was recorded when the user started. */
export async function savePressBriefing(
  db: DbOrTx,
  input: { campaignId: string; version: number; launchDateTold: string },
  user: SessionUser,
): Promise<SingleRecordWriteResult<PressBriefing>> {
  return saveSingleRecord(db, input, user, {
    entityType: 'press-briefing',
    applies: (campaign) => campaign.press_inform === 1,
    read: (tx) => getPressBriefing(tx, input.campaignId),
    write: async (tx, { version, at, before }) => {
      if (!before) {
        await tx
          .insertInto('press_briefing')
          .values({ campaign_id: input.campaignId, launch_date_told: input.launchDateTold, version, created_at: at, updated_at: at })
          .execute()
        return true
      }
      const result = await tx
        .updateTable('press_briefing')
        .set({ launch_date_told: input.launchDateTold, version, updated_at: at })
        .where('campaign_id', '=', input.campaignId)
        .where('version', '=', before.version)
        .executeTakeFirst()
      return result.numUpdatedRows === 1n
    },
    snapshot: { launchDateTold: input.launchDateTold },
    snapshotOf: (briefing) => ({ launchDateTold: briefing.launchDateTold }),
    summary: () => `Recorded that the Press Office was told the launch date ${formatDate(input.launchDateTold)}`,
  })
}
