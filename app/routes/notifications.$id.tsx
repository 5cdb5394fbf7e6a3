import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/http/auth.server'
import { notFound, redirectTo, safeRedirectPath } from '~/http/responses.server'
import { openNotification } from '~/models/notifications/inbox.server'
import { db } from '~/utils/db.server'

// Following a notification from the list: it is marked read, then the person goes where they act.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = params.id ?? ''
  const href = /^[0-9a-f-]{36}$/.test(id) ? await openNotification(db, user.id, id) : null
  if (!href) throw notFound('There is no such notification')
  throw redirectTo(safeRedirectPath(href), { status: 303 })
}
