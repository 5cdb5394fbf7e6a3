import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CampaignForm } from '~/components/CampaignForm'
import { BackLink } from '~/components/govuk'
import { submittedFormValues } from '~/campaign/form-values'
import { createCampaign } from '~/models/campaign.server'
import { listUsersWithRole } from '~/models/user.server'
import { parseCampaignForm } from '~/schemas/campaign'
import { requireRole } from '~/http/auth.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'

export const handle = { title: 'Create a campaign' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'designer')
  return { designers: await listUsersWithRole(db, 'designer'), ownerId: user.id }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'designer')
  const form = await readFormData(request)
  const values = formValues(form)
  const coOwners = form.getAll('coOwners').filter((v): v is string => typeof v === 'string')
  const parsed = parseCampaignForm(values, coOwners, { today: todayIso() })
  if (!parsed.ok) return data({ errors: parsed.errors, values: echoed(submittedFormValues(values, coOwners)) }, { status: 400 })
  const ref = await createCampaign(db, parsed.data, user)
  return redirect(`/campaigns/${ref}?notice=created`, { status: 303 })
}

export default function NewCampaign() {
  const { designers, ownerId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/campaigns" text="Back to campaigns" />
        <CampaignForm
          values={actionData?.values ?? {}}
          errors={actionData?.errors}
          designers={designers}
          ownerId={ownerId}
          submitText="Create campaign"
          before={<h1 className="govuk-heading-l">Create a campaign</h1>}
        />
      </div>
    </div>
  )
}
