import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink, Pagination, Table } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
import { formatCount, formatDateTime } from '~/campaign/format'
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
        cannot be edited or deleted. {formatCount(total, 'event')}.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/campaigns/${campaign.ref}/audit.csv`} download>
          Download the audit trail (CSV)
        </a>
      </p>
      <TableRegion label="Audit events">
        <Table
          caption="Audit events"
          captionClasses="govuk-table__caption--m govuk-visually-hidden"
          head={[{ text: 'When' }, { text: 'Who' }, { text: 'What' }]}
          rows={events.map((event) => [
            { text: formatDateTime(event.at), classes: 'app-nowrap' },
            { text: event.actor_email ?? 'System', classes: 'app-break-words' },
            { text: event.summary, classes: 'app-break-words' },
          ])}
        />
      </TableRegion>
      {pages > 1 ? (
        <Pagination
          previous={page > 1 ? { href: pageHref(page - 1) } : undefined}
          next={page < pages ? { href: pageHref(page + 1) } : undefined}
        />
      ) : null}
    </>
  )
}
