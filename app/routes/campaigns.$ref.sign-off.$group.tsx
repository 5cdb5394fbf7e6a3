import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { FieldDiffs } from '~/components/history/FieldDiffs'
import { ScopeView } from '~/components/signoff/ScopeView'
import { BackLink, Button, Details, InsetText, NotificationBanner, Radios, SummaryList, Tag, Textarea, WarningText } from '~/components/govuk'
import { formatDateTime, formatWeekdayDate } from '~/campaign/format'
import { versionName } from '~/signoff/decision-summary'
import { capitalise } from '~/signoff/words'
import { isCampaignAuthor } from '~/models/campaign.server'
import { signOffReview } from '~/models/sign-off-review.server'
import { decideSignOff } from '~/models/signoff/commands.server'
import { DECISION_REFUSAL_WORDS } from '~/signoff/eligibility'
import { GROUP_ROLE, groupName, groupNameFirst, isSignOffGroup, type SignOffGroup } from '~/signoff/groups'
import { describeParts } from '~/signoff/scopes'
import { isWelshField } from '~/signoff/display'
import { GROUP_STATE_COLOURS, GROUP_STATE_LABELS } from '~/signoff/state'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { readFormData } from '~/http/forms.server'
import { lockedResponse } from '~/http/refusals.server'
import { forbidden, notFound } from '~/http/responses.server'
import { db } from '~/utils/db.server'
import { echoed, formValues, parseForm } from '~/utils/forms'
import { hasRole } from '~/utils/roles'

export const handle = { title: (data: { title?: string } | undefined) => data?.title ?? 'Sign-off' }

const MAX_COMMENT = 5000

const decisionSchema = z
  .object({
    decision: z.enum(['approve', 'request-changes'], { error: 'Select whether you approve this version or want changes' }),
    comment: z.string().trim().max(MAX_COMMENT, `The comment must be ${MAX_COMMENT.toLocaleString('en-GB')} characters or fewer`).optional().default(''),
    reviewedHash: z.string().optional().default(''),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'request-changes' && value.comment === '') {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say what needs to change' })
    }
  })

function groupParam(value: string | undefined): SignOffGroup {
  if (!isSignOffGroup(value)) throw notFound('There is no sign-off group with that name')
  return value
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  return signOffReview(db, user, campaign, groupParam(params.group))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  // The group is the one in the address, and only its members decide for it; nothing in the form can change that.
  const group = groupParam(params.group)
  if (!hasRole(user, GROUP_ROLE[group])) throw forbidden(`Only members of ${groupName(group)} can sign off for ${groupName(group)}`)
  if (isCampaignAuthor(user, campaign)) throw forbidden('You cannot sign off a campaign you own or co-own')
  const values = formValues(await readFormData(request))
  const kept = echoed({ decision: values.decision ?? '', comment: values.comment ?? '' })
  const parsed = parseForm(decisionSchema, values)
  if (!parsed.ok) return data({ errors: parsed.errors, values: kept, review: null }, { status: 400 })
  const refused = async (message: string) => data({ errors: { _form: message }, values: kept, review: await signOffReview(db, user, campaign, group) }, { status: 409 })
  const { reviewedHash } = parsed.data
  if (!/^[0-9a-f]{64}$/.test(reviewedHash)) return refused('The page was out of date. Check the version below, then decide again.')
  const decision = parsed.data.decision === 'approve' ? 'approved' : 'changes-requested'
  const result = await decideSignOff(db, { campaignId: campaign.id, group, reviewedHash, decision, comment: parsed.data.comment || null }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/sign-off/${group}?notice=${decision}`, { status: 303 })
  switch (result.reason) {
    case 'changed':
      return refused('The campaign changed while you were reviewing it, so nothing has been recorded. Check the new version below, then decide again.')
    case 'decided-meanwhile':
      return refused(`${result.latest.decidedBy.name} asked for changes for ${groupName(group)} on ${formatDateTime(result.latest.decidedAt)}, so your decision has not been recorded.`)
    case 'already-approved':
      return refused(DECISION_REFUSAL_WORDS[result.reason]({ group, status: campaign.status, latest: { name: result.latest.decidedBy.name, at: result.latest.decidedAt }, formatDateTime }))
    case 'changes-requested-on-this-version':
    case 'not-asked':
    case 'not-required':
      return refused(DECISION_REFUSAL_WORDS[result.reason]({ group, status: campaign.status, formatDateTime }))
    case 'locked':
      throw lockedResponse(campaign)
    case 'not-found':
      throw notFound('There is no campaign with that reference')
    case 'not-a-member':
    case 'own-campaign':
      throw forbidden()
  }
}

const NOTICES: Record<string, string> = {
  approved: 'Your approval has been recorded',
  'changes-requested': 'Your request for changes has been recorded. The campaign’s owner will see it.',
}

export default function SignOffReview() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const page = actionData?.review ?? loaded
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  const base = `/campaigns/${page.campaign.ref}`
  const latest = page.latest
  const values = actionData?.values
  const versionOf = (hash: string) => page.history.find((d) => d.scopeHash === hash)?.version ?? '?'
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={`${base}/sign-off`} text="Back to sign-off" />
        <FormErrorSummary errors={actionData?.errors} order={['decision', 'comment']} hrefs={{ decision: '#decision', _form: '#scope' }} />
        {notice && !actionData ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={page.campaign} title={page.title} />
        <p className="govuk-body">
          <Tag text={GROUP_STATE_LABELS[page.state]} colour={GROUP_STATE_COLOURS[page.state]} />
        </p>

        <section aria-labelledby="summary-heading" id="decision-summary">
          <h2 className="govuk-visually-hidden" id="summary-heading">
            Summary
          </h2>
          <SummaryList
            classes="govuk-summary-list--no-border"
            rows={[
              {
                key: { text: 'Asked for' },
                value: { text: page.asked ? `By ${page.asked.by} on ${formatDateTime(page.asked.at)}` : 'Sign-off has not been asked for yet' },
              },
              { key: { text: 'Launch date' }, value: { text: formatWeekdayDate(page.launchDate) } },
              { key: { text: 'Reviewing' }, value: { text: capitalise(versionName(page.version.number, page.version.savedAt)) } },
              latest && {
                key: { text: 'Latest decision' },
                value: {
                  text: (
                    <span id="latest-decision">
                      {latest.decision === 'approved' ? (
                        <>
                          {latest.by} approved {latest.scopeHash === page.currentHash ? 'this version' : `version ${versionOf(latest.scopeHash)}`} on{' '}
                          {formatDateTime(latest.at)}.
                        </>
                      ) : (
                        <>
                          {latest.by} asked for changes to {latest.scopeHash === page.currentHash ? 'this version' : `version ${versionOf(latest.scopeHash)}`} on{' '}
                          {formatDateTime(latest.at)}: <q className="app-preserve-lines">{latest.comment}</q>
                        </>
                      )}
                      {page.changedSince.length ? ` Since then, ${describeParts(page.changedSince)} changed.` : null}
                      {page.approverIsAuthor ? ` ${latest.by} has since become an owner or co-owner of the campaign, so the approval no longer counts.` : null}
                    </span>
                  ),
                },
              },
            ]}
          />
          {page.risks.map((risk) => (
            <WarningText key={risk} text={risk} iconFallbackText="Warning" />
          ))}
          {page.canDecide ? (
            <p className="govuk-body">
              <a className="govuk-link" href="#decide-heading">
                Go to your decision
              </a>{' '}
              after reading what {groupName(page.group)} signs{page.diffs ? ' and what changed' : ''}.
            </p>
          ) : page.whyNot ? (
            <InsetText>
              <span id="why-not">{page.whyNot}</span>
            </InsetText>
          ) : null}
        </section>
        {!page.required ? <InsetText>{groupNameFirst(page.group)} does not need to sign off this campaign.</InsetText> : null}

        {page.diffs ? (
          <section id="changes" aria-labelledby="changes-heading">
            <h2 className="govuk-heading-l" id="changes-heading">
              What changed since {latest?.decision === 'approved' ? 'it was approved' : 'changes were asked for'}
            </h2>
            <p className="govuk-body">
              On the left, what {latest?.by} saw on {latest ? formatDateTime(latest.at) : ''}; on the right, the campaign now. Removed text is struck
              through on a red background; added text is on a green background.
            </p>
            <FieldDiffs
              diffs={page.diffs}
              leftLabel={latest?.decision === 'approved' ? 'Approved version' : 'Version with changes asked for'}
              rightLabel="Now"
              langOf={(diff) => (isWelshField(diff.path) ? 'cy' : undefined)}
            />
          </section>
        ) : null}

        <section id="scope" aria-labelledby="scope-heading" tabIndex={-1}>
          <h2 className="govuk-heading-l" id="scope-heading">
            What {groupName(page.group)} signs
          </h2>
          <p className="govuk-body">This is {versionName(page.version.number, page.version.savedAt)}.</p>
          <Details summaryText="How this version is identified">
            <p className="govuk-body">
              An approval is recorded against the exact content shown here, by its SHA-256 fingerprint. Any later change gives the content a new
              fingerprint and puts the approval out of date.
            </p>
            <p className="govuk-body app-hash">
              Fingerprint: <code>{page.currentHash}</code>
            </p>
          </Details>
          <ScopeView group={page.group} scope={page.scope as never} helplineNames={page.helplineNames} forecastSummary={page.forecastSummary} />
        </section>

        {page.canDecide ? (
          <section aria-labelledby="decide-heading" className="app-decision">
            <h2 className="govuk-heading-l" id="decide-heading">
              Your decision
            </h2>
            <Form method="post" noValidate>
              <input type="hidden" name="reviewedHash" value={page.currentHash} readOnly />
              <Radios
                name="decision"
                idPrefix="decision"
                fieldset={{ legend: { text: `Do you approve this version for ${groupName(page.group)}?`, classes: 'govuk-fieldset__legend--m' } }}
                errorMessage={actionData?.errors && 'decision' in actionData.errors ? actionData.errors.decision : undefined}
                defaultValue={values?.decision}
                items={[
                  { value: 'approve', text: 'Approve this version', hint: { text: 'Your approval is for exactly what is shown above. Any later change to it puts the approval out of date.' } },
                  {
                    value: 'request-changes',
                    text: 'Request changes',
                    conditional: {
                      html: (
                        <Textarea
                          id="comment"
                          name="comment"
                          label={{ text: 'What needs to change?' }}
                          defaultValue={values?.comment}
                          errorMessage={actionData?.errors && 'comment' in actionData.errors ? actionData.errors.comment : undefined}
                        />
                      ),
                    },
                  },
                ]}
              />
              <Button text="Record my decision" preventDoubleClick />
            </Form>
          </section>
        ) : null}

        {page.history.length ? (
          <>
            <h2 className="govuk-heading-m">Decisions by {groupName(page.group)}</h2>
            <ul className="govuk-list" id="decision-history">
              {page.history.map((d) => (
                <li key={d.id}>
                  {formatDateTime(d.at)}: {d.by} {d.decision === 'approved' ? 'approved' : 'asked for changes to'} version {d.version}
                  {d.comment ? (
                    <>
                      {' '}
                      (<q className="app-preserve-lines">{d.comment}</q>)
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  )
}
