import type { DbOrTx } from '../utils/db.server'

export interface RevisionListItem {
  version: number
  at: string
  summary: string
  authorName: string | null
  authorEmail: string | null
}

/**
 * The saved versions of one record, newest first. Only revisions recorded against this campaign are returned, so
 * a record of another campaign has no history here, whatever its id.
 */
export async function listRevisions(db: DbOrTx, input: { campaignId: string; entityType: string; entityId: string }): Promise<RevisionListItem[]> {
  const rows = await db
    .selectFrom('revision')
    .leftJoin('users', 'users.id', 'revision.author_id')
    .select(['revision.version', 'revision.at', 'revision.summary', 'users.name as author_name', 'users.email as author_email'])
    .where('revision.campaign_id', '=', input.campaignId)
    .where('revision.entity_type', '=', input.entityType)
    .where('revision.entity_id', '=', input.entityId)
    .orderBy('revision.version', 'desc')
    .execute()
  return rows.map((row) => ({
    version: Number(row.version),
    at: row.at,
    summary: row.summary,
    authorName: row.author_name,
    authorEmail: row.author_email,
  }))
}

export interface RevisionSnapshot extends RevisionListItem {
  snapshot: Record<string, unknown>
}

/** The content of the given versions of one record of this campaign; versions that do not exist are left out. */
export async function getRevisionSnapshots(
  db: DbOrTx,
  input: { campaignId: string; entityType: string; entityId: string; versions: number[] },
): Promise<RevisionSnapshot[]> {
  if (input.versions.length === 0) return []
  const rows = await db
    .selectFrom('revision')
    .leftJoin('users', 'users.id', 'revision.author_id')
    .select(['revision.version', 'revision.at', 'revision.summary', 'revision.snapshot_json', 'users.name as author_name', 'users.email as author_email'])
    .where('revision.campaign_id', '=', input.campaignId)
    .where('revision.entity_type', '=', input.entityType)
    .where('revision.entity_id', '=', input.entityId)
    .where('revision.version', 'in', input.versions)
    .orderBy('revision.version')
    .execute()
  return rows.map((row) => ({
    version: Number(row.version),
    at: row.at,
    summary: row.summary,
    authorName: row.author_name,
    authorEmail: row.author_email,
    snapshot: parseSnapshot(row.snapshot_json),
  }))
}

function parseSnapshot(json: string): Record<string, unknown> {
  try {
    const value = JSON.parse(json)
    return value && typeof value === 'object' && !Array.isArray(value) ? value : { value }
  } catch {
    return {}
  }
}

/** When and by whom the record was deleted, from the audit trail, or null while it exists. */
export async function findDeletion(db: DbOrTx, input: { campaignId: string; entityType: string; entityId: string }): Promise<{ at: string; by: string | null } | null> {
  const event = await db
    .selectFrom('audit_event')
    .select(['at', 'actor_email'])
    .where('campaign_id', '=', input.campaignId)
    .where('entity_type', '=', input.entityType)
    .where('entity_id', '=', input.entityId)
    .where('action', '=', `${input.entityType}.deleted`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return event ? { at: event.at, by: event.actor_email } : null
}
