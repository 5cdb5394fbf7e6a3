// Each campaign's calls arriving at each helpline, stored so that the helpline calendar reads them instead of
// forecasting every campaign on every request (docs/decisions/0050-stored-arrivals-kept-current-by-triggers.md).
//
// Stored arrivals are used only while their campaign's campaign_load row exists. Database triggers delete that row
// whenever anything the arrivals are computed from changes (its messages, waves, forecast inputs, nation or Welsh
// share, the bank holidays in use, or which helpline is the Welsh line), whatever wrote it; the next read of a
// calendar computes them again.
import crypto from 'node:crypto'
import { DEFAULT_DEADLINE_BUMP, DEFAULT_RESPONSE_CURVES } from '../forecast/curves'
import { addDays, fromDayNumber, toDayNumber } from '../forecast/dates'
import { DELIVERY_PROFILES, POSTAGE_DELAY_WORKING_DAYS } from '../forecast/delivery'
import { arrivals } from '../forecast/engine'
import type { DayLoad } from '../forecast/helpline-load'
import { rateSpreadPerBand } from '../forecast/intervals'
import { spliceAfter } from '../forecast/reforecast'
import { buildForecastInput } from '../forecast/settings'
import { holidayDates, type Nation } from '../forecast/working-days'
import { toForecastHelpline } from '../helplines/helpline'
import { canonicalJson } from '../utils/canonical-json'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { getActiveBankHolidays } from './bank-holidays.server'
import { getForecastSettings, listForecastMessages } from './forecast-inputs.server'
import { listHelplines } from './helpline.server'

// Bump when the arrivals maths changes in a way the constants below do not show: every stored arrival is then
// recomputed on first use.
const ARRIVALS_MODEL_VERSION = 2
const ARRIVALS_MODEL = crypto
  .createHash('sha256')
  .update(canonicalJson({ version: ARRIVALS_MODEL_VERSION, curves: DEFAULT_RESPONSE_CURVES, postage: POSTAGE_DELAY_WORKING_DAYS, delivery: DELIVERY_PROFILES, bump: DEFAULT_DEADLINE_BUMP }))
  .digest('hex')
  .slice(0, 16)

interface StoredSeries {
  low: number[]
  central: number[]
  high: number[]
  /** The campaign's rate spread (rateSpreadPerBand), for its prediction interval; absent in older rows. */
  spreadPerBand?: number
}

/** Recomputes and stores one campaign's arrivals at every helpline (joining the caller's transaction, if any). */
export async function refreshCampaignLoad(db: DbOrTx, campaignId: string): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const campaign = await tx.selectFrom('campaign').select(['id', 'nation']).where('id', '=', campaignId).executeTakeFirst()
    if (!campaign) return
    const [saved, messages, helplines, active] = await Promise.all([
      getForecastSettings(tx, campaign.id),
      listForecastMessages(tx, campaign.id),
      listHelplines(tx),
      getActiveBankHolidays(tx),
    ])
    const rows: { campaign_id: string; helpline_id: string; first_date: string; last_date: string; daily_calls_json: string }[] = []
    if (saved.version > 0) {
      const bankHolidays = holidayDates(active.file, campaign.nation as Nation)
      const { input } = buildForecastInput(saved.settings, messages, helplines.map(toForecastHelpline), bankHolidays)
      // An input the engine cannot place in time leaves the campaign off the calendar, as its forecast page says.
      const placed = input ? safeArrivals(input) : null
      // A launched campaign's latest re-forecast replaces the forecast for the days after its actual calls.
      const reforecast = placed ? await latestReforecastRates(tx, campaign.id, saved.version) : null
      const redoneInput = reforecast ? buildForecastInput({ ...saved.settings, contactRates: reforecast.rates }, messages, helplines.map(toForecastHelpline), bankHolidays).input : null
      const redone = redoneInput ? safeArrivals(redoneInput) : null
      placed?.loads.forEach((load, h) => {
        // The spread per unit of (P90 − P10) rate is the forecast's; the re-forecast's own, narrower P10 and P90 rates
        // give its days their narrower band.
        const series = trimmed(redone?.loads[h] && reforecast ? spliceAfter(load, redone.loads[h]!, toDayNumber(reforecast.throughDate)) : load, rateSpreadPerBand(input!.contactRates))
        if (series) rows.push({ campaign_id: campaign.id, helpline_id: input!.helplines[h]!.id, ...series })
      })
    }
    await tx.deleteFrom('campaign_helpline_load').where('campaign_id', '=', campaign.id).execute()
    if (rows.length) await tx.insertInto('campaign_helpline_load').values(rows).execute()
    await tx.deleteFrom('campaign_load').where('campaign_id', '=', campaign.id).execute()
    await tx.insertInto('campaign_load').values({ campaign_id: campaign.id, model: ARRIVALS_MODEL, computed_at: nowIso() }).execute()
  })
}

async function latestReforecastRates(db: DbOrTx, campaignId: string, forecastVersion: number) {
  const row = await db
    .selectFrom('reforecast')
    .select(['through_date', 'rate_low', 'rate_central', 'rate_high'])
    .where('campaign_id', '=', campaignId)
    .where('forecast_version', '=', forecastVersion)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? { throughDate: row.through_date, rates: { low: row.rate_low, central: row.rate_central, high: row.rate_high } } : null
}

function safeArrivals(input: Parameters<typeof arrivals>[0]) {
  try {
    return arrivals(input)
  } catch {
    return null
  }
}

/** The days from the first to the last with any calls, or null when there are none. */
function trimmed(load: DayLoad, spreadPerBand: number): { first_date: string; last_date: string; daily_calls_json: string } | null {
  let first = -1
  let last = -1
  for (let i = 0; i < load.central.length; i++) {
    if (load.low[i] || load.central[i] || load.high[i]) {
      if (first < 0) first = i
      last = i
    }
  }
  if (first < 0) return null
  const series: StoredSeries = {
    low: Array.from(load.low.subarray(first, last + 1)),
    central: Array.from(load.central.subarray(first, last + 1)),
    high: Array.from(load.high.subarray(first, last + 1)),
    spreadPerBand,
  }
  return { first_date: fromDayNumber(load.start + first), last_date: fromDayNumber(load.start + last), daily_calls_json: JSON.stringify(series) }
}

export interface CampaignOnHelpline {
  id: string
  ref: string
  name: string
  status: string
  nation: Nation
}

export interface StoredArrivals {
  campaign: CampaignOnHelpline
  /** Calls arriving from `start` (a day number), before roll-forward. */
  arrivals: DayLoad
  /** The campaign's rate spread, for its prediction interval (rateSpreadPerBand); null in rows stored before it. */
  spreadPerBand: number | null
}

// A campaign sends calls to a helpline its split names, and to the Welsh-language line when customers asked for Welsh.
const splitTo = (db: DbOrTx, helplineId: string) =>
  db
    .selectFrom('forecast_split')
    .select('forecast_split.campaign_id')
    .where('forecast_split.helpline_id', '=', helplineId)
    .where('forecast_split.share_percent', '>', 0)
    .union(
      db
        .selectFrom('campaign')
        .select('campaign.id as campaign_id')
        .where('campaign.welsh_customers', '>', 0)
        .where((eb) => eb.exists(eb.selectFrom('helpline').select('helpline.id').where('helpline.id', '=', helplineId).where('helpline.welsh_line', '=', 1))),
    )

/** The campaigns sending calls to the helpline whose stored arrivals are not current (or were never stored). */
export async function staleCampaignsAtHelpline(db: DbOrTx, helplineId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('campaign')
    .innerJoin('forecast_input', 'forecast_input.campaign_id', 'campaign.id')
    .leftJoin('campaign_load', 'campaign_load.campaign_id', 'campaign.id')
    .select('campaign.id')
    .where('campaign.id', 'in', splitTo(db, helplineId))
    .where((eb) => eb.or([eb('campaign_load.campaign_id', 'is', null), eb('campaign_load.model', '<>', ARRIVALS_MODEL)]))
    .execute()
  return rows.map((r) => r.id)
}

/** Brings every campaign sending calls to the helpline up to date; returns how many it computed again. */
export async function refreshStaleAtHelpline(db: DbOrTx, helplineId: string): Promise<number> {
  const stale = await staleCampaignsAtHelpline(db, helplineId)
  if (stale.length) {
    await writeTransaction(db, async (tx) => {
      for (const id of stale) await refreshCampaignLoad(tx, id)
    })
  }
  return stale.length
}

/**
 * The stored arrivals at the helpline that can reach the range, of campaigns whose forecast still sends calls there
 * and whose arrivals are current (call refreshStaleAtHelpline first).
 */
export async function storedArrivals(db: DbOrTx, helplineId: string, fromDate: string, toDate: string): Promise<StoredArrivals[]> {
  const rows = await db
    .selectFrom('campaign_helpline_load')
    .innerJoin('campaign', 'campaign.id', 'campaign_helpline_load.campaign_id')
    .innerJoin('campaign_load', 'campaign_load.campaign_id', 'campaign_helpline_load.campaign_id')
    .select(['campaign.id', 'campaign.ref', 'campaign.name', 'campaign.status', 'campaign.nation', 'campaign_helpline_load.first_date', 'campaign_helpline_load.daily_calls_json'])
    .where('campaign_helpline_load.helpline_id', '=', helplineId)
    .where('campaign_load.model', '=', ARRIVALS_MODEL)
    // Calls that arrive a little before the range can still be answered in it, once closed days roll forward.
    .where('campaign_helpline_load.last_date', '>=', addDays(fromDate, -31))
    .where('campaign_helpline_load.first_date', '<=', toDate)
    // A campaign whose forecast no longer sends calls here keeps its old row until it is next computed.
    .where('campaign_helpline_load.campaign_id', 'in', splitTo(db, helplineId))
    .execute()
  return rows.map((row) => {
    const series = JSON.parse(row.daily_calls_json) as StoredSeries
    return {
      campaign: { id: row.id, ref: row.ref, name: row.name, status: row.status, nation: row.nation as Nation },
      arrivals: { start: toDayNumber(row.first_date), low: Float64Array.from(series.low), central: Float64Array.from(series.central), high: Float64Array.from(series.high) },
      spreadPerBand: series.spreadPerBand ?? null,
    }
  })
}

/** The generation of the calendar's inputs: it moves on (by trigger) with every change to any of them. */
export async function inputGeneration(db: DbOrTx): Promise<number> {
  const row = await db.selectFrom('input_generation').select('n').where('id', '=', 1).executeTakeFirst()
  return Number(row?.n ?? 0)
}
