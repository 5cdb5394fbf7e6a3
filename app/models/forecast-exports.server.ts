// The saved forecast as CSV files: day by day (forecast.csv) and half hour by half hour (forecast-intervals.csv).
// docs/forecast-page.md describes every column.
import { createWorkingCalendar } from '../forecast/working-days'
import { toCsv } from '../utils/csv'
import type { DbOrTx } from '../utils/db.server'
import type { Campaign } from './campaign.server'
import type { HelplineDay } from '../forecast/types'
import { computeSavedForecast } from './forecast.server'
import { currentReforecast } from './reforecast.server'

export const FORECAST_CSV_HEADER = [
  'date',
  'helpline',
  'calls_p10',
  'calls_mean',
  'calls_p90',
  'fte_required',
  'fte_available',
  'fte_required_total',
  'service_level_available',
  'abandoned_available',
  'reforecast_calls_p10',
  'reforecast_calls_mean',
  'reforecast_calls_p90',
  'reforecast_fte_required',
  'reforecast_service_level_available',
  'staffed_to_percentile',
]

export const FORECAST_INTERVALS_CSV_HEADER = [
  'date',
  'interval_start',
  'helpline',
  'calls_baseline',
  'calls_campaign',
  'agents_required_baseline',
  'agents_required_total',
  'binding_rule',
  'agents_available',
  'service_level_available',
  'asa_seconds_available',
  'abandonment_available',
  'staffed_to_percentile',
]

const round = (value: number, places: number) => {
  const factor = 10 ** places
  return Math.round(value * factor) / factor
}

/**
 * One row per helpline and day that is a working day of the campaign's nation or on which the helpline is open
 * (a helpline open on Saturdays takes calls then). `fte_required` is the campaign's need, `fte_required_total` the
 * whole helpline's (baseline and campaign), to set beside `fte_available`; the outcomes are with the available staff.
 * Central scenario: the staff and outcomes are for each day's calls at the percentile the helpline staffs to
 * (`staffed_to_percentile`), the calls are the mean and P10/P90. When the launched campaign has been re-forecast from
 * its calls so far, the `reforecast_` columns give the latest re-forecast for each day after those calls (blank
 * before, and with no re-forecast). Before anything is saved the file has only the header.
 */
export async function forecastCsv(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>): Promise<string> {
  const { data, forecast } = await computeSavedForecast(db, campaign)
  const rows: (string | number | null)[][] = []
  if (forecast.ok) {
    const calendar = createWorkingCalendar(data.bankHolidays)
    const redone = await currentReforecast(db, campaign.id, data)
    const after = new Map<string, HelplineDay>()
    if (redone?.forecast.ok) {
      for (const h of redone.forecast.result.helplines) for (const d of h.days) if (d.date > redone.saved.throughDate) after.set(`${h.helplineId}|${d.date}`, d)
    }
    for (const helpline of forecast.result.helplines) {
      for (const day of helpline.days) {
        if (!day.open && !calendar.isWorkingDay(day.date)) continue
        const outcome = day.outcome.total.central
        const re = after.get(`${helpline.helplineId}|${day.date}`)
        rows.push([
          day.date,
          helpline.name,
          round(day.calls.low, 2),
          round(day.calls.central, 2),
          round(day.calls.high, 2),
          round(day.requiredFte.central, 2),
          round(day.availableFte, 2),
          round(day.totalFte.central, 2),
          day.open ? round(outcome.serviceLevel, 4) : null,
          day.open && outcome.abandoned !== null ? round(outcome.abandoned, 2) : null,
          re ? round(re.calls.low, 2) : null,
          re ? round(re.calls.central, 2) : null,
          re ? round(re.calls.high, 2) : null,
          re ? round(re.requiredFte.central, 2) : null,
          re && re.open ? round(re.outcome.total.central.serviceLevel, 4) : null,
          helpline.staffToPercentile,
        ])
      }
    }
  }
  return toCsv(FORECAST_CSV_HEADER, rows)
}

/**
 * One row per helpline and open half hour of the saved forecast's days, central scenario, staffed for each day's calls
 * at the helpline's percentile (`staffed_to_percentile`; the calls are those too, so each row adds up): the calls, the agents
 * needed for the baseline alone and with the campaign, the rule that set the second, the agents the available staff
 * put on, and what they achieve. ISO dates and HH:MM times; blank ASA when the queue grows without limit, blank
 * abandonment under Erlang C.
 */
export async function forecastIntervalsCsv(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>): Promise<string> {
  const { forecast } = await computeSavedForecast(db, campaign, { intervals: true })
  const rows: (string | number | null)[][] = []
  if (forecast.ok) {
    for (const helpline of forecast.result.helplines) {
      for (const day of helpline.intervals ?? []) {
        for (const i of day.intervals) {
          rows.push([
            day.date,
            i.time,
            helpline.name,
            round(i.baselineCalls, 2),
            round(i.campaignCalls, 2),
            i.agentsBaseline,
            i.agentsRequired,
            i.bindingRule,
            i.agentsAvailable,
            round(i.serviceLevel, 4),
            i.asaSeconds === null ? null : round(i.asaSeconds, 1),
            i.abandonmentRate === null ? null : round(i.abandonmentRate, 4),
            helpline.staffToPercentile,
          ])
        }
      }
    }
  }
  return toCsv(FORECAST_INTERVALS_CSV_HEADER, rows)
}
