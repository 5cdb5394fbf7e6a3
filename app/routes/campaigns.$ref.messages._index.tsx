import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink, Button, InsetText, NotificationBanner, Tag } from '~/components/govuk'
import { formatDate, formatDateTime, formatNumber } from '~/campaign/options'
import { CHANNEL_LABELS, type Channel } from '~/content/rules'
import { canEditCampaign } from '~/models/campaign.server'
import { listDeletedMessages, listMessagesWithFindings } from '~/models/message.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { listWelshItems } from '~/models/translation.server'
import { hasWelsh } from '~/models/welsh.server'
import { TranslationTag } from '~/components/welsh/TranslationState'
import { db } from '~/utils/db.server'

export const handle = { title: 'Write the messages' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const [{ messages, extraFields }, deleted, showWelsh] = await Promise.all([listMessagesWithFindings(db, campaign.id), listDeletedMessages(db, campaign.id), hasWelsh(db, campaign)])
  const welshItems = showWelsh ? await listWelshItems(db, campaign.id) : []
  const welsh = new Map(welshItems.filter((i) => i.english.kind === 'message').map((i) => [i.english.id, i.state]))
  return {
    showWelsh,
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status, populationSize: campaign.populationSize },
    canEdit: canEditCampaign(user, campaign),
    extraFields,
    messages: messages.map((m) => ({
      id: m.id,
      name: m.name,
      channel: m.channel,
      version: m.version,
      recipients: m.recipients,
      waves: m.waves,
      errorCount: m.errorCount,
      warningCount: m.warningCount,
      welsh: welsh.get(m.id) ?? 'missing',
    })),
    deleted,
  }
}

const NOTICES: Record<string, string> = {
  deleted: 'The message has been deleted',
}

function ChecksTag({ errorCount, warningCount, waves }: { errorCount: number; warningCount: number; waves: number }) {
  if (errorCount > 0) return <Tag text={errorCount === 1 ? '1 error' : `${errorCount} errors`} colour="red" />
  if (waves === 0) return <Tag text="No send waves" colour="blue" />
  if (warningCount > 0) return <Tag text={warningCount === 1 ? '1 warning' : `${warningCount} warnings`} colour="yellow" />
  return <>Passes the checks</>
}

export default function MessagesPage() {
  const { campaign, canEdit, messages, extraFields, deleted, showWelsh } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  const total = messages.reduce((sum, m) => sum + m.recipients, 0)
  const base = `/campaigns/${campaign.ref}/messages`
  const overPopulation = messages.filter((m) => m.recipients > campaign.populationSize)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={`/campaigns/${campaign.ref}`} text="Back to the campaign" />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} title="Write the messages" />
        <p className="govuk-body">
          Each message is checked for data-security problems every time it is saved. A letter must pass its checks before sign-off can be
          requested.
        </p>
        {messages.length === 0 ? (
          <p className="govuk-body">This campaign has no messages yet.</p>
        ) : (
          <div className="app-table-wrapper">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Messages</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Message
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Channel
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Send waves
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Recipients
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Checks
                  </th>
                  {showWelsh ? (
                    <th scope="col" className="govuk-table__header">
                      Welsh version
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {messages.map((m) => (
                  <tr className="govuk-table__row" key={m.id}>
                    <th scope="row" className="govuk-table__header">
                      <Link className="govuk-link" to={`${base}/${m.id}`}>
                        {m.name}
                      </Link>
                    </th>
                    <td className="govuk-table__cell">{CHANNEL_LABELS[m.channel as Channel] ?? m.channel}</td>
                    <td className="govuk-table__cell">
                      {m.waves.length === 0 ? 'None yet' : m.waves.length === 1 ? formatDate(m.waves[0]!.sendDate) : `${m.waves.length} waves, from ${formatDate(m.waves[0]!.sendDate)}`}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(m.recipients)}</td>
                    <td className="govuk-table__cell">
                      <ChecksTag errorCount={m.errorCount} warningCount={m.warningCount} waves={m.waves.length} />
                    </td>
                    {showWelsh ? (
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/campaigns/${campaign.ref}/welsh/messages/${m.id}`}>
                          <TranslationTag state={m.welsh} />
                          <span className="govuk-visually-hidden"> Welsh version of {m.name}</span>
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="govuk-table__row">
                  <th scope="row" className="govuk-table__header" colSpan={3}>
                    Total recipients
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold" data-testid="total-recipients">
                    {formatNumber(total)}
                  </td>
                  <td className="govuk-table__cell" colSpan={showWelsh ? 2 : 1} />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {overPopulation.length > 0 ? (
          <InsetText
            text={`${overPopulation.map((m) => `“${m.name}”`).join(', ')} ${overPopulation.length === 1 ? 'goes' : 'go'} to more customers than the campaign’s population size of ${formatNumber(campaign.populationSize)}. Check the volumes.`}
          />
        ) : null}
        {canEdit ? <Button text="Add a message" href={`${base}/new`} /> : null}

        <h2 className="govuk-heading-m">Custom fields</h2>
        <p className="govuk-body">
          Placeholders beyond the standard mailing data, such as a flag for optional content.{' '}
          {extraFields.length === 0 ? 'This campaign has none.' : `This campaign has ${extraFields.length}: ${extraFields.map((f) => `((${f}))`).join(', ')}.`}
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`${base}/fields`}>
            {canEdit ? 'Add or remove custom fields' : 'See the custom fields'}
          </Link>
        </p>

        {deleted.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Deleted messages</h2>
            <ul className="govuk-list">
              {deleted.map((d) => (
                <li key={`${d.id}-${d.at}`}>
                  <Link className="govuk-link" to={`/campaigns/${campaign.ref}/history/message/${d.id}`}>
                    {d.name}
                    <span className="govuk-visually-hidden">: history of changes</span>
                  </Link>{' '}
                  <span className="govuk-hint">
                    deleted {formatDateTime(d.at)}
                    {d.by ? ` by ${d.by}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  )
}
