import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SsoProblem } from '~/components/account/SsoProblem'
import { notFound } from '~/http/responses.server'
import { clearSsoCookie, finishSingleSignOn, singleSignOnEnabled } from '~/http/sso.server'

export const handle = { title: 'Signing in' }

// Where the provider sends the browser back (the redirect URI registered with it). Everything is checked by
// openid-client against what this browser's own request remembered; any failure is audited and explained.
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!singleSignOnEnabled()) throw notFound('Single sign-on is not set up for this service')
  const result = await finishSingleSignOn(request, String(context.clientAddress ?? 'unknown'))
  if (result instanceof Response) throw result
  return data({ title: result.title, message: result.message }, { status: result.status, headers: { 'Set-Cookie': clearSsoCookie() } })
}

export default function SingleSignOnAnswer() {
  const problem = useLoaderData<typeof loader>()
  return <SsoProblem title={problem.title} message={problem.message} />
}
