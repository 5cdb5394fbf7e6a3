import { buildHelplineCalendar, nextWeeksRange, peakWeek, type CalendarWeek, type HelplineCalendar } from '../forecast/helpline-calendar'
import { createWorkingCalendar, holidayDates, NATIONS, type Nation, type WorkingCalendar } from '../forecast/working-days'
import { toForecastHelpline, type Helpline } from '../helplines/helpline'
import type { DbOrTx } from '../utils/db.server'
import { getActiveBankHolidays, type ActiveBankHolidays } from './bank-holidays.server'
import { arrivalsAtHelpline } from './campaign-load.server'
import { listHelplines } from './helpline.server'

/**
 * The bank holidays a helpline itself closes on. Helplines serve the whole UK and are not tied to a nation in the
 * service; HMRC's contact centres keep the England and Wales holidays, so the calendar does too. Each campaign's
 * calls first follow its own nation's working days, exactly as on its forecast page.
 */
export const HELPLINE_NATION: Nation = 'england-and-wales'

function calendarsOf(active: ActiveBankHolidays): Record<Nation, WorkingCalendar> {
  return Object.fromEntries(NATIONS.map((n) => [n, createWorkingCalendar(holidayDates(active.file, n))])) as Record<Nation, WorkingCalendar>
}

/** One helpline's calendar over whole weeks from `range.from` (a Monday) to `range.to` (a Sunday). */
export async function helplineCalendar(db: DbOrTx, helpline: Helpline, range: { from: string; to: string }): Promise<HelplineCalendar> {
  const [stored, active] = await Promise.all([arrivalsAtHelpline(db, helpline.id, range.from, range.to), getActiveBankHolidays(db)])
  const calendars = calendarsOf(active)
  return buildHelplineCalendar({
    helpline: toForecastHelpline(helpline),
    helplineCalendar: calendars[HELPLINE_NATION],
    campaigns: stored.map((s) => ({ ref: s.campaign.ref, name: s.campaign.name, status: s.campaign.status, calendar: calendars[s.campaign.nation], arrivals: s.arrivals })),
    from: range.from,
    to: range.to,
  })
}

export interface HelplineOutlook {
  helpline: { id: string; name: string; availableFte: number }
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
    const calendar = await helplineCalendar(db, helpline, range)
    out.push({
      helpline: { id: helpline.id, name: helpline.name, availableFte: helpline.availableFte },
      from: range.from,
      to: range.to,
      peak: peakWeek(calendar),
      overCapacity: calendar.weeks.filter((w) => w.overCapacity),
      campaigns: calendar.campaigns.length,
    })
  }
  return out
}
