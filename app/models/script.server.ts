import crypto from 'node:crypto'
import type { ScriptRow } from '../../db/types'
import { CALL_TYPE_LABELS, CALL_TYPES, SCRIPT_SECTIONS, type CallType, type ScriptSections } from '../content'
import type { DbOrTx } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'
import { writeCampaignContent, type WriteRefusal } from './content-write.server'

export interface Script extends ScriptSections {
  id: string
  callType: CallType
  version: number
  updatedAt: string
}

const COLUMNS = ['id', 'call_type', 'opening', 'verification', 'recording_notice', 'body', 'closing', 'version', 'updated_at'] as const

function fromRow(row: Pick<ScriptRow, (typeof COLUMNS)[number]>): Script {
  return {
    id: row.id,
    callType: row.call_type as CallType,
    opening: row.opening,
    verification: row.verification,
    recordingNotice: row.recording_notice,
    body: row.body,
    closing: row.closing,
    version: row.version,
    updatedAt: row.updated_at,
  }
}

export function isCallType(value: unknown): value is CallType {
  return typeof value === 'string' && (CALL_TYPES as readonly string[]).includes(value)
}

/** What a version of a script holds, for its history, its diff and the audit trail. */
export function scriptSnapshot(script: ScriptSections & { callType: CallType }) {
  return {
    callType: script.callType,
    opening: script.opening,
    verification: script.verification,
    recordingNotice: script.recordingNotice,
    body: script.body,
    closing: script.closing,
  }
}

export const SCRIPT_DIFF_LABELS: Record<string, string> = {
  callType: 'Call type',
  opening: 'Opening',
  verification: 'Verification',
  recordingNotice: 'Recording notice',
  body: 'Body',
  closing: 'Closing',
}

/** The campaign's scripts in the standard order of call types. */
export async function listScripts(db: DbOrTx, campaignId: string): Promise<Script[]> {
  const rows = await db.selectFrom('script').select(COLUMNS).where('campaign_id', '=', campaignId).execute()
  return rows.map(fromRow).sort((a, b) => CALL_TYPES.indexOf(a.callType) - CALL_TYPES.indexOf(b.callType))
}

export async function getScript(db: DbOrTx, campaignId: string, callType: CallType): Promise<Script | undefined> {
  const row = await db.selectFrom('script').select(COLUMNS).where('campaign_id', '=', campaignId).where('call_type', '=', callType).executeTakeFirst()
  return row ? fromRow(row) : undefined
}

export type ScriptWriteResult =
  | { ok: true; version: number }
  | { ok: false; reason: WriteRefusal | 'gone' }
  | { ok: false; reason: 'conflict'; current: Script | null }

const columnsOf = (sections: ScriptSections) => ({
  opening: sections.opening,
  verification: sections.verification,
  recording_notice: sections.recordingNotice,
  body: sections.body,
  closing: sections.closing,
})

/**
 * Creates the script for a call type (expected version 0) or saves a new version of it. Either way the version the
 * user started from must still be the current one: a script someone else created, changed or removed meanwhile is
 * a conflict, and the caller keeps the user's text on screen.
 */
export async function saveScript(
  db: DbOrTx,
  input: { campaignId: string; callType: CallType; version: number; sections: ScriptSections },
  user: SessionUser,
): Promise<ScriptWriteResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<ScriptWriteResult> => {
    const before = await getScript(tx, input.campaignId, input.callType)
    const label = CALL_TYPE_LABELS[input.callType].toLowerCase()
    const afterSnapshot = scriptSnapshot({ ...input.sections, callType: input.callType })
    if (!before) {
      if (input.version !== 0) return { ok: false, reason: 'conflict', current: null }
      const id = crypto.randomUUID()
      await tx
        .insertInto('script')
        .values({ id, campaign_id: input.campaignId, call_type: input.callType, ...columnsOf(input.sections), version: 1, created_at: at, updated_at: at })
        .execute()
      record({
        revision: { entityType: 'script', entityId: id, version: 1, summary: 'Wrote the script', snapshot: afterSnapshot },
        audit: { action: 'script.created', entityType: 'script', entityId: id, summary: `Wrote the ${label} script`, after: afterSnapshot },
      })
      return { ok: true, version: 1 }
    }
    if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before }
    const version = before.version + 1
    const result = await tx
      .updateTable('script')
      .set({ ...columnsOf(input.sections), version, updated_at: at })
      .where('id', '=', before.id)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (result.numUpdatedRows !== 1n) return { ok: false, reason: 'conflict', current: before }
    const beforeSnapshot = scriptSnapshot(before)
    const changed = SCRIPT_SECTIONS.filter((section) => beforeSnapshot[section] !== afterSnapshot[section])
    const summary = changed.length ? `Changed the ${changed.map((s) => SCRIPT_DIFF_LABELS[s]!.toLowerCase()).join(', ')}` : 'Saved with no changes'
    record({
      revision: { entityType: 'script', entityId: before.id, version, summary, snapshot: afterSnapshot },
      audit: {
        action: 'script.updated',
        entityType: 'script',
        entityId: before.id,
        summary: `${summary} of the ${label} script`,
        before: Object.fromEntries(changed.map((key) => [key, beforeSnapshot[key]])),
        after: Object.fromEntries(changed.map((key) => [key, afterSnapshot[key]])),
      },
    })
    return { ok: true, version }
  })
}

export async function removeScript(
  db: DbOrTx,
  input: { campaignId: string; callType: CallType; version: number },
  user: SessionUser,
): Promise<ScriptWriteResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, record }): Promise<ScriptWriteResult> => {
    const before = await getScript(tx, input.campaignId, input.callType)
    if (!before) return { ok: false, reason: 'gone' }
    if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before }
    const welsh = await tx.selectFrom('translation').select('version').where('entity_type', '=', 'script').where('entity_id', '=', before.id).executeTakeFirst()
    // Its Welsh version goes with it (a trigger of migration 0110).
    await tx.deleteFrom('script').where('id', '=', before.id).where('version', '=', input.version).execute()
    record({
      audit: {
        action: 'script.removed',
        entityType: 'script',
        entityId: before.id,
        summary: `Removed the ${CALL_TYPE_LABELS[input.callType].toLowerCase()} script${welsh ? ', and its Welsh version' : ''}`,
        before: scriptSnapshot(before),
      },
    })
    return { ok: true, version: before.version }
  })
}
