import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { NotificationBanner, SummaryList, TaskList, type TagColour } from '~/components/govuk'
import { formatDate, REGIME_LABELS } from '~/campaign/options'
import { campaignTasks, TASK_STATUS_TEXT, type TaskStatus } from '~/campaign/tasks'
import { canEditCampaign } from '~/models/campaign.server'
import { messagesTaskInput } from '~/models/message.server'
import { handlingTaskInput } from '~/models/lines-and-scripts.server'
import { forecastTaskState } from '~/models/forecast.server'
import { storedSignOffStates } from '~/models/signoff/views.server'
import { welshTaskInput } from '~/models/welsh.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'

export const handle = { title: (data: { campaign?: { name: string } } | undefined) => data?.campaign?.name ?? 'Campaign' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const forecast = await forecastTaskState(db, campaign.id)
  const messages = await messagesTaskInput(db, campaign.id)
  const handling = await handlingTaskInput(db, campaign)
  const signOff = await storedSignOffStates(db, campaign)
  const welsh = await welshTaskInput(db, campaign)
  return {
    campaign,
    canEdit: canEditCampaign(user, campaign),
    today: todayIso(),
    // What the translation team has still to do, with the date each is needed by.
    awaitingWelsh: welsh.awaiting.map((a) => ({ label: a.label, href: a.href, state: a.state, neededBy: a.request?.neededBy ?? null })),
    tasks: campaignTasks({
      ref: campaign.ref,
      status: campaign.status,
      plannedLaunchDate: campaign.plannedLaunchDate,
      today: todayIso(),
      messages,
      handling,
      forecast,
      signOff: {
        ...signOff,
        messageCount: messages.count,
        messagesWithErrors: messages.withErrors,
        scriptsWithErrors: handling.scripts.filter((s) => s.errors > 0).length,
      },
      welsh: welsh.task,
    }),
  }
}

const NOTICES: Record<string, string> = {
  created: 'Campaign created',
  saved: 'Your changes have been saved',
  launched: 'The campaign has been launched. Its content is now locked.',
}

const TAG_FOR: Partial<Record<TaskStatus, TagColour>> = { incomplete: 'blue', problem: 'red' }

export default function CampaignPage() {
  const { campaign, canEdit, tasks, awaitingWelsh, today } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} />
        <SummaryList
          classes="govuk-summary-list--no-border"
          rows={[
            { key: { text: 'Tax regime' }, value: { text: REGIME_LABELS[campaign.regime] } },
            { key: { text: 'Planned launch' }, value: { text: formatDate(campaign.plannedLaunchDate) } },
            { key: { text: 'Owner' }, value: { text: campaign.owner.name } },
            campaign.coOwners.length > 0 && { key: { text: 'Co-owners' }, value: { text: campaign.coOwners.map((c) => c.name).join(', ') } },
          ]}
        />
        {!canEdit && campaign.status !== 'launched' && campaign.status !== 'closed' ? (
          <p className="govuk-body govuk-hint">You can read this campaign. Only its owner and co-owners can change it.</p>
        ) : null}
        <h2 className="govuk-heading-m">Prepare the campaign</h2>
        <TaskList
          idPrefix="campaign-tasks"
          items={tasks.map((task) => ({
            title: { text: task.title },
            href: task.href ?? undefined,
            hint: task.hint ? { text: task.hint } : undefined,
            // An optional task that is not needed (scripts when no response is sought) can still be opened.
            cannotStartYet: task.status === 'cannot-start' || (task.status === 'not-needed' && !task.href),
            status: TAG_FOR[task.status]
              ? { tag: { text: TASK_STATUS_TEXT[task.status], colour: TAG_FOR[task.status] } }
              : { text: TASK_STATUS_TEXT[task.status] },
          }))}
        />
        {awaitingWelsh.length ? (
          <section aria-labelledby="awaiting-welsh-heading" id="awaiting-welsh">
            <h2 className="govuk-heading-m" id="awaiting-welsh-heading">
              Awaiting Welsh translation
            </h2>
            <ul className="govuk-list govuk-list--bullet">
              {awaitingWelsh.map((a) => (
                <li key={a.href}>
                  <Link className="govuk-link" to={a.href}>
                    {a.label.charAt(0).toUpperCase() + a.label.slice(1)}
                  </Link>
                  {a.state === 'out-of-date' ? ': the Welsh is out of date' : a.state === 'missing' ? ': not translated yet' : ''}
                  {a.neededBy ? `; needed by ${formatDate(a.neededBy)}` : ''}
                  {a.neededBy && a.neededBy < today ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Overdue</strong> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <div className="govuk-grid-column-one-third">
        <h2 className="govuk-heading-s">Records</h2>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/campaigns/${campaign.ref}/audit`}>
              Audit trail
            </Link>
          </li>
          {campaign.status === 'launched' || campaign.status === 'closed' ? (
            <li>
              <Link className="govuk-link" to={`/campaigns/${campaign.ref}/actuals`}>
                Actual calls
              </Link>
            </li>
          ) : null}
          <li>
            <a className="govuk-link" href={`/campaigns/${campaign.ref}/export.json`}>
              Download as JSON
            </a>
          </li>
          <li>
            <a className="govuk-link" href={`/campaigns/${campaign.ref}/calendar.ics`}>
              Add its dates to your calendar (.ics)
            </a>
          </li>
        </ul>
      </div>
    </div>
  )
}
