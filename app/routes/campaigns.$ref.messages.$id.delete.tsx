import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink, Button, ErrorSummary, WarningText } from '~/components/govuk'
import { formatNumber } from '~/campaign/options'
import { CHANNEL_LABELS } from '~/content/rules'
import { deleteMessage, getMessage } from '~/models/message.server'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'
import { BUTTON_LIMITS, readFormData } from '~/http/forms.server'
import { forbidden, notFound } from '~/http/responses.server'
import { lockedResponse } from '~/http/refusals.server'

export const handle = { title: 'Delete the message' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  const message = await getMessage(db, campaign.id, params.id ?? '')
  if (!message) throw notFound('There is no message with that address in this campaign')
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    message: { id: message.id, name: message.name, channel: message.channel, version: message.version, recipients: message.recipients, waves: message.waves.length },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const message = await getMessage(db, campaign.id, params.id ?? '')
  if (!message) throw notFound('There is no message with that address in this campaign')
  const values = formValues(await readFormData(request, BUTTON_LIMITS))
  const version = Number(values.version)
  const stale = { errors: { _form: 'Someone changed this message after you opened this page. Check the latest version before you delete it.' }, version: message.version }
  if (!Number.isSafeInteger(version)) return data(stale, { status: 409 })
  const result = await deleteMessage(db, { campaignId: campaign.id, messageId: message.id, version }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/messages?notice=deleted`, { status: 303 })
  if (result.reason === 'conflict') return data({ ...stale, version: result.current.version }, { status: 409 })
  throw result.reason === 'not-found' ? notFound() : result.reason === 'locked' ? lockedResponse(campaign) : forbidden()
}

export default function DeleteMessage() {
  const { campaign, message } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const messageHref = `/campaigns/${campaign.ref}/messages/${message.id}`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={messageHref} text="Back to the message" />
        {actionData?.errors ? (
          <ErrorSummary errors={[{ text: actionData.errors._form, href: `${messageHref}` }]} />
        ) : null}
        <CampaignHeading campaign={campaign} title={`Are you sure you want to delete “${message.name}”?`} />
        <p className="govuk-body">
          This {CHANNEL_LABELS[message.channel].toLowerCase()} has {message.waves === 1 ? '1 send wave' : `${message.waves} send waves`} going to{' '}
          {formatNumber(message.recipients)} customers. Deleting it removes it and its waves from the campaign and its forecast.
        </p>
        <WarningText text="You cannot undo this. The message’s history of changes stays in the campaign’s records." />
        <Form method="post" noValidate>
          <input type="hidden" name="version" value={actionData?.version ?? message.version} readOnly />
          <div className="govuk-button-group">
            <Button text="Delete message" variant="warning" preventDoubleClick />
            <Link className="govuk-link" to={messageHref}>
              Cancel
            </Link>
          </div>
        </Form>
      </div>
    </div>
  )
}
