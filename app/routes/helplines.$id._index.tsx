import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { BackLink, NotificationBanner, SummaryList, WarningText } from '~/components/govuk'
import { formatDateTime, formatNumber, STATUS_LABELS, type CampaignStatus } from '~/campaign/options'
import { extraStaffingRules, intervalRange, openIntervals, staffingModel, targetCanBeMetByHangUps, trimNumber, WEEKDAY_NAMES } from '~/helplines/helpline'
import { campaignsUsingHelpline, canManageHelplines, getHelpline, listHelplineRevisions } from '~/models/helpline.server'
import { requireUser } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { notFound } from '~/http/responses.server'

export const handle = { title: (data: { helpline?: { name: string } } | undefined) => data?.helpline?.name ?? 'Helpline' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const helpline = await getHelpline(db, params.id ?? '')
  if (!helpline) throw notFound('There is no such helpline')
  const [campaigns, history] = await Promise.all([campaignsUsingHelpline(db, helpline.id), listHelplineRevisions(db, helpline.id)])
  return { helpline, campaigns, history, canManage: canManageHelplines(user) }
}

const NOTICES: Record<string, string> = { added: 'Helpline added', saved: 'Your changes have been saved' }

export default function HelplinePage() {
  const { helpline: h, campaigns, history, canManage } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const notice = NOTICES[params.get('notice') ?? '']
  const edit = `/helplines/${h.id}/edit`
  const change = (field: string, hidden: string) => (canManage ? { items: [{ href: `${edit}#${field}`, text: 'Change', visuallyHiddenText: hidden }] } : undefined)
  const intervals = openIntervals(h.openingHours)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/helplines" text="Back to helplines" />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <span className="govuk-caption-l">Helpline</span>
        <h1 className="govuk-heading-l">{h.name}</h1>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/helplines/${h.id}/calendar`}>
            Calendar: calls and staff for every campaign, week by week
          </Link>
        </p>
        {targetCanBeMetByHangUps(h) ? (
          <WarningText text="With a caller patience and a 100% occupancy cap, the staffing can meet the service-level target partly by callers hanging up. Set a maximum abandonment rate, or a lower occupancy cap, to rule that out." />
        ) : null}
        <SummaryList
          rows={[
            { key: { text: 'Name' }, value: { text: h.name }, actions: change('name', 'name') },
            { key: { text: 'Average handle time' }, value: { text: `${formatNumber(h.ahtSeconds)} seconds` }, actions: change('ahtSeconds', 'average handle time') },
            {
              key: { text: 'Service-level target' },
              value: { text: `${trimNumber(h.targetPercent)}% of calls answered within ${formatNumber(h.targetSeconds)} seconds` },
              actions: change('targetPercent', 'service-level target'),
            },
            { key: { text: 'Shrinkage' }, value: { text: `${trimNumber(h.shrinkagePercent)}%` }, actions: change('shrinkagePercent', 'shrinkage') },
            { key: { text: 'Maximum occupancy' }, value: { text: `${trimNumber(h.maxOccupancyPercent)}%` }, actions: change('maxOccupancyPercent', 'maximum occupancy') },
            { key: { text: 'Staffing model' }, value: { text: staffingModel(h.patienceSeconds) }, actions: change('patienceSeconds', 'caller patience') },
            {
              key: { text: 'Other staffing rules' },
              value: { text: extraStaffingRules(h) ?? 'None' },
              actions: change(h.patienceSeconds === null ? 'maxAsaSeconds' : 'maxAbandonmentPercent', 'other staffing rules'),
            },
            { key: { text: 'Baseline calls per day' }, value: { text: formatNumber(h.baselineCallsPerDay) }, actions: change('baselineCallsPerDay', 'baseline calls per day') },
            { key: { text: 'Available FTE' }, value: { text: trimNumber(h.availableFte) }, actions: change('availableFte', 'available FTE') },
            { key: { text: 'Paid hours per FTE per day' }, value: { text: trimNumber(h.paidHoursPerFte) }, actions: change('paidHoursPerFte', 'paid hours per FTE per day') },
            {
              key: { text: 'Welsh language' },
              value: { text: h.welshLine ? 'The Welsh-language helpline: it takes the calls of every campaign’s Welsh-preference customers' : 'Not the Welsh-language helpline' },
              actions: change('welshLine', 'whether it is the Welsh-language helpline'),
            },
          ]}
        />

        <h2 className="govuk-heading-m">Opening hours</h2>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Opening hours and weight for each day</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Day</th>
              <th scope="col" className="govuk-table__header">Hours</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Weight</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {WEEKDAY_NAMES.map((day, i) => {
              const hours = h.openingHours[i]
              return (
                <tr className="govuk-table__row" key={day}>
                  <th scope="row" className="govuk-table__header">{day}</th>
                  <td className="govuk-table__cell">{hours ? `${hours.open} to ${hours.close}` : 'Closed'}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{hours ? trimNumber(h.dayWeights[i] ?? 1) : ''}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <p className="govuk-body">The helpline is also closed on bank holidays.</p>

        <h2 className="govuk-heading-m">Intraday profile</h2>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Share of a day’s calls in each half hour</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Half hour</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Share of calls</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {intervals.map((i) => (
              <tr className="govuk-table__row" key={i}>
                <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">{intervalRange(i)}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{trimNumber(h.intradayProfile[i] ?? 0)}%</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2 className="govuk-heading-m">Campaigns forecasting calls to this helpline</h2>
        {campaigns.length === 0 ? (
          <p className="govuk-body">No campaign’s saved forecast sends calls here yet.</p>
        ) : (
          <ul className="govuk-list">
            {campaigns.map((c) => (
              <li key={c.ref}>
                <Link className="govuk-link" to={`/campaigns/${c.ref}/forecast`}>
                  {c.ref} {c.name}
                </Link>{' '}
                ({STATUS_LABELS[c.status as CampaignStatus] ?? c.status})
              </li>
            ))}
          </ul>
        )}

        <h2 className="govuk-heading-m">History</h2>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Versions of this helpline</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Version</th>
              <th scope="col" className="govuk-table__header">When</th>
              <th scope="col" className="govuk-table__header">Who</th>
              <th scope="col" className="govuk-table__header">What changed</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {history.map((r) => (
              <tr className="govuk-table__row" key={r.version}>
                <td className="govuk-table__cell">{r.version}</td>
                <td className="govuk-table__cell">{formatDateTime(r.at)}</td>
                <td className="govuk-table__cell">{r.authorName ?? 'Unknown'}</td>
                <td className="govuk-table__cell">{r.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
