import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { LineToTakeForm } from '~/components/LineToTakeForm'
import { BackLink } from '~/components/govuk'
import { audienceTaskPath } from '~/campaign/lines'
import { LINE_AUDIENCES, type LineAudience } from '~/content/coverage'
import { createLine } from '~/models/line.server'
import { parseLineForm } from '~/schemas/line'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { refusalResponse } from '~/http/refusals.server'

export const handle = { title: 'Add a line to take' }

function audienceFrom(request: Request): LineAudience {
  const wanted = new URL(request.url).searchParams.get('audience')
  return (LINE_AUDIENCES as readonly string[]).includes(wanted ?? '') ? (wanted as LineAudience) : 'helpline'
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  const audience = audienceFrom(request)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status, extraLiability: campaign.extraLiability },
    values: { audience, standardQuestion: '', question: '', answer: '' },
    back: audienceTaskPath(campaign.ref, audience),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const values = formValues(await readFormData(request))
  const kept = echoed({ audience: values.audience, standardQuestion: values.standardQuestion, question: values.question, answer: values.answer })
  const parsed = parseLineForm(values)
  if (!parsed.ok) return data({ errors: parsed.errors, values: kept }, { status: 400 })
  const result = await createLine(db, { campaignId: campaign.id, values: parsed.data }, user)
  if (!result.ok) throw refusalResponse(result.reason === 'gone' || result.reason === 'conflict' ? 'not-found' : result.reason, campaign)
  return redirect(`${audienceTaskPath(campaign.ref, parsed.data.audience)}?notice=added#line-${result.id}`, { status: 303 })
}

export default function NewLine() {
  const { campaign, values, back } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back} text="Back" />
        <LineToTakeForm
          values={actionData?.values ?? values}
          errors={actionData?.errors}
          extraLiability={campaign.extraLiability}
          submitText="Add the line"
          before={<CampaignHeading campaign={campaign} title="Add a line to take" />}
        />
      </div>
    </div>
  )
}
