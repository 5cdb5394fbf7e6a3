import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { NewPasswordFields } from '~/components/account/NewPasswordFields'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, PasswordInput } from '~/components/govuk'
import { checkCurrentPassword, getAccount, setOwnPassword } from '~/models/account.server'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/forms.server'
import { readNewPassword } from '~/http/new-password.server'
import { notFound } from '~/http/responses.server'
import { finishSignIn, redirectWithCookies } from '~/http/sign-in.server'
import { passwordSignInEnabled } from '~/http/sso.server'
import { clearAttempts, PASSWORD_CHECK, passwordCheckKey, recordFailedAttempt, waitBeforeAttempt, waitMessage } from '~/utils/attempt-limit.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'
import { sessionIdOf } from '~/utils/session.server'

export const handle = { title: 'Change your password' }

async function changeable(request: Request) {
  const user = await requireUser(request)
  const account = await getAccount(db, user.id)
  if (!account) throw notFound()
  return { user, account, canChange: account.hasPassword && passwordSignInEnabled() }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { canChange } = await changeable(request)
  return { canChange }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, account, canChange } = await changeable(request)
  if (!canChange) throw notFound('Your account has no password to change here')
  const values = formValues(await readFormData(request))
  const current = (values.current ?? '').slice(0, 1000)
  const read = readNewPassword(values, account)
  const errors: Record<string, string> = read.ok ? {} : { ...read.errors }
  if (!current) errors.current = 'Enter your current password'
  if (Object.keys(errors).length) return data({ errors }, { status: 400 })

  const key = passwordCheckKey(user.id)
  const wait = await waitBeforeAttempt(key)
  if (wait > 0) {
    return data({ errors: { current: `You have entered a wrong password too many times. Wait ${waitMessage(wait)}, then try again.` } }, { status: 429, headers: { 'Retry-After': String(Math.ceil(wait / 1000)) } })
  }
  if (!(await checkCurrentPassword(db, user.id, current))) {
    await recordFailedAttempt(key, PASSWORD_CHECK)
    return data({ errors: { current: 'Your current password is not right' } }, { status: 400 })
  }
  await clearAttempts(key)
  const newPassword = (read as { ok: true; password: string }).password
  if (newPassword === current) return data({ errors: { password: 'Choose a password different from your current one' } }, { status: 400 })

  const method = (await db.selectFrom('session').select('method').where('id', '=', sessionIdOf(request) ?? '').executeTakeFirst())?.method ?? 'password'
  await setOwnPassword(db, user, newPassword, 'changed')
  // Every session ended with the change, this one too: a fresh one keeps this browser signed in.
  const cookies = await finishSignIn(request, { userId: user.id, method, address: String(context.clientAddress ?? 'unknown'), pendingId: null, audit: false })
  return redirectWithCookies('/account?notice=password-changed', cookies)
}

export default function ChangePassword() {
  const { canChange } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors as Record<string, string> | undefined
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/account" text="Back to your account" />
        <FormErrorSummary errors={errors} order={['current', 'password', 'confirm']} />
        <h1 className="govuk-heading-l">Change your password</h1>
        {canChange ? (
          <Form method="post" noValidate>
            <PasswordInput id="current" name="current" autocomplete="current-password" label={{ text: 'Current password', classes: 'govuk-label--s' }} errorMessage={errors?.current} />
            <NewPasswordFields errors={errors} />
            <p className="govuk-body">You will stay signed in here. Everywhere else you are signed in will be signed out.</p>
            <Button text="Change password" preventDoubleClick />
          </Form>
        ) : (
          <p className="govuk-body">You sign in with your organisation’s account, so there is no password to change here. Your organisation’s IT service desk can help with that password.</p>
        )}
      </div>
    </div>
  )
}
