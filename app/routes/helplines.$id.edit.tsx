import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { BackLink } from '~/components/govuk'
import { HelplineForm } from '~/components/HelplineForm'
import { getHelpline, updateHelpline } from '~/models/helpline.server'
import { helplineToFormValues, parseHelplineForm } from '~/schemas/helpline'
import { requireRole } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { forbidden, notFound } from '~/http/responses.server'

export const handle = { title: 'Change a helpline' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin', 'customer-services')
  const helpline = await getHelpline(db, params.id ?? '')
  if (!helpline) throw notFound('There is no such helpline')
  return { helpline: { id: helpline.id, name: helpline.name, version: helpline.version }, values: helplineToFormValues(helpline) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin', 'customer-services')
  const helpline = await getHelpline(db, params.id ?? '')
  if (!helpline) throw notFound('There is no such helpline')
  const values = formValues(await readFormData(request))
  const shown = echoed(values)
  const version = Number(values.version)
  const keptVersion = Number.isSafeInteger(version) ? version : helpline.version
  const parsed = parseHelplineForm(values)
  if (!parsed.ok) return data({ errors: parsed.errors, values: shown, version: keptVersion }, { status: 400 })
  const result = await updateHelpline(db, { id: helpline.id, version, settings: parsed.data }, user)
  if (result.ok) return redirect(`/helplines/${helpline.id}?notice=saved`, { status: 303 })
  if (result.reason === 'conflict') {
    // Keep what this user typed; saving again replaces the other change deliberately.
    return data(
      {
        errors: {
          _form: 'Someone else changed this helpline while you were editing it. Your changes have not been saved yet. Check them and save again.',
        },
        values: shown,
        version: result.current.version,
      },
      { status: 409 },
    )
  }
  if (result.reason === 'welsh-line-taken') {
    return data({ errors: { welshLine: `${result.welshLine} is already the Welsh-language helpline. Only one helpline can be: change that one first.` }, values, version: keptVersion }, { status: 400 })
  }
  if (result.reason === 'duplicate-name') {
    return data({ errors: { name: 'There is already a helpline with this name' }, values: shown, version: keptVersion }, { status: 400 })
  }
  throw result.reason === 'not-found' ? notFound('There is no such helpline') : forbidden()
}

export default function EditHelpline() {
  const { helpline, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/helplines/${helpline.id}`} text="Back to the helpline" />
        <HelplineForm
          values={actionData?.values ?? values}
          errors={actionData?.errors}
          version={actionData?.version ?? helpline.version}
          submitText="Save changes"
          heading={
            <>
              <span className="govuk-caption-l">{helpline.name}</span>
              <h1 className="govuk-heading-l">Change the helpline</h1>
            </>
          }
        />
      </div>
    </div>
  )
}
