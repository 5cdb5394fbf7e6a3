// The responses for requests refused after the guard let them through: the campaign is locked, the model refused the
// write, or actual calls cannot be recorded now. One wording for each reason, whichever route meets it.
import type { Campaign } from '../models/campaign.server'
import type { WriteRefusal } from '../models/content-access.server'
import { forbidden, httpError, notFound } from './responses.server'

export function lockedResponse(campaign: Pick<Campaign, 'status'>): Response {
  return httpError(
    403,
    campaign.status === 'closed'
      ? 'This campaign is closed, so its content can no longer be changed'
      : 'This campaign has been launched, so its content can no longer be changed. Only actual call figures can be recorded.',
  )
}

/** The response for a write the model refused because the user may not, or may no longer, make it. */
export function refusalResponse(reason: WriteRefusal, campaign: Pick<Campaign, 'status'>): Response {
  if (reason === 'not-found') return notFound('There is no campaign with that reference')
  if (reason === 'locked') return lockedResponse(campaign)
  return forbidden('Only the campaign’s owner and co-owners can change it')
}

/** Why a user may not record actual calls for a campaign: not launched (or no longer), or not theirs to record. */
export function actualsRefusal(reason: 'not-launched' | 'closed' | 'not-allowed'): Response {
  if (reason === 'closed') return forbidden('This campaign is closed, so no more actual calls can be recorded')
  if (reason === 'not-launched') return forbidden('Actual calls can be recorded once the campaign has launched')
  return forbidden('Only the campaign’s owner and co-owners, and helpline managers, can record actual calls')
}

export function refusalFor(campaign: Pick<Campaign, 'status'>): Response {
  return actualsRefusal(campaign.status === 'launched' ? 'not-allowed' : campaign.status === 'closed' ? 'closed' : 'not-launched')
}
