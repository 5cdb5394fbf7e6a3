import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { lazy, Suspense } from 'react'
import { CAMPAIGNS_PER_PAGE, calendarPageData, calendarPoints } from '~/components/calendar-view'
import { weekRow } from '~/components/CalendarWeeks'
import { about, calls, duration, longDate, percent, shortDate } from '~/components/forecast-view'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { TableRegion } from '~/components/TableRegion'
import { BackLink, Button, Pagination, Select, Table, WarningText } from '~/components/govuk'
import { useHydrated } from '~/components/use-hydrated'
import { STATUS_LABELS, type CampaignStatus } from '~/campaign/options'
import { calendarRange } from '~/forecast/helpline-calendar'
import { staffToPercentileOf } from '~/forecast/intervals'
import { staffedToSentence } from '~/helplines/helpline'
import { helplineCalendar } from '~/models/calendar.server'
import { monthName, parseCalendarQuery, startMonthChoices } from '~/schemas/calendar'
import { requireUser } from '~/http/auth.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { notFound } from '~/http/responses.server'

// recharts only in the browser, only on pages with charts.
const CalendarCharts = lazy(() => import('~/components/charts/CalendarCharts'))

export const handle = { title: (d: { helpline?: { name: string } } | undefined) => (d?.helpline ? `Calendar for ${d.helpline.name}` : 'Helpline calendar') }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const today = todayIso()
  const search = new URL(request.url).searchParams
  const { query, errors } = parseCalendarQuery(search, today)
  const found = await helplineCalendar(db, params.id ?? '', calendarRange(query.start, query.months))
  if (!found) throw notFound('There is no such helpline')
  const { helpline, calendar } = found
  const payload = {
    helpline: {
      id: helpline.id,
      name: helpline.name,
      targetSeconds: helpline.targetSeconds,
      hasPatience: helpline.patienceSeconds !== null,
      staffToPercentile: staffToPercentileOf(helpline),
    },
    query,
    today,
    errors,
    calendar: calendarPageData(calendar, Number.parseInt(search.get('page') ?? '1', 10)),
  }
  return errors ? data(payload, { status: 400 }) : payload
}

export default function HelplineCalendarPage() {
  const { helpline, query, today, errors, calendar } = useLoaderData<typeof loader>()
  const choices = startMonthChoices(today)
  const hydrated = useHydrated()
  const over = calendar.weeks.filter((w) => w.overCapacity)
  const worst = over.reduce<(typeof over)[number] | null>((a, w) => (a === null || w.serviceLevel < a.serviceLevel ? w : a), null)
  const csv = `/helplines/${helpline.id}/calendar.csv?start=${query.start}&months=${query.months}`
  const pageHref = (n: number) => `/helplines/${helpline.id}/calendar?start=${query.start}&months=${query.months}&page=${n}#calendar-campaigns`
  return (
    <>
      <BackLink href={`/helplines/${helpline.id}`} text={`Back to ${helpline.name}`} />
      <FormErrorSummary errors={errors ?? undefined} order={['start', 'months']} />
      <span className="govuk-caption-l">{helpline.name}</span>
      <h1 className="govuk-heading-l">Helpline calendar</h1>
      <p className="govuk-body">
        The calls and staff forecast for every campaign that sends calls to this helpline, week by week, stacked on the helpline’s
        baseline: launched campaigns first, then approved ones, then those still being planned (drafts and campaigns awaiting
        sign-off). Staff are worked out for all the calls together, so each group’s staff is what it adds to the groups below it.
      </p>

      <Form method="get" className="app-calendar-range">
        <div className="app-inline-fields">
          <Select
            id="start"
            name="start"
            label={{ text: 'Start month' }}
            items={choices.map((m) => ({ value: m, text: monthName(m) }))}
            defaultValue={query.start}
            errorMessage={errors?.start}
          />
          <Select
            id="months"
            name="months"
            label={{ text: 'Months to show' }}
            items={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, text: i === 0 ? '1 month' : `${i + 1} months` }))}
            defaultValue={query.months}
            errorMessage={errors?.months}
          />
        </div>
        <Button text="Show these months" variant="secondary" />
      </Form>

      <p className="govuk-body" id="calendar-range">
        {longDate(calendar.from)} to {longDate(calendar.to)}: {calendar.weeks.length} weeks, {calendar.campaignCount}{' '}
        {calendar.campaignCount === 1 ? 'campaign' : 'campaigns'} with calls.
      </p>
      {over.length ? (
        <>
          <WarningText text={`${over.length} of ${calendar.weeks.length} weeks ${over.length === 1 ? 'is' : 'are'} over capacity: the helpline needs more staff than it has on at least one day.`} />
          {worst ? (
            <p className="govuk-body" data-worst-week={worst.weekStart}>
              The hardest week with today’s staff is the week of {longDate(worst.weekStart)}: {percent(worst.serviceLevel)} of calls answered within{' '}
              {duration(helpline.targetSeconds)}
              {worst.abandoned !== null ? ` and ${about(worst.abandoned)} callers hanging up` : ''}, with every campaign’s calls.
            </p>
          ) : null}
        </>
      ) : (
        <p className="govuk-body" data-capacity="ok">
          The helpline has enough staff in every week.
        </p>
      )}

      {hydrated && calendar.weeks.length ? (
        <Suspense fallback={<p className="govuk-body">Loading the charts…</p>}>
          <CalendarCharts name={helpline.name} points={calendarPoints(calendar.weeks)} />
        </Suspense>
      ) : null}

      <h2 className="govuk-heading-m">Week by week</h2>
      <p className="govuk-body">
        Calls are at the central contact rate. Staff are full-time equivalents (FTE) on an average open day of the week.{' '}
        <span data-staffed-to={helpline.staffToPercentile}>{staffedToSentence(helpline.staffToPercentile)}</span>: each day’s staff
        and what today’s staff achieve are for a day that busy. For a week over capacity, the last column says what today’s staff
        achieve with every campaign’s calls.
      </p>
      <TableRegion label={`Week by week at ${helpline.name}`}>
        <Table
          classes="app-calendar-table"
          attributes={{ id: 'calendar-weeks' }}
          caption={`Calls and staff each week at ${helpline.name}`}
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[
            { text: 'Week' },
            { text: 'Baseline calls', format: 'numeric' },
            { text: 'Campaign calls', format: 'numeric' },
            { text: 'FTE needed (campaigns’ part)', format: 'numeric' },
            { text: 'FTE available', format: 'numeric' },
            { text: 'With today’s staff' },
          ]}
          rows={calendar.weeks.map((w) => weekRow(w, helpline))}
        />
      </TableRegion>

      <h2 className="govuk-heading-m">Campaigns</h2>
      {calendar.campaignCount === 0 ? (
        <p className="govuk-body">No campaign’s saved forecast sends calls to this helpline in these months.</p>
      ) : (
        <TableRegion label={`Campaigns with calls to ${helpline.name}`}>
          <Table
            attributes={{ id: 'calendar-campaigns' }}
            caption={
              calendar.pages > 1
                ? `Campaigns ${(calendar.page - 1) * CAMPAIGNS_PER_PAGE + 1} to ${(calendar.page - 1) * CAMPAIGNS_PER_PAGE + calendar.campaigns.length} of ${calendar.campaignCount}, most calls first`
                : 'Most calls first'
            }
            captionClasses="govuk-table__caption--s"
            head={[{ text: 'Campaign' }, { text: 'Status' }, { text: 'Calls in these months', format: 'numeric' }, { text: 'Busiest week' }]}
            rows={calendar.campaigns.map((c) => [
              {
                text: (
                  <Link className="govuk-link" to={`/campaigns/${c.ref}`}>
                    {c.ref} {c.name}
                  </Link>
                ),
                attributes: { 'data-campaign': c.ref },
              },
              { text: STATUS_LABELS[c.status as CampaignStatus] ?? c.status },
              { text: `${calls(c.calls.central)} (low ${calls(c.calls.low)}, high ${calls(c.calls.high)})`, format: 'numeric' },
              { text: c.peakWeek ? `${shortDate(c.peakWeek)} (${calls(c.peakWeekCalls)} calls)` : 'None' },
            ])}
          />
        </TableRegion>
      )}
      {calendar.pages > 1 ? (
        <Pagination
          landmarkLabel="Pages of campaigns"
          previous={calendar.page > 1 ? { href: pageHref(calendar.page - 1) } : undefined}
          next={calendar.page < calendar.pages ? { href: pageHref(calendar.page + 1) } : undefined}
          items={Array.from({ length: calendar.pages }, (_, i) => ({ number: i + 1, href: pageHref(i + 1), current: i + 1 === calendar.page }))}
        />
      ) : null}
      <p className="govuk-body">
        <a className="govuk-link" href={csv} download>
          Download this calendar (CSV)
        </a>
      </p>
    </>
  )
}
