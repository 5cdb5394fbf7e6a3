import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { HandlingTaskPage } from '~/components/HandlingTaskPage'
import { Button, CharacterCount, InsetText, SummaryList } from '~/components/govuk'
import { LINE_NOTICES } from '~/campaign/lines'
import { formatNumber, formatPence } from '~/campaign/options'
import { getDebtTreatment, saveDebtTreatment, type DebtTreatment } from '~/models/debt-treatment.server'
import { parseDebtTreatmentForm, SPECIAL_TREATMENT_LIMIT } from '~/schemas/handling'
import { actOnHandlingTask, loadHandlingTask, type HandlingTask } from '~/http/handling-task.server'

export const handle = { title: 'Plan Debt Management treatment' }

const NOTICES: Record<string, string> = { ...LINE_NOTICES, 'treatment-saved': 'The special treatment has been saved' }

const TASK: HandlingTask<DebtTreatment, { specialTreatment: string }> = {
  path: 'debt-management',
  audience: 'debt-management',
  read: getDebtTreatment,
  kept: (values) => ({ specialTreatment: values.specialTreatment }),
  parse: parseDebtTreatmentForm,
  save: (db, input, parsed, user) => saveDebtTreatment(db, { ...input, specialTreatment: parsed.specialTreatment }, user),
  savedNotice: 'treatment-saved',
  notNeeded:
    'This campaign does not leave customers with extra tax to pay, so there is no Debt Management treatment to record. Change the campaign description if that is wrong.',
  outOfDate: 'The page was out of date. Check your text and save again.',
  conflict: (current) => ({
    message: 'Someone else saved the special treatment while you were editing it. Your text has not been saved yet.',
    theirs: current?.specialTreatment ?? null,
  }),
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadHandlingTask(request, params.ref, TASK)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await actOnHandlingTask(request, params.ref, TASK)
  return 'redirectTo' in outcome ? redirect(outcome.redirectTo, { status: 303 }) : data(outcome.reply, { status: outcome.status })
}

export default function DebtManagementTask() {
  const { campaign, canEdit, lines, record: treatment } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const base = `/campaigns/${campaign.ref}`
  const fieldErrors = actionData?.intent === 'save' ? actionData.errors : undefined
  return (
    <HandlingTaskPage
      campaign={campaign}
      title="Plan Debt Management treatment"
      notice={NOTICES[searchParams.get('notice') ?? '']}
      errors={actionData?.errors}
      formAnchor={actionData?.intent === 'move' ? '#debt-management-lines' : '#treatment'}
      notNeeded={campaign.extraLiability ? null : 'This campaign does not leave customers with extra tax to pay, so Debt Management need not be involved.'}
      canEdit={canEdit}
      lines={{ id: 'debt-management-lines', audience: 'debt-management', heading: 'Debt Management lines', items: lines, emptyText: 'There are no Debt Management lines yet.', addText: 'Add a Debt Management line' }}
      pack={{ href: `${base}/pack/debt-management`, text: 'Open the Debt Management handler pack', rest: 'to print these lines, the scripts and the key dates.' }}
      record={
        <>
          <p className="govuk-body">
            The campaign may leave customers with extra tax to pay, so work with Debt Management on any special treatment, such as time to
            pay arrangements (CH600440).
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
      }
    />
  )
}
