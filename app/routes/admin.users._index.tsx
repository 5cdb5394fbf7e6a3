import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { BackLink, Button, NotificationBanner, Table, Tag } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
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
      <TableRegion label="Users">
        <Table
          caption="Users"
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'Name' }, { text: 'Email' }, { text: 'Roles' }, { text: 'Account' }, { text: <span className="govuk-visually-hidden">Actions</span> }]}
          rows={users.map((user) => [
            { text: user.name },
            { text: user.email },
            { text: user.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'None' },
            { text: user.disabled ? <Tag text="Disabled" colour="grey" /> : <Tag text="Active" colour="green" /> },
            {
              text: (
                <Link className="govuk-link" to={`/admin/users/${user.id}`}>
                  Change<span className="govuk-visually-hidden"> {user.email}</span>
                </Link>
              ),
            },
          ])}
        />
      </TableRegion>
    </>
  )
}
