// Each campaign's calls arriving at each helpline, stored so that the helpline calendar reads them instead of
// forecasting every campaign on every request (docs/decisions/0050-stored-arrivals-checked-by-stamp.md).
//
// Stored arrivals are only ever used when their stamp matches the stamp of the campaign's inputs as they are
// now. The stamp names every input by its version: the campaign (its nation), its saved forecast inputs, each of
// its messages (waves are saved with their message), the bank-holiday calendar in use and the arrivals maths
// itself. Writes that change a campaign's inputs refresh its arrivals in their own transaction; anything that
// does not (a bank-holiday upload, a new release, a write path added later) is caught by the stamp on read.
import crypto from 'node:crypto'
import { DEFAULT_DEADLINE_BUMP, DEFAULT_RESPONSE_CURVES } from '../forecast/curves'
import { addDays, fromDayNumber, toDayNumber } from '../forecast/dates'
import { POSTAGE_DELAY_WORKING_DAYS } from '../forecast/delivery'
import { arrivals } from '../forecast/engine'
import type { DayLoad } from '../forecast/helpline-load'
import { buildForecastInput } from '../forecast/settings'
import { holidayDates, type Nation } from '../forecast/working-days'
import { toForecastHelpline } from '../helplines/helpline'
import { canonicalJson } from '../utils/canonical-json'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { getActiveBankHolidays } from './bank-holidays.server'
import { getForecastSettings, listForecastMessages } from './forecast.server'
import { listHelplines } from './helpline.server'

// Bump when the arrivals maths changes in a way the constants below do not show: every stored arrival is then
// recomputed on first use.
const ARRIVALS_MODEL_VERSION = 1
const ARRIVALS_MODEL = crypto
  .createHash('sha256')
  .update(canonicalJson({ version: ARRIVALS_MODEL_VERSION, curves: DEFAULT_RESPONSE_CURVES, postage: POSTAGE_DELAY_WORKING_DAYS, bump: DEFAULT_DEADLINE_BUMP }))
  .digest('hex')
  .slice(0, 16)

export interface LoadStampInputs {
  campaignVersion: number
  nation: string
  /** 0 when the forecast inputs were never saved. */
  forecastVersion: number
  /** [message id, version] for every message of the campaign. */
  messages: readonly (readonly [string, number])[]
  bankHolidaysId: string
}

/** The stamp of a campaign's inputs: equal stamps mean equal arrivals. */
export function loadStamp(inputs: LoadStampInputs): string {
  const messages = [...inputs.messages].map(([id, version]) => `${id}:${version}`).sort()
  const text = canonicalJson({
    model: ARRIVALS_MODEL,
    campaign: inputs.campaignVersion,
    nation: inputs.nation,
    forecast: inputs.forecastVersion,
    messages,
    bankHolidays: inputs.bankHolidaysId,
  })
  return crypto.createHash('sha256').update(text).digest('base64url')
}

interface StoredSeries {
  low: number[]
  central: number[]
  high: number[]
}

/** Recomputes and stores one campaign's arrivals at every helpline. Runs inside the caller's write transaction. */
export async function refreshCampaignLoad(db: DbOrTx, campaignId: string): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const campaign = await tx.selectFrom('campaign').select(['id', 'version', 'nation']).where('id', '=', campaignId).executeTakeFirst()
    if (!campaign) return
    const [saved, messages, versions, helplines, active] = await Promise.all([
      getForecastSettings(tx, campaign.id),
      listForecastMessages(tx, campaign.id),
      tx.selectFrom('message').select(['id', 'version']).where('campaign_id', '=', campaign.id).execute(),
      listHelplines(tx),
      getActiveBankHolidays(tx),
    ])
    const stamp = loadStamp({
      campaignVersion: campaign.version,
      nation: campaign.nation,
      forecastVersion: saved.version,
      messages: versions.map((m) => [m.id, m.version] as const),
      bankHolidaysId: active.id,
    })

    const rows: { campaign_id: string; helpline_id: string; first_date: string; last_date: string; daily_calls_json: string }[] = []
    if (saved.version > 0) {
      const bankHolidays = holidayDates(active.file, campaign.nation as Nation)
      const { input } = buildForecastInput(saved.settings, messages, helplines.map(toForecastHelpline), bankHolidays)
      // An input the engine cannot place in time leaves the campaign off the calendar, as its forecast page says.
      const placed = input ? safeArrivals(input) : null
      placed?.loads.forEach((load, h) => {
        const series = trimmed(load)
        if (series) rows.push({ campaign_id: campaign.id, helpline_id: input!.helplines[h]!.id, ...series })
      })
    }
    await tx.deleteFrom('campaign_helpline_load').where('campaign_id', '=', campaign.id).execute()
    if (rows.length) await tx.insertInto('campaign_helpline_load').values(rows).execute()
    await tx.deleteFrom('campaign_load').where('campaign_id', '=', campaign.id).execute()
    await tx.insertInto('campaign_load').values({ campaign_id: campaign.id, stamp, computed_at: nowIso() }).execute()
  })
}

function safeArrivals(input: Parameters<typeof arrivals>[0]) {
  try {
    return arrivals(input)
  } catch {
    return null
  }
}

/** The days from the first to the last with any calls, or null when there are none. */
function trimmed(load: DayLoad): { first_date: string; last_date: string; daily_calls_json: string } | null {
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
}

/**
 * Every campaign whose saved forecast sends calls to the helpline and that has calls arriving on or after
 * `fromDate`, with its arrivals. Campaigns whose stored arrivals no longer match their inputs are recomputed first.
 */
export async function arrivalsAtHelpline(db: DbOrTx, helplineId: string, fromDate: string, toDate: string): Promise<StoredArrivals[]> {
  const splitToHelpline = db
    .selectFrom('forecast_split')
    .select('forecast_split.campaign_id')
    .where('forecast_split.helpline_id', '=', helplineId)
    .where('forecast_split.share_percent', '>', 0)
  const [campaigns, messages, active] = await Promise.all([
    db
      .selectFrom('campaign')
      .innerJoin('forecast_input', 'forecast_input.campaign_id', 'campaign.id')
      .leftJoin('campaign_load', 'campaign_load.campaign_id', 'campaign.id')
      .select(['campaign.id', 'campaign.ref', 'campaign.name', 'campaign.status', 'campaign.nation', 'campaign.version', 'forecast_input.version as forecast_version', 'campaign_load.stamp'])
      .where('campaign.id', 'in', splitToHelpline)
      .execute(),
    db.selectFrom('message').select(['message.campaign_id', 'message.id', 'message.version']).where('message.campaign_id', 'in', splitToHelpline).execute(),
    getActiveBankHolidays(db),
  ])
  const versions = new Map<string, [string, number][]>()
  for (const m of messages) {
    let list = versions.get(m.campaign_id)
    if (!list) versions.set(m.campaign_id, (list = []))
    list.push([m.id, m.version])
  }
  const stale = campaigns.filter(
    (c) =>
      c.stamp !==
      loadStamp({ campaignVersion: c.version, nation: c.nation, forecastVersion: c.forecast_version, messages: versions.get(c.id) ?? [], bankHolidaysId: active.id }),
  )
  if (stale.length) {
    await writeTransaction(db, async (tx) => {
      for (const c of stale) await refreshCampaignLoad(tx, c.id)
    })
  }

  const byId = new Map(campaigns.map((c) => [c.id, c]))
  const rows = await db
    .selectFrom('campaign_helpline_load')
    .select(['campaign_id', 'first_date', 'daily_calls_json'])
    .where('helpline_id', '=', helplineId)
    // Calls that arrive a little before the range can still be answered in it, once closed days roll forward.
    .where('last_date', '>=', addDays(fromDate, -31))
    .where('first_date', '<=', toDate)
    .where('campaign_id', 'in', splitToHelpline)
    .execute()
  const out: StoredArrivals[] = []
  for (const row of rows) {
    const c = byId.get(row.campaign_id)
    if (!c) continue
    const series = JSON.parse(row.daily_calls_json) as StoredSeries
    out.push({
      campaign: { id: c.id, ref: c.ref, name: c.name, status: c.status, nation: c.nation as Nation },
      arrivals: { start: toDayNumber(row.first_date), low: Float64Array.from(series.low), central: Float64Array.from(series.central), high: Float64Array.from(series.high) },
    })
  }
  return out
}

/** How many campaigns have stored arrivals (for the benchmark and tests). */
export async function storedLoadCount(db: DbOrTx): Promise<number> {
  const row = await db.selectFrom('campaign_load').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
