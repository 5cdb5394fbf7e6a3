import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink, Pagination } from '~/components/govuk'
import { formatDateTime } from '~/campaign/options'
import { listCampaignAudit } from '~/models/campaign.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'

export const handle = { title: 'Audit trail' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  const page = Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10)
  const audit = await listCampaignAudit(db, campaign.id, { page: Number.isFinite(page) ? page : 1 })
  return { campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status }, ...audit }
}

export default function AuditTrail() {
  const { campaign, events, page, pages, total } = useLoaderData<typeof loader>()
  const pageHref = (n: number) => `/campaigns/${campaign.ref}/audit${n > 1 ? `?page=${n}` : ''}`
  return (
    <>
      <BackLink href={`/campaigns/${campaign.ref}`} text="Back to the campaign" />
      <CampaignHeading campaign={campaign} title="Audit trail" />
      <p className="govuk-body">
        Every change to this campaign, newest first. Each entry is written in the same transaction as the change, and the trail
        cannot be edited or deleted. {total.toLocaleString('en-GB')} event{total === 1 ? '' : 's'}.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/campaigns/${campaign.ref}/audit.csv`} download>
          Download the audit trail (CSV)
        </a>
      </p>
      <div className="app-table-wrapper">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Audit events</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                Who
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {events.map((event) => (
              <tr className="govuk-table__row" key={event.id}>
                <td className="govuk-table__cell app-nowrap">{formatDateTime(event.at)}</td>
                <td className="govuk-table__cell">{event.actor_email ?? 'System'}</td>
                <td className="govuk-table__cell app-break-words">{event.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <Pagination
          previous={page > 1 ? { href: pageHref(page - 1) } : undefined}
          next={page < pages ? { href: pageHref(page + 1) } : undefined}
        />
      ) : null}
    </>
  )
}
