// "A helpline week goes over capacity because a campaign changed": in the transaction of a change that moves a
// campaign's forecast, the weeks its calls touch are staffed twice at each helpline they reach, with the campaign's
// calls as they were and as they are now, from the same stored arrivals the helpline calendar reads
// (docs/decisions/0050-stored-arrivals-kept-current-by-triggers.md). A week short of staff now that was not before is
// news for the helpline's managers.
//
// The gateway reaches this module through a dynamic import: it reads forecasts, and the forecast models write through
// the gateway, so a static import would close a circle (docs/decisions/0101-notifications-from-the-write-path.md).
import { addDays, isoWeekStart, toDayNumber } from '../../forecast/dates'
import { buildHelplineCalendar, type CalendarCampaignInput } from '../../forecast/helpline-calendar'
import type { DayLoad } from '../../forecast/helpline-load'
import { createWorkingCalendar, holidayDates, NATIONS, type Nation, type WorkingCalendar } from '../../forecast/working-days'
import { toForecastHelpline } from '../../helplines/helpline'
import { overCapacityWords } from '../../notifications/words'
import { todayIso } from '../../utils/clock.server'
import type { Tx } from '../../utils/db.server'
import { getActiveBankHolidays } from '../bank-holidays.server'
import { HELPLINE_NATION } from '../calendar.server'
import { getHelpline } from '../helpline.server'
import { refreshCampaignLoad, refreshStaleAtHelpline, storedArrivals } from '../stored-arrivals.server'
import { notify } from './notify.server'
import { helplineManagers } from './recipients.server'

/** How far ahead a change is looked at: a year of weeks, as far as the helpline calendar shows. */
const WEEKS_AHEAD = 53
/** Calls that arrive on a closed day are answered on the next open one: look this far past the last day of calls. */
const ROLL_FORWARD_DAYS = 14

/**
 * Before a write: makes sure the campaign's stored arrivals are its forecast as it is now, so that after the write
 * they still say what it was. Nothing to do (one read) unless something changed them without this check since.
 */
export async function keepArrivalsBeforeWrite(tx: Tx, campaignId: string): Promise<void> {
  const current = await tx.selectFrom('campaign_load').select('campaign_id').where('campaign_id', '=', campaignId).executeTakeFirst()
  if (!current) await refreshCampaignLoad(tx, campaignId)
}

const earlier = (a: string, b: string) => (a < b ? a : b)
const later = (a: string, b: string) => (a > b ? a : b)

interface StoredRow {
  helpline_id: string
  first_date: string
  last_date: string
  daily_calls_json: string
}

function asLoad(row: StoredRow): DayLoad {
  const series = JSON.parse(row.daily_calls_json) as { low: number[]; central: number[]; high: number[] }
  return { start: toDayNumber(row.first_date), low: Float64Array.from(series.low), central: Float64Array.from(series.central), high: Float64Array.from(series.high) }
}

const storedRows = (tx: Tx, campaignId: string) =>
  tx.selectFrom('campaign_helpline_load').select(['helpline_id', 'first_date', 'last_date', 'daily_calls_json']).where('campaign_id', '=', campaignId).execute()

export interface CapacityChange {
  helplineId: string
  helplineName: string
  /** Mondays of the weeks short of staff now that were not before. */
  weekStarts: string[]
}

/**
 * After a write: if it changed what the campaign's forecast sends to any helpline (the database's triggers have then
 * dropped its campaign_load row), compares each such helpline's weeks before and after, tells the managers of any
 * week newly over capacity, and returns what it found.
 */
export async function notifyCapacityChanges(tx: Tx, campaignId: string, actor: { id: string } | null): Promise<CapacityChange[]> {
  const unchanged = await tx.selectFrom('campaign_load').select('campaign_id').where('campaign_id', '=', campaignId).executeTakeFirst()
  if (unchanged) return []
  const before = await storedRows(tx, campaignId)
  await refreshCampaignLoad(tx, campaignId)
  const after = await storedRows(tx, campaignId)
  if (before.length === 0 && after.length === 0) return []

  const campaign = await tx.selectFrom('campaign').select(['ref', 'name', 'status', 'nation']).where('id', '=', campaignId).executeTakeFirstOrThrow()
  const active = await getActiveBankHolidays(tx)
  const calendars = new Map<Nation, WorkingCalendar>(NATIONS.map((n) => [n, createWorkingCalendar(holidayDates(active.file, n))]))
  const firstWeek = isoWeekStart(todayIso())
  const lastDay = addDays(firstWeek, WEEKS_AHEAD * 7 - 1)
  const changes: CapacityChange[] = []

  for (const helplineId of [...new Set([...before, ...after].map((r) => r.helpline_id))].sort()) {
    const was = before.find((r) => r.helpline_id === helplineId)
    const now = after.find((r) => r.helpline_id === helplineId)
    const rows = [was, now].filter((r): r is StoredRow => !!r)
    // Only the weeks this campaign's calls reach, then or now, can have changed.
    const firstCalls = rows.map((r) => r.first_date).reduce(earlier)
    const lastCalls = rows.map((r) => r.last_date).reduce(later)
    const from = later(firstWeek, isoWeekStart(firstCalls))
    const to = earlier(lastDay, addDays(isoWeekStart(addDays(lastCalls, ROLL_FORWARD_DAYS)), 6))
    if (from > to) continue
    const helpline = await getHelpline(tx, helplineId)
    if (!helpline) continue
    await refreshStaleAtHelpline(tx, helplineId)
    const others: CalendarCampaignInput[] = (await storedArrivals(tx, helplineId, from, to))
      .filter((s) => s.campaign.id !== campaignId)
      .map((s) => ({ ref: s.campaign.ref, name: s.campaign.name, status: s.campaign.status, calendar: calendars.get(s.campaign.nation)!, arrivals: s.arrivals, spreadPerBand: s.spreadPerBand }))
    const own = (row: StoredRow | undefined): CalendarCampaignInput[] =>
      row ? [{ ref: campaign.ref, name: campaign.name, status: campaign.status, calendar: calendars.get(campaign.nation as Nation)!, arrivals: asLoad(row) }] : []
    const staffed = (mine: CalendarCampaignInput[]) =>
      buildHelplineCalendar({ helpline: toForecastHelpline(helpline), helplineCalendar: calendars.get(HELPLINE_NATION)!, campaigns: [...others, ...mine], from, to })
    const then = new Set(staffed(own(was)).weeks.filter((w) => w.overCapacity).map((w) => w.weekStart))
    const weekStarts = staffed(own(now))
      .weeks.filter((w) => w.overCapacity && !then.has(w.weekStart))
      .map((w) => w.weekStart)
    if (weekStarts.length === 0) continue
    changes.push({ helplineId, helplineName: helpline.name, weekStarts })
    const managers = (await helplineManagers(tx, [helplineId])).filter((id) => id !== actor?.id)
    await notify(tx, overCapacityWords({ ref: campaign.ref, name: campaign.name }, { helplineId, helplineName: helpline.name, weekStarts }), {
      userIds: managers,
      campaignId,
      helplineId,
    })
  }
  return changes
}
