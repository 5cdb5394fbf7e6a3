import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Button, Checkboxes, Select, Tag, type TagColour } from '~/components/govuk'
import { PageLinks } from '~/components/PageLinks'
import {
  formatDate,
  REGIME_LABELS,
  STATUS_LABELS,
  STATUS_TAG_COLOURS,
  STATUSES,
  type CampaignStatus,
} from '~/campaign/options'
import { listCampaigns, type CampaignSort } from '~/models/campaign.server'
import { requireUser } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { hasRole } from '~/utils/roles'

export const handle = { title: 'Campaigns' }

interface ListQuery {
  status?: CampaignStatus
  mine: boolean
  sort: CampaignSort
  page: number
}

function readQuery(url: URL): ListQuery {
  const status = url.searchParams.get('status')
  const sort = url.searchParams.get('sort')
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10)
  return {
    status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as CampaignStatus) : undefined,
    mine: url.searchParams.get('mine') === '1',
    sort: (sort === 'launch-desc' ? 'launch-desc' : 'launch-asc') as CampaignSort,
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1,
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = readQuery(new URL(request.url))
  const result = await listCampaigns(db, { userId: user.id, ...query })
  return { ...result, query, canCreate: hasRole(user, 'designer') }
}

function href(query: ListQuery, changes: Partial<ListQuery>): string {
  const next = { ...query, ...changes }
  const params = new URLSearchParams()
  if (next.status) params.set('status', next.status)
  if (next.mine) params.set('mine', '1')
  if (next.sort !== 'launch-asc') params.set('sort', next.sort)
  if (next.page > 1) params.set('page', String(next.page))
  const text = params.toString()
  return text ? `/campaigns?${text}` : '/campaigns'
}

export default function Campaigns() {
  const { items, total, page, pages, query, canCreate } = useLoaderData<typeof loader>()
  const sortLabel = query.sort === 'launch-asc' ? 'ascending' : 'descending'
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Campaigns</h1>
        </div>
        {canCreate ? (
          <div className="govuk-grid-column-one-third app-align-right">
            <Button text="Create a campaign" href="/campaigns/new" />
          </div>
        ) : null}
      </div>

      <form method="get" action="/campaigns" className="app-filters" noValidate>
        <div className="app-inline-actions">
          <Select
            id="status"
            name="status"
            label={{ text: 'Status' }}
            defaultValue={query.status ?? ''}
            items={[{ value: '', text: 'All statuses' }, ...STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))]}
          />
          <Checkboxes
            name="mine"
            small
            fieldset={{ legend: { text: 'Ownership', classes: 'govuk-visually-hidden' } }}
            items={[{ value: '1', text: 'Only campaigns I own or co-own' }]}
            defaultValues={query.mine ? ['1'] : []}
          />
          {query.sort !== 'launch-asc' ? <input type="hidden" name="sort" value={query.sort} /> : null}
          <Button text="Apply filters" variant="secondary" />
        </div>
      </form>

      <p className="govuk-body" role="status">
        {total === 0 ? 'No campaigns match these filters.' : `${total.toLocaleString('en-GB')} campaign${total === 1 ? '' : 's'}`}
        {total > 0 && pages > 1 ? `, page ${page} of ${pages}` : ''}
      </p>

      {items.length > 0 ? (
        <div className="app-table-wrapper">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Campaigns</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Campaign
                </th>
                <th scope="col" className="govuk-table__header">
                  Reference
                </th>
                <th scope="col" className="govuk-table__header">
                  Tax regime
                </th>
                <th scope="col" className="govuk-table__header" aria-sort={sortLabel}>
                  <Link
                    className="govuk-link"
                    to={href(query, { sort: query.sort === 'launch-asc' ? 'launch-desc' : 'launch-asc', page: 1 })}
                  >
                    Planned launch
                    <span className="govuk-visually-hidden">
                      , sorted {sortLabel}; select to sort {query.sort === 'launch-asc' ? 'latest first' : 'earliest first'}
                    </span>
                  </Link>
                </th>
                <th scope="col" className="govuk-table__header">
                  Owner
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {items.map((campaign) => (
                <tr className="govuk-table__row" key={campaign.ref}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/campaigns/${campaign.ref}`}>
                      {campaign.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{campaign.ref}</td>
                  <td className="govuk-table__cell">{REGIME_LABELS[campaign.regime]}</td>
                  <td className="govuk-table__cell">{formatDate(campaign.plannedLaunchDate)}</td>
                  <td className="govuk-table__cell">{campaign.ownerName}</td>
                  <td className="govuk-table__cell">
                    <Tag text={STATUS_LABELS[campaign.status]} colour={STATUS_TAG_COLOURS[campaign.status] as TagColour} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <PageLinks page={page} pages={pages} href={(n) => href(query, { page: n })} />
    </>
  )
}
