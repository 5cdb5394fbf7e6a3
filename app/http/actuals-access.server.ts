import { canRecordActuals } from '../models/actuals.server'
import type { Campaign } from '../models/campaign.server'
import { requireReadableCampaign } from './campaign-access.server'
import { refusalFor } from './refusals.server'
import type { SessionUser } from '../utils/roles'

/** The campaign's authors and helpline managers, while the campaign is launched. Anyone else: 403. */
export async function requireActualsRecorder(request: Request, ref: string | undefined): Promise<{ user: SessionUser; campaign: Campaign }> {
  const { user, campaign } = await requireReadableCampaign(request, ref)
  if (!canRecordActuals(user, campaign)) throw refusalFor(campaign)
  return { user, campaign }
}
