import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { lazy, Suspense, useEffect, useState } from 'react'
import { calendarPoints } from '~/components/calendar-view'
import { calls, fte, longDate, shortDate } from '~/components/forecast-view'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { TableRegion } from '~/components/TableRegion'
import { BackLink, Button, Pagination, Select, Tag, WarningText } from '~/components/govuk'
import { STATUS_LABELS, type CampaignStatus } from '~/campaign/options'
import { calendarRange } from '~/forecast/helpline-calendar'
import { helplineCalendar } from '~/models/calendar.server'
import { monthName, parseCalendarQuery, startMonthChoices } from '~/schemas/calendar'
import { requireUser } from '~/http/auth.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { notFound } from '~/http/responses.server'

// recharts only in the browser, only on pages with charts.
const CalendarCharts = lazy(() => import('~/components/charts/CalendarCharts'))

export const handle = { title: (d: { helpline?: { name: string } } | undefined) => (d?.helpline ? `Calendar for ${d.helpline.name}` : 'Helpline calendar') }

/** Most campaigns named beside one week; the CSV and the campaign table name them all. */
const CAUSES_SHOWN = 3
const round1 = (n: number) => Math.round(n * 10) / 10

/** Campaigns per page of the campaign table, busiest first. */
const CAMPAIGNS_PER_PAGE = 25

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const today = todayIso()
  const { query, errors } = parseCalendarQuery(new URL(request.url).searchParams, today)
  const found = await helplineCalendar(db, params.id ?? '', calendarRange(query.start, query.months))
  if (!found) throw notFound('There is no such helpline')
  const { helpline, calendar } = found
  const pages = Math.max(1, Math.ceil(calendar.campaigns.length / CAMPAIGNS_PER_PAGE))
  const page = Math.min(pages, Math.max(1, Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10) || 1))
  // Only what the page shows: the CSV has every figure.
  const payload = {
    helpline: { id: helpline.id, name: helpline.name },
    query,
    today,
    errors,
    calendar: {
      from: calendar.from,
      to: calendar.to,
      // Rounded as shown (whole calls, FTE to one place), so the page carries no more digits than it needs.
      weeks: calendar.weeks.map((w) => ({
        weekStart: w.weekStart,
        isoWeek: w.isoWeek,
        openDays: w.openDays,
        baselineCalls: Math.round(w.baselineCalls),
        calls: { launched: Math.round(w.calls.launched), approved: Math.round(w.calls.approved), planned: Math.round(w.calls.planned) },
        fte: { baseline: round1(w.fte.baseline), launched: round1(w.fte.launched), approved: round1(w.fte.approved), planned: round1(w.fte.planned) },
        totalFte: round1(w.totalFte.central),
        peakTotalFte: round1(w.peakTotalFte),
        availableFte: round1(w.availableFte),
        daysOverCapacity: w.daysOverCapacity,
        overCapacity: w.overCapacity,
        baselineOverCapacity: w.baselineOverCapacity,
        causes: w.causes.slice(0, CAUSES_SHOWN).map((c) => c.ref),
        moreCauses: Math.max(0, w.causes.length - CAUSES_SHOWN),
      })),
      campaignCount: calendar.campaigns.length,
      campaigns: calendar.campaigns.slice((page - 1) * CAMPAIGNS_PER_PAGE, page * CAMPAIGNS_PER_PAGE).map((c) => ({
        ref: c.ref,
        name: c.name,
        status: c.status,
        group: c.group,
        calls: { low: Math.round(c.calls.low), central: Math.round(c.calls.central), high: Math.round(c.calls.high) },
        peakWeek: c.peakWeek,
        peakWeekCalls: Math.round(c.peakWeekCalls),
      })),
      page,
      pages,
    },
  }
  return errors ? data(payload, { status: 400 }) : payload
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

const GROUP_COLUMNS = ['launched', 'approved', 'planned'] as const

/** The campaigns with most calls on the week's short days, by reference: the campaign table below names them. */
function Causes({ refs, more }: { refs: string[]; more: number }) {
  return (
    <>
      {refs.map((ref, i) => [
        i ? ', ' : null,
        <a key={ref} className="govuk-link" href={`/campaigns/${ref}`}>
          {ref}
        </a>,
      ])}
      {more > 0 ? ` and ${more} more` : null}
    </>
  )
}

export default function HelplineCalendarPage() {
  const { helpline, query, today, errors, calendar } = useLoaderData<typeof loader>()
  const choices = startMonthChoices(today)
  const hydrated = useHydrated()
  const over = calendar.weeks.filter((w) => w.overCapacity)
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
        <WarningText text={`${over.length} of ${calendar.weeks.length} weeks ${over.length === 1 ? 'is' : 'are'} over capacity: the helpline needs more staff than it has on at least one day.`} />
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
      <p className="govuk-body">Calls are at the central contact rate. Staff are full-time equivalents (FTE) on an average open day of the week.</p>
      <TableRegion label={`Week by week at ${helpline.name}`}>
        <table className="govuk-table app-calendar-table" id="calendar-weeks">
          <caption className="govuk-table__caption govuk-visually-hidden">Calls and staff each week at {helpline.name}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Week</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Baseline calls</th>
              {GROUP_COLUMNS.map((g) => (
                <th key={g} scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {g === 'launched' ? 'Launched' : g === 'approved' ? 'Approved' : 'Planned'} calls
                </th>
              ))}
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Baseline FTE</th>
              {GROUP_COLUMNS.map((g) => (
                <th key={g} scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {g === 'launched' ? 'Launched' : g === 'approved' ? 'Approved' : 'Planned'} FTE
                </th>
              ))}
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">FTE needed</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">FTE available</th>
              <th scope="col" className="govuk-table__header">Capacity</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {calendar.weeks.map((w) => (
              <tr className="govuk-table__row" key={w.weekStart} data-week={w.weekStart}>
                <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">{`${shortDate(w.weekStart)} (${w.isoWeek})`}</th>
                <td>{calls(w.baselineCalls)}</td>
                {GROUP_COLUMNS.map((g) => (
                  <td key={g} data-calls={g}>
                    {calls(w.calls[g])}
                  </td>
                ))}
                <td>{fte(w.fte.baseline)}</td>
                {GROUP_COLUMNS.map((g) => (
                  <td key={g} data-fte={g}>
                    {fte(w.fte[g])}
                  </td>
                ))}
                <td data-fte="total">{`${fte(w.totalFte)} (busiest day ${fte(w.peakTotalFte)})`}</td>
                <td>{fte(w.availableFte)}</td>
                <td>
                  {w.overCapacity ? (
                    <>
                      <Tag text="Over capacity" colour="orange" />{' '}
                      {`short of staff on ${w.daysOverCapacity} ${w.daysOverCapacity === 1 ? 'day' : 'days'}${w.baselineOverCapacity ? ', even without campaigns' : ''}${w.causes.length ? '; campaigns with calls then: ' : ''}`}
                      {w.causes.length ? <Causes refs={w.causes} more={w.moreCauses} /> : null}
                    </>
                  ) : w.openDays === 0 ? (
                    'Closed'
                  ) : (
                    'Enough staff'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <h2 className="govuk-heading-m">Campaigns</h2>
      {calendar.campaignCount === 0 ? (
        <p className="govuk-body">No campaign’s saved forecast sends calls to this helpline in these months.</p>
      ) : (
        <TableRegion label={`Campaigns with calls to ${helpline.name}`}>
          <table className="govuk-table" id="calendar-campaigns">
            <caption className="govuk-table__caption govuk-table__caption--s">
              {calendar.pages > 1
                ? `Campaigns ${(calendar.page - 1) * CAMPAIGNS_PER_PAGE + 1} to ${(calendar.page - 1) * CAMPAIGNS_PER_PAGE + calendar.campaigns.length} of ${calendar.campaignCount}, most calls first`
                : 'Most calls first'}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Campaign</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Calls in these months</th>
                <th scope="col" className="govuk-table__header">Busiest week</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {calendar.campaigns.map((c) => (
                <tr className="govuk-table__row" key={c.ref} data-campaign={c.ref}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/campaigns/${c.ref}`}>
                      {c.ref} {c.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{STATUS_LABELS[c.status as CampaignStatus] ?? c.status}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{`${calls(c.calls.central)} (low ${calls(c.calls.low)}, high ${calls(c.calls.high)})`}</td>
                  <td className="govuk-table__cell">{c.peakWeek ? `${shortDate(c.peakWeek)} (${calls(c.peakWeekCalls)} calls)` : 'None'}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
