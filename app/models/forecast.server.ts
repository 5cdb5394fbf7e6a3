import { CHANNELS } from '../forecast/delivery'
import {
  forecastFromSettings,
  type CampaignForecast,
  type CampaignMessageForForecast,
  type ForecastSettings,
} from '../forecast/settings'
import type { ForecastHelpline } from '../forecast/types'
import { HELPLINE_NATION, toForecastHelpline, type Helpline } from '../helplines/helpline'
import type { ForecastOptions } from '../forecast/engine'
import type { DbOrTx } from '../utils/db.server'
import { formatCount, formatDate, formatDateRange, formatFte, formatNumber } from '../campaign/format'
import type { ForecastSummaryView } from '../signoff/display'
import { writeCampaignContent } from './content-write.server'
import type { SessionUser } from '../utils/roles'
import { bankHolidayDates } from './bank-holidays.server'
import { getForecastSettings, listForecastMessages, type SavedForecastSettings } from './forecast-inputs.server'
import type { Campaign } from './campaign.server'
import { listHelplines } from './helpline.server'
import { dispersionInUse } from './dispersion.server'
import type { DispersionInUse } from '../forecast/intervals'

/**
 * The forecast inputs as signed off and exported: every figure, with message and helpline names beside
 * their ids so that a reader (or a diff of two versions) needs nothing else.
 */
export function forecastSnapshot(
  settings: ForecastSettings,
  messages: readonly Pick<CampaignMessageForForecast, 'id' | 'name'>[],
  helplines: readonly Pick<Helpline, 'id' | 'name'>[],
) {
  const helplineName = new Map(helplines.map((h) => [h.id, h.name]))
  return {
    contactRatesPercent: { ...settings.contactRates },
    responseCurvesPercent: Object.fromEntries(CHANNELS.filter((c) => settings.responseCurves[c]).map((c) => [c, settings.responseCurves[c]!])),
    deadlineBump: { ...settings.deadlineBump },
    messages: messages.map((m) => {
      const own = settings.messages[m.id]
      return {
        messageId: m.id,
        name: m.name,
        delayOverrideDays: own?.delayOverrideDays ?? null,
        split: Object.entries(own?.split ?? {})
          .filter(([, share]) => share > 0)
          .map(([helplineId, sharePercent]) => ({ helplineId, helpline: helplineName.get(helplineId) ?? '(removed helpline)', sharePercent }))
          .sort((a, b) => a.helpline.localeCompare(b.helpline)),
      }
    }),
  }
}

export { getForecastSettings, listForecastMessages, welshRouting, type SavedForecastSettings } from './forecast-inputs.server'

export type ForecastSaveResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'locked' | 'stale-messages' }
  | { ok: false; reason: 'conflict'; current: SavedForecastSettings }

type Snapshot = ReturnType<typeof forecastSnapshot>

function describeChanges(before: Snapshot | null, after: Snapshot): string {
  if (!before) return 'Set the forecast inputs'
  const parts: string[] = []
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  if (!same(before.contactRatesPercent, after.contactRatesPercent)) parts.push('the contact rates')
  if (!same(before.responseCurvesPercent, after.responseCurvesPercent)) parts.push('the response curves')
  if (!same(before.deadlineBump, after.deadlineBump)) parts.push('the deadline bump')
  for (const m of after.messages) {
    const old = before.messages.find((b) => b.messageId === m.messageId)
    if (!same(old?.split ?? [], m.split)) parts.push(`the helpline split of “${m.name}”`)
    if ((old?.delayOverrideDays ?? null) !== m.delayOverrideDays) parts.push(`the delivery delay of “${m.name}”`)
  }
  return parts.length ? `Changed ${parts.join(', ')}` : 'Saved the forecast inputs with no changes'
}

/**
 * Saves a campaign's forecast inputs as one new version, if the user is still an author, the campaign is
 * not launched, nobody has saved since `version`, and the messages are the ones the user was looking at.
 */
export async function saveForecastSettings(
  db: DbOrTx,
  input: { campaignId: string; version: number; settings: ForecastSettings },
  user: SessionUser,
): Promise<ForecastSaveResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<ForecastSaveResult> => {
    const campaignId = input.campaignId
    const current = await getForecastSettings(tx, campaignId)
    if (current.version !== input.version) return { ok: false, reason: 'conflict', current }

    const messages = await listForecastMessages(tx, campaignId)
    const messageIds = new Set(messages.map((m) => m.id))
    const helplines = await listHelplines(tx)
    const helplineIds = new Set(helplines.map((h) => h.id))
    const entries = Object.entries(input.settings.messages)
    const unknown = entries.some(([id, own]) => !messageIds.has(id) || Object.keys(own.split).some((h) => !helplineIds.has(h)))
    if (unknown) return { ok: false, reason: 'stale-messages' }

    const version = current.version + 1
    const columns = {
      rate_low_percent: input.settings.contactRates.low,
      rate_central_percent: input.settings.contactRates.central,
      rate_high_percent: input.settings.contactRates.high,
      response_curves_json: Object.keys(input.settings.responseCurves).length ? JSON.stringify(input.settings.responseCurves) : null,
      bump_share_percent: input.settings.deadlineBump.sharePercent,
      bump_working_days: input.settings.deadlineBump.workingDays,
      version,
      updated_at: at,
    }
    if (current.version === 0) {
      await tx.insertInto('forecast_input').values({ campaign_id: campaignId, ...columns, created_at: at }).execute()
    } else {
      const updated = await tx
        .updateTable('forecast_input')
        .set(columns)
        .where('campaign_id', '=', campaignId)
        .where('version', '=', input.version)
        .executeTakeFirst()
      if (updated.numUpdatedRows !== 1n) return { ok: false, reason: 'conflict', current }
    }
    await tx.deleteFrom('forecast_split').where('campaign_id', '=', campaignId).execute()
    await tx.deleteFrom('forecast_message').where('campaign_id', '=', campaignId).execute()
    const perMessage = entries.map(([messageId, own]) => ({ message_id: messageId, campaign_id: campaignId, delay_override_days: own.delayOverrideDays }))
    if (perMessage.length) await tx.insertInto('forecast_message').values(perMessage).execute()
    const splits = entries.flatMap(([messageId, own]) =>
      Object.entries(own.split)
        .filter(([, share]) => share > 0)
        .map(([helplineId, share]) => ({ message_id: messageId, helpline_id: helplineId, campaign_id: campaignId, share_percent: share })),
    )
    if (splits.length) await tx.insertInto('forecast_split').values(splits).execute()

    const before = current.version === 0 ? null : forecastSnapshot(current.settings, messages, helplines)
    const after = forecastSnapshot(input.settings, messages, helplines)
    const summary = describeChanges(before, after)
    record({
      revision: { entityType: 'forecast', entityId: campaignId, version, summary, snapshot: after },
      audit: { action: 'forecast.saved', entityType: 'forecast', entityId: campaignId, summary: `${summary} (forecast version ${version})`, before: before ?? undefined, after },
    })
    return { ok: true, version }
  })
}

/** What the forecast task on the campaign page needs (task 3). */
export async function forecastTaskState(db: DbOrTx, campaignId: string): Promise<{ messages: number; messagesReady: number; ratesSaved: boolean }> {
  const [messages, saved] = await Promise.all([
    db.selectFrom('message').select('id').where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('forecast_input').select('version').where('campaign_id', '=', campaignId).executeTakeFirst(),
  ])
  if (messages.length === 0 || !saved) return { messages: messages.length, messagesReady: 0, ratesSaved: !!saved }
  const withSplit = await db
    .selectFrom('forecast_split')
    .select('message_id')
    .where('campaign_id', '=', campaignId)
    .where('share_percent', '>', 0)
    .groupBy('message_id')
    .execute()
  const ready = new Set(withSplit.map((r) => r.message_id))
  return { messages: messages.length, messagesReady: messages.filter((m) => ready.has(m.id)).length, ratesSaved: true }
}

export interface CampaignForecastData {
  messages: CampaignMessageForForecast[]
  helplines: Helpline[]
  forecastHelplines: ForecastHelpline[]
  /** The campaign nation's bank holidays: when post arrives, which days are working days. */
  bankHolidays: string[]
  /** The bank holidays the helplines close on, or null when they are the campaign's own. */
  helplineBankHolidays: string[] | null
  saved: SavedForecastSettings
  /** The day-to-day dispersion of calls every forecast uses, and where it came from. */
  dispersion: DispersionInUse
}

/** Everything the forecast of one campaign is computed from, as saved. */
export async function loadCampaignForecastData(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>): Promise<CampaignForecastData> {
  const [messages, helplines, bankHolidays, helplineBankHolidays, saved, dispersion] = await Promise.all([
    listForecastMessages(db, campaign.id),
    listHelplines(db),
    bankHolidayDates(db, campaign.nation),
    campaign.nation === HELPLINE_NATION ? null : bankHolidayDates(db, HELPLINE_NATION),
    getForecastSettings(db, campaign.id),
    dispersionInUse(db),
  ])
  return { messages, helplines, forecastHelplines: helplines.map(toForecastHelpline), bankHolidays, helplineBankHolidays, saved, dispersion }
}

/** The forecast of some settings for a campaign whose data is loaded: what the page, the CSVs and briefings show. */
export function forecastOf(data: CampaignForecastData, settings: ForecastSettings, options: ForecastOptions = {}): CampaignForecast {
  return forecastFromSettings(settings, data.messages, data.forecastHelplines, data.bankHolidays, data.helplineBankHolidays, { ...options, dispersion: data.dispersion.value })
}

/** The saved forecast, computed: for the CSV downloads, the briefings and the benchmarks. */
export async function computeSavedForecast(
  db: DbOrTx,
  campaign: Pick<Campaign, 'id' | 'nation'>,
  options: ForecastOptions = {},
): Promise<{ data: CampaignForecastData; forecast: CampaignForecast }> {
  const data = await loadCampaignForecastData(db, campaign)
  const forecast: CampaignForecast = data.saved.version === 0 ? { ok: false, reason: 'nothing-to-forecast', excluded: [] } : forecastOf(data, data.saved.settings, options)
  return { data, forecast }
}

/** The forecast inputs for the campaign's JSON export: null until first saved. */
export async function forecastInputsForExport(db: DbOrTx, campaignId: string) {
  const saved = await getForecastSettings(db, campaignId)
  if (saved.version === 0) return null
  const [messages, helplines] = await Promise.all([listForecastMessages(db, campaignId), listHelplines(db)])
  return {
    version: saved.version,
    updatedAt: saved.updatedAt,
    ...forecastSnapshot(saved.settings, messages, helplines),
  }
}

const whole = (n: number) => formatNumber(Math.round(n))

/** The saved forecast in a few sentences, for a Customer Services reviewer; null when there is nothing to forecast. */
export async function forecastSummaryForReading(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>): Promise<ForecastSummaryView | null> {
  const { forecast } = await computeSavedForecast(db, campaign)
  if (!forecast.ok) return null
  const { summary, helplines } = forecast.result
  return {
    rows: [
      { key: 'Calls', value: `${whole(summary.calls.central)} (low ${whole(summary.calls.low)}, high ${whole(summary.calls.high)})` },
      {
        key: 'Calls arrive',
        value: summary.firstCallDate && summary.lastCallDate ? formatDateRange(summary.firstCallDate, summary.lastCallDate) : 'No calls are forecast',
      },
      { key: 'Peak day', value: summary.peakDay ? `${formatDate(summary.peakDay.date)}: ${whole(summary.peakDay.calls.central)} calls` : 'None' },
      { key: 'Extra staff for the campaign', value: `${formatFte(summary.requiredFteDays.central)} FTE-days (central)` },
    ],
    helplines: helplines.map((h) => ({
      name: h.name,
      text: `${whole(h.totals.calls.central)} calls; ${h.peakDay ? `busiest on ${formatDate(h.peakDay.date)} with ${whole(h.peakDay.calls.central)}` : 'no busiest day'}; ${formatFte(h.totals.requiredFteDays.central)} extra FTE-days; ${
        h.totals.daysOverCapacity.central === 0 ? 'enough staff every day' : `short of staff on ${formatCount(h.totals.daysOverCapacity.central, 'day')}`
      }`,
    })),
    shortfalls: helplines.map((h) => ({
      helpline: h.name,
      days: h.totals.daysOverCapacity.central,
      firstDate: h.days.find((d) => d.open && d.shortfallFte.central > 0)?.date ?? null,
    })),
  }
}
