import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { LineToTakeForm } from '~/components/LineToTakeForm'
import { BackLink } from '~/components/govuk'
import { audienceTaskPath } from '~/campaign/lines'
import { LINE_AUDIENCE_LABELS, LINE_AUDIENCES, STANDARD_QUESTION_LABELS, type LineAudience } from '~/content/coverage'
import { getLine, updateLine } from '~/models/line.server'
import { parseLineForm } from '~/schemas/line'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { refusalResponse } from '~/http/refusals.server'

export const handle = { title: 'Change a line to take' }

const GONE = 'This line to take has been removed by someone else, so your changes have not been saved. Your text is still below: you can add it as a new line.'
const CONFLICT = 'Someone else saved changes to this line to take while you were editing it. Your changes have not been saved yet.'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  const line = params.lineId ? await getLine(db, campaign.id, params.lineId) : undefined
  const summary = { ref: campaign.ref, name: campaign.name, status: campaign.status, extraLiability: campaign.extraLiability }
  // Not thrown: when a save finds the line removed, this page still shows the user's text (the loader runs again
  // after the action on a page without JavaScript).
  if (!line) return data({ campaign: summary, line: null, values: null }, { status: 404 })
  return {
    campaign: summary,
    line: { id: line.id, version: line.version, audience: line.audience },
    values: { audience: line.audience, standardQuestion: line.standardQuestion ?? '', question: line.question, answer: line.answer },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const values = formValues(await readFormData(request))
  const kept = echoed({ audience: values.audience, standardQuestion: values.standardQuestion, question: values.question, answer: values.answer })
  const version = Number(values.version)
  const parsed = parseLineForm(values)
  if (!parsed.ok) return data({ errors: parsed.errors, values: kept, version: Number.isSafeInteger(version) ? version : undefined, gone: false, theirs: null }, { status: 400 })
  if (!Number.isSafeInteger(version)) {
    return data({ errors: { _form: 'The page was out of date. Check your answers and save again.' }, values: kept, version: undefined, gone: false, theirs: null }, { status: 409 })
  }
  const result = await updateLine(db, { campaignId: campaign.id, lineId: params.lineId ?? '', version, values: parsed.data }, user)
  if (result.ok) return redirect(`${audienceTaskPath(campaign.ref, parsed.data.audience)}?notice=saved#line-${result.id}`, { status: 303 })
  if (result.reason === 'gone') return data({ errors: { _form: GONE }, values: kept, version: undefined, gone: true, theirs: null }, { status: 409 })
  if (result.reason === 'conflict') {
    const current = result.current
    return data(
      {
        errors: { _form: CONFLICT },
        values: kept,
        version: current.version,
        gone: false,
        theirs: {
          audience: LINE_AUDIENCE_LABELS[current.audience],
          standardQuestion: current.standardQuestion ? STANDARD_QUESTION_LABELS[current.standardQuestion] : 'None',
          question: current.question,
          answer: current.answer,
        },
      },
      { status: 409 },
    )
  }
  throw refusalResponse(result.reason, campaign)
}

export default function EditLine() {
  const { campaign, line, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const theirs = actionData?.theirs
  const gone = Boolean(actionData?.gone) || !line
  const shown = actionData?.values ?? values
  if (!shown) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Page not found</h1>
          <p className="govuk-body">There is no such line to take in this campaign. Someone may have removed it.</p>
          <p className="govuk-body">
            <a className="govuk-link" href={`/campaigns/${campaign.ref}/lines`}>
              Go to the lines to take
            </a>
          </p>
        </div>
      </div>
    )
  }
  const audience = (LINE_AUDIENCES as readonly string[]).includes(shown.audience ?? '') ? (shown.audience as LineAudience) : 'helpline'
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={audienceTaskPath(campaign.ref, line?.audience ?? audience)} text="Back" />
        <LineToTakeForm
          values={shown}
          errors={actionData?.errors}
          version={gone ? undefined : (actionData?.version ?? line?.version)}
          extraLiability={campaign.extraLiability}
          submitText={gone ? 'Add it as a new line' : 'Save changes'}
          before={
            <>
              <CampaignHeading campaign={campaign} title="Change a line to take" />
              {theirs ? (
                <div className="govuk-inset-text" id="conflict" tabIndex={-1}>
                  <h2 className="govuk-heading-s">What the other person saved</h2>
                  <dl className="app-conflict">
                    <dt>Who it is for</dt>
                    <dd>{theirs.audience}</dd>
                    <dt>Standard question</dt>
                    <dd>{theirs.standardQuestion}</dd>
                    <dt>Question</dt>
                    <dd className="app-preserve-lines">{theirs.question}</dd>
                    <dt>Answer</dt>
                    <dd className="app-preserve-lines">{theirs.answer}</dd>
                  </dl>
                  <p className="govuk-body">Your version is still in the form below. Check it, then save again to replace theirs.</p>
                </div>
              ) : gone ? (
                <div className="govuk-inset-text" id="conflict" tabIndex={-1}>
                  Someone removed this line to take after you opened it. Add your text as a new line, or go back to the list of lines.
                </div>
              ) : null}
            </>
          }
          after={
            line && !gone ? (
              <a className="govuk-link" href={`/campaigns/${campaign.ref}/history/line/${line.id}`}>
                See the history of changes
              </a>
            ) : null
          }
          formAction={gone ? `/campaigns/${campaign.ref}/lines/new` : undefined}
        />
      </div>
    </div>
  )
}
