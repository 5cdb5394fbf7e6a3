import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { NotificationBanner, SummaryList, TaskList, type TagColour } from '~/components/govuk'
import { formatDate } from '~/campaign/format'
import { REGIME_LABELS } from '~/campaign/options'
import { yourSignOff } from '~/campaign/signoff-tasks'
import { campaignTasks, TASK_STATUS_TEXT, taskProgress, type TaskStatus } from '~/campaign/tasks'
import { canEditCampaign, isCampaignAuthor } from '~/models/campaign.server'
import { messagesTaskInput } from '~/models/message.server'
import { handlingTaskInput } from '~/models/lines-and-scripts.server'
import { forecastTaskState } from '~/models/forecast.server'
import { storedSignOffStates } from '~/models/signoff/views.server'
import { welshTaskInput } from '~/models/welsh.server'
import { groupName, groupsOf } from '~/signoff/groups'
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
  const tasks = campaignTasks({
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
  })
  return {
    campaign,
    canEdit: canEditCampaign(user, campaign),
    today: todayIso(),
    // What the translation team has still to do, with the date each is needed by.
    awaitingWelsh: welsh.awaiting.map((a) => ({ label: a.label, href: a.href, state: a.state, neededBy: a.request?.neededBy ?? null })),
    tasks,
    progress: taskProgress(tasks),
    yourSignOff: yourSignOff(`/campaigns/${campaign.ref}`, groupsOf(user), signOff.states, isCampaignAuthor(user, campaign)),
  }
}

const NOTICES: Record<string, string> = {
  created: 'Campaign created',
  saved: 'Your changes have been saved',
  launched: 'The campaign has been launched. Its content is now locked.',
}

const TAG_FOR: Partial<Record<TaskStatus, TagColour>> = { incomplete: 'blue', problem: 'red' }

export default function CampaignPage() {
  const { campaign, canEdit, tasks, progress, yourSignOff, awaitingWelsh, today } = useLoaderData<typeof loader>()
  const several = yourSignOff.length > 1
  const yours = (s: (typeof yourSignOff)[number]) => `Your sign-off${several ? ` for ${groupName(s.group)}` : ''}: ${s.text}`
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} />
        {yourSignOff.map((s) =>
          s.actionNeeded ? (
            <NotificationBanner key={s.group} attributes={{ id: `your-sign-off-${s.group}` }}>
              <p className="govuk-notification-banner__heading">
                <Link className="govuk-notification-banner__link" to={s.href}>
                  {yours(s)}
                </Link>
              </p>
            </NotificationBanner>
          ) : (
            <p className="govuk-body" key={s.group} id={`your-sign-off-${s.group}`}>
              <Link className="govuk-link" to={s.href}>
                {yours(s)}
              </Link>
            </p>
          ),
        )}
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
        <p className="govuk-body" id="task-progress">
          {progress.completed} of {progress.total} tasks completed
        </p>
        <TaskList
          idPrefix="campaign-tasks"
          items={tasks.map((task) => ({
            title: { text: task.title },
            href: task.href ?? undefined,
            hint: task.hint ? { text: task.hint } : undefined,
            // An optional task that is not needed (scripts when no response is sought) can still be opened.
            cannotStartYet: task.status === 'cannot-start' || (task.status === 'not-needed' && !task.href),
            status: TAG_FOR[task.status]
              ? { tag: { text: task.statusText ?? TASK_STATUS_TEXT[task.status], colour: TAG_FOR[task.status] } }
              : { text: task.statusText ?? TASK_STATUS_TEXT[task.status] },
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
