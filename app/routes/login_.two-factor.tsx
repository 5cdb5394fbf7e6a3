import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { Button, Details, Input } from '~/components/govuk'
import { checkSecondFactor } from '~/models/two-factor.server'
import { readFormData } from '~/http/forms.server'
import { continueSignIn, recordSecondFactor, requirePendingStep, SECOND_FACTOR_DONE } from '~/http/sign-in.server'
import { waitMessage } from '~/utils/attempt-limit.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'

export const handle = { title: 'Enter the code from your authenticator app' }

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await requirePendingStep(request, 'code')
  return { email: pending.user.email }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingStep(request, 'code')
  const values = formValues(await readFormData(request))
  const code = (values.code ?? '').slice(0, 100)
  if (!code.trim()) return data({ errors: { code: 'Enter the code from your authenticator app' } }, { status: 400 })
  const result = await checkSecondFactor(db, pending.user, code, 'at sign-in')
  if (result.ok) {
    await recordSecondFactor(pending, result.method === 'code' ? SECOND_FACTOR_DONE.code : SECOND_FACTOR_DONE.recoveryCode)
    return continueSignIn(request, String(context.clientAddress ?? 'unknown'))
  }
  if (result.reason === 'wait') {
    return data(
      { errors: { code: `You have entered too many wrong codes. Wait ${waitMessage(result.waitMs)}, then try again.` } },
      { status: 429, headers: { 'Retry-After': String(Math.ceil(result.waitMs / 1000)) } },
    )
  }
  const messages = {
    format: 'Enter the 6-digit code from your authenticator app, or a 10-character recovery code',
    wrong: 'The code is not right. Enter the code your app shows now, or one of your recovery codes',
    used: 'That code has already been used. Wait for your app to show a new code, then enter it',
    'not-enrolled': 'Two-factor sign-in is not set up for this account. Sign in again',
  }
  return data({ errors: { code: messages[result.reason] } }, { status: 400 })
}

export default function TwoFactorCode() {
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors as Record<string, string> | undefined
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} order={['code']} />
        <span className="govuk-caption-l">{email}</span>
        <h1 className="govuk-heading-l">Enter the code from your authenticator app</h1>
        <Form method="post" noValidate>
          <Input
            id="code"
            name="code"
            autocomplete="one-time-code"
            spellcheck={false}
            autocapitalize="none"
            width={10}
            label={{ text: 'Code', classes: 'govuk-label--s' }}
            hint={{ text: 'The 6-digit code your app shows for OTM Campaign Planner' }}
            errorMessage={errors?.code}
          />
          <Details summaryText="I cannot use my authenticator app">
            <p className="govuk-body">Enter one of the recovery codes you saved when you set up two-factor sign-in, instead of a code from the app. Each recovery code works once.</p>
            <p className="govuk-body">If you have no recovery codes left, ask a service administrator to remove two-factor sign-in from your account.</p>
          </Details>
          <div className="govuk-button-group">
            <Button text="Continue" preventDoubleClick />
            <a className="govuk-link" href="/login">
              Sign in as someone else
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}
