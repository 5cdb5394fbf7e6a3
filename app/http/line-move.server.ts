import { MOVE_REFUSALS } from '../campaign/lines'
import type { Campaign } from '../models/campaign.server'
import { moveLine } from '../models/line.server'
import { parseLineMoveForm } from '../schemas/line'
import { refusalResponse } from './refusals.server'
import { db } from '../utils/db.server'
import type { FormValues } from '../utils/forms'
import type { SessionUser } from '../utils/roles'

export type MoveOutcome = { redirectTo: string } | { status: 400 | 409; errors: { _form: string } }

/**
 * The up and down buttons of a task page that lists lines to take. A refused move stays on the page with a message
 * saying why; the route turns the outcome into a response.
 */
export async function moveLineFromForm(values: FormValues, campaign: Campaign, user: SessionUser, page: string): Promise<MoveOutcome> {
  const input = parseLineMoveForm(values)
  if (!input) return { status: 400, errors: { _form: 'Use the Move up and Move down buttons beside a line to change the order' } }
  const result = await moveLine(db, { campaignId: campaign.id, ...input }, user)
  if (result.ok) return { redirectTo: `${page}?notice=moved#line-${input.lineId}` }
  if (result.reason === 'gone' || result.reason === 'changed' || result.reason === 'order-changed') {
    return { status: 409, errors: { _form: MOVE_REFUSALS[result.reason] } }
  }
  throw refusalResponse(result.reason, campaign)
}
