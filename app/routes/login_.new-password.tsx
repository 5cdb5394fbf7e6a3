import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { NewPasswordFields } from '~/components/account/NewPasswordFields'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { Button, InsetText } from '~/components/govuk'
import { checkCurrentPassword, setOwnPassword } from '~/models/account.server'
import { readFormData } from '~/http/forms.server'
import { readNewPassword } from '~/http/new-password.server'
import { continueSignIn, requirePendingStep } from '~/http/sign-in.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'

export const handle = { title: 'Choose a new password' }

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await requirePendingStep(request, 'new-password')
  return { email: pending.user.email }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingStep(request, 'new-password')
  const values = formValues(await readFormData(request))
  const read = readNewPassword(values, pending.user)
  if (!read.ok) return data({ errors: read.errors }, { status: 400 })
  if (await checkCurrentPassword(db, pending.user.id, read.password)) {
    return data({ errors: { password: 'Choose a password of your own, not the one-time password you were given' } }, { status: 400 })
  }
  await setOwnPassword(db, pending.user, read.password, 'replaced a one-time password')
  return continueSignIn(request, String(context.clientAddress ?? 'unknown'))
}

export default function NewPassword() {
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors as Record<string, string> | undefined
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} order={['password', 'confirm']} />
        <span className="govuk-caption-l">{email}</span>
        <h1 className="govuk-heading-l">Choose a new password</h1>
        <InsetText text="A service administrator gave you a one-time password. Choose a password of your own to finish signing in." />
        <Form method="post" noValidate>
          <NewPasswordFields errors={errors} />
          <Button text="Save password and continue" preventDoubleClick />
        </Form>
      </div>
    </div>
  )
}
