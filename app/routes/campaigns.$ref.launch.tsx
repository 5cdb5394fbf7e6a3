import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink, Button, NotificationBanner, Panel, SummaryList, WarningText } from '~/components/govuk'
import { ActionErrorSummary } from '~/components/FormErrorSummary'
import { formatDate, formatDateTime, formatNumber, formatWeekdayDate } from '~/campaign/format'
import { canEditCampaign } from '~/models/campaign.server'
import type { LaunchWarning } from '~/campaign/launch-checks'
import { getLaunchRecord, launchCampaign, launchReadiness, type LaunchProblem } from '~/models/launch.server'
import { listMessages } from '~/models/message.server'
import { signOffOverview } from '~/models/signoff/views.server'
import { GROUP_LABELS } from '~/signoff/groups'
import { GROUP_STATE_LABELS } from '~/signoff/state'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { refusalResponse } from '~/http/refusals.server'

export const handle = { title: 'Launch the campaign' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const [overview, messages, launch] = await Promise.all([signOffOverview(db, campaign.id), listMessages(db, campaign.id), getLaunchRecord(db, campaign.id)])
  const readiness = launch || campaign.status === 'launched' || campaign.status === 'closed' ? { ready: false, problems: [] as LaunchProblem[], warnings: [] as LaunchWarning[] } : await launchReadiness(db, campaign)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status, plannedLaunchDate: campaign.plannedLaunchDate },
    canLaunch: canEditCampaign(user, campaign),
    readiness,
    launch,
    messages: { count: messages.length, recipients: messages.reduce((n, m) => n + m.recipients, 0), firstSend: messages.flatMap((m) => m.waves.map((w) => w.sendDate)).sort()[0] ?? null },
    approvals: overview!.groups
      .filter((g) => g.required)
      .map((g) => ({
        group: g.group,
        state: g.state,
        latest: g.latest ? { by: g.latest.decidedBy.name, at: g.latest.decidedAt, decision: g.latest.decision } : null,
      })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const result = await launchCampaign(db, { campaignId: campaign.id }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}?notice=launched`, { status: 303 })
  if (result.reason === 'not-approved') return data({ problems: result.problems }, { status: 409 })
  throw refusalResponse(result.reason, campaign)
}

export default function LaunchPage() {
  const { campaign, canLaunch, readiness, launch, messages, approvals } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const base = `/campaigns/${campaign.ref}`
  const problems = actionData?.problems ?? readiness.problems
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={base} text="Back to the campaign" />
        {actionData?.problems.length ? (
          <ActionErrorSummary titleText="The campaign cannot launch" errors={actionData.problems.map((p) => ({ text: p.text, href: p.href }))} />
        ) : null}
        {searchParams.get('notice') === 'launched' && launch ? <NotificationBanner type="success" text="The campaign has been launched" /> : null}
        <CampaignHeading campaign={campaign} title={launch ? 'Launched' : 'Launch the campaign'} />
        {launch ? (
          <>
            <Panel titleText="Launched" headingLevel={2} text={`on ${formatDateTime(launch.launchedAt)} by ${launch.launchedBy.name}`} />
            <p className="govuk-body">
              The campaign’s content is locked. The launch snapshot records the whole campaign as launched, with the sign-offs it launched on. Its
              SHA-256 is:
            </p>
            <p className="govuk-body app-hash" id="launch-hash">
              <code>{launch.hash}</code>
            </p>
            <p className="govuk-body">
              <a className="govuk-link" href={`${base}/export.json`}>
                Download the campaign as JSON
              </a>{' '}
              or{' '}
              <a className="govuk-link" href={`${base}/audit`}>
                read the audit trail
              </a>
              .
            </p>
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m">Check before you launch</h2>
            <SummaryList
              attributes={{ id: 'launch-summary' }}
              rows={[
                { key: { text: 'Planned launch date' }, value: { text: formatWeekdayDate(campaign.plannedLaunchDate) } },
                {
                  key: { text: 'Messages' },
                  value: {
                    text: `${formatNumber(messages.count)} message${messages.count === 1 ? '' : 's'} to ${formatNumber(messages.recipients)} recipients${messages.firstSend ? `, first sent ${formatDate(messages.firstSend)}` : ''}`,
                  },
                  actions: { items: [{ href: `${base}/messages`, text: 'Read', visuallyHiddenText: 'the messages' }] },
                },
                ...approvals.map((a) => ({
                  key: { text: `${GROUP_LABELS[a.group]} sign-off` },
                  value: {
                    text:
                      a.state === 'approved' && a.latest
                        ? `Approved by ${a.latest.by} on ${formatDateTime(a.latest.at)}`
                        : a.state === 'out-of-date' && a.latest
                          ? `Out of date: approved by ${a.latest.by} on ${formatDateTime(a.latest.at)}, then changed`
                          : GROUP_STATE_LABELS[a.state],
                  },
                  actions: { items: [{ href: `${base}/sign-off/${a.group}`, text: 'See', visuallyHiddenText: `what ${GROUP_LABELS[a.group]} signs` }] },
                })),
              ]}
            />
            {readiness.warnings.length ? (
              <div id="launch-warnings">
                {readiness.warnings.map((w) => (
                  <WarningText
                    key={w.text}
                    iconFallbackText="Warning"
                    text={
                      <>
                        {w.text}.{' '}
                        <a className="govuk-link" href={w.href}>
                          Check the date<span className="govuk-visually-hidden">: {w.text}</span>
                        </a>
                      </>
                    }
                  />
                ))}
              </div>
            ) : null}
            {problems.length ? (
              <div id="launch-problems">
                <h2 className="govuk-heading-m">Why the campaign cannot launch yet</h2>
                <ul className="govuk-list govuk-list--bullet">
                  {problems.map((p) => (
                    <li key={p.text}>
                      <a className="govuk-link" href={p.href}>
                        {p.text}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {canLaunch ? (
              <Form method="post" noValidate>
                <WarningText text="Launching locks the campaign’s content: its messages, forecast inputs, lines and scripts can no longer be changed." />
                <Button text="Launch the campaign" preventDoubleClick />
              </Form>
            ) : campaign.status === 'launched' || campaign.status === 'closed' ? null : (
              <p className="govuk-body">Only the campaign’s owner and co-owners can launch it.</p>
            )}
          </>
        )}
      </div>
    </div>
  )
}
