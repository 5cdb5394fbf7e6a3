import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Button, NotificationBanner, Table } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
import { formatDuration, formatFte, formatNumber, formatPercent } from '~/campaign/format'
import { describeOpeningHours, staffingModel } from '~/helplines/helpline'
import { canManageHelplines, listHelplines } from '~/models/helpline.server'
import { requireUser } from '~/http/auth.server'
import { db } from '~/utils/db.server'

export const handle = { title: 'Helplines' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { helplines: await listHelplines(db), canManage: canManageHelplines(user) }
}

export default function Helplines() {
  const { helplines, canManage } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <>
      {params.get('notice') === 'added' ? <NotificationBanner type="success" text="Helpline added" /> : null}
      <h1 className="govuk-heading-l">Helplines</h1>
      <p className="govuk-body">
        Call forecasts send each message’s calls to one or more of these helplines, and staff them with each helpline’s own
        settings.
      </p>
      {canManage ? <Button text="Add a helpline" href="/helplines/new" /> : null}
      {helplines.length === 0 ? (
        <p className="govuk-body">There are no helplines yet.{canManage ? null : ' Ask a helpline manager or an administrator to add one.'}</p>
      ) : (
        <TableRegion label="Helplines">
          <Table
            caption="Helplines"
            captionClasses="govuk-visually-hidden"
            head={[
              { text: 'Helpline' },
              { text: 'Opening hours' },
              { text: 'Service level' },
              { text: 'Staffing model' },
              { text: 'Baseline calls a day', format: 'numeric' },
              { text: 'Available FTE', format: 'numeric' },
              { text: <span className="govuk-visually-hidden">Calendar</span> },
            ]}
            rows={helplines.map((h) => [
              {
                text: (
                  <Link className="govuk-link" to={`/helplines/${h.id}`}>
                    {h.name}
                  </Link>
                ),
              },
              { text: describeOpeningHours(h.openingHours) },
              { text: `${formatPercent(h.targetPercent)} in ${formatDuration(h.targetSeconds)}` },
              { text: staffingModel(h.patienceSeconds) },
              { text: formatNumber(h.baselineCallsPerDay), format: 'numeric' },
              { text: formatFte(h.availableFte), format: 'numeric' },
              {
                text: (
                  <Link className="govuk-link" to={`/helplines/${h.id}/calendar`}>
                    Calendar<span className="govuk-visually-hidden"> for {h.name}</span>
                  </Link>
                ),
              },
            ])}
          />
        </TableRegion>
      )}
    </>
  )
}
