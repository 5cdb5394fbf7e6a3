import crypto from 'node:crypto'
import type { Tx } from './db.server'
import { nowIso } from './clock.server'

export interface RevisionInput {
  entityType: string
  entityId: string
  campaignId: string | null
  version: number
  authorId: string | null
  summary: string
  snapshot: unknown
}

/** Keeps the full content of every saved version, for history pages and diffs between any two versions. */
export async function recordRevision(tx: Tx, input: RevisionInput): Promise<void> {
  await tx
    .insertInto('revision')
    .values({
      id: crypto.randomUUID(),
      entity_type: input.entityType,
      entity_id: input.entityId,
      campaign_id: input.campaignId,
      version: input.version,
      author_id: input.authorId,
      at: nowIso(),
      summary: input.summary,
      snapshot_json: JSON.stringify(input.snapshot),
    })
    .execute()
}
