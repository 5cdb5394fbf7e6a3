import type { LoaderFunctionArgs } from '@remix-run/node'
import { CALENDAR_GROUPS, calendarRange } from '~/forecast/helpline-calendar'
import { staffToPercentileOf } from '~/forecast/intervals'
import { helplineCalendar } from '~/models/calendar.server'
import { parseCalendarQuery } from '~/schemas/calendar'
import { requireUser } from '~/http/auth.server'
import { todayIso } from '~/utils/clock.server'
import { toCsv } from '~/utils/csv'
import { db } from '~/utils/db.server'
import { badRequest, notFound } from '~/http/responses.server'

const CALENDAR_CSV_HEADER = [
  'week_start',
  'week_end',
  'iso_week',
  'open_days',
  'baseline_calls',
  ...CALENDAR_GROUPS.map((g) => `${g}_calls`),
  'campaign_calls_sum_daily_p10',
  'campaign_calls_mean',
  'campaign_calls_sum_daily_p90',
  'baseline_fte',
  ...CALENDAR_GROUPS.map((g) => `${g}_fte`),
  'fte_needed',
  'fte_needed_busiest_day',
  'fte_available',
  'days_over_capacity',
  'over_capacity',
  'campaigns_on_short_days',
  'service_level_available',
  'abandoned_available',
  'staffed_to_percentile',
]

const round1 = (value: number) => Math.round(value * 10) / 10
const round2 = (value: number) => Math.round(value * 100) / 100

/**
 * The calendar page's week-by-week table, every figure and every campaign named. The staff and outcomes are for each
 * day's calls at the percentile the helpline staffs to, the last column; the calls are the mean and the sums of the
 * daily P10 and P90.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const { query, errors } = parseCalendarQuery(new URL(request.url).searchParams, todayIso())
  if (errors) throw badRequest(Object.values(errors).join('. '))
  const found = await helplineCalendar(db, params.id ?? '', calendarRange(query.start, query.months))
  if (!found) throw notFound('There is no such helpline')
  const { helpline, calendar } = found
  const staffTo = staffToPercentileOf(helpline)
  const rows = calendar.weeks.map((w) => [
    w.weekStart,
    w.weekEnd,
    w.isoWeek,
    w.openDays,
    round1(w.baselineCalls),
    ...CALENDAR_GROUPS.map((g) => round1(w.calls[g])),
    round1(w.totalCalls.low),
    round1(w.totalCalls.central),
    round1(w.totalCalls.high),
    round2(w.fte.baseline),
    ...CALENDAR_GROUPS.map((g) => round2(w.fte[g])),
    round2(w.totalFte.central),
    round2(w.peakTotalFte),
    round2(w.availableFte),
    w.daysOverCapacity,
    w.overCapacity ? 'yes' : 'no',
    w.causes.map((c) => `${c.ref} (${c.group}: ${Math.round(c.calls)} calls)`).join('; '),
    w.openDays ? Math.round(w.outcome.serviceLevel * 10_000) / 10_000 : null,
    w.openDays && w.outcome.abandoned !== null ? round1(w.outcome.abandoned) : null,
    staffTo,
  ])
  const slug = helpline.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  return new Response(toCsv(CALENDAR_CSV_HEADER, rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${slug}-calendar-${query.start}-${query.months}-months.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
