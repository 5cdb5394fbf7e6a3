import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { BackLink } from '~/components/govuk'
import { HelplineForm } from '~/components/HelplineForm'
import { starterHelplineSettings } from '~/helplines/helpline'
import { createHelpline } from '~/models/helpline.server'
import { helplineToFormValues, parseHelplineForm } from '~/schemas/helpline'
import { requireRole } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { forbidden } from '~/http/responses.server'

export const handle = { title: 'Add a helpline' }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin', 'customer-services')
  return { values: helplineToFormValues(starterHelplineSettings()) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin', 'customer-services')
  const values = formValues(await readFormData(request))
  const shown = echoed(values)
  const parsed = parseHelplineForm(values)
  if (!parsed.ok) return data({ errors: parsed.errors, values: shown }, { status: 400 })
  const result = await createHelpline(db, parsed.data, user)
  if (result.ok) return redirect(`/helplines/${result.id}?notice=added`, { status: 303 })
  if (result.reason === 'welsh-line-taken') {
    return data({ errors: { welshLine: `${result.welshLine} is already the Welsh-language helpline. Only one helpline can be: change that one first.` }, values }, { status: 400 })
  }
  if (result.reason === 'duplicate-name') {
    return data({ errors: { name: 'There is already a helpline with this name' }, values: shown }, { status: 400 })
  }
  throw forbidden()
}

export default function NewHelpline() {
  const { values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/helplines" text="Back to helplines" />
        <HelplineForm
          values={actionData?.values ?? values}
          errors={actionData?.errors}
          submitText="Add helpline"
          heading={<h1 className="govuk-heading-l">Add a helpline</h1>}
        />
      </div>
    </div>
  )
}
