// Forecast accuracy across every launched campaign with actual calls: is the organisation's forecasting calibrated?
import { accuracyByGroup, accuracyOf, channelGroup, regimeGroup, type Accuracy, type CampaignAccuracyInput, type GroupAccuracy } from '../forecast/accuracy'
import { compareWithForecast } from '../forecast/actuals'
import { CHANNEL_NAMES, type Channel } from '../forecast/delivery'
import { channelsUsed } from '../forecast/settings'
import { REGIME_LABELS, type Nation, type Regime } from '../campaign/options'
import type { DbOrTx } from '../utils/db.server'
import { hasRole, type SessionUser } from '../utils/roles'
import { listActuals } from './actuals.server'
import { dispersionInUse } from './dispersion.server'
import { computeSavedForecast } from './forecast.server'
import type { DispersionInUse } from '../forecast/intervals'

/** Who the accuracy dashboard is for: the people who make forecasts and the people who staff to them. */
export function canSeeForecastAccuracy(user: Pick<SessionUser, 'roles'>): boolean {
  return hasRole(user, 'designer', 'customer-services', 'admin')
}

export interface CampaignAccuracy extends Accuracy {
  ref: string
  name: string
  status: string
  regime: string
  regimeLabel: string
  channels: Channel[]
  channelLabel: string
  firstDate: string
  lastDate: string
}

export interface GroupAccuracyView extends GroupAccuracy {
  label: string
}

export interface AccuracyDashboard {
  campaigns: CampaignAccuracy[]
  byChannel: GroupAccuracyView[]
  byRegime: GroupAccuracyView[]
  overall: Accuracy
  /** The day-to-day dispersion the forecasts' bands use now, and where it came from. */
  dispersion: DispersionInUse
}

export function channelLabel(channels: readonly string[]): string {
  const names = [...channels].sort().map((c) => (CHANNEL_NAMES[c as Channel] ?? c).toLowerCase())
  const text = names.length <= 1 ? (names[0] ?? 'none') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const regimeLabel = (regime: string) => REGIME_LABELS[regime as Regime] ?? regime

/**
 * Every launched or closed campaign with actual calls and a saved forecast, measured against it, and the measures
 * pooled by channel and by regime. Each campaign's saved forecast is recomputed, as its own forecast page does.
 */
export async function forecastAccuracyDashboard(db: DbOrTx): Promise<AccuracyDashboard> {
  const rows = await db
    .selectFrom('campaign')
    .select(['id', 'ref', 'name', 'status', 'regime', 'nation'])
    .where('status', 'in', ['launched', 'closed'])
    .where((eb) => eb.exists(eb.selectFrom('actual_calls').select('actual_calls.date').whereRef('actual_calls.campaign_id', '=', 'campaign.id')))
    .orderBy('ref')
    .execute()
  const campaigns: CampaignAccuracy[] = []
  const inputs: CampaignAccuracyInput[] = []
  for (const c of rows) {
    const [{ data, forecast }, actuals] = await Promise.all([computeSavedForecast(db, { id: c.id, nation: c.nation as Nation }), listActuals(db, c.id)])
    if (!forecast.ok) continue
    const comparison = compareWithForecast(forecast.result, actuals)
    if (!comparison) continue
    const days = comparison.helplines.flatMap((h) => h.days.map((d) => ({ date: d.date, actual: d.actual, forecast: d.forecast.central, low: d.forecast.low, high: d.forecast.high })))
    const channels = channelsUsed(data.messages)
    inputs.push({ ref: c.ref, channels, regime: c.regime, days })
    campaigns.push({
      ref: c.ref,
      name: c.name,
      status: c.status,
      regime: c.regime,
      regimeLabel: regimeLabel(c.regime),
      channels,
      channelLabel: channelLabel(channels),
      firstDate: comparison.firstDate,
      lastDate: comparison.lastDate,
      ...accuracyOf(days),
    })
  }
  return {
    campaigns,
    byChannel: accuracyByGroup(inputs, channelGroup).map((g) => ({ ...g, label: channelLabel(g.key.split('+')) })),
    byRegime: accuracyByGroup(inputs, regimeGroup).map((g) => ({ ...g, label: regimeLabel(g.key) })),
    overall: accuracyOf(inputs.flatMap((c) => c.days)),
    dispersion: await dispersionInUse(db),
  }
}
