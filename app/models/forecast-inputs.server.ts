// A campaign's forecast inputs as stored: its messages and waves (with the Welsh share of their calls), and the
// saved rates, curves, splits and delays. Reads only: the stored arrivals and the helpline calendar read forecasts
// through here, and the forecast's own save (forecast.server.ts) goes through the content-write gateway, which
// reaches the calendar, so keeping the reads apart keeps the models free of import circles.
import { CHANNELS, POSTAGE_CLASSES, type Channel, type Postage } from '../forecast/delivery'
import { storedDeliveryProfile } from '../forecast/delivery-profile'
import { defaultForecastSettings, parseStoredCurves, type CampaignMessageForForecast, type ForecastSettings } from '../forecast/settings'
import type { DbOrTx } from '../utils/db.server'
import { welshSharePercent } from '../welsh/translation'

const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value)
const isPostage = (value: string | null): value is Postage => value !== null && (POSTAGE_CLASSES as readonly string[]).includes(value)

/**
 * Where the campaign's Welsh-preference customers' calls go: the Welsh-language helpline, at their share of the
 * population. Null when nobody asked for Welsh or no helpline is the Welsh line.
 */
export async function welshRouting(db: DbOrTx, campaignId: string): Promise<CampaignMessageForForecast['welsh']> {
  const [campaign, helpline] = await Promise.all([
    db.selectFrom('campaign').select(['welsh_customers', 'population_size']).where('id', '=', campaignId).executeTakeFirst(),
    db.selectFrom('helpline').select('id').where('welsh_line', '=', 1).executeTakeFirst(),
  ])
  if (!campaign || !helpline) return null
  const sharePercent = welshSharePercent({ welshCustomers: Number(campaign.welsh_customers), populationSize: Number(campaign.population_size) })
  return sharePercent > 0 ? { helplineId: helpline.id, sharePercent } : null
}

/**
 * The campaign's messages and waves, read straight from the message editor's tables, each with the Welsh-preference
 * share of its calls that goes to the Welsh-language helpline: so the forecast page, its CSV and briefings and the
 * helpline calendar all route them the same way.
 */
export async function listForecastMessages(db: DbOrTx, campaignId: string): Promise<CampaignMessageForForecast[]> {
  const welsh = await welshRouting(db, campaignId)
  const messages = await db
    .selectFrom('message')
    .select(['id', 'name', 'channel', 'postage', 'deadline_days', 'delivery_profile'])
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .orderBy('created_at')
    .execute()
  if (messages.length === 0) return []
  const waves = await db
    .selectFrom('wave')
    .select(['message_id', 'send_date', 'volume'])
    .where(
      'message_id',
      'in',
      messages.map((m) => m.id),
    )
    .orderBy('position')
    .execute()
  return messages
    .filter((m) => isChannel(m.channel))
    .map((m) => ({
      id: m.id,
      name: m.name,
      channel: m.channel as Channel,
      postage: m.channel === 'letter' && isPostage(m.postage) ? m.postage : null,
      deadlineDays: m.channel === 'letter' ? m.deadline_days : null,
      deliveryProfile: m.channel === 'letter' ? storedDeliveryProfile(m.delivery_profile) : null,
      waves: waves.filter((w) => w.message_id === m.id).map((w) => ({ sendDate: w.send_date, volume: w.volume })),
      ...(welsh ? { welsh } : {}),
    }))
}

export interface SavedForecastSettings {
  settings: ForecastSettings
  /** 0 until the first save. */
  version: number
  updatedAt: string | null
}

export async function getForecastSettings(db: DbOrTx, campaignId: string): Promise<SavedForecastSettings> {
  const row = await db
    .selectFrom('forecast_input')
    .select(['rate_low_percent', 'rate_central_percent', 'rate_high_percent', 'response_curves_json', 'bump_share_percent', 'bump_working_days', 'version', 'updated_at'])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst()
  if (!row) return { settings: defaultForecastSettings(), version: 0, updatedAt: null }
  const [perMessage, splits] = await Promise.all([
    db.selectFrom('forecast_message').select(['message_id', 'delay_override_days']).where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('forecast_split').select(['message_id', 'helpline_id', 'share_percent']).where('campaign_id', '=', campaignId).execute(),
  ])
  const messages: ForecastSettings['messages'] = {}
  for (const m of perMessage) messages[m.message_id] = { delayOverrideDays: m.delay_override_days, split: {} }
  for (const s of splits) {
    messages[s.message_id] ??= { delayOverrideDays: null, split: {} }
    messages[s.message_id]!.split[s.helpline_id] = s.share_percent
  }
  return {
    settings: {
      contactRates: { low: row.rate_low_percent, central: row.rate_central_percent, high: row.rate_high_percent },
      responseCurves: parseStoredCurves(row.response_curves_json),
      deadlineBump: { sharePercent: row.bump_share_percent, workingDays: row.bump_working_days },
      messages,
    },
    version: row.version,
    updatedAt: row.updated_at,
  }
}
