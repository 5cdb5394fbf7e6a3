import { canRecordActuals } from '../models/actuals.server'
import type { Campaign } from '../models/campaign.server'
import { requireReadableCampaign } from './campaign-access.server'
import { forbidden } from './http.server'
import type { SessionUser } from './roles'

/** Why a user may not record actual calls for a campaign: not launched (or no longer), or not theirs to record. */
export function actualsRefusal(reason: 'not-launched' | 'closed' | 'not-allowed'): Response {
  if (reason === 'closed') return forbidden('This campaign is closed, so no more actual calls can be recorded')
  if (reason === 'not-launched') return forbidden('Actual calls can be recorded once the campaign has launched')
  return forbidden('Only the campaign’s owner and co-owners, and helpline managers, can record actual calls')
}

export function refusalFor(campaign: Pick<Campaign, 'status'>): Response {
  return actualsRefusal(campaign.status === 'launched' ? 'not-allowed' : campaign.status === 'closed' ? 'closed' : 'not-launched')
}

/** The campaign's authors and helpline managers, while the campaign is launched. Anyone else: 403. */
export async function requireActualsRecorder(request: Request, ref: string | undefined): Promise<{ user: SessionUser; campaign: Campaign }> {
  const { user, campaign } = await requireReadableCampaign(request, ref)
  if (!canRecordActuals(user, campaign)) throw refusalFor(campaign)
  return { user, campaign }
}
