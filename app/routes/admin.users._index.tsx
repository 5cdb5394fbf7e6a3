import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { BackLink, Button, NotificationBanner, Tag } from '~/components/govuk'
import { listUsers } from '~/models/user.server'
import { requireRole } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { ROLE_LABELS } from '~/utils/roles'

export const handle = { title: 'Users and roles' }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { users: await listUsers(db) }
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const notice = params.get('notice') === 'added' ? 'User added' : params.get('notice') === 'saved' ? 'User updated' : null
  return (
    <>
      <BackLink href="/admin" text="Back to admin" />
      {notice ? <NotificationBanner type="success" text={notice} /> : null}
      <h1 className="govuk-heading-l">Users and roles</h1>
      <Button text="Add a user" href="/admin/users/new" />
      <div className="app-table-wrapper">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Users</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Email</th>
              <th scope="col" className="govuk-table__header">Roles</th>
              <th scope="col" className="govuk-table__header">Account</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {users.map((user) => (
              <tr className="govuk-table__row" key={user.id}>
                <td className="govuk-table__cell">{user.name}</td>
                <td className="govuk-table__cell">{user.email}</td>
                <td className="govuk-table__cell">{user.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'None'}</td>
                <td className="govuk-table__cell">
                  {user.disabled ? <Tag text="Disabled" colour="grey" /> : <Tag text="Active" colour="green" />}
                </td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/admin/users/${user.id}`}>
                    Change<span className="govuk-visually-hidden"> {user.email}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
