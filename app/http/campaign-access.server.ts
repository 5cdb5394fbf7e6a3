import { canEditCampaign, getCampaignByRef, isCampaignAuthor, type Campaign } from '../models/campaign.server'
import { isEditableStatus } from '../campaign/options'
import { bringSignOffUpToDate } from '../models/signoff/sync.server'
import { requireUser } from './auth.server'
import { db } from '../utils/db.server'
import { forbidden, notFound } from './responses.server'
import { lockedResponse } from './refusals.server'
import { hasRole, type SessionUser } from '../utils/roles'

/**
 * Any signed-in user may read any campaign (viewers read). Unknown refs are 404. A campaign whose content changed
 * without going through the content-write gateway has its sign-off brought up to date first, so no page shows a
 * status or an approval the content no longer supports.
 */
export async function requireReadableCampaign(request: Request, ref: string | undefined): Promise<{ user: SessionUser; campaign: Campaign }> {
  const user = await requireUser(request)
  let campaign = ref ? await getCampaignByRef(db, ref) : undefined
  if (!campaign) throw notFound('There is no campaign with that reference')
  if (await bringSignOffUpToDate(db, [campaign.id])) campaign = (await getCampaignByRef(db, campaign.ref))!
  return { user, campaign }
}

/** The owner or a co-owner who is a designer, before launch. Anyone else: 403, and nothing changes. */
export async function requireEditableCampaign(request: Request, ref: string | undefined): Promise<{ user: SessionUser; campaign: Campaign }> {
  const { user, campaign } = await requireReadableCampaign(request, ref)
  if (!hasRole(user, 'designer') || !isCampaignAuthor(user, campaign)) {
    throw forbidden('Only the campaign’s owner and co-owners can change it')
  }
  if (!isEditableStatus(campaign.status)) throw lockedResponse(campaign)
  if (!canEditCampaign(user, campaign)) throw forbidden()
  return { user, campaign }
}
