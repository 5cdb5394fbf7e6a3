// Starting figures for a new forecast from past campaigns' actual calls.
import { suggestFromHistory, type PastCampaignObservation, type Suggestion } from '../forecast/learning'
import { channelsUsed, type CampaignMessageForForecast } from '../forecast/settings'
import type { DbOrTx } from '../utils/db.server'
import { actualsView, listActuals } from './actuals.server'
import type { Campaign } from './campaign.server'
import { computeSavedForecast } from './forecast.server'

/** Launched and closed campaigns of a regime that have actual calls, with what their actuals showed. */
export async function pastObservations(db: DbOrTx, regime: string, exceptCampaignId?: string): Promise<PastCampaignObservation[]> {
  let query = db
    .selectFrom('campaign')
    .select(['id', 'ref', 'name', 'regime', 'nation'])
    .where('regime', '=', regime)
    .where('status', 'in', ['launched', 'closed'])
    .where((eb) => eb.exists(eb.selectFrom('actual_calls').select('actual_calls.date').whereRef('actual_calls.campaign_id', '=', 'campaign.id')))
    .orderBy('ref')
  if (exceptCampaignId) query = query.where('id', '<>', exceptCampaignId)
  const campaigns = await query.execute()
  const out: PastCampaignObservation[] = []
  for (const c of campaigns) {
    const [{ data, forecast }, actuals] = await Promise.all([computeSavedForecast(db, { id: c.id, nation: c.nation as Campaign['nation'] }), listActuals(db, c.id)])
    const view = actualsView(data, forecast, actuals)
    if (!view) continue
    const curves: PastCampaignObservation['curves'] = {}
    // A curve the actuals do not yet cover would overstate its first days, so only complete ones are learnt from.
    for (const curve of view.curves) if (curve.complete) curves[curve.channel] = { percent: curve.percent, calls: curve.calls }
    out.push({
      ref: c.ref,
      name: c.name,
      regime: c.regime,
      channels: channelsUsed(data.messages),
      recipients: view.rate.recipients,
      ratePercent: view.rate.paceAdjustedPercent ?? view.rate.percent,
      curves,
    })
  }
  return out
}

/** Figures for a campaign whose forecast has never been saved, or null when no past campaign fits. */
export async function forecastSuggestion(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'regime'>, messages: readonly CampaignMessageForForecast[]): Promise<Suggestion | null> {
  const channels = channelsUsed(messages)
  if (channels.length === 0) return null
  return suggestFromHistory({ regime: campaign.regime, channels }, await pastObservations(db, campaign.regime, campaign.id))
}
