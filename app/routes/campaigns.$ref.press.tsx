import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { LineCards } from '~/components/LineCards'
import { BackLink, Button, DateInput, InsetText, NotificationBanner, WarningText } from '~/components/govuk'
import { LINE_NOTICES } from '~/campaign/lines'
import { formatDate } from '~/campaign/options'
import { canEditCampaign } from '~/models/campaign.server'
import { listLines } from '~/models/line.server'
import { getPressBriefing, savePressBriefing } from '~/models/press-briefing.server'
import { parsePressBriefingForm } from '~/schemas/handling'
import { isoToDateParts } from '~/schemas/fields'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { moveLineFromForm } from '~/http/line-move.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { refusalResponse } from '~/http/refusals.server'

export const handle = { title: 'Prepare press lines' }

const NOTICES: Record<string, string> = { ...LINE_NOTICES, 'date-saved': 'The launch date told to the Press Office has been recorded' }
const NOT_NEEDED = 'This campaign does not need the Press Office to be informed, so there is no launch date to record. Change the campaign description if that is wrong.'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const [lines, briefing] = await Promise.all([listLines(db, campaign.id, ['press']), getPressBriefing(db, campaign.id)])
  return {
    campaign: {
      ref: campaign.ref,
      name: campaign.name,
      status: campaign.status,
      pressInform: campaign.pressInform,
      pressReason: campaign.pressReason,
      plannedLaunchDate: campaign.plannedLaunchDate,
    },
    canEdit: canEditCampaign(user, campaign),
    lines,
    briefing,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const values = formValues(await readFormData(request))
  const page = `/campaigns/${campaign.ref}/press`
  if (values.intent === 'move') {
    const outcome = await moveLineFromForm(values, campaign, user, page)
    if ('redirectTo' in outcome) return redirect(outcome.redirectTo, { status: 303 })
    return data({ intent: 'move' as const, errors: outcome.errors, values: null, version: null}, { status: outcome.status })
  }
  const kept = echoed({ day: values['launchDateTold-day'], month: values['launchDateTold-month'], year: values['launchDateTold-year'] })
  const version = Number(values.version)
  const parsed = parsePressBriefingForm(values)
  if (!parsed.ok) return data({ intent: 'save' as const, errors: parsed.errors, values: kept, version: null}, { status: 400 })
  if (!Number.isSafeInteger(version)) {
    return data({ intent: 'save' as const, errors: { _form: 'The page was out of date. Check the date and save again.' }, values: kept, version: null}, { status: 409 })
  }
  const result = await savePressBriefing(db, { campaignId: campaign.id, version, launchDateTold: parsed.data.launchDateTold }, user)
  if (result.ok) return redirect(`${page}?notice=date-saved`, { status: 303 })
  if (result.reason === 'not-applicable') return data({ intent: 'save' as const, errors: { _form: NOT_NEEDED }, values: kept, version: null}, { status: 409 })
  if (result.reason === 'conflict') {
    return data(
      {
        intent: 'save' as const,
        errors: { _form: `Someone else recorded a launch date for the Press Office while you were on this page${result.current ? `: ${formatDate(result.current.launchDateTold)}` : ''}. Check the date, then save again.` },
        values: kept,
        version: result.current?.version ?? 0,
      },
      { status: 409 },
    )
  }
  throw refusalResponse(result.reason, campaign)
}

export default function PressTask() {
  const { campaign, canEdit, lines, briefing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  const base = `/campaigns/${campaign.ref}`
  const dateErrors: Record<string, string> | undefined = actionData?.intent === 'save' ? actionData.errors : undefined
  const told = briefing?.launchDateTold ?? null
  const shownDate = actionData?.values ?? isoToDateParts(told ?? campaign.plannedLaunchDate)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={base} text="Back to the campaign" />
        <FormErrorSummary
          errors={actionData?.errors}
          hrefs={{ _form: actionData?.intent === 'move' ? '#press-lines' : '#launch-date', launchDateTold: '#launchDateTold-day' }}
        />
        {notice && !actionData ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} title="Prepare press lines" />
        {!campaign.pressInform ? (
          <InsetText>
            <p className="govuk-body">The Press Office does not need to be informed about this campaign: {campaign.pressReason}</p>
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
              Keep the Press Office informed of the campaign and the date it will launch, and prepare lines for questions from
              the media (CH600440).
            </p>
            <h2 className="govuk-heading-m" id="launch-date" tabIndex={-1}>
              Launch date told to the Press Office
            </h2>
            {told && told !== campaign.plannedLaunchDate ? (
              <WarningText
                text={`The Press Office was told ${formatDate(told)}, but the planned launch date is now ${formatDate(campaign.plannedLaunchDate)}. Tell them the new date, then record it here.`}
              />
            ) : null}
            <p className="govuk-body">
              {told
                ? `Recorded: the Press Office has been told the campaign launches on ${formatDate(told)}.`
                : 'Not recorded yet. Tell the Press Office the planned launch date, then record it here.'}
            </p>
            {canEdit ? (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="save" />
                <input type="hidden" name="version" value={actionData?.version ?? briefing?.version ?? 0} readOnly />
                <DateInput
                  id="launchDateTold"
                  namePrefix="launchDateTold"
                  fieldset={{ legend: { text: 'Which launch date was the Press Office told?', classes: 'govuk-fieldset__legend--s' } }}
                  hint={{ text: `The planned launch date is ${formatDate(campaign.plannedLaunchDate)}` }}
                  defaultValues={{ day: shownDate.day, month: shownDate.month, year: shownDate.year }}
                  errorMessage={dateErrors?.launchDateTold}
                />
                <Button text={told ? 'Save the date' : 'Confirm the launch date'} variant="secondary" preventDoubleClick />
              </Form>
            ) : null}
          </>
        )}

        <h2 className="govuk-heading-m" id="press-lines" tabIndex={-1}>
          Press lines
        </h2>
        <LineCards campaignRef={campaign.ref} lines={lines} canEdit={canEdit} emptyText="There are no press lines yet." />
        {canEdit && campaign.pressInform ? <Button text="Add a press line" href={`${base}/lines/new?audience=press`} variant="secondary" /> : null}
        {campaign.pressInform ? (
          <p className="govuk-body">
            <a className="govuk-link" href={`${base}/pack/press`}>
              Open the Press Office pack
            </a>{' '}
            to print the press lines and the key dates.
          </p>
        ) : null}
      </div>
    </div>
  )
}
