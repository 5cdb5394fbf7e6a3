import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CampaignForm } from '~/components/CampaignForm'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink } from '~/components/govuk'
import { campaignToFormValues, submittedFormValues } from '~/campaign/form-values'
import { describeSnapshot, fieldLabel, updateCampaignDescription } from '~/models/campaign.server'
import { listUsersWithRole } from '~/models/user.server'
import { parseCampaignForm } from '~/schemas/campaign'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { forbidden, notFound } from '~/http/responses.server'
import { lockedResponse } from '~/http/refusals.server'

export const handle = { title: 'Change the campaign description' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status, ownerId: campaign.owner.id, version: campaign.version },
    values: campaignToFormValues(campaign),
    designers: await listUsersWithRole(db, 'designer'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const form = await readFormData(request)
  const values = formValues(form)
  const coOwners = form.getAll('coOwners').filter((v): v is string => typeof v === 'string')
  const kept = echoed(submittedFormValues(values, coOwners))
  const version = Number(values.version)
  const parsed = parseCampaignForm(values, coOwners, { today: todayIso() })
  if (!parsed.ok) return data({ errors: parsed.errors, values: kept, version: Number.isSafeInteger(version) ? version : campaign.version, conflict: null }, { status: 400 })
  if (!Number.isSafeInteger(version)) {
    return data({ errors: { _form: 'The page was out of date. Check your answers and save again.' }, values: kept, version: campaign.version, conflict: null }, { status: 409 })
  }
  const result = await updateCampaignDescription(db, { ref: campaign.ref, version, values: parsed.data }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/describe?notice=saved`, { status: 303 })
  if (result.reason !== 'conflict') {
    throw result.reason === 'not-found' ? notFound() : result.reason === 'locked' ? lockedResponse(campaign) : forbidden()
  }
  // Someone saved first: keep this user's text on screen, show what the other save changed, and let them
  // save again deliberately against the version they have now seen.
  const theirs = describeSnapshot(result.current)
  const yours = describeSnapshot({ ...parsed.data, plannedLaunchDate: parsed.data.launchDate, coOwners: [] })
  const changed = (Object.keys(theirs) as (keyof typeof theirs)[]).filter(
    (key) => key !== 'coOwners' && JSON.stringify(theirs[key]) !== JSON.stringify(yours[key]),
  )
  return data(
    {
      errors: { _form: 'Someone else saved changes to this campaign while you were editing it. Your changes have not been saved yet.' },
      values: kept,
      version: result.current.version,
      conflict: {
        at: result.current.updatedAt,
        fields: changed.map((key) => ({ label: fieldLabel(key), theirs: display(theirs[key]) })),
      },
    },
    { status: 409 },
  )
}

function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return String(value)
}

export default function EditCampaign() {
  const { campaign, values, designers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData && 'conflict' in actionData ? actionData.conflict : null
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/campaigns/${campaign.ref}/describe`} text="Back" />
        <CampaignForm
          values={actionData?.values ?? values}
          errors={actionData?.errors}
          designers={designers}
          ownerId={campaign.ownerId}
          version={actionData?.version ?? campaign.version}
          submitText="Save changes"
          before={
            <>
              <CampaignHeading campaign={campaign} title="Change the campaign description" />
              {conflict ? (
                <div className="govuk-inset-text" id="conflict" tabIndex={-1}>
                  <h2 className="govuk-heading-s">What the other person changed</h2>
                  {conflict.fields.length ? (
                    <ul className="govuk-list govuk-list--bullet">
                      {conflict.fields.map((field) => (
                        <li key={field.label}>
                          They set {field.label} to “{field.theirs}”
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="govuk-body">Their save changed nothing that differs from yours.</p>
                  )}
                  <p className="govuk-body">Your version is still in the form below. Check it, then save again to replace theirs.</p>
                </div>
              ) : null}
            </>
          }
        />
      </div>
    </div>
  )
}
