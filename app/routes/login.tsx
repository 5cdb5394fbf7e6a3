import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { Button, Input, PasswordInput } from '~/components/govuk'
import { findLoginCandidate } from '~/models/user.server'
import { getUser } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { formValues, parseForm } from '~/utils/forms'
import { readFormData, SIGN_IN_LIMITS } from '~/http/forms.server'
import { safeRedirectPath } from '~/http/responses.server'
import { recordSignInFailed, recordThrottled, whereFrom } from '~/http/security-events.server'
import { recordFailure, recordSuccess, waitBeforeAttempt } from '~/utils/login-throttle.server'
import { verifyAgainstDummy, verifyPassword } from '~/utils/password.server'
import { startSignIn } from '~/http/sign-in.server'
import { passwordSignInEnabled, singleSignOnEnabled } from '~/http/sso.server'

export const handle = { title: 'Sign in' }

const schema = z.object({
  email: z.string({ error: 'Enter your email address' }).trim().min(1, 'Enter your email address').max(320, 'Enter a correct email address and password'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1000, 'Enter a correct email address and password'),
})

const WRONG = 'Enter a correct email address and password'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '/'))
  return { singleSignOn: singleSignOnEnabled(), passwords: passwordSignInEnabled() }
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!passwordSignInEnabled()) return data({ errors: { email: 'Sign in with single sign-on: signing in with a password is turned off' }, values: { email: '' } }, { status: 403 })
  const values = formValues(await readFormData(request, SIGN_IN_LIMITS))
  const parsed = parseForm(schema, values)
  const kept = { email: values.email ?? '' }
  if (!parsed.ok) return data({ errors: parsed.errors, values: kept }, { status: 400 })

  const where = whereFrom(request, context.clientAddress)
  const wait = await waitBeforeAttempt(parsed.data.email, where.address)
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000)
    await recordThrottled(parsed.data.email, where, seconds)
    return data(
      { errors: { email: `You have tried to sign in too many times. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.` }, values: kept },
      { status: 429, headers: { 'Retry-After': String(seconds) } },
    )
  }

  const candidate = await findLoginCandidate(db, parsed.data.email)
  // The same work and the same answer whether the account is missing, disabled or the password is wrong.
  const passwordRight = candidate ? await verifyPassword(parsed.data.password, candidate.password_hash) : await verifyAgainstDummy(parsed.data.password)
  if (!candidate || !passwordRight || candidate.disabled !== 0) {
    await recordFailure(parsed.data.email, where.address)
    await recordSignInFailed(candidate ? { id: candidate.id, email: candidate.email } : null, !candidate ? 'unknown-account' : !passwordRight ? 'wrong-password' : 'disabled', where)
    return data({ errors: { email: WRONG }, values: kept }, { status: 400 })
  }

  await recordSuccess(parsed.data.email, where.address)
  const target = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '/')
  // A session now, or the steps the account still owes first (a code, a new password, setting up two-factor).
  const started = await startSignIn(request, candidate.id, { address: where.address, redirectTo: target })
  if (!started.ok) return data({ errors: { email: started.message }, values: kept }, { status: 400 })
  return started.response
}

export default function Login() {
  const actionData = useActionData<typeof action>()
  const ways = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const errors = actionData?.errors as Record<string, string> | undefined
  const redirectTo = searchParams.get('redirectTo')
  const query = redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ''
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} order={['email', 'password']} />
        <h1 className="govuk-heading-l">Sign in to OTM Campaign Planner</h1>
        <p className="govuk-body">Plan One to Many campaigns: messages, call forecasts, lines to take, scripts and sign-off.</p>
        {searchParams.get('timedOut') ? <p className="govuk-body">Your sign-in was not finished in time. Sign in again.</p> : null}
        {ways.singleSignOn ? <SingleSignOnStart href={`/login/sso${query}`} alsoPasswords={ways.passwords} /> : null}
        {ways.passwords ? <PasswordSignIn action={`/login${query}`} errors={errors} email={actionData?.values.email ?? ''} heading={ways.singleSignOn} /> : null}
      </div>
    </div>
  )
}

function SingleSignOnStart({ href, alsoPasswords }: { href: string; alsoPasswords: boolean }) {
  return (
    <>
      <p className="govuk-body">Use the account you sign in to your computer with.</p>
      <a href={href} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        Sign in with single sign-on
      </a>
      {alsoPasswords ? <p className="govuk-body">Or, if you were given a password for the planner itself:</p> : null}
    </>
  )
}

function PasswordSignIn({ action, errors, email, heading }: { action: string; errors?: Record<string, string>; email: string; heading: boolean }) {
  return (
    <>
      {heading ? <h2 className="govuk-heading-m">Sign in with a password</h2> : null}
      <Form method="post" noValidate action={action}>
        <Input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          spellcheck={false}
          label={{ text: 'Email address' }}
          defaultValue={email}
          errorMessage={errors?.email}
        />
        <PasswordInput id="password" name="password" label={{ text: 'Password' }} autocomplete="current-password" errorMessage={errors?.password} />
        <Button text="Sign in" preventDoubleClick />
      </Form>
    </>
  )
}
