import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink } from '~/components/govuk'
import { MessageForm } from '~/components/messages/MessageForm'
import { CHANNELS } from '~/content/rules'
import { createMessage } from '~/models/message.server'
import { applyWaveIntent, BLANK_WAVE, fieldValues, formIntent, parseMessageForm, waveRowsFrom } from '~/schemas/message'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { forbidden, notFound } from '~/http/responses.server'
import { lockedResponse } from '~/http/refusals.server'

export const handle = { title: 'Add a message' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  const channel = new URL(request.url).searchParams.get('channel') ?? ''
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    // Nothing is chosen for the user (GOV.UK advises against pre-selected radios), except a type they followed a link for.
    values: { channel: (CHANNELS as readonly string[]).includes(channel) ? channel : '' } as Record<string, string>,
    waves: [{ ...BLANK_WAVE }],
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const form = await readFormData(request)
  const values = formValues(form)
  const rows = waveRowsFrom(values)
  const intent = formIntent(values.intent)
  // A fresh key remounts the form, so its uncontrolled fields take the values sent back.
  const formKey = `${Date.now()}`
  if (intent.kind !== 'save') {
    const next = applyWaveIntent(rows, intent)
    return { values: echoed(fieldValues(values)), waves: echoed(next.rows), focusWave: next.focus, errors: null, formKey }
  }
  const parsed = parseMessageForm(values, { earliestSendDate: campaign.status === 'draft' ? todayIso() : undefined })
  if (!parsed.ok) return data({ values: echoed(fieldValues(values)), waves: echoed(rows), focusWave: undefined, errors: parsed.errors, formKey }, { status: 400 })
  const result = await createMessage(db, { campaignId: campaign.id, values: parsed.data }, user)
  if (!result.ok) throw result.reason === 'not-found' ? notFound() : result.reason === 'locked' ? lockedResponse(campaign) : forbidden()
  return redirect(`/campaigns/${campaign.ref}/messages/${result.id}?notice=created`, { status: 303 })
}

export default function NewMessage() {
  const { campaign, values, waves } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/campaigns/${campaign.ref}/messages`} text="Back to the messages" />
        <MessageForm
          key={actionData?.formKey ?? 'initial'}
          values={actionData?.values ?? values}
          waves={actionData?.waves ?? waves}
          errors={actionData?.errors ?? undefined}
          focusWave={actionData?.focusWave}
          submitText="Save message"
          before={<CampaignHeading campaign={campaign} title="Add a message" />}
        />
      </div>
    </div>
  )
}
