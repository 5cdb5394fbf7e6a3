// The day-to-day dispersion of calls that every forecast uses, fitted from past campaigns' actual calls
// (fitDispersion, docs/forecasting.md "How sure the forecast is").
import { compareWithForecast } from '../forecast/actuals'
import { ASSUMED_DISPERSION, fitDispersion, type DispersionInUse } from '../forecast/intervals'
import { forecastFromSettings } from '../forecast/settings'
import type { Nation } from '../forecast/working-days'
import { HELPLINE_NATION, toForecastHelpline } from '../helplines/helpline'
import type { DbOrTx } from '../utils/db.server'
import { bankHolidayDates } from './bank-holidays.server'
import { getForecastSettings, listForecastMessages } from './forecast-inputs.server'
import { listHelplines } from './helpline.server'

// The fit recomputes every past campaign's forecast, so it is kept until what it was fitted from changes: the actual
// calls (their count, total and latest recording), the forecast inputs of the campaigns that have them (launched
// campaigns' inputs are locked, but the count of launched and closed campaigns can move), the helplines (their
// versions) and the bank holidays in use. Not the input-generation counter: that moves with every draft's edit, and
// refitting on each would cost every past campaign's forecast again. A few entries serve several databases in one
// process (the tests): the fingerprint, not the connection, is the key.
const MAX_REMEMBERED = 8
const remembered = new Map<string, DispersionInUse>()

/** Forgets every fitted dispersion (benchmarks use it to time a cold start). */
export function clearFittedDispersion(): void {
  remembered.clear()
}

async function fingerprint(db: DbOrTx): Promise<string> {
  const withActuals = db.selectFrom('actual_calls').select('actual_calls.campaign_id')
  const [actuals, inputs, campaigns, helplines, holidays] = await Promise.all([
    db
      .selectFrom('actual_calls')
      .select((eb) => [eb.fn.countAll<string | number>().as('days'), eb.fn.sum<string | number | null>('calls').as('calls'), eb.fn.max('recorded_at').as('latest')])
      .executeTakeFirst(),
    db
      .selectFrom('forecast_input')
      .select((eb) => [eb.fn.sum<string | number | null>('version').as('versions'), eb.fn.max('updated_at').as('latest')])
      .where('campaign_id', 'in', withActuals)
      .executeTakeFirst(),
    db
      .selectFrom('campaign')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('status', 'in', ['launched', 'closed'])
      .where('id', 'in', withActuals)
      .executeTakeFirst(),
    db
      .selectFrom('helpline')
      .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.sum<string | number | null>('version').as('versions'), eb.fn.max('updated_at').as('latest')])
      .executeTakeFirst(),
    db.selectFrom('bank_holiday_file').select((eb) => eb.fn.max('applied_seq').as('seq')).executeTakeFirst(),
  ])
  return [
    Number(actuals?.days ?? 0),
    Number(actuals?.calls ?? 0),
    actuals?.latest ?? '',
    Number(inputs?.versions ?? 0),
    inputs?.latest ?? '',
    Number(campaigns?.n ?? 0),
    Number(helplines?.n ?? 0),
    Number(helplines?.versions ?? 0),
    helplines?.latest ?? '',
    String(holidays?.seq ?? ''),
  ].join('|')
}

/** The dispersion forecasts use now: fitted from past actuals when there are enough, else the assumption. */
export async function dispersionInUse(db: DbOrTx): Promise<DispersionInUse> {
  const key = await fingerprint(db)
  const known = remembered.get(key)
  if (known) return known
  const fitted = await fitFromActuals(db)
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string)
  remembered.set(key, fitted)
  return fitted
}

/**
 * Each launched or closed campaign with actual calls, its saved forecast recomputed (at the assumed dispersion:
 * only the central line counts, and that does not depend on it), its actual calls set against that forecast's
 * expected calls on the same day and helpline.
 */
async function fitFromActuals(db: DbOrTx): Promise<DispersionInUse> {
  const campaigns = await db
    .selectFrom('campaign')
    .select(['id', 'nation'])
    .where('status', 'in', ['launched', 'closed'])
    .where((eb) => eb.exists(eb.selectFrom('actual_calls').select('actual_calls.date').whereRef('actual_calls.campaign_id', '=', 'campaign.id')))
    .orderBy('ref')
    .execute()
  if (campaigns.length === 0) return ASSUMED_DISPERSION
  const helplines = (await listHelplines(db)).map(toForecastHelpline)
  const helplineHolidays = await bankHolidayDates(db, HELPLINE_NATION)
  const perCampaign: { expected: number; actual: number }[][] = []
  for (const c of campaigns) {
    const nation = c.nation as Nation
    const [saved, messages, holidays, actuals] = await Promise.all([
      getForecastSettings(db, c.id),
      listForecastMessages(db, c.id),
      nation === HELPLINE_NATION ? helplineHolidays : bankHolidayDates(db, nation),
      db.selectFrom('actual_calls').select(['date', 'helpline_id', 'calls']).where('campaign_id', '=', c.id).execute(),
    ])
    if (saved.version === 0) continue
    const forecast = forecastFromSettings(saved.settings, messages, helplines, holidays, nation === HELPLINE_NATION ? null : helplineHolidays)
    if (!forecast.ok) continue
    const comparison = compareWithForecast(
      forecast.result,
      actuals.map((a) => ({ date: a.date, helplineId: a.helpline_id, calls: a.calls })),
    )
    if (comparison) perCampaign.push(comparison.helplines.flatMap((h) => h.days.map((d) => ({ expected: d.forecast.central, actual: d.actual }))))
  }
  return fitDispersion(perCampaign)
}
