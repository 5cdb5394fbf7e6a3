import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { messageFindings } from '~/content/stored-content'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink } from '~/components/govuk'
import { numberFindings } from '~/components/messages/Findings'
import { MessageForm } from '~/components/messages/MessageForm'
import { listCampaignFieldNames } from '~/models/campaign-field.server'
import { getRevisionSnapshots } from '~/models/history.server'
import { changedSnapshotKeys, changeList, getMessage, messageSnapshot, updateMessage, type Message, type MessageSnapshot } from '~/models/message.server'
import { applyWaveIntent, fieldValues, formIntent, parseMessageForm, waveRowFromSaved, waveRowsFrom } from '~/schemas/message'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { formatDateTime } from '~/campaign/options'
import { deliveryProfileText } from '~/forecast/delivery-profile'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { forbidden, notFound } from '~/http/responses.server'
import { lockedResponse } from '~/http/refusals.server'

export const handle = { title: 'Change the message' }

function savedValues(message: Message): Record<string, string> {
  return {
    channel: message.channel,
    name: message.name,
    referenceType: message.referenceType,
    subject: message.subject ?? '',
    addressBlock: message.addressBlock ?? '',
    postage: message.postage ?? '',
    deadlineDays: message.deadlineDays === null ? '' : String(message.deadlineDays),
    deliveryProfile: message.deliveryProfile ? deliveryProfileText(message.deliveryProfile) : '',
    body: message.body,
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  const message = await getMessage(db, campaign.id, params.id ?? '')
  if (!message) throw notFound('There is no message with that address in this campaign')
  const extraFields = await listCampaignFieldNames(db, campaign.id)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    message: { id: message.id, name: message.name, version: message.version },
    values: savedValues(message),
    waves: message.waves.map(waveRowFromSaved),
    findings: numberFindings(messageFindings(message, extraFields)),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const message = await getMessage(db, campaign.id, params.id ?? '')
  if (!message) throw notFound('There is no message with that address in this campaign')
  const form = await readFormData(request)
  const values = formValues(form)
  const rows = waveRowsFrom(values)
  const intent = formIntent(values.intent)
  const formKey = `${Date.now()}`
  const submittedVersion = Number(values.version)
  const version = Number.isSafeInteger(submittedVersion) ? submittedVersion : message.version
  const kept = { values: echoed(fieldValues(values)), waves: echoed(rows), version, formKey, conflict: null as Conflict | null }
  if (intent.kind !== 'save') {
    const next = applyWaveIntent(rows, intent)
    return { ...kept, waves: echoed(next.rows), focusWave: next.focus, errors: null }
  }
  const parsed = parseMessageForm(values, { earliestSendDate: campaign.status === 'draft' ? todayIso() : undefined })
  if (!parsed.ok) return data({ ...kept, focusWave: undefined, errors: parsed.errors }, { status: 400 })
  if (!Number.isSafeInteger(submittedVersion)) {
    return data({ ...kept, focusWave: undefined, errors: { _form: 'The page was out of date. Check your changes and save again.' } }, { status: 409 })
  }
  const result = await updateMessage(db, { campaignId: campaign.id, messageId: message.id, version: submittedVersion, values: parsed.data }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/messages/${message.id}?notice=saved`, { status: 303 })
  if (result.reason === 'delay-set') {
    const days = `${result.delayDays} working day${result.delayDays === 1 ? '' : 's'}`
    return data(
      {
        ...kept,
        focusWave: undefined,
        errors: {
          deliveryProfile: `This letter has a delivery delay of ${days} set on the forecast page. Leave the delivery profile blank, or clear the delay there first`,
        },
      },
      { status: 400 },
    )
  }
  if (result.reason !== 'conflict') {
    throw result.reason === 'not-found' ? notFound() : result.reason === 'locked' ? lockedResponse(campaign) : forbidden()
  }
  // Someone saved first: keep this user's text, say what the other save changed since the version they started
  // from, and let them save again deliberately against the version they have now seen.
  const [base] = await getRevisionSnapshots(db, { campaignId: campaign.id, entityType: 'message', entityId: message.id, versions: [submittedVersion] })
  const theirs = messageSnapshot(result.current)
  const changed = base ? changedSnapshotKeys(base.snapshot as unknown as MessageSnapshot, theirs) : []
  return data(
    {
      ...kept,
      version: result.current.version,
      focusWave: undefined,
      errors: { _form: 'Someone else saved changes to this message while you were editing it. Your changes have not been saved yet.' },
      conflict: {
        at: result.current.updatedAt,
        version: result.current.version,
        changes: changed.length ? `They changed ${changeList(changed)}.` : 'Their save did not change the content you started from.',
      },
    },
    { status: 409 },
  )
}

interface Conflict {
  at: string
  version: number
  changes: string
}

export default function EditMessage() {
  const { campaign, message, values, waves, findings } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData?.conflict ?? null
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/campaigns/${campaign.ref}/messages/${message.id}`} text="Back to the message" />
        <MessageForm
          key={actionData?.formKey ?? 'initial'}
          values={actionData?.values ?? values}
          waves={actionData?.waves ?? waves}
          errors={actionData?.errors ?? undefined}
          focusWave={actionData?.focusWave}
          findings={findings}
          version={actionData?.version ?? message.version}
          submitText="Save changes"
          before={
            <>
              <CampaignHeading campaign={campaign} title={`Change “${message.name}”`} />
              {conflict ? (
                <div className="govuk-inset-text" id="conflict" tabIndex={-1}>
                  <h2 className="govuk-heading-s">What the other person changed</h2>
                  <p className="govuk-body">
                    They saved version {conflict.version} at {formatDateTime(conflict.at)}. {conflict.changes}
                  </p>
                  <p className="govuk-body">
                    Your version is still in the form below. Check it against{' '}
                    <a className="govuk-link" href={`/campaigns/${campaign.ref}/history/message/${message.id}`} target="_blank" rel="noreferrer">
                      the history of changes (opens in new tab)
                    </a>
                    , then save again to replace theirs.
                  </p>
                </div>
              ) : null}
            </>
          }
        />
      </div>
    </div>
  )
}
