import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { AuthenticatorSetup } from '~/components/account/AuthenticatorSetup'
import { RecoveryCodes } from '~/components/account/RecoveryCodes'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, PasswordInput } from '~/components/govuk'
import { checkCurrentPassword, getAccount } from '~/models/account.server'
import { confirmEnrolment } from '~/models/two-factor.server'
import { requireUser } from '~/http/auth.server'
import { authenticatorSetup, ENROLMENT_ERRORS, shownCodes } from '~/http/authenticator-setup.server'
import { readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'
import { clearAttempts, PASSWORD_CHECK, passwordCheckKey, recordFailedAttempt, waitBeforeAttempt, waitMessage } from '~/utils/attempt-limit.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'

export const handle = { title: 'Set up two-factor sign-in' }

async function mine(request: Request) {
  const user = await requireUser(request)
  const account = await getAccount(db, user.id)
  if (!account) throw notFound()
  if (!account.hasPassword) throw notFound('You sign in with your organisation’s account, so two-factor sign-in is set up with your organisation')
  return { user, account }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, account } = await mine(request)
  return { replacing: account.twoFactor.enrolled, ...(await authenticatorSetup(db, user)) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, account } = await mine(request)
  const values = formValues(await readFormData(request))
  const current = (values.current ?? '').slice(0, 1000)
  const code = (values.code ?? '').slice(0, 100)
  const errors: Record<string, string> = {}
  if (!current) errors.current = 'Enter your password'
  if (!code.trim()) errors.code = 'Enter the code from your authenticator app'
  if (Object.keys(errors).length) return data({ errors }, { status: 400 })

  // Changing how an account signs in asks for the password again: a browser left signed in is not enough.
  const key = passwordCheckKey(user.id)
  const wait = await waitBeforeAttempt(key)
  if (wait > 0) {
    return data({ errors: { current: `You have entered a wrong password too many times. Wait ${waitMessage(wait)}, then try again.` } }, { status: 429, headers: { 'Retry-After': String(Math.ceil(wait / 1000)) } })
  }
  if (!(await checkCurrentPassword(db, user.id, current))) {
    await recordFailedAttempt(key, PASSWORD_CHECK)
    return data({ errors: { current: 'Your password is not right' } }, { status: 400 })
  }
  await clearAttempts(key)
  const result = await confirmEnrolment(db, user, code)
  if (!result.ok) {
    const fresh = result.reason === 'expired' ? await authenticatorSetup(db, user) : null
    return data({ errors: { code: ENROLMENT_ERRORS[result.reason] }, fresh }, { status: 400 })
  }
  if (result.recoveryCodes.length === 0) return redirect(`/account/two-factor?notice=${account.twoFactor.enrolled ? 'app-changed' : 'on'}`, { status: 303 })
  return { recoveryCodes: shownCodes(result.recoveryCodes) }
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && 'recoveryCodes' in actionResult ? false : defaultShouldRevalidate

export default function SetUpTwoFactor() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (actionData && 'recoveryCodes' in actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Two-factor sign-in is on</h1>
          <p className="govuk-body">From now on you will sign in with your password and a code from your authenticator app.</p>
          <RecoveryCodes codes={actionData.recoveryCodes} />
          <a className="govuk-button" data-module="govuk-button" href="/account" role="button" draggable="false">
            Back to your account
          </a>
        </div>
      </div>
    )
  }
  const errors = actionData && 'errors' in actionData ? (actionData.errors as Record<string, string>) : undefined
  const fresh = actionData && 'fresh' in actionData ? (actionData.fresh as { qrCode: string; textKey: string } | null) : null
  const setup = fresh ?? loaded
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/account/two-factor" text="Back to two-factor sign-in" />
        <FormErrorSummary errors={errors} order={['code', 'current']} />
        <h1 className="govuk-heading-l">{loaded.replacing ? 'Set up a different authenticator app' : 'Set up two-factor sign-in'}</h1>
        <Form method="post" noValidate>
          <AuthenticatorSetup
            qrCode={setup.qrCode}
            textKey={setup.textKey}
            codeError={errors?.code}
          />
          <PasswordInput
            id="current"
            name="current"
            autocomplete="current-password"
            label={{ text: 'Your password', classes: 'govuk-label--s' }}
            hint={{ text: 'To confirm it is you making this change' }}
            errorMessage={errors?.current}
          />
          <Button text={loaded.replacing ? 'Use this app' : 'Turn on two-factor sign-in'} preventDoubleClick />
        </Form>
      </div>
    </div>
  )
}
