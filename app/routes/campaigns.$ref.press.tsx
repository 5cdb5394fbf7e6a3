import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { HandlingTaskPage } from '~/components/HandlingTaskPage'
import { Button, DateInput, WarningText } from '~/components/govuk'
import { LINE_NOTICES } from '~/campaign/lines'
import { formatDate } from '~/campaign/options'
import { getPressBriefing, savePressBriefing, type PressBriefing } from '~/models/press-briefing.server'
import { parsePressBriefingForm } from '~/schemas/handling'
import { isoToDateParts } from '~/schemas/fields'
import { actOnHandlingTask, loadHandlingTask, type HandlingTask } from '~/http/handling-task.server'

export const handle = { title: 'Prepare press lines' }

const NOTICES: Record<string, string> = { ...LINE_NOTICES, 'date-saved': 'The launch date told to the Press Office has been recorded' }

const TASK: HandlingTask<PressBriefing, { launchDateTold: string }> = {
  path: 'press',
  audience: 'press',
  read: getPressBriefing,
  kept: (values) => ({ day: values['launchDateTold-day'], month: values['launchDateTold-month'], year: values['launchDateTold-year'] }),
  parse: parsePressBriefingForm,
  save: (db, input, parsed, user) => savePressBriefing(db, { ...input, launchDateTold: parsed.launchDateTold }, user),
  savedNotice: 'date-saved',
  notNeeded: 'This campaign does not need the Press Office to be informed, so there is no launch date to record. Change the campaign description if that is wrong.',
  outOfDate: 'The page was out of date. Check the date and save again.',
  conflict: (current) => ({
    message: `Someone else recorded a launch date for the Press Office while you were on this page${current ? `: ${formatDate(current.launchDateTold)}` : ''}. Check the date, then save again.`,
    theirs: null,
  }),
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadHandlingTask(request, params.ref, TASK)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await actOnHandlingTask(request, params.ref, TASK)
  return 'redirectTo' in outcome ? redirect(outcome.redirectTo, { status: 303 }) : data(outcome.reply, { status: outcome.status })
}

export default function PressTask() {
  const { campaign, canEdit, lines, record: briefing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const base = `/campaigns/${campaign.ref}`
  const dateErrors = actionData?.intent === 'save' ? actionData.errors : undefined
  const told = briefing?.launchDateTold ?? null
  const shownDate = actionData?.values ?? isoToDateParts(told ?? campaign.plannedLaunchDate)
  return (
    <HandlingTaskPage
      campaign={campaign}
      title="Prepare press lines"
      notice={NOTICES[searchParams.get('notice') ?? '']}
      errors={actionData?.errors}
      formAnchor={actionData?.intent === 'move' ? '#press-lines' : '#launch-date'}
      errorHrefs={{ launchDateTold: '#launchDateTold-day' }}
      notNeeded={campaign.pressInform ? null : `The Press Office does not need to be informed about this campaign: ${campaign.pressReason}`}
      canEdit={canEdit}
      lines={{ id: 'press-lines', audience: 'press', heading: 'Press lines', items: lines, emptyText: 'There are no press lines yet.', addText: 'Add a press line' }}
      pack={{ href: `${base}/pack/press`, text: 'Open the Press Office pack', rest: 'to print the press lines and the key dates.' }}
      record={
        <>
          <p className="govuk-body">
            Keep the Press Office informed of the campaign and the date it will launch, and prepare lines for questions from the media
            (CH600440).
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
      }
    />
  )
}
