import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Button, NotificationBanner } from '~/components/govuk'
import { formatNumber } from '~/campaign/options'
import { describeOpeningHours, staffingModel, trimNumber } from '~/helplines/helpline'
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
        <div className="app-table-wrapper">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Helplines</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Helpline</th>
                <th scope="col" className="govuk-table__header">Opening hours</th>
                <th scope="col" className="govuk-table__header">Service level</th>
                <th scope="col" className="govuk-table__header">Staffing model</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Baseline calls a day</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Available FTE</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Calendar</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {helplines.map((h) => (
                <tr className="govuk-table__row" key={h.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/helplines/${h.id}`}>
                      {h.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{describeOpeningHours(h.openingHours)}</td>
                  <td className="govuk-table__cell">
                    {trimNumber(h.targetPercent)}% in {h.targetSeconds} seconds
                  </td>
                  <td className="govuk-table__cell">{staffingModel(h.patienceSeconds)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(h.baselineCallsPerDay)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{trimNumber(h.availableFte, 1)}</td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/helplines/${h.id}/calendar`}>
                      Calendar<span className="govuk-visually-hidden"> for {h.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
