import { isEditableStatus } from '../campaign/options'
import type { DbOrTx } from '../utils/db.server'
import { hasRole, type SessionUser } from '../utils/roles'

export type AuthoringRefusal = 'not-found' | 'forbidden' | 'locked'

/**
 * Why this user may not change the campaign's content now, or null when they may: an owner or co-owner who is a
 * designer, before launch. Model functions call it inside their write transaction, so a co-owner removed or a
 * campaign launched a moment ago is refused even when the route's guard let the request through.
 */
export async function authoringRefusal(db: DbOrTx, campaignId: string, user: SessionUser): Promise<AuthoringRefusal | null> {
  const campaign = await db.selectFrom('campaign').select(['owner_id', 'status']).where('id', '=', campaignId).executeTakeFirst()
  if (!campaign) return 'not-found'
  const coOwner = await db
    .selectFrom('campaign_co_owner')
    .select('user_id')
    .where('campaign_id', '=', campaignId)
    .where('user_id', '=', user.id)
    .executeTakeFirst()
  if (!hasRole(user, 'designer') || (campaign.owner_id !== user.id && !coOwner)) return 'forbidden'
  if (!isEditableStatus(campaign.status)) return 'locked'
  return null
}
