import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { LineCards } from '~/components/LineCards'
import { BackLink, Button, CharacterCount, InsetText, NotificationBanner, SummaryList } from '~/components/govuk'
import { LINE_NOTICES } from '~/campaign/lines'
import { formatNumber, formatPence } from '~/campaign/options'
import { canEditCampaign } from '~/models/campaign.server'
import { getDebtTreatment, saveDebtTreatment } from '~/models/debt-treatment.server'
import { listLines } from '~/models/line.server'
import { parseDebtTreatmentForm, SPECIAL_TREATMENT_LIMIT } from '~/schemas/handling'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { moveLineFromForm } from '~/http/line-move.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { refusalResponse } from '~/http/refusals.server'

export const handle = { title: 'Plan Debt Management treatment' }

const NOTICES: Record<string, string> = { ...LINE_NOTICES, 'treatment-saved': 'The special treatment has been saved' }
const NOT_NEEDED =
  'This campaign does not leave customers with extra tax to pay, so there is no Debt Management treatment to record. Change the campaign description if that is wrong.'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const [lines, treatment] = await Promise.all([listLines(db, campaign.id, ['debt-management']), getDebtTreatment(db, campaign.id)])
  return {
    campaign: {
      ref: campaign.ref,
      name: campaign.name,
      status: campaign.status,
      extraLiability: campaign.extraLiability,
      liabilityCustomers: campaign.liabilityCustomers,
      liabilityAveragePence: campaign.liabilityAveragePence,
    },
    canEdit: canEditCampaign(user, campaign),
    lines,
    treatment,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const values = formValues(await readFormData(request))
  const page = `/campaigns/${campaign.ref}/debt-management`
  if (values.intent === 'move') {
    const outcome = await moveLineFromForm(values, campaign, user, page)
    if ('redirectTo' in outcome) return redirect(outcome.redirectTo, { status: 303 })
    return data({ intent: 'move' as const, errors: outcome.errors, values: null, version: null, theirs: null }, { status: outcome.status })
  }
  const kept = echoed({ specialTreatment: values.specialTreatment })
  const version = Number(values.version)
  const parsed = parseDebtTreatmentForm(values)
  if (!parsed.ok) return data({ intent: 'save' as const, errors: parsed.errors, values: kept, version: null, theirs: null }, { status: 400 })
  if (!Number.isSafeInteger(version)) {
    return data({ intent: 'save' as const, errors: { _form: 'The page was out of date. Check your text and save again.' }, values: kept, version: null, theirs: null }, { status: 409 })
  }
  const result = await saveDebtTreatment(db, { campaignId: campaign.id, version, specialTreatment: parsed.data.specialTreatment }, user)
  if (result.ok) return redirect(`${page}?notice=treatment-saved`, { status: 303 })
  if (result.reason === 'not-applicable') return data({ intent: 'save' as const, errors: { _form: NOT_NEEDED }, values: kept, version: null, theirs: null }, { status: 409 })
  if (result.reason === 'conflict') {
    return data(
      {
        intent: 'save' as const,
        errors: { _form: 'Someone else saved the special treatment while you were editing it. Your text has not been saved yet.' },
        values: kept,
        version: result.current?.version ?? 0,
        theirs: result.current?.specialTreatment ?? null,
      },
      { status: 409 },
    )
  }
  throw refusalResponse(result.reason, campaign)
}

export default function DebtManagementTask() {
  const { campaign, canEdit, lines, treatment } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  const base = `/campaigns/${campaign.ref}`
  const fieldErrors: Record<string, string> | undefined = actionData?.intent === 'save' ? actionData.errors : undefined
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={base} text="Back to the campaign" />
        <FormErrorSummary errors={actionData?.errors} hrefs={{ _form: actionData?.intent === 'move' ? '#debt-management-lines' : '#treatment' }} />
        {notice && !actionData ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} title="Plan Debt Management treatment" />
        {!campaign.extraLiability ? (
          <InsetText>
            <p className="govuk-body">This campaign does not leave customers with extra tax to pay, so Debt Management need not be involved.</p>
            <p className="govuk-body">
              If that has changed,{' '}
              <a className="govuk-link" href={`${base}/describe`}>
                change the campaign description
              </a>
              .
            </p>
          </InsetText>
        ) : (
          <>
            <p className="govuk-body">
              The campaign may leave customers with extra tax to pay, so work with Debt Management on any special treatment,
              such as time to pay arrangements (CH600440).
            </p>
            <h2 className="govuk-heading-m">Extra liability</h2>
            <SummaryList
              rows={[
                {
                  key: { text: 'Customers with extra liability' },
                  value: { text: `About ${formatNumber(campaign.liabilityCustomers ?? 0)}` },
                  actions: canEdit ? { items: [{ href: `${base}/describe/edit#extraLiability`, text: 'Change', visuallyHiddenText: 'the number of customers with extra liability' }] } : undefined,
                },
                {
                  key: { text: 'Average liability' },
                  value: { text: formatPence(campaign.liabilityAveragePence ?? 0) },
                  actions: canEdit ? { items: [{ href: `${base}/describe/edit#extraLiability`, text: 'Change', visuallyHiddenText: 'the average liability' }] } : undefined,
                },
              ]}
            />
            <p className="govuk-body-s">The estimate is part of the campaign description, so changing it takes you there.</p>

            <h2 className="govuk-heading-m" id="treatment" tabIndex={-1}>
              Special treatment
            </h2>
            {actionData?.theirs ? (
              <InsetText id="conflict">
                <h3 className="govuk-heading-s">What the other person saved</h3>
                <p className="govuk-body app-preserve-lines">{actionData.theirs}</p>
                <p className="govuk-body">Your version is still in the form below. Check it, then save again to replace theirs.</p>
              </InsetText>
            ) : null}
            {canEdit ? (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="save" />
                <input type="hidden" name="version" value={actionData?.version ?? treatment?.version ?? 0} readOnly />
                <CharacterCount
                  id="specialTreatment"
                  name="specialTreatment"
                  rows={6}
                  maxlength={SPECIAL_TREATMENT_LIMIT}
                  threshold={90}
                  label={{ text: 'What special treatment will customers with extra liability get?', classes: 'govuk-label--s' }}
                  hint={{ text: 'For example, time to pay arrangements without the usual checks up to an agreed amount, or “None: normal debt recovery”' }}
                  defaultValue={actionData?.values?.specialTreatment ?? treatment?.specialTreatment ?? ''}
                  errorMessage={fieldErrors?.specialTreatment}
                />
                <Button text="Save the special treatment" variant="secondary" preventDoubleClick />
              </Form>
            ) : (
              <p className="govuk-body app-preserve-lines">{treatment?.specialTreatment ?? 'Not recorded yet.'}</p>
            )}
          </>
        )}

        <h2 className="govuk-heading-m" id="debt-management-lines" tabIndex={-1}>
          Debt Management lines
        </h2>
        <LineCards campaignRef={campaign.ref} lines={lines} canEdit={canEdit} emptyText="There are no Debt Management lines yet." />
        {canEdit && campaign.extraLiability ? (
          <Button text="Add a Debt Management line" href={`${base}/lines/new?audience=debt-management`} variant="secondary" />
        ) : null}
        {campaign.extraLiability ? (
          <p className="govuk-body">
            <a className="govuk-link" href={`${base}/pack/debt-management`}>
              Open the Debt Management handler pack
            </a>{' '}
            to print these lines, the scripts and the key dates.
          </p>
        ) : null}
      </div>
    </div>
  )
}
