import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, SummaryList, WarningText } from '~/components/govuk'
import { audienceTaskPath } from '~/campaign/lines'
import { LINE_AUDIENCE_LABELS, STANDARD_QUESTION_LABELS } from '~/content/coverage'
import { getLine, removeLine } from '~/models/line.server'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'
import { BUTTON_LIMITS, readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'
import { refusalResponse } from '~/http/refusals.server'

export const handle = { title: 'Remove a line to take' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  const line = params.lineId ? await getLine(db, campaign.id, params.lineId) : undefined
  if (!line) throw notFound('There is no such line to take in this campaign. Someone may have removed it already.')
  return { campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status }, line }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const values = formValues(await readFormData(request, BUTTON_LIMITS))
  const version = Number(values.version)
  const line = params.lineId ? await getLine(db, campaign.id, params.lineId) : undefined
  // Removed already (by someone else, or a second click): the user wanted it gone, and it is.
  if (!line) return redirect(`/campaigns/${campaign.ref}/lines?notice=already-removed`, { status: 303 })
  const back = audienceTaskPath(campaign.ref, line.audience)
  if (!Number.isSafeInteger(version)) {
    return data({ errors: { _form: 'The page was out of date. Check the line below, then remove it again.' }, line }, { status: 409 })
  }
  const result = await removeLine(db, { campaignId: campaign.id, lineId: line.id, version }, user)
  if (result.ok) return redirect(`${back}?notice=removed`, { status: 303 })
  if (result.reason === 'gone') return redirect(`${back}?notice=already-removed`, { status: 303 })
  if (result.reason === 'conflict') {
    return data(
      {
        errors: { _form: 'Someone changed this line to take after you opened this page. Check it is still the one you want to remove.' },
        line: result.current,
      },
      { status: 409 },
    )
  }
  throw refusalResponse(result.reason, campaign)
}

export default function RemoveLine() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { campaign } = loaded
  // After a refusal, show the line as it is now: that is the version the user is asked to confirm.
  const line = actionData?.line ?? loaded.line
  const back = audienceTaskPath(campaign.ref, line.audience)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back} text="Back" />
        <FormErrorSummary errors={actionData?.errors} hrefs={{ _form: '#line' }} />
        <CampaignHeading campaign={campaign} title="Are you sure you want to remove this line to take?" />
        <div id="line" tabIndex={-1}>
          <SummaryList
            rows={[
              { key: { text: 'Who it is for' }, value: { text: LINE_AUDIENCE_LABELS[line.audience] } },
              line.standardQuestion && { key: { text: 'Standard question' }, value: { text: STANDARD_QUESTION_LABELS[line.standardQuestion] } },
              { key: { text: 'Question' }, value: { text: <span className="app-preserve-lines">{line.question}</span> } },
              { key: { text: 'Answer' }, value: { text: <span className="app-preserve-lines">{line.answer}</span> } },
            ]}
          />
        </div>
        <WarningText text="Call handlers will no longer see this line. Its earlier versions stay in the history." />
        <Form method="post">
          <input type="hidden" name="version" value={line.version} readOnly />
          <div className="govuk-button-group">
            <Button text="Yes, remove it" variant="warning" preventDoubleClick />
            <a className="govuk-link" href={back}>
              No, keep it
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}
