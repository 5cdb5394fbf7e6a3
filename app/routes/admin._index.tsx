import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { requireRole } from '~/http/auth.server'

export const handle = { title: 'Admin' }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return null
}

export default function Admin() {
  return (
    <>
      <h1 className="govuk-heading-l">Admin</h1>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link govuk-link--no-visited-state" to="/admin/users">
            Users and roles
          </Link>
        </li>
        <li>
          <Link className="govuk-link govuk-link--no-visited-state" to="/admin/bank-holidays">
            Bank holidays
          </Link>
        </li>
        <li>
          <Link className="govuk-link govuk-link--no-visited-state" to="/helplines">
            Helplines
          </Link>
        </li>
        <li>
          <Link className="govuk-link govuk-link--no-visited-state" to="/admin/notifications">
            Email and notifications
          </Link>
        </li>
        <li>
          <Link className="govuk-link govuk-link--no-visited-state" to="/admin/security">
            Sign-ins and other events
          </Link>
        </li>
      </ul>
    </>
  )
}
