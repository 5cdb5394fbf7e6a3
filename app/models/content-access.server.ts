import { sql } from 'kysely'
import { isEditableStatus } from '../campaign/options'
import type { Tx } from '../utils/db.server'
import { hasRole, type SessionUser } from '../utils/roles'

export type WriteRefusal = 'not-found' | 'forbidden' | 'locked'

/**
 * Re-checks, inside the write transaction, that the user may still change the campaign's content: the route's guard
 * ran before the transaction, and a launch or a change of co-owners may have committed in between.
 */
export async function refuseUnlessEditable(tx: Tx, campaignId: string, user: SessionUser): Promise<WriteRefusal | null> {
  const row = await tx
    .selectFrom('campaign')
    .select(['status', 'owner_id'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('campaign_co_owner')
            .select(sql<number>`1`.as('one'))
            .whereRef('campaign_co_owner.campaign_id', '=', 'campaign.id')
            .where('campaign_co_owner.user_id', '=', user.id),
        )
        .as('co_owner'),
    )
    .where('id', '=', campaignId)
    .executeTakeFirst()
  if (!row) return 'not-found'
  const author = row.owner_id === user.id || Boolean(row.co_owner)
  if (!hasRole(user, 'designer') || !author) return 'forbidden'
  if (!isEditableStatus(row.status)) return 'locked'
  return null
}
