import { historyEntityType, type HistoryEntityType } from '../history/entities'
import { findDeletion, getRevisionSnapshots, listRevisions, type RevisionListItem } from '../models/history.server'
import { requireReadableCampaign } from './campaign-access.server'
import { db } from '../utils/db.server'
import { notFound } from './responses.server'

export interface History {
  campaign: { id: string; ref: string; name: string }
  entityType: string
  entityId: string
  definition: HistoryEntityType
  /** The record's name in its latest version. */
  name: string
  revisions: RevisionListItem[]
  deleted: { at: string; by: string | null } | null
  backHref: string
}

/**
 * The guard for history pages: anyone who can read the campaign may read the history of its records, and only of
 * its records. A record type that keeps no history, or a record with no revision in this campaign, is a 404.
 */
export async function requireHistory(request: Request, params: { ref?: string; entityType?: string; entityId?: string }): Promise<History> {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  const entityType = params.entityType ?? ''
  const entityId = params.entityId ?? ''
  const definition = historyEntityType(entityType)
  if (!definition || !/^[A-Za-z0-9-]{1,64}$/.test(entityId)) throw notFound()
  const where = { campaignId: campaign.id, entityType, entityId }
  const revisions = await listRevisions(db, where)
  if (revisions.length === 0) throw notFound('This campaign has no record with that history')
  const [[latest], deleted] = await Promise.all([getRevisionSnapshots(db, { ...where, versions: [revisions[0]!.version] }), findDeletion(db, where)])
  return {
    campaign: { id: campaign.id, ref: campaign.ref, name: campaign.name },
    entityType,
    entityId,
    definition,
    name: definition.title(latest?.snapshot ?? {}),
    revisions,
    deleted,
    backHref: definition.backHref?.(campaign.ref, entityId, deleted !== null) ?? `/campaigns/${campaign.ref}`,
  }
}
