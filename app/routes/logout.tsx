import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { providerSignOutUrl } from '~/http/sso.server'
import { clearSessionCookie, destroySession } from '~/utils/session.server'

// Signing out is a POST (a link could be triggered by another site); the session is deleted, not just forgotten.
// A session that came from single sign-on goes on to the provider, to end its session too (RP-initiated logout).
export async function action({ request }: ActionFunctionArgs) {
  const provider = await providerSignOutUrl(request)
  await destroySession(request)
  return redirect(provider ?? '/login?signedOut=1', { status: 303, headers: { 'Set-Cookie': clearSessionCookie() } })
}

export async function loader() {
  return redirect('/')
}
