import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { BackLink, NotificationBanner, SummaryList, Table, WarningText } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
import { formatDateTime, formatDuration, formatFte, formatNumber, formatPercent, formatTimeRange } from '~/campaign/format'
import { STATUS_LABELS, type CampaignStatus } from '~/campaign/options'
import { extraStaffingRules, intervalRange, openIntervals, staffedToSentence, staffingModel, targetCanBeMetByHangUps, trimNumber, WEEKDAY_NAMES } from '~/helplines/helpline'
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
            { key: { text: 'Average handle time' }, value: { text: formatDuration(h.ahtSeconds) }, actions: change('ahtSeconds', 'average handle time') },
            {
              key: { text: 'Service-level target' },
              value: { text: `${formatPercent(h.targetPercent)} of calls answered within ${formatDuration(h.targetSeconds)}` },
              actions: change('targetPercent', 'service-level target'),
            },
            { key: { text: 'Shrinkage' }, value: { text: formatPercent(h.shrinkagePercent) }, actions: change('shrinkagePercent', 'shrinkage') },
            { key: { text: 'Maximum occupancy' }, value: { text: formatPercent(h.maxOccupancyPercent) }, actions: change('maxOccupancyPercent', 'maximum occupancy') },
            { key: { text: 'Staffing model' }, value: { text: staffingModel(h.patienceSeconds) }, actions: change('patienceSeconds', 'caller patience') },
            {
              key: { text: 'Other staffing rules' },
              value: { text: extraStaffingRules(h) ?? 'None' },
              actions: change(h.patienceSeconds === null ? 'maxAsaSeconds' : 'maxAbandonmentPercent', 'other staffing rules'),
            },
            { key: { text: 'Baseline calls per day' }, value: { text: formatNumber(h.baselineCallsPerDay) }, actions: change('baselineCallsPerDay', 'baseline calls per day') },
            { key: { text: 'Available FTE' }, value: { text: formatFte(h.availableFte) }, actions: change('availableFte', 'available FTE') },
            { key: { text: 'Paid hours per FTE per day' }, value: { text: trimNumber(h.paidHoursPerFte) }, actions: change('paidHoursPerFte', 'paid hours per FTE per day') },
            { key: { text: 'Staff to' }, value: { text: staffedToSentence(h.staffToPercentile, 'in every campaign’s forecast') }, actions: change('staffToPercentile', 'percentile to staff to') },
            {
              key: { text: 'Welsh language' },
              value: { text: h.welshLine ? 'The Welsh-language helpline: it takes the calls of every campaign’s Welsh-preference customers' : 'Not the Welsh-language helpline' },
              actions: change('welshLine', 'whether it is the Welsh-language helpline'),
            },
          ]}
        />

        <h2 className="govuk-heading-m">Opening hours</h2>
        <Table
          caption="Opening hours and weight for each day"
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[{ text: 'Day' }, { text: 'Hours' }, { text: 'Weight', format: 'numeric' }]}
          rows={WEEKDAY_NAMES.map((day, i) => {
            const hours = h.openingHours[i]
            return [{ text: day }, { text: hours ? formatTimeRange(hours.open, hours.close) : 'Closed' }, { text: hours ? trimNumber(h.dayWeights[i] ?? 1) : '', format: 'numeric' }]
          })}
        />
        <p className="govuk-body">The helpline is also closed on bank holidays.</p>

        <h2 className="govuk-heading-m">Intraday profile</h2>
        <Table
          caption="Share of a day’s calls in each half hour"
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[{ text: 'Half hour' }, { text: 'Share of calls', format: 'numeric' }]}
          rows={intervals.map((i) => [
            { text: intervalRange(i), classes: 'govuk-!-font-weight-regular' },
            { text: formatPercent(h.intradayProfile[i] ?? 0), format: 'numeric' },
          ])}
        />

        <h2 className="govuk-heading-m">Campaigns forecasting calls to this helpline</h2>
        {campaigns.length === 0 ? (
          <p className="govuk-body">No campaign’s saved forecast sends calls here yet.</p>
        ) : (
          <ul className="govuk-list">
            {campaigns.map((c) => (
              <li key={c.ref}>
                <Link className="govuk-link" to={`/campaigns/${c.ref}/forecast`}>
                  <span className="app-ref">{c.ref}</span> {c.name}
                </Link>{' '}
                ({STATUS_LABELS[c.status as CampaignStatus] ?? c.status})
              </li>
            ))}
          </ul>
        )}

        <h2 className="govuk-heading-m">History</h2>
        <TableRegion label="Versions of this helpline">
          <Table
            caption="Versions of this helpline"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Version' }, { text: 'When' }, { text: 'Who' }, { text: 'What changed' }]}
            rows={history.map((r) => [{ text: r.version }, { text: formatDateTime(r.at), classes: 'app-nowrap' }, { text: r.authorName ?? 'Unknown' }, { text: r.summary }])}
          />
        </TableRegion>
      </div>
    </div>
  )
}
