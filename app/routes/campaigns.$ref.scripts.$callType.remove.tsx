import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, WarningText } from '~/components/govuk'
import { CALL_TYPE_LABELS } from '~/content'
import { getScript, isCallType, removeScript } from '~/models/script.server'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'
import { BUTTON_LIMITS, readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'
import { refusalResponse } from '~/http/refusals.server'

export const handle = { title: 'Remove a script' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  if (!isCallType(params.callType)) throw notFound('There is no such type of call')
  const script = await getScript(db, campaign.id, params.callType)
  if (!script) throw notFound('This campaign has no script for that type of call. Someone may have removed it already.')
  return { campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status }, callType: script.callType, version: script.version }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  if (!isCallType(params.callType)) throw notFound('There is no such type of call')
  const values = formValues(await readFormData(request, BUTTON_LIMITS))
  const version = Number(values.version)
  const back = `/campaigns/${campaign.ref}/scripts`
  const result = await removeScript(db, { campaignId: campaign.id, callType: params.callType, version: Number.isSafeInteger(version) ? version : -1 }, user)
  // Already removed (by someone else, or a second click): the user wanted it gone, and it is.
  if (result.ok || result.reason === 'gone') return redirect(`${back}?notice=removed`, { status: 303 })
  if (result.reason === 'conflict') {
    return data(
      {
        errors: { _form: 'Someone changed this script after you opened this page. Check the latest version before you remove it.' },
        version: result.current?.version ?? 0,
      },
      { status: 409 },
    )
  }
  throw refusalResponse(result.reason, campaign)
}

export default function RemoveScript() {
  const { campaign, callType, version } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const page = `/campaigns/${campaign.ref}/scripts/${callType}`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={page} text="Back" />
        <FormErrorSummary errors={actionData?.errors} hrefs={{ _form: '#latest' }} />
        <CampaignHeading campaign={campaign} title={`Are you sure you want to remove the ${CALL_TYPE_LABELS[callType].toLowerCase()} script?`} />
        {actionData ? (
          <p className="govuk-body" id="latest">
            <a className="govuk-link" href={page}>
              Read the latest version of the script
            </a>
          </p>
        ) : null}
        <WarningText text="Call handlers will no longer see this script. Its earlier versions stay in the history." />
        <Form method="post">
          <input type="hidden" name="version" value={actionData?.version ?? version} readOnly />
          <div className="govuk-button-group">
            <Button text="Yes, remove it" variant="warning" preventDoubleClick />
            <a className="govuk-link" href={page}>
              No, keep it
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}
