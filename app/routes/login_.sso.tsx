import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SsoProblem } from '~/components/account/SsoProblem'
import { getUser } from '~/http/auth.server'
import { notFound, redirectTo, safeRedirectPath } from '~/http/responses.server'
import { singleSignOnEnabled, startSingleSignOn } from '~/http/sso.server'

export const handle = { title: 'Sign in with single sign-on' }

// A link rather than a form: the page it leads to is the provider's, and a form may only lead to this site (CSP).
// Starting a sign-in is harmless to trigger from elsewhere; the answer is only accepted by the browser that started it.
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!singleSignOnEnabled()) throw notFound('Single sign-on is not set up for this service')
  const target = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '/')
  if (await getUser(request)) throw redirectTo(target)
  const result = await startSingleSignOn(request, target, String(context.clientAddress ?? 'unknown'))
  if (result instanceof Response) throw result
  return data({ title: result.title, message: result.message }, { status: result.status })
}

export default function StartSingleSignOn() {
  const problem = useLoaderData<typeof loader>()
  return <SsoProblem title={problem.title} message={problem.message} />
}
