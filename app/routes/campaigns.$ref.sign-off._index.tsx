import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, InsetText, NotificationBanner, Tag, WarningText } from '~/components/govuk'
import { formatDateTime } from '~/campaign/options'
import { canEditCampaign } from '~/models/campaign.server'
import { requestSignOff } from '~/models/signoff/commands.server'
import { signOffBlockers, type Blocker } from '~/models/signoff/aggregate.server'
import { signOffOverview } from '~/models/signoff/views.server'
import { GROUP_LABELS, groupName, type SignOffGroup } from '~/signoff/groups'
import { describeParts } from '~/signoff/scopes'
import { GROUP_STATE_COLOURS, GROUP_STATE_LABELS, type GroupState } from '~/signoff/state'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'
import { BUTTON_LIMITS, readFormData } from '~/http/forms.server'
import { refusalResponse } from '~/http/refusals.server'

export const handle = { title: 'Get sign-off' }

const WHY_NOT_NEEDED: Record<SignOffGroup, string> = {
  'customer-services': '',
  'debt-management': 'the campaign does not leave customers with extra liability',
  'press-office': 'the Press Office need not be informed',
  'welsh-language-services': 'nothing in the campaign has a Welsh version',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const overview = (await signOffOverview(db, campaign.id))!
  const canAsk = canEditCampaign(user, campaign) && campaign.status === 'draft' && !overview.asked
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    canAsk,
    isAuthor: canEditCampaign(user, campaign),
    asked: overview.asked,
    blockers: campaign.status === 'draft' ? await signOffBlockers(db, campaign) : [],
    groups: overview.groups.map((g) => ({
      group: g.group,
      required: g.required,
      state: g.state,
      changedSince: g.changedSince,
      latest: g.latest
        ? { decision: g.latest.decision, by: g.latest.decidedBy.name, at: g.latest.decidedAt, comment: g.latest.comment, scopeHash: g.latest.scopeHash }
        : null,
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const values = formValues(await readFormData(request, BUTTON_LIMITS))
  if (values.intent !== 'ask') {
    return data({ errors: { _form: 'Use the “Ask for sign-off” button to ask for sign-off' }, blockers: [] as Blocker[] }, { status: 400 })
  }
  const result = await requestSignOff(db, { campaignId: campaign.id }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/sign-off?notice=asked`, { status: 303 })
  if (result.reason === 'blocked') {
    return data({ errors: { _form: 'You cannot ask for sign-off until the problems below are fixed' }, blockers: result.blockers }, { status: 409 })
  }
  if (result.reason === 'already-asked') {
    return data({ errors: { _form: 'Sign-off has already been asked for. Each group’s decision is shown below.' }, blockers: [] as Blocker[] }, { status: 409 })
  }
  throw refusalResponse(result.reason, campaign)
}

const NOTICES: Record<string, string> = { asked: 'Sign-off has been asked for. Each group’s members will see the campaign in their sign-off inbox.' }

function StateDetail({ state, latest, changedSince, askedAt }: { state: GroupState; latest: { decision: string; by: string; at: string; comment: string | null } | null; changedSince: string[]; askedAt: string | null }) {
  if (state === 'not-asked') return <>Sign-off has not been asked for yet.</>
  if (state === 'awaiting') return <>Waiting for a decision{askedAt ? ` since ${formatDateTime(askedAt)}` : ''}.</>
  if (!latest) return null
  if (state === 'approved') return <>Approved by {latest.by} on {formatDateTime(latest.at)}.</>
  if (state === 'out-of-date') {
    return (
      <>
        Approved by {latest.by} on {formatDateTime(latest.at)}. Since then, {changedSince.length ? describeParts(changedSince) : 'its content'} changed, so
        the approval is out of date.
      </>
    )
  }
  return (
    <>
      {latest.by} asked for changes on {formatDateTime(latest.at)}: <q className="app-preserve-lines">{latest.comment}</q>
      {changedSince.length ? ` Since then, ${describeParts(changedSince)} changed.` : ' Nothing they sign has changed since.'}
    </>
  )
}

export default function SignOffTask() {
  const { campaign, canAsk, isAuthor, asked, blockers, groups } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  const base = `/campaigns/${campaign.ref}`
  const shownBlockers = actionData?.blockers.length ? actionData.blockers : blockers
  const required = groups.filter((g) => g.required)
  const notNeeded = groups.filter((g) => !g.required)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={base} text="Back to the campaign" />
        <FormErrorSummary errors={actionData?.errors} hrefs={{ _form: '#ask' }} />
        {notice && !actionData ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} title="Get sign-off" />
        <p className="govuk-body">
          Each group signs the part of the campaign it is responsible for. An approval is for the exact version the group saw: if
          anything it signed changes, its approval goes out of date and it is asked again.
        </p>
        <dl className="govuk-summary-list" id="sign-off-groups">
          {required.map((g) => (
            <div className="govuk-summary-list__row" key={g.group} data-group={g.group}>
              <dt className="govuk-summary-list__key">{GROUP_LABELS[g.group]}</dt>
              <dd className="govuk-summary-list__value">
                <Tag text={GROUP_STATE_LABELS[g.state]} colour={GROUP_STATE_COLOURS[g.state]} />
                <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  <StateDetail state={g.state} latest={g.latest} changedSince={g.changedSince} askedAt={asked?.at ?? null} />
                </p>
              </dd>
              <dd className="govuk-summary-list__actions">
                <a className="govuk-link" href={`${base}/sign-off/${g.group}`}>
                  {g.state === 'out-of-date' || (g.state === 'changes-requested' && g.changedSince.length) ? 'See what changed' : 'See what they sign'}
                  <span className="govuk-visually-hidden"> for {groupName(g.group)}</span>
                </a>
              </dd>
            </div>
          ))}
        </dl>
        {notNeeded.length ? (
          <p className="govuk-body">
            Not needed:{' '}
            {notNeeded.map((g, i) => (
              <span key={g.group}>
                {i ? '; ' : ''}
                {GROUP_LABELS[g.group]}, as {WHY_NOT_NEEDED[g.group]}
              </span>
            ))}
            .
          </p>
        ) : null}

        <h2 className="govuk-heading-m" id="ask" tabIndex={-1}>
          {asked ? 'Asked for sign-off' : 'Ask for sign-off'}
        </h2>
        {asked ? (
          <p className="govuk-body">
            {asked.by} asked for sign-off on {formatDateTime(asked.at)}.
          </p>
        ) : campaign.status !== 'draft' ? (
          <p className="govuk-body">This campaign is {campaign.status === 'launched' ? 'launched' : 'closed'}.</p>
        ) : shownBlockers.length ? (
          <>
            <WarningText text="You cannot ask for sign-off while a data-security check reports an error, or before there is a message to sign." />
            <ul className="govuk-list govuk-list--bullet" id="blockers">
              {shownBlockers.map((b) => (
                <li key={`${b.href}-${b.text}`}>
                  <a className="govuk-link" href={b.href}>
                    {b.text}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : canAsk ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="ask" />
            <p className="govuk-body">
              The groups above will each see the campaign in their sign-off inbox. You can keep changing it while they review: any
              change to what a group signs asks that group again.
            </p>
            <Button text="Ask for sign-off" preventDoubleClick />
          </Form>
        ) : (
          <InsetText>
            {isAuthor ? 'Sign-off can be asked for now.' : 'Only the campaign’s owner and co-owners can ask for sign-off.'}
          </InsetText>
        )}
      </div>
    </div>
  )
}
