import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { LineCards } from '~/components/LineCards'
import { BackLink, Button, NotificationBanner, WarningText } from '~/components/govuk'
import { LINE_NOTICES } from '~/campaign/lines'
import { uncoveredQuestions } from '~/content/coverage'
import { canEditCampaign } from '~/models/campaign.server'
import { listLines } from '~/models/line.server'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { moveLineFromForm } from '~/http/line-move.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'

export const handle = { title: 'Write lines to take' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  // Debt Management lines count towards the time to pay question, so coverage reads every audience.
  const lines = await listLines(db, campaign.id)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status, extraLiability: campaign.extraLiability, welshCustomers: campaign.welshCustomers },
    canEdit: canEditCampaign(user, campaign),
    helpline: lines.filter((l) => l.audience === 'helpline'),
    internal: lines.filter((l) => l.audience === 'internal'),
    debtManagementLines: lines.filter((l) => l.audience === 'debt-management').length,
    uncovered: uncoveredQuestions(lines, campaign),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const values = formValues(await readFormData(request))
  const outcome = await moveLineFromForm(values, campaign, user, `/campaigns/${campaign.ref}/lines`)
  if ('redirectTo' in outcome) return redirect(outcome.redirectTo, { status: 303 })
  return data({ errors: outcome.errors }, { status: outcome.status })
}

export default function LinesTask() {
  const { campaign, canEdit, helpline, internal, uncovered, debtManagementLines } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = LINE_NOTICES[searchParams.get('notice') ?? '']
  const base = `/campaigns/${campaign.ref}`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={base} text="Back to the campaign" />
        <FormErrorSummary errors={actionData?.errors} hrefs={{ _form: '#helpline-lines' }} />
        {notice && !actionData ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} title="Write lines to take" />
        <p className="govuk-body">
          Lines to take are the answers call handlers give to the questions customers are likely to ask (CH600440). Tag each
          line with the standard question it answers, so you can see which are still to do.
        </p>

        <h2 className="govuk-heading-m">Standard questions</h2>
        {uncovered.length ? (
          <div id="coverage">
            <WarningText text="These standard questions are not answered yet:" />
            <ul className="govuk-list govuk-list--bullet">
              {uncovered.map((q) => (
                <li key={q.id}>
                  <strong>{q.label}</strong> {q.warning}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="govuk-body" id="coverage">
            The lines to take answer every standard question.
          </p>
        )}
        {campaign.extraLiability ? (
          <p className="govuk-body">
            A Debt Management line can answer the time to pay question. This campaign has {debtManagementLines}{' '}
            {debtManagementLines === 1 ? 'Debt Management line' : 'Debt Management lines'}, on the{' '}
            <a className="govuk-link" href={`${base}/debt-management`}>
              Debt Management task
            </a>
            .
          </p>
        ) : null}

        {campaign.welshCustomers > 0 ? (
          <p className="govuk-body" id="welsh-lines-note">
            The Welsh-language helpline needs Welsh versions of these lines, covering the same standard questions:{' '}
            <a className="govuk-link" href={`${base}/welsh#lines`}>
              translate the lines into Welsh
            </a>
            .
          </p>
        ) : null}

        <h2 className="govuk-heading-m" id="helpline-lines" tabIndex={-1}>
          Helpline lines
        </h2>
        <LineCards campaignRef={campaign.ref} lines={helpline} canEdit={canEdit} emptyText="There are no helpline lines yet." />
        {canEdit ? <Button text="Add a helpline line" href={`${base}/lines/new?audience=helpline`} variant="secondary" /> : null}

        <h2 className="govuk-heading-m">Internal lines</h2>
        <p className="govuk-body">For the campaign team only. They are not printed in any pack.</p>
        <LineCards campaignRef={campaign.ref} lines={internal} canEdit={canEdit} emptyText="There are no internal lines." />
        {canEdit ? <Button text="Add an internal line" href={`${base}/lines/new?audience=internal`} variant="secondary" /> : null}

        <h2 className="govuk-heading-m">Print for call handlers</h2>
        <p className="govuk-body">
          <a className="govuk-link" href={`${base}/pack/helpline`}>
            Open the helpline handler pack
          </a>{' '}
          to print the helpline lines, the scripts and the key dates.
        </p>
      </div>
    </div>
  )
}
