import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import type { ReactNode } from 'react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink, Button, InsetText, NotificationBanner, Table, WarningText } from '~/components/govuk'
import { TranslationTag } from '~/components/welsh/TranslationState'
import { formatDate, formatNumber } from '~/campaign/options'
import { LINE_AUDIENCE_LABELS, STANDARD_QUESTION_LABELS, type LineAudience, type StandardQuestion } from '~/content/coverage'
import { CHANNEL_LABELS, type Channel } from '~/content/rules'
import { canEditCampaign } from '~/models/campaign.server'
import { welshOverview, type WelshItemView } from '~/models/welsh.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { formatShare } from '~/welsh/translation'

export const handle = { title: 'Translate into Welsh' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status, extraLiability: campaign.extraLiability },
    canEdit: canEditCampaign(user, campaign),
    today: todayIso(),
    overview: await welshOverview(db, campaign),
  }
}

const NOTICES: Record<string, string> = {
  removed: 'The Welsh version has been removed',
  'already-removed': 'That Welsh version had already been removed',
}

function stateCell(item: WelshItemView, today: string): ReactNode {
  return (
    <>
      <TranslationTag state={item.state} />
      {item.state === 'out-of-date' ? <span className="govuk-body-s app-block">Translates English version {item.translatesVersion}; the English is now version {item.englishVersion}</span> : null}
      {item.errors ? <span className="govuk-body-s app-block app-translation-errors">{item.errors === 1 ? '1 problem to fix' : `${item.errors} problems to fix`}</span> : null}
      {item.request ? (
        <span className="govuk-body-s app-block">
          Needed by {formatDate(item.request.neededBy)}
          {item.request.neededBy < today ? ' (overdue)' : ''}
        </span>
      ) : null}
    </>
  )
}

function actionCell(item: WelshItemView, canEdit: boolean, what: string): ReactNode {
  const text = item.state === 'missing' ? (canEdit ? 'Add the Welsh' : 'See the English') : item.state === 'out-of-date' && canEdit ? 'Bring up to date' : canEdit ? 'Change' : 'See'
  return (
    <Link className="govuk-link" to={item.href}>
      {text}
      <span className="govuk-visually-hidden"> for {what}</span>
    </Link>
  )
}

export default function WelshTask() {
  const { campaign, canEdit, overview, today } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const notice = searchParams.get('notice') === 'requested' ? `Translation asked for: ${searchParams.get('count') ?? 'the items you chose'}` : searchParams.get('notice') === 'imported' ? `The Welsh from the file has been saved: ${searchParams.get('count') ?? ''} items` : NOTICES[searchParams.get('notice') ?? '']
  const base = `/campaigns/${campaign.ref}`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={base} text="Back to the campaign" />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} title="Translate into Welsh" />
        <p className="govuk-body" id="welsh-customers">
          {overview.welshCustomers > 0
            ? `${formatNumber(overview.welshCustomers)} of the campaign’s ${formatNumber(overview.populationSize)} customers (${formatShare(overview.sharePercent)}) asked HMRC to write to them in Welsh. They get the Welsh versions below, and their calls go to the Welsh-language helpline.`
            : 'No customer of this campaign has asked for Welsh. The campaign’s description says how many did.'}
        </p>
        <p className="govuk-body">
          Each Welsh version records the English version it translates. When the English changes, the Welsh is marked out of date and shows what changed, and
          the campaign cannot launch until the Welsh is brought up to date and Welsh Language Services approves it.
        </p>

        <h2 className="govuk-heading-m" id="awaiting">
          What awaits translation
        </h2>
        {overview.awaiting.length ? (
          <ul className="govuk-list govuk-list--bullet" id="awaiting-list">
            {overview.awaiting.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                <Link className="govuk-link" to={item.href}>
                  {item.label.charAt(0).toUpperCase() + item.label.slice(1)}
                </Link>
                {item.state === 'out-of-date' ? ': the English changed since it was translated' : item.state === 'missing' ? ': not translated yet' : ': asked for again'}
                {item.request ? `; needed by ${formatDate(item.request.neededBy)}${item.request.neededBy < today ? ' (overdue)' : ''}, asked by ${item.request.requestedBy}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">Nothing has been asked for, and no Welsh version is out of date.</p>
        )}
        <div className="govuk-button-group">
          {canEdit ? <Button text="Ask for a translation" href={`${base}/welsh/request`} variant="secondary" /> : null}
          <a className="govuk-link" href={`${base}/welsh/translation.csv`} download>
            Download the English still to translate (CSV)
          </a>
          <a className="govuk-link" href={`${base}/welsh/translation.csv?all=1`} download>
            Download everything (CSV)
          </a>
          {canEdit ? (
            <Link className="govuk-link" to={`${base}/welsh/import`}>
              Upload the Welsh from the translation team
            </Link>
          ) : null}
        </div>

        <h2 className="govuk-heading-m" id="messages">
          Messages
        </h2>
        {overview.messages.length ? (
          <div className="app-table-wrapper">
            <Table
              caption="The Welsh version of each message"
              captionClasses="govuk-visually-hidden"
              head={[{ text: 'Message' }, { text: 'Welsh version' }, { text: 'Action' }]}
              rows={overview.messages.map((m) => [
                { text: <>{m.name}<span className="govuk-body-s app-block">{CHANNEL_LABELS[m.channel as Channel]}</span></> },
                { text: stateCell(m, today) },
                { text: actionCell(m, canEdit, `the message ${m.name}`) },
              ])}
            />
          </div>
        ) : (
          <p className="govuk-body">
            There are no messages yet. <Link className="govuk-link" to={`${base}/messages`}>Write the messages</Link> first.
          </p>
        )}

        <h2 className="govuk-heading-m" id="helpline">
          The Welsh-language helpline
        </h2>
        {overview.welshHelpline ? (
          <p className="govuk-body">
            {overview.welshHelpline.name} takes the calls of the customers who asked for Welsh
            {overview.welshCustomers > 0 ? `: ${formatShare(overview.sharePercent)} of every message’s calls` : ''}. It is forecast like any other helpline, with
            its own opening hours, intraday profile, handle time and staff.{' '}
            <Link className="govuk-link" to={`${base}/forecast`}>
              See the forecast
            </Link>{' '}
            or{' '}
            <Link className="govuk-link" to={`/helplines/${overview.welshHelpline.id}/calendar`}>
              the helpline’s calendar
            </Link>
            .
          </p>
        ) : (
          <WarningText text="No helpline is marked as the Welsh-language line, so the Welsh-preference customers’ calls are forecast with everyone else’s. A helpline manager can mark one on its page." />
        )}

        <h2 className="govuk-heading-m" id="lines">
          Welsh lines to take
        </h2>
        {overview.uncovered.length ? (
          <div id="welsh-coverage">
            <WarningText text="The Welsh helpline cannot answer these standard questions in Welsh yet:" />
            <ul className="govuk-list govuk-list--bullet">
              {overview.uncovered.map((q) => (
                <li key={q.id}>
                  <strong>{q.label}</strong> {q.warning}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="govuk-body" id="welsh-coverage">
            The Welsh lines answer every standard question.
          </p>
        )}
        {overview.lines.length ? (
          <div className="app-table-wrapper">
            <Table
              caption="The Welsh version of each helpline and Debt Management line"
              captionClasses="govuk-visually-hidden"
              head={[{ text: 'Line to take' }, { text: 'Welsh version' }, { text: 'Action' }]}
              rows={overview.lines.map((l) => [
                {
                  text: (
                    <>
                      <span className="app-preserve-lines">{l.name}</span>
                      <span className="govuk-body-s app-block">
                        {LINE_AUDIENCE_LABELS[l.audience as LineAudience]}
                        {l.standardQuestion ? `, answers “${STANDARD_QUESTION_LABELS[l.standardQuestion as StandardQuestion]}”` : ''}
                      </span>
                    </>
                  ),
                },
                { text: stateCell(l, today) },
                { text: actionCell(l, canEdit, `the line ${l.name.slice(0, 60)}`) },
              ])}
            />
          </div>
        ) : (
          <p className="govuk-body">
            There are no helpline lines yet. <Link className="govuk-link" to={`${base}/lines`}>Write the lines to take</Link> first.
          </p>
        )}

        <h2 className="govuk-heading-m" id="scripts">
          Welsh scripts
        </h2>
        {overview.scripts.length ? (
          <div className="app-table-wrapper">
            <Table
              caption="The Welsh version of each script"
              captionClasses="govuk-visually-hidden"
              head={[{ text: 'Script' }, { text: 'Welsh version' }, { text: 'Action' }]}
              rows={overview.scripts.map((s) => [{ text: s.name }, { text: stateCell(s, today) }, { text: actionCell(s, canEdit, `the ${s.name.toLowerCase()} script`) }])}
            />
          </div>
        ) : (
          <p className="govuk-body">There are no scripts to translate.</p>
        )}

        <h2 className="govuk-heading-m">Print and sign off</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to={`${base}/pack/welsh-helpline`}>
            Open the Welsh helpline handler pack
          </Link>{' '}
          to print the Welsh lines and scripts.
        </p>
        {overview.anyWelsh ? (
          <InsetText>
            Welsh Language Services must approve the Welsh versions beside the English they translate.{' '}
            <Link className="govuk-link" to={`${base}/sign-off/welsh-language-services`}>
              See what they sign
            </Link>
            .
          </InsetText>
        ) : null}
      </div>
    </div>
  )
}
