// Re-forecasts of launched campaigns from their calls so far. Not signed content: the campaign has launched and its
// signed-off forecast stays as it was. Each re-forecast is a new version, written with an audit event.
import crypto from 'node:crypto'
import { compareWithForecast } from '../forecast/actuals'
import { daysAfter, reforecastRates, type RatesPercent, type ReforecastRates } from '../forecast/reforecast'
import type { CampaignForecast } from '../forecast/settings'
import type { HelplineDay, HelplineForecast } from '../forecast/types'
import { appendAudit } from '../utils/audit.server'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { hasRole, type SessionUser } from '../utils/roles'
import { listActuals } from './actuals.server'
import { isCampaignAuthor, type Campaign } from './campaign.server'
import { forecastOf, loadCampaignForecastData, type CampaignForecastData } from './forecast.server'

/**
 * Who may re-forecast: the campaign's owner and co-owners who are designers, who own its forecast, and helpline
 * managers (Customer Services), who staff to it. Only while launched: before launch the forecast itself is edited,
 * and a closed campaign has no days left. docs/decisions/0131-who-may-re-forecast.md
 */
export function canReforecast(user: Pick<SessionUser, 'id' | 'roles'>, campaign: Pick<Campaign, 'status' | 'owner' | 'coOwners'>): boolean {
  return mayReforecast(user, campaign.status, isCampaignAuthor(user, campaign))
}

function mayReforecast(user: Pick<SessionUser, 'roles'>, status: string, author: boolean): boolean {
  return status === 'launched' && ((hasRole(user, 'designer') && author) || hasRole(user, 'customer-services'))
}

export interface SavedReforecast {
  version: number
  forecastVersion: number
  throughDate: string
  workingDays: number
  actualCalls: number
  expectedCalls: number
  rates: RatesPercent
  madeBy: string | null
  madeAt: string
}

export async function latestReforecast(db: DbOrTx, campaignId: string): Promise<SavedReforecast | null> {
  const row = await db
    .selectFrom('reforecast')
    .leftJoin('users', 'users.id', 'reforecast.made_by')
    .select([
      'reforecast.version',
      'reforecast.forecast_version',
      'reforecast.through_date',
      'reforecast.working_days',
      'reforecast.actual_calls',
      'reforecast.expected_calls',
      'reforecast.rate_low',
      'reforecast.rate_central',
      'reforecast.rate_high',
      'reforecast.made_at',
      'users.name as made_by',
    ])
    .where('reforecast.campaign_id', '=', campaignId)
    .orderBy('reforecast.version', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  return {
    version: row.version,
    forecastVersion: row.forecast_version,
    throughDate: row.through_date,
    workingDays: row.working_days,
    actualCalls: row.actual_calls,
    expectedCalls: row.expected_calls,
    rates: { low: row.rate_low, central: row.rate_central, high: row.rate_high },
    madeBy: row.made_by,
    madeAt: row.made_at,
  }
}

export type ReforecastProposal = ReforecastRates & { actualSoFar: number; expectedSoFar: number; expectedShareSoFar: number; forecastVersion: number; from: RatesPercent }

/** What a re-forecast made now would be, from the saved forecast and the actual calls so far; null with no saved forecast. */
export async function proposeReforecast(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>): Promise<ReforecastProposal | null> {
  const [data, actuals] = await Promise.all([loadCampaignForecastData(db, campaign), listActuals(db, campaign.id)])
  if (data.saved.version === 0) return null
  const forecast = forecastOf(data, data.saved.settings)
  if (!forecast.ok) return null
  const comparison = compareWithForecast(forecast.result, actuals)
  const from = data.saved.settings.contactRates
  const actualSoFar = comparison?.overall.actual ?? 0
  const expectedSoFar = comparison?.overall.forecast.central ?? 0
  const expectedShareSoFar = comparison?.expectedShareSoFar ?? 0
  const expectedSquaresSoFar = comparison?.helplines.reduce((n, h) => n + h.days.reduce((k, d) => k + d.forecast.central ** 2, 0), 0) ?? 0
  const rates = reforecastRates({ actualSoFar, expectedSoFar, expectedShareSoFar, expectedSquaresSoFar, dispersion: data.dispersion.value, dates: actuals.map((a) => a.date), rates: from })
  return { ...rates, actualSoFar, expectedSoFar, expectedShareSoFar, forecastVersion: data.saved.version, from }
}

export type ReforecastSaveResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'locked' | 'no-forecast' }
  | { ok: false; reason: 'too-few-days' | 'nothing-expected' }
  | { ok: false; reason: 'conflict'; current: SavedReforecast | null }

/**
 * Makes a re-forecast: a new version, in one write transaction with its audit event. `seenVersion` is the latest
 * version the user saw (0 for none): someone else's re-forecast since then refuses this one, so nobody replaces a
 * re-forecast they have not seen.
 */
export async function saveReforecast(db: DbOrTx, input: { campaignId: string; seenVersion: number }, user: SessionUser): Promise<ReforecastSaveResult> {
  return writeTransaction(db, async (tx) => {
    const campaign = await tx.selectFrom('campaign').select(['id', 'ref', 'status', 'owner_id', 'nation']).where('id', '=', input.campaignId).executeTakeFirst()
    if (!campaign) return { ok: false, reason: 'not-found' }
    const coOwner = await tx.selectFrom('campaign_co_owner').select('user_id').where('campaign_id', '=', campaign.id).where('user_id', '=', user.id).executeTakeFirst()
    // Checked again here: the route's guard ran before this transaction, and the campaign may have moved on since.
    if (!mayReforecast(user, campaign.status, campaign.owner_id === user.id || coOwner !== undefined)) return { ok: false, reason: campaign.status === 'launched' ? 'forbidden' : 'locked' }
    const current = await latestReforecast(tx, campaign.id)
    if ((current?.version ?? 0) !== input.seenVersion) return { ok: false, reason: 'conflict', current }
    const proposal = await proposeReforecast(tx, { id: campaign.id, nation: campaign.nation as Campaign['nation'] })
    if (!proposal) return { ok: false, reason: 'no-forecast' }
    if (!proposal.ok) return { ok: false, reason: proposal.reason }
    const version = (current?.version ?? 0) + 1
    await tx
      .insertInto('reforecast')
      .values({
        id: crypto.randomUUID(),
        campaign_id: campaign.id,
        version,
        forecast_version: proposal.forecastVersion,
        through_date: proposal.throughDate,
        working_days: proposal.workingDays,
        actual_calls: Math.round(proposal.actualSoFar),
        expected_calls: proposal.expectedSoFar,
        rate_low: proposal.rates.low,
        rate_central: proposal.rates.central,
        rate_high: proposal.rates.high,
        made_by: user.id,
        made_at: nowIso(),
      })
      .execute()
    // The helpline calendar's stored arrivals for the campaign are out of date now (the triggers that see other
    // inputs change do not watch this table), and every calendar computed before is too.
    await tx.deleteFrom('campaign_load').where('campaign_id', '=', campaign.id).execute()
    await tx.updateTable('input_generation').set((eb) => ({ n: eb('n', '+', 1) })).where('id', '=', 1).execute()
    const pct = (r: RatesPercent) => ({ low: r.low, central: r.central, high: r.high })
    await appendAudit(tx, {
      actor: user,
      campaignId: campaign.id,
      action: 'forecast.reforecast',
      entityType: 'reforecast',
      entityId: campaign.id,
      summary: `Re-forecast from ${Math.round(proposal.actualSoFar).toLocaleString('en-GB')} actual calls to ${proposal.throughDate} against ${Math.round(proposal.expectedSoFar).toLocaleString('en-GB')} expected: central contact rate ${proposal.from.central}% to ${proposal.rates.central}% (version ${version})`,
      before: current ? pct(current.rates) : pct(proposal.from),
      after: pct(proposal.rates),
    })
    return { ok: true, version }
  })
}

export interface ReforecastHelpline {
  helplineId: string
  name: string
  /** The percentile of each day's calls both sets of staff and service figures are for. */
  staffToPercentile: HelplineForecast['staffToPercentile']
  /** The days after the calls so far: the saved forecast's figures and the re-forecast's, side by side. */
  days: { date: string; original: DayFigures; reforecast: DayFigures }[]
}

/**
 * A day's calls (P10, mean, P90), the FTE the campaign needs and the share answered in time, both for the day's calls
 * at the percentile the helpline staffs to.
 */
export interface DayFigures {
  calls: { low: number; central: number; high: number }
  requiredFte: number
  serviceLevel: number
}

const figuresOf = (d: HelplineDay): DayFigures => ({ calls: { ...d.calls }, requiredFte: d.requiredFte.central, serviceLevel: d.outcome.total.central.serviceLevel })

export interface ReforecastView {
  saved: SavedReforecast
  /** True when the forecast inputs have been saved again since (before launch only, so rarely). */
  outOfDate: boolean
  helplines: ReforecastHelpline[]
}

/** The saved forecast computed again at a re-forecast's rates: its days after the calls so far are the re-forecast. */
export function reforecastForecast(data: CampaignForecastData, saved: SavedReforecast): CampaignForecast {
  return forecastOf(data, { ...data.saved.settings, contactRates: { ...saved.rates } })
}

/**
 * The campaign's latest re-forecast of its saved forecast, computed: what the forecast CSV and the helpline
 * briefings show beside the forecast. Null when there is none, or it re-forecast inputs saved over since.
 */
export async function currentReforecast(db: DbOrTx, campaignId: string, data: CampaignForecastData): Promise<{ saved: SavedReforecast; forecast: CampaignForecast } | null> {
  if (data.saved.version === 0) return null
  const saved = await latestReforecast(db, campaignId)
  if (!saved || saved.forecastVersion !== data.saved.version) return null
  return { saved, forecast: reforecastForecast(data, saved) }
}

/** The saved forecast re-projected with the re-forecast's rates, for the days still to come. */
export function reforecastView(data: CampaignForecastData, original: CampaignForecast, saved: SavedReforecast, redoneForecast?: CampaignForecast): ReforecastView | null {
  if (!original.ok) return null
  const redone = redoneForecast ?? reforecastForecast(data, saved)
  if (!redone.ok) return null
  const names = new Map(data.helplines.map((h) => [h.id, h.name]))
  const helplines: ReforecastHelpline[] = []
  for (const h of redone.result.helplines) {
    const before = new Map(original.result.helplines.find((o) => o.helplineId === h.helplineId)?.days.map((d) => [d.date, d]) ?? [])
    const days = daysAfter(h.days, saved.throughDate)
      .filter((d) => d.open && (d.calls.central > 0 || (before.get(d.date)?.calls.central ?? 0) > 0))
      .map((d) => ({ date: d.date, original: figuresOf(before.get(d.date) ?? d), reforecast: figuresOf(d) }))
    if (days.length) helplines.push({ helplineId: h.helplineId, name: names.get(h.helplineId) ?? 'A removed helpline', staffToPercentile: h.staffToPercentile, days })
  }
  return { saved, outOfDate: saved.forecastVersion !== data.saved.version, helplines }
}
