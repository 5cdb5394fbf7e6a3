import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { AuthenticatorSetup } from '~/components/account/AuthenticatorSetup'
import { RecoveryCodes } from '~/components/account/RecoveryCodes'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { Button, InsetText } from '~/components/govuk'
import { confirmEnrolment } from '~/models/two-factor.server'
import { authenticatorSetup, ENROLMENT_ERRORS, shownCodes } from '~/http/authenticator-setup.server'
import { readFormData } from '~/http/forms.server'
import { finishSignIn, recordSecondFactor, requirePendingStep, SECOND_FACTOR_DONE } from '~/http/sign-in.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'

export const handle = { title: 'Set up two-factor sign-in' }

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await requirePendingStep(request, 'set-up-two-factor')
  return { email: pending.user.email, ...(await authenticatorSetup(db, pending.user)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingStep(request, 'set-up-two-factor')
  const values = formValues(await readFormData(request))
  const code = (values.code ?? '').slice(0, 100)
  if (!code.trim()) return data({ errors: { code: 'Enter the code from your authenticator app' } }, { status: 400 })
  const result = await confirmEnrolment(db, pending.user, code)
  if (!result.ok) {
    // A new QR code replaces an expired one, so the page the error is shown on can be scanned at once.
    const fresh = result.reason === 'expired' ? await authenticatorSetup(db, pending.user) : null
    return data({ errors: { code: ENROLMENT_ERRORS[result.reason] }, fresh }, { status: 400 })
  }
  await recordSecondFactor(pending, SECOND_FACTOR_DONE.code)
  const cookies = await finishSignIn(request, {
    userId: pending.user.id,
    method: 'password-and-code',
    address: String(context.clientAddress ?? 'unknown'),
    pendingId: pending.id,
    audit: true,
    note: 'two-factor sign-in set up during this sign-in',
  })
  const headers = new Headers()
  for (const cookie of cookies) headers.append('Set-Cookie', cookie)
  return data({ recoveryCodes: shownCodes(result.recoveryCodes), continueTo: pending.redirectTo }, { headers })
}

// The recovery codes exist only in this answer: reloading the page's data would lose them (and the sign-in is over).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && 'recoveryCodes' in actionResult ? false : defaultShouldRevalidate

export default function SetUpTwoFactorAtSignIn() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (actionData && 'recoveryCodes' in actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Two-factor sign-in is set up</h1>
          <p className="govuk-body">From now on you will sign in with your password and a code from your authenticator app.</p>
          {actionData.recoveryCodes.length ? <RecoveryCodes codes={actionData.recoveryCodes} /> : null}
          <a className="govuk-button" data-module="govuk-button" href={actionData.continueTo} role="button" draggable="false">
            Continue
          </a>
        </div>
      </div>
    )
  }
  const errors = actionData?.errors as Record<string, string> | undefined
  const fresh = actionData && 'fresh' in actionData ? (actionData.fresh as { qrCode: string; textKey: string } | null) : null
  const setup = fresh ?? loaded
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} order={['code']} />
        <span className="govuk-caption-l">{loaded.email}</span>
        <h1 className="govuk-heading-l">Set up two-factor sign-in</h1>
        <InsetText text="Your account must use two-factor sign-in. Set it up now to finish signing in: each time you sign in, you will enter your password and a code from an app." />
        <Form method="post" noValidate>
          <AuthenticatorSetup qrCode={setup.qrCode} textKey={setup.textKey} codeError={errors?.code} />
          <Button text="Turn on two-factor sign-in" preventDoubleClick />
        </Form>
      </div>
    </div>
  )
}
