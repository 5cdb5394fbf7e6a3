import { formatDate } from '../campaign/options'
import { appendAudit } from '../utils/audit.server'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { recordRevision } from '../utils/revision.server'
import type { SessionUser } from '../utils/roles'
import { refuseUnlessEditable } from './content-access.server'
import type { SingleRecordWriteResult } from './debt-treatment.server'
import { refreshSignOff } from './signoff.server'

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
  return writeTransaction(db, async (tx) => {
    const refusal = await refuseUnlessEditable(tx, input.campaignId, user)
    if (refusal) return { ok: false, reason: refusal }
    const campaign = await tx.selectFrom('campaign').select('press_inform').where('id', '=', input.campaignId).executeTakeFirstOrThrow()
    if (campaign.press_inform !== 1) return { ok: false, reason: 'not-applicable' }
    const before = await getPressBriefing(tx, input.campaignId)
    if ((before?.version ?? 0) !== input.version) return { ok: false, reason: 'conflict', current: before }
    const version = input.version + 1
    const at = nowIso()
    if (before) {
      const result = await tx
        .updateTable('press_briefing')
        .set({ launch_date_told: input.launchDateTold, version, updated_at: at })
        .where('campaign_id', '=', input.campaignId)
        .where('version', '=', input.version)
        .executeTakeFirst()
      if (result.numUpdatedRows !== 1n) return { ok: false, reason: 'conflict', current: before }
    } else {
      await tx
        .insertInto('press_briefing')
        .values({ campaign_id: input.campaignId, launch_date_told: input.launchDateTold, version, created_at: at, updated_at: at })
        .execute()
    }
    const snapshot = { launchDateTold: input.launchDateTold }
    const summary = `Recorded that the Press Office was told the launch date ${formatDate(input.launchDateTold)}`
    await recordRevision(tx, { entityType: 'press-briefing', entityId: input.campaignId, campaignId: input.campaignId, version, authorId: user.id, summary, snapshot })
    await appendAudit(tx, {
      actor: user,
      campaignId: input.campaignId,
      action: 'press-briefing.saved',
      entityType: 'press-briefing',
      entityId: input.campaignId,
      summary,
      before: before ? { launchDateTold: before.launchDateTold } : undefined,
      after: snapshot,
    })
    await refreshSignOff(tx, input.campaignId, user)
    return { ok: true, version }
  })
}
