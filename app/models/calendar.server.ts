import { buildHelplineCalendar, nextWeeksRange, peakWeek, type CalendarWeek, type HelplineCalendar } from '../forecast/helpline-calendar'
import { createWorkingCalendar, holidayDates, NATIONS, type Nation, type WorkingCalendar } from '../forecast/working-days'
import { staffToPercentileOf, type StaffToPercentile } from '../forecast/intervals'
import { HELPLINE_NATION, toForecastHelpline, type Helpline } from '../helplines/helpline'
import type { DbOrTx } from '../utils/db.server'
import { getActiveBankHolidays, type ActiveBankHolidays } from './bank-holidays.server'
import { inputGeneration, refreshStaleAtHelpline, storedArrivals } from './stored-arrivals.server'
import { dispersionInUse } from './dispersion.server'
import { getHelpline, listHelplines } from './helpline.server'

export { HELPLINE_NATION }

function calendarsOf(active: ActiveBankHolidays): Record<Nation, WorkingCalendar> {
  return Object.fromEntries(NATIONS.map((n) => [n, createWorkingCalendar(holidayDates(active.file, n))])) as Record<Nation, WorkingCalendar>
}

// Calendars already built, keyed by the input generation (which database triggers move on with every change to
// anything a calendar is computed from, by any app instance or any other path), the helpline and the range. A key
// therefore names one result and no other: a memo, never a cache that could go stale.
const MEMO_SIZE = 64
const memo = new Map<string, { helpline: Helpline; calendar: HelplineCalendar }>()

/**
 * One helpline's calendar over whole weeks from `range.from` (a Monday) to `range.to` (a Sunday), and the helpline;
 * null when there is no such helpline.
 */
export async function helplineCalendar(db: DbOrTx, helplineId: string, range: { from: string; to: string }): Promise<{ helpline: Helpline; calendar: HelplineCalendar } | null> {
  // The generation first: everything read after it is at least as new, so what is stored under it is never older.
  const generation = await inputGeneration(db)
  // Recording actual calls does not move the generation on, but can change the dispersion the bands are drawn with.
  const dispersion = await dispersionInUse(db)
  const key = `${generation}|${dispersion.value}|${helplineId}|${range.from}|${range.to}`
  const known = memo.get(key)
  if (known) {
    memo.delete(key)
    memo.set(key, known)
    return known
  }
  const helpline = await getHelpline(db, helplineId)
  if (!helpline) return null
  const active = await getActiveBankHolidays(db)
  await refreshStaleAtHelpline(db, helpline.id)
  const stored = await storedArrivals(db, helpline.id, range.from, range.to)
  const calendars = calendarsOf(active)
  const calendar = buildHelplineCalendar({
    helpline: toForecastHelpline(helpline),
    helplineCalendar: calendars[HELPLINE_NATION],
    campaigns: stored.map((s) => ({ ref: s.campaign.ref, name: s.campaign.name, status: s.campaign.status, calendar: calendars[s.campaign.nation], arrivals: s.arrivals, spreadPerBand: s.spreadPerBand })),
    from: range.from,
    to: range.to,
    dispersion: dispersion.value,
  })
  const result = { helpline, calendar }
  memo.set(key, result)
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string)
  return result
}

export interface HelplineOutlook {
  /** `staffToPercentile`: the percentile of daily calls the FTE needed is for. */
  helpline: { id: string; name: string; availableFte: number; staffToPercentile: StaffToPercentile }
  from: string
  to: string
  /** The week needing most staff (central), or null when there are no weeks. */
  peak: CalendarWeek | null
  overCapacity: CalendarWeek[]
  campaigns: number
}

/** The next `weeks` weeks of every helpline, for helpline managers' home page. */
export async function helplineOutlooks(db: DbOrTx, today: string, weeks = 8): Promise<HelplineOutlook[]> {
  const range = nextWeeksRange(today, weeks)
  const helplines = await listHelplines(db)
  const out: HelplineOutlook[] = []
  for (const helpline of helplines) {
    const { calendar } = (await helplineCalendar(db, helpline.id, range))!
    out.push({
      helpline: { id: helpline.id, name: helpline.name, availableFte: helpline.availableFte, staffToPercentile: staffToPercentileOf(helpline) },
      from: range.from,
      to: range.to,
      peak: peakWeek(calendar),
      overCapacity: calendar.weeks.filter((w) => w.overCapacity),
      campaigns: calendar.campaigns.length,
    })
  }
  return out
}
