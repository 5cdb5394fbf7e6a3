import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { recordSignOut, whereFrom } from '~/http/security-events.server'
import { clearSessionCookie, destroySession, getSessionUser } from '~/utils/session.server'

// Signing out is a POST (a link could be triggered by another site); the session is deleted, not just forgotten.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(request)
  await destroySession(request)
  if (user) await recordSignOut(user, whereFrom(request, context.clientAddress))
  return redirect('/login?signedOut=1', { status: 303, headers: { 'Set-Cookie': clearSessionCookie() } })
}

export async function loader() {
  return redirect('/')
}
