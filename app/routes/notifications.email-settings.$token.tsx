import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { Button, NotificationBanner } from '~/components/govuk'
import { NotificationChoices } from '~/components/NotificationChoices'
import { notFound } from '~/http/responses.server'
import { readFormData } from '~/http/forms.server'
import { getPreferences, savePreferences } from '~/models/notifications/preferences.server'
import { readEmailSettingsToken } from '~/models/notifications/signing.server'
import { KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from '~/notifications/kinds'
import { parseChoices } from '~/schemas/notifications'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'

// The page behind the link in every email: its signature is the permission, so it needs no sign-in. It changes only
// how the person the link was made for hears of the kind of event it names (or of every kind).
export const handle = { title: 'Change how you get emails' }

async function linkOwner(token: string | undefined) {
  const link = readEmailSettingsToken(token)
  if (!link) throw notFound('This link is not valid. Use the link in your most recent email from the planner, or sign in and change your choices there')
  const user = await db.selectFrom('users').select(['id', 'email', 'name', 'disabled']).where('id', '=', link.userId).executeTakeFirst()
  if (!user || user.disabled) throw notFound('This link is not valid. Use the link in your most recent email from the planner, or sign in and change your choices there')
  const kinds: NotificationKind[] = link.scope === 'all' ? [...NOTIFICATION_KINDS] : [link.scope]
  return { user: { id: user.id, email: user.email, name: user.name }, kinds }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, kinds } = await linkOwner(params.token)
  const preferences = await getPreferences(db, user.id)
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    name: user.name,
    email: user.email,
    kinds,
    values: Object.fromEntries(kinds.map((k) => [k, preferences[k]])) as Record<string, string>,
    notice: notice === 'stopped' ? 'You will not get these emails any more. They still appear in your notifications in the planner.' : notice === 'saved' ? 'Your choices are saved' : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, kinds } = await linkOwner(params.token)
  const values = formValues(await readFormData(request))
  const here = `/notifications/email-settings/${params.token}`
  if (values.intent === 'stop') {
    await savePreferences(db, user, Object.fromEntries(kinds.map((k) => [k, 'in-app'])), 'email-link')
    return redirect(`${here}?notice=stopped`, { status: 303 })
  }
  const parsed = parseChoices(values, kinds)
  if (!parsed.ok) return data({ errors: parsed.errors, values: Object.fromEntries(kinds.map((k) => [k, values[k] ?? ''])) }, { status: 400 })
  await savePreferences(db, user, parsed.choices, 'email-link')
  return redirect(`${here}?notice=saved`, { status: 303 })
}

export default function EmailSettings() {
  const { name, email, kinds, values, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const about = kinds.length === 1 ? `“${KIND_LABELS[kinds[0]!].name}”` : 'anything'
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <FormErrorSummary errors={actionData?.errors} order={kinds} />
        <span className="govuk-caption-l">
          {name}, {email}
        </span>
        <h1 className="govuk-heading-l">Change how you get emails</h1>
        <p className="govuk-body">You can stop emails about {about} from the planner with one click. Whatever you choose, you are still told in your notifications in the planner.</p>
        <Form method="post">
          <Button text={kinds.length === 1 ? 'Stop these emails' : 'Stop all emails from the planner'} name="intent" value="stop" variant="warning" preventDoubleClick />
        </Form>
        <h2 className="govuk-heading-m">Or choose</h2>
        <Form method="post" noValidate>
          <NotificationChoices kinds={kinds} values={actionData?.values ?? values} errors={actionData?.errors} />
          <Button text="Save your choices" name="intent" value="save" preventDoubleClick />
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href="/notifications/preferences">
            Sign in to change how you hear about everything
          </a>
        </p>
      </div>
    </div>
  )
}
