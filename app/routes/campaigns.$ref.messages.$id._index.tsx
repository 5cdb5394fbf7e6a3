import type { LoaderFunctionArgs } from '@remix-run/node'
import { messageFindings } from '~/content/stored-content'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import type { ReactNode } from 'react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink, Button, NotificationBanner, SummaryList, type SummaryListRow } from '~/components/govuk'
import { FindingsSummary, MarkedText, numberFindings, PartFindings, type NumberedFinding } from '~/components/messages/Findings'
import { MessagePreview, postageText } from '~/components/messages/MessagePreview'
import { formatDate, formatDateTime, formatNumber, REFERENCE_TYPE_LABELS, type ReferenceType } from '~/campaign/options'
import { CHANNEL_LABELS } from '~/content/rules'
import { deliveryProfileSummary, isPostage } from '~/forecast/delivery-profile'
import { canEditCampaign } from '~/models/campaign.server'
import { listCampaignFieldNames } from '~/models/campaign-field.server'
import { getMessage } from '~/models/message.server'
import { getTranslation } from '~/models/translation.server'
import { TranslationTag } from '~/components/welsh/TranslationState'
import { messageSource, translationState } from '~/welsh/translation'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { notFound } from '~/http/responses.server'

export const handle = { title: (data: { message?: { name: string } } | undefined) => data?.message?.name ?? 'Message' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const message = await getMessage(db, campaign.id, params.id ?? '')
  if (!message) throw notFound('There is no message with that address in this campaign')
  const [extraFields, translation] = await Promise.all([listCampaignFieldNames(db, campaign.id), getTranslation(db, campaign.id, 'message', message.id)])
  return {
    welsh: translation
      ? { state: translationState({ ...messageSource(message) }, translation.translatedFrom), translatesVersion: translation.translatesVersion }
      : campaign.welshCustomers > 0
        ? { state: 'missing' as const, translatesVersion: null }
        : null,
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    canEdit: canEditCampaign(user, campaign),
    message,
    extraFields,
    findings: numberFindings(messageFindings(message, extraFields)),
  }
}

const NOTICES: Record<string, string> = {
  created: 'The message has been added',
  saved: 'Your changes have been saved',
}

export default function MessagePage() {
  const { campaign, canEdit, message, extraFields, findings, welsh } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  const base = `/campaigns/${campaign.ref}/messages/${message.id}`
  const about = (field: string) => findings.filter((f) => f.location.field === field)
  const part = (text: string, field: string) => (
    <>
      <MarkedText text={text} findings={about(field)} />
      <PartFindings findings={about(field)} />
    </>
  )
  const row = (key: string, value: ReactNode, field?: string, hidden?: string): SummaryListRow => ({
    key: { text: key },
    value: { text: value },
    actions: canEdit && field ? { items: [{ href: `${base}/edit#${field}`, text: 'Change', visuallyHiddenText: hidden }] } : undefined,
  })
  const withFindings = (content: ReactNode, list: NumberedFinding[]) => (
    <>
      {content}
      <PartFindings findings={list} />
    </>
  )
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={`/campaigns/${campaign.ref}/messages`} text="Back to the messages" />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} title={message.name} />
        <p className="govuk-body govuk-hint">
          {CHANNEL_LABELS[message.channel]} · version {message.version}, saved {formatDateTime(message.updatedAt)}
        </p>
        <FindingsSummary findings={findings} />
        {welsh ? (
          <p className="govuk-body govuk-!-margin-top-4" id="welsh-version">
            Welsh version: <TranslationTag state={welsh.state} />{' '}
            {welsh.state === 'out-of-date' ? `It translates version ${welsh.translatesVersion}, and the English has changed since. ` : null}
            <Link className="govuk-link" to={`/campaigns/${campaign.ref}/welsh/messages/${message.id}`}>
              {welsh.state === 'missing' ? 'Add the Welsh version' : 'See the Welsh version'}
            </Link>
          </p>
        ) : null}

        <h2 className="govuk-heading-m govuk-!-margin-top-6">Content</h2>
        <SummaryList
          rows={[
            row('Name', message.name, 'name', 'name'),
            row('Channel', CHANNEL_LABELS[message.channel], 'channel', 'channel'),
            row('Reference type', REFERENCE_TYPE_LABELS[message.referenceType as ReferenceType] ?? message.referenceType, 'referenceType', 'reference type'),
            message.channel === 'email' && row('Subject', part(message.subject ?? '', 'subject'), 'subject', 'subject'),
            message.channel === 'letter' && row('Address block', part(message.addressBlock ?? '', 'addressBlock'), 'addressBlock', 'address block'),
            message.channel === 'letter' && row('Postage', withFindings(postageText(message.postage), about('postage')), 'postage', 'postage class'),
            message.channel === 'letter' &&
              row('Delivery profile', deliveryProfileSummary(isPostage(message.postage) ? message.postage : null, message.deliveryProfile), 'deliveryProfile', 'delivery profile'),
            message.channel === 'letter' &&
              row('Action deadline', message.deadlineDays === null ? 'None' : `${message.deadlineDays} days after the letter arrives`, 'deadlineDays', 'action deadline'),
            row('Body', part(message.body, 'body'), 'body', 'body'),
          ]}
        />

        <h2 className="govuk-heading-m">Send waves</h2>
        {message.waves.length === 0 ? (
          <p className="govuk-body">No send waves yet. Add at least one so the calls it causes can be forecast.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Send waves</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Wave
                </th>
                <th scope="col" className="govuk-table__header">
                  Send date
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Volume
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {message.waves.map((wave, index) => (
                <tr className="govuk-table__row" key={index}>
                  <td className="govuk-table__cell">{index + 1}</td>
                  <td className="govuk-table__cell">{formatDate(wave.sendDate)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(wave.volume)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header" colSpan={2}>
                  Recipients
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{formatNumber(message.recipients)}</td>
              </tr>
            </tfoot>
          </table>
        )}

        <h2 className="govuk-heading-m">Preview with sample data</h2>
        <p className="govuk-body">
          Sample data is obviously fake: the customer is Alex Example at postcode AA1 1AA.
          {message.channel === 'letter' ? ` ${postageText(message.postage)}.` : null}{' '}
          <Link className="govuk-link" to={`${base}/preview`}>
            {message.channel === 'letter' ? 'Open the printable preview' : 'Open the preview on its own page'}
          </Link>
        </p>
        <MessagePreview message={message} extraFields={extraFields} />

        <div className="govuk-button-group govuk-!-margin-top-6">
          {canEdit ? <Button text="Change the message" href={`${base}/edit`} /> : null}
          {canEdit ? (
            <Link className="govuk-link" to={`${base}/delete`}>
              Delete this message
            </Link>
          ) : null}
          <Link className="govuk-link" to={`/campaigns/${campaign.ref}/history/message/${message.id}`}>
            See the history of changes
          </Link>
        </div>
      </div>
    </div>
  )
}
