import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { clearSessionCookie, destroySession } from '~/utils/session.server'

// Signing out is a POST (a link could be triggered by another site); the session is deleted, not just forgotten.
export async function action({ request }: ActionFunctionArgs) {
  await destroySession(request)
  return redirect('/login?signedOut=1', { status: 303, headers: { 'Set-Cookie': clearSessionCookie() } })
}

export async function loader() {
  return redirect('/')
}
