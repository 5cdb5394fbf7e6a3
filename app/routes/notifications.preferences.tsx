import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, InsetText, NotificationBanner } from '~/components/govuk'
import { NotificationChoices } from '~/components/NotificationChoices'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/forms.server'
import { emailEnabled } from '~/models/notifications/notify.server'
import { getPreferences, savePreferences } from '~/models/notifications/preferences.server'
import { NOTIFICATION_KINDS } from '~/notifications/kinds'
import { parseChoices } from '~/schemas/notifications'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'

export const handle = { title: 'How you are told' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return {
    email: user.email,
    preferences: await getPreferences(db, user.id),
    emailOn: emailEnabled(),
    saved: new URL(request.url).searchParams.get('notice') === 'saved',
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const values = formValues(await readFormData(request))
  const parsed = parseChoices(values)
  if (!parsed.ok) return data({ errors: parsed.errors, values: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, values[k] ?? ''])) }, { status: 400 })
  await savePreferences(db, user, parsed.choices, 'page')
  return redirect('/notifications/preferences?notice=saved', { status: 303 })
}

export default function Preferences() {
  const { email, preferences, emailOn, saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values: Record<string, string> = actionData?.values ?? preferences
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/notifications" text="Back to notifications" />
        {saved ? <NotificationBanner type="success" text="Your choices are saved" /> : null}
        <FormErrorSummary errors={actionData?.errors} order={NOTIFICATION_KINDS} />
        <h1 className="govuk-heading-l">How you are told</h1>
        <p className="govuk-body">
          Everything appears in your notifications in the planner. For each kind of event, choose whether you also get an email at once, one daily
          digest email, or no email. Emails go to {email}.
        </p>
        {emailOn ? null : (
          <InsetText>This service does not send email at the moment, so for now you are told in the planner only. Your choices apply once it does.</InsetText>
        )}
        <Form method="post" noValidate>
          <NotificationChoices kinds={NOTIFICATION_KINDS} values={values} errors={actionData?.errors} />
          <Button text="Save your choices" preventDoubleClick />
        </Form>
      </div>
    </div>
  )
}
