import crypto from 'node:crypto'
import { checkExtraFieldName } from '../content/fields'
import { LIMITS } from '../content/limits'
import { normaliseName } from '../content/placeholders'
import type { DbOrTx } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'
import { writeCampaignContent, type WriteRefusal } from './content-write.server'

export interface CampaignField {
  id: string
  name: string
}

export async function listCampaignFields(db: DbOrTx, campaignId: string): Promise<CampaignField[]> {
  return db.selectFrom('campaign_field').select(['id', 'name']).where('campaign_id', '=', campaignId).orderBy('created_at').orderBy('name').execute()
}

/** The names the content checks receive as `extraFields`. */
export async function listCampaignFieldNames(db: DbOrTx, campaignId: string): Promise<string[]> {
  return (await listCampaignFields(db, campaignId)).map((field) => field.name)
}

export type AddFieldResult = { ok: true; id: string } | { ok: false; reason: WriteRefusal } | { ok: false; reason: 'invalid'; error: string }

export async function addCampaignField(db: DbOrTx, input: { campaignId: string; name: string }, user: SessionUser): Promise<AddFieldResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<AddFieldResult> => {
    const existing = await listCampaignFieldNames(tx, input.campaignId)
    if (existing.length >= LIMITS.extraFields.count) {
      return { ok: false, reason: 'invalid', error: `A campaign can have up to ${LIMITS.extraFields.count} custom fields` }
    }
    const error = checkExtraFieldName(input.name, existing)
    if (error) return { ok: false, reason: 'invalid', error }
    const name = input.name.trim()
    const id = crypto.randomUUID()
    await tx.insertInto('campaign_field').values({ id, campaign_id: input.campaignId, name, name_key: normaliseName(name), created_at: at }).execute()
    record({ audit: { action: 'campaign-field.added', entityType: 'campaign-field', entityId: id, summary: `Added the custom field ((${name}))`, after: { name } } })
    return { ok: true, id }
  })
}

export type RemoveFieldResult = { ok: true; name: string } | { ok: false; reason: WriteRefusal }

export async function removeCampaignField(db: DbOrTx, input: { campaignId: string; fieldId: string }, user: SessionUser): Promise<RemoveFieldResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, record }): Promise<RemoveFieldResult> => {
    const field = await tx
      .selectFrom('campaign_field')
      .select(['id', 'name'])
      .where('id', '=', input.fieldId)
      .where('campaign_id', '=', input.campaignId)
      .executeTakeFirst()
    if (!field) return { ok: false, reason: 'not-found' }
    await tx.deleteFrom('campaign_field').where('id', '=', field.id).execute()
    record({
      audit: { action: 'campaign-field.removed', entityType: 'campaign-field', entityId: field.id, summary: `Removed the custom field ((${field.name}))`, before: { name: field.name } },
    })
    return { ok: true, name: field.name }
  })
}
