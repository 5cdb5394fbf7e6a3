import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { dayMonthYear } from '~/actuals/upload'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { TableRegion } from '~/components/TableRegion'
import { BackLink, Button, DateInput, InsetText, Input, NotificationBanner, Select, Table } from '~/components/govuk'
import { formatCount, formatDateTime, formatNumber, formatWeekdayDate } from '~/campaign/format'
import { canRecordActuals, listActuals, recordActuals, recordingContext } from '~/models/actuals.server'
import { ACTUAL_FORM_HREFS, ACTUAL_FORM_ORDER, parseActualForm } from '~/schemas/actuals'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { formValues, type FieldErrors, type FormValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'
import { requireActualsRecorder } from '~/http/actuals-access.server'
import { actualsRefusal } from '~/http/refusals.server'

export const handle = { title: 'Actual calls' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const canRecord = canRecordActuals(user, campaign)
  const [actuals, context] = await Promise.all([listActuals(db, campaign.id), canRecord ? recordingContext(db, campaign, todayIso()) : null])
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    actuals,
    canRecord,
    window: context?.window ?? null,
    helplines: context?.helplines ?? [],
  }
}

interface ActionResult {
  errors: FieldErrors
  values: FormValues
  /** Calls already recorded for the day and helpline typed, for the user to confirm replacing. */
  replaces: number | null
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireActualsRecorder(request, params.ref)
  const values = formValues(await readFormData(request))
  const shown = echoed(values)
  const { window, helplines, today } = await recordingContext(db, campaign, todayIso())
  if (!window) {
    return data<ActionResult>({ errors: { _form: 'The campaign has no send dates, so there are no days to record calls for' }, values: shown, replaces: null }, { status: 400 })
  }
  const parsed = parseActualForm(values, { helplines, window, today })
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: shown, replaces: null }, { status: 400 })
  const result = await recordActuals(db, { campaignId: campaign.id, rows: [parsed.row], source: { kind: 'by-hand' }, expectedExisting: parsed.replaces }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/actuals?notice=recorded`, { status: 303 })
  if (result.reason === 'conflict') {
    const helpline = helplines.find((h) => h.id === parsed.row.helplineId)?.name ?? 'the helpline'
    const who = result.existing.recordedBy ? ` by ${result.existing.recordedBy}` : ''
    return data<ActionResult>(
      {
        errors: {
          calls: `${formatCount(result.existing.calls, 'call')} ${result.existing.calls === 1 ? 'is' : 'are'} already recorded${who} at ${helpline} on ${dayMonthYear(parsed.row.date)}. Nothing has been saved. Check the figure, then select “Replace the recorded calls” to save ${formatNumber(parsed.row.calls)} instead`,
        },
        values: shown,
        replaces: result.existing.calls,
      },
      { status: 409 },
    )
  }
  if (result.reason === 'not-found') throw notFound('There is no campaign with that reference')
  throw actualsRefusal(result.reason === 'locked' ? 'not-launched' : 'not-allowed')
}

const NOTICES: Record<string, string> = {
  recorded: 'Actual calls saved',
  uploaded: 'Actual calls uploaded',
}

export default function ActualsPage() {
  const { campaign, actuals, canRecord, window, helplines } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const notice = actionData ? null : NOTICES[params.get('notice') ?? '']
  const counts = params.get('notice') === 'uploaded' ? ['added', 'replaced', 'unchanged'].map((k) => [k, Number(params.get(k)) || 0] as const) : null
  const errors = actionData?.errors
  const values = actionData?.values ?? {}
  const total = actuals.reduce((n, a) => n + a.calls, 0)
  return (
    <>
      <BackLink href={`/campaigns/${campaign.ref}`} text="Back to the campaign" />
      {notice ? (
        <NotificationBanner
          type="success"
          text={
            counts ? `${notice}: ${counts.map(([k, n]) => `${formatCount(n, 'day')} ${k}`).join(', ')}` : notice
          }
        />
      ) : null}
      <FormErrorSummary errors={errors} order={ACTUAL_FORM_ORDER} hrefs={ACTUAL_FORM_HREFS} />
      <CampaignHeading campaign={campaign} title="Actual calls" />
      <p className="govuk-body">
        The calls the campaign’s helplines actually received, day by day. The{' '}
        <Link className="govuk-link" to={`/campaigns/${campaign.ref}/forecast`}>
          forecast page
        </Link>{' '}
        compares them with the forecast.
      </p>
      {!canRecord ? (
        <InsetText
          text={
            campaign.status === 'launched'
              ? 'The campaign’s owner and co-owners, and helpline managers, record actual calls.'
              : campaign.status === 'closed'
                ? 'This campaign is closed: no more actual calls can be recorded.'
                : 'Actual calls can be recorded once the campaign has launched.'
          }
        />
      ) : null}

      {canRecord && window ? (
        <>
          <p className="govuk-body">
            You can record calls from {dayMonthYear(window.first)} (the first send date) to {dayMonthYear(window.last)} (four weeks
            after the forecast’s last calls), up to today. Recording a day and helpline again replaces what was there.
          </p>
          <Button text="Upload a file of actual calls" href={`/campaigns/${campaign.ref}/actuals/upload`} variant="secondary" />
          <h2 className="govuk-heading-m">Record one day by hand</h2>
          <Form method="post" noValidate id="actual-form">
            <DateInput
              id="date"
              namePrefix="date"
              fieldset={{ legend: { text: 'Date', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: `For example, ${Number(window.first.slice(8, 10))} ${Number(window.first.slice(5, 7))} ${window.first.slice(0, 4)}` }}
              defaultValues={{ day: values['date-day'], month: values['date-month'], year: values['date-year'] }}
              errorMessage={errors?.date}
            />
            <Select
              id="helpline"
              name="helpline"
              label={{ text: 'Helpline', classes: 'govuk-label--s' }}
              items={[{ value: '', text: 'Choose a helpline' }, ...helplines.map((h) => ({ value: h.id, text: h.name }))]}
              defaultValue={values.helpline}
              errorMessage={errors?.helpline}
            />
            <Input
              id="calls"
              name="calls"
              inputmode="numeric"
              spellcheck={false}
              width={10}
              label={{ text: 'Calls received', classes: 'govuk-label--s' }}
              defaultValue={values.calls}
              errorMessage={errors?.calls}
            />
            {actionData?.replaces !== null && actionData?.replaces !== undefined ? <input type="hidden" name="replaces" value={actionData.replaces} /> : null}
            <Button text={actionData?.replaces !== null && actionData?.replaces !== undefined ? 'Replace the recorded calls' : 'Save the calls'} preventDoubleClick />
          </Form>
        </>
      ) : canRecord ? (
        <InsetText text="The campaign has no send dates, so there are no days to record calls for." />
      ) : null}

      <h2 className="govuk-heading-m">Recorded so far</h2>
      {actuals.length === 0 ? (
        <p className="govuk-body">No actual calls have been recorded yet.</p>
      ) : (
        <TableRegion label="Actual calls recorded so far">
          <Table
            attributes={{ id: 'recorded-actuals' }}
            caption={`${formatCount(Math.round(total), 'call')} over ${formatCount(new Set(actuals.map((a) => a.date)).size, 'day')}`}
            captionClasses="govuk-table__caption--s"
            firstCellIsHeader
            head={[{ text: 'Date' }, { text: 'Helpline' }, { text: 'Calls', format: 'numeric' }, { text: 'Recorded' }]}
            rows={actuals.map((a) => [
              { text: formatWeekdayDate(a.date), classes: 'govuk-!-font-weight-regular app-nowrap' },
              { text: a.helplineName },
              { text: formatNumber(a.calls), format: 'numeric', attributes: { 'data-date': a.date, 'data-helpline': a.helplineName } },
              { text: `${a.recordedBy ?? 'Unknown'}, ${formatDateTime(a.recordedAt)}`, classes: 'govuk-!-font-size-16' },
            ])}
          />
        </TableRegion>
      )}
    </>
  )
}
