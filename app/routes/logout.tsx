import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { recordSignOut, whereFrom } from '~/http/security-events.server'
import { providerSignOutUrl } from '~/http/sso.server'
import { clearSessionCookie, destroySession, getSessionUser } from '~/utils/session.server'

// Signing out is a POST (a link could be triggered by another site); the session is deleted, not just forgotten.
// A session that came from single sign-on goes on to the provider, to end its session too (RP-initiated logout).
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(request)
  const provider = await providerSignOutUrl(request)
  await destroySession(request)
  if (user) await recordSignOut(user, whereFrom(request, context.clientAddress))
  return redirect(provider ?? '/login?signedOut=1', { status: 303, headers: { 'Set-Cookie': clearSessionCookie() } })
}

export async function loader() {
  return redirect('/')
}
