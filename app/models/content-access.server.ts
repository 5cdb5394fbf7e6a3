import { sql } from 'kysely'
import { isEditableStatus } from '../campaign/options'
import type { DbOrTx } from '../utils/db.server'
import { hasRole, type SessionUser } from '../utils/roles'

export type WriteRefusal = 'not-found' | 'forbidden' | 'locked'

/** The campaign's status, and whether the user is its owner or a co-owner; null when there is no such campaign. */
export async function authorship(db: DbOrTx, campaignId: string, userId: string): Promise<{ status: string; author: boolean } | null> {
  const row = await db
    .selectFrom('campaign')
    .select(['status', 'owner_id'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('campaign_co_owner')
            .select(sql<number>`1`.as('one'))
            .whereRef('campaign_co_owner.campaign_id', '=', 'campaign.id')
            .where('campaign_co_owner.user_id', '=', userId),
        )
        .as('co_owner'),
    )
    .where('id', '=', campaignId)
    .executeTakeFirst()
  return row ? { status: row.status, author: row.owner_id === userId || Boolean(row.co_owner) } : null
}

/**
 * Why this user may not change the campaign's content now, or null when they may: an owner or co-owner who is a
 * designer, before launch. Model functions call it inside their write transaction, so a co-owner removed or a
 * campaign launched a moment ago is refused even when the route's guard let the request through.
 */
export async function refuseUnlessEditable(db: DbOrTx, campaignId: string, user: SessionUser): Promise<WriteRefusal | null> {
  const campaign = await authorship(db, campaignId, user.id)
  if (!campaign) return 'not-found'
  if (!hasRole(user, 'designer') || !campaign.author) return 'forbidden'
  if (!isEditableStatus(campaign.status)) return 'locked'
  return null
}
