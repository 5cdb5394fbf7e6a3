import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { BackLink } from '~/components/govuk'
import { MessagePreview, postageText } from '~/components/messages/MessagePreview'
import { CHANNEL_LABELS } from '~/content/rules'
import { listCampaignFieldNames } from '~/models/campaign-field.server'
import { getMessage } from '~/models/message.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { notFound } from '~/http/responses.server'

export const handle = { title: (data: { message?: { name: string } } | undefined) => `Preview: ${data?.message?.name ?? 'message'}` }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  const message = await getMessage(db, campaign.id, params.id ?? '')
  if (!message) throw notFound('There is no message with that address in this campaign')
  return {
    campaign: { ref: campaign.ref, name: campaign.name },
    message: {
      id: message.id,
      name: message.name,
      channel: message.channel,
      referenceType: message.referenceType,
      subject: message.subject,
      body: message.body,
      addressBlock: message.addressBlock,
      postage: message.postage,
      deadlineDays: message.deadlineDays,
      version: message.version,
    },
    extraFields: await listCampaignFieldNames(db, campaign.id),
  }
}

/** Printing needs JavaScript; without it the page says how to print instead of showing a button that does nothing. */
function PrintButton() {
  const [enhanced, setEnhanced] = useState(false)
  useEffect(() => setEnhanced(true), [])
  if (!enhanced) return <p className="govuk-body app-no-print">To print the letter, use your browser’s print command. Only the letter is printed.</p>
  return (
    <button type="button" className="govuk-button govuk-button--secondary app-no-print" onClick={() => window.print()}>
      Print the letter
    </button>
  )
}

export default function MessagePreviewPage() {
  const { campaign, message, extraFields } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <div className="app-no-print">
          <BackLink href={`/campaigns/${campaign.ref}/messages/${message.id}`} text="Back to the message" />
          <span className="govuk-caption-l">
            {campaign.ref} · {campaign.name}
          </span>
          <h1 className="govuk-heading-l">Preview: {message.name}</h1>
          <p className="govuk-body">
            {CHANNEL_LABELS[message.channel]}, version {message.version}, with sample data.
            {message.channel === 'letter'
              ? ` ${postageText(message.postage)}.${message.deadlineDays ? ` The customer has ${message.deadlineDays} days to act.` : ''} The address sits where a DL or C5 window envelope shows it.`
              : ''}
          </p>
          {message.channel === 'letter' ? <PrintButton /> : null}
        </div>
        <MessagePreview message={message} extraFields={extraFields} />
      </div>
    </div>
  )
}
