import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { Button, Input, PasswordInput } from '~/components/govuk'
import { findLoginCandidate } from '~/models/user.server'
import { getUser } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { formValues, parseForm } from '~/utils/forms'
import { readFormData, SIGN_IN_LIMITS } from '~/http/forms.server'
import { safeRedirectPath } from '~/http/responses.server'
import { recordSignIn, recordSignInFailed, recordThrottled, whereFrom } from '~/http/security-events.server'
import { recordFailure, recordSuccess, waitBeforeAttempt } from '~/utils/login-throttle.server'
import { verifyAgainstDummy, verifyPassword } from '~/utils/password.server'
import { createSession, destroySession } from '~/utils/session.server'

export const handle = { title: 'Sign in' }

const schema = z.object({
  email: z.string({ error: 'Enter your email address' }).trim().min(1, 'Enter your email address').max(320, 'Enter a correct email address and password'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1000, 'Enter a correct email address and password'),
})

const WRONG = 'Enter a correct email address and password'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '/'))
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
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
  await destroySession(request)
  const cookie = await createSession(db, candidate.id, { ip: where.address, userAgent: request.headers.get('User-Agent') })
  await recordSignIn({ id: candidate.id, email: candidate.email }, where, request.headers.get('User-Agent'))
  const target = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '/')
  return redirect(target, { status: 303, headers: { 'Set-Cookie': cookie } })
}

export default function Login() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const errors = actionData?.errors as Record<string, string> | undefined
  const redirectTo = searchParams.get('redirectTo')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} order={['email', 'password']} />
        <h1 className="govuk-heading-l">Sign in to OTM Campaign Planner</h1>
        <p className="govuk-body">Plan One to Many campaigns: messages, call forecasts, lines to take, scripts and sign-off.</p>
        <Form method="post" noValidate action={redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : '/login'}>
          <Input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            spellcheck={false}
            label={{ text: 'Email address' }}
            defaultValue={actionData?.values.email ?? ''}
            errorMessage={errors?.email}
          />
          <PasswordInput id="password" name="password" label={{ text: 'Password' }} autocomplete="current-password" errorMessage={errors?.password} />
          <Button text="Sign in" preventDoubleClick />
        </Form>
      </div>
    </div>
  )
}
