import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Button, Checkboxes, Select, SummaryList, Table, Tag, type TagColour } from '~/components/govuk'
import { PageLinks } from '~/components/PageLinks'
import { TableRegion } from '~/components/TableRegion'
import { formatCount, formatDate } from '~/campaign/format'
import { REGIME_LABELS, STATUS_LABELS, STATUS_TAG_COLOURS, STATUSES, type CampaignStatus } from '~/campaign/options'
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
  const otherWay = href(query, { sort: query.sort === 'launch-asc' ? 'launch-desc' : 'launch-asc', page: 1 })
  const otherWayText = query.sort === 'launch-asc' ? 'latest first' : 'earliest first'
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
        {total === 0 ? 'No campaigns match these filters.' : formatCount(total, 'campaign')}
        {total > 0 && pages > 1 ? `, page ${page} of ${pages}` : ''}
      </p>

      {items.length > 0 ? (
        <>
          <div className="app-wide-only">
            <TableRegion label="Campaigns">
              <Table
                caption="Campaigns"
                captionClasses="govuk-table__caption--m govuk-visually-hidden"
                head={[
                  { text: 'Campaign' },
                  { text: 'Reference' },
                  { text: 'Tax regime' },
                  {
                    attributes: { 'aria-sort': sortLabel },
                    classes: 'app-sortable',
                    text: (
                      <Link className="govuk-link" to={otherWay}>
                        Planned launch
                        <span className="app-sort-direction" aria-hidden="true">
                          {query.sort === 'launch-asc' ? ' ▲' : ' ▼'}
                        </span>
                        <span className="govuk-visually-hidden">
                          , sorted {sortLabel}; select to sort {otherWayText}
                        </span>
                      </Link>
                    ),
                  },
                  { text: 'Owner' },
                  { text: 'Status' },
                ]}
                rows={items.map((campaign) => [
                  {
                    text: (
                      <Link className="govuk-link" to={`/campaigns/${campaign.ref}`}>
                        {campaign.name}
                      </Link>
                    ),
                  },
                  { text: campaign.ref, classes: 'app-ref' },
                  { text: REGIME_LABELS[campaign.regime] },
                  { text: formatDate(campaign.plannedLaunchDate), classes: 'app-nowrap' },
                  { text: campaign.ownerName },
                  { text: <Tag text={STATUS_LABELS[campaign.status]} colour={STATUS_TAG_COLOURS[campaign.status] as TagColour} /> },
                ])}
              />
            </TableRegion>
          </div>
          <div className="app-narrow-only">
            <p className="govuk-body">
              Sorted by planned launch, {query.sort === 'launch-asc' ? 'earliest' : 'latest'} first.{' '}
              <Link className="govuk-link" to={otherWay}>
                Sort {otherWayText}
              </Link>
            </p>
            {items.map((campaign) => (
              <SummaryList
                key={campaign.ref}
                card={{
                  title: {
                    text: (
                      <Link className="govuk-link" to={`/campaigns/${campaign.ref}`}>
                        {campaign.name}
                      </Link>
                    ),
                  },
                }}
                rows={[
                  {
                    key: { text: 'Status' },
                    value: { text: <Tag text={STATUS_LABELS[campaign.status]} colour={STATUS_TAG_COLOURS[campaign.status] as TagColour} /> },
                  },
                  { key: { text: 'Planned launch' }, value: { text: formatDate(campaign.plannedLaunchDate) } },
                  { key: { text: 'Reference' }, value: { text: <span className="app-ref">{campaign.ref}</span> } },
                  { key: { text: 'Tax regime' }, value: { text: REGIME_LABELS[campaign.regime] } },
                  { key: { text: 'Owner' }, value: { text: campaign.ownerName } },
                ]}
              />
            ))}
          </div>
        </>
      ) : null}

      <PageLinks page={page} pages={pages} href={(n) => href(query, { page: n })} />
    </>
  )
}
