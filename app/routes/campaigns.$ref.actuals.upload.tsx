import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { dayMonthYear, decodeUtf8InSlices, describeProblem, MAX_ACTUALS_BYTES, parseActualsCsvInSlices } from '~/actuals/upload'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink, Button, Details, FileUpload } from '~/components/govuk'
import { ActionErrorSummary } from '~/components/FormErrorSummary'
import { recordActuals, recordingContext } from '~/models/actuals.server'
import { requireActualsRecorder } from '~/http/actuals-access.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { notFound } from '~/http/responses.server'
import { readUpload } from '~/http/upload.server'
import { actualsRefusal } from '~/http/refusals.server'
import { yieldToEventLoop } from '~/http/event-loop.server'

export const handle = { title: 'Upload actual calls' }

const TOO_LARGE = 'The selected file must be smaller than 1 MB. A year of daily calls for four helplines is under 100 KB.'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireActualsRecorder(request, params.ref)
  // The forecast the window comes from takes a few milliseconds: on a turn of its own, not after the other loaders'.
  await yieldToEventLoop()
  const { window, helplines } = await recordingContext(db, campaign, todayIso())
  return { campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status }, window, helplines: helplines.map((h) => h.name) }
}

interface UploadErrors {
  /** Every problem, each naming its line and column (an array, as the bank-holiday upload's; root.tsx reads it). */
  errors: string[]
  /** Where checking stopped, once it had found enough problems to list; null when every line was checked. */
  stoppedAtLine: number | null
}

const refused = (errors: string[], stoppedAtLine: number | null = null) => data<UploadErrors>({ errors, stoppedAtLine }, { status: 400 })

// A file of up to 1 MB is decoded, checked against the forecast and parsed in slices, each on a turn of the event loop
// of its own: run in one go, the steps held the server for 60 ms and more (docs/performance.md, "Event-loop stall").
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireActualsRecorder(request, params.ref)
  const upload = await readUpload(request, MAX_ACTUALS_BYTES)
  if (!upload.ok) {
    if (upload.reason === 'too-large') return refused([TOO_LARGE])
    return refused(['Select a CSV file of actual calls, then select Upload'])
  }
  const file = upload.form.get('file')
  if (!file || typeof file === 'string' || file.size === 0) return refused(['Select a CSV file of actual calls'])
  if (file.size > MAX_ACTUALS_BYTES) return refused([TOO_LARGE])
  await yieldToEventLoop()
  const bytes = new Uint8Array(await file.arrayBuffer())
  await yieldToEventLoop()
  const decoded = await decodeUtf8InSlices(bytes, yieldToEventLoop)
  if (!decoded.ok) {
    return refused([`The file must be a CSV file saved as UTF-8 text (in Excel, save as “CSV UTF-8”). Line ${decoded.line} is not UTF-8.`])
  }
  await yieldToEventLoop()
  const { window, helplines, today } = await recordingContext(db, campaign, todayIso())
  if (!window) return refused(['The campaign has no send dates, so there are no days to record calls for'])
  await yieldToEventLoop()
  const parsed = await parseActualsCsvInSlices(decoded.text, { helplines, window, today }, yieldToEventLoop)
  // The page's loaders (the forecast again) start on a turn of their own.
  await yieldToEventLoop()
  if (!parsed.ok) return refused(parsed.problems.map(describeProblem), parsed.stoppedAtLine)

  const result = await recordActuals(db, { campaignId: campaign.id, rows: parsed.rows, source: { kind: 'upload', fileName: file.name } }, user)
  if (result.ok) {
    return redirect(`/campaigns/${campaign.ref}/actuals?notice=uploaded&added=${result.added}&replaced=${result.replaced}&unchanged=${result.unchanged}`, { status: 303 })
  }
  if (result.reason === 'not-found') throw notFound('There is no campaign with that reference')
  if (result.reason === 'conflict') throw new Error('An upload replaces what is recorded; it cannot conflict')
  throw actualsRefusal(result.reason === 'locked' ? 'not-launched' : 'not-allowed')
}

export default function UploadActuals() {
  const { campaign, window, helplines } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const problems = actionData?.errors ?? []
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/campaigns/${campaign.ref}/actuals`} text="Back to actual calls" />
        {problems.length ? (
          <ActionErrorSummary
            errors={[
              ...problems.map((text) => ({ text, href: '#file' })),
              ...(actionData?.stoppedAtLine
                ? [{ text: `These are the first ${problems.length} problems. Lines from line ${actionData.stoppedAtLine.toLocaleString('en-GB')} on were not checked: fix these, then upload the file again`, href: '#file' }]
                : []),
            ]}
            descriptionText="Nothing from the file has been saved."
          />
        ) : null}
        <CampaignHeading campaign={campaign} title="Upload actual calls" />
        <p className="govuk-body">Upload a CSV file with one line for each day and helpline. Its first line must be the column names:</p>
        {/* It scrolls sideways on a narrow screen, so the keyboard can reach it too. */}
        <pre className="app-code-block" tabIndex={0} role="region" aria-label="The first lines of a file of actual calls">
          <code>
            date,helpline,calls{'\n'}
            {window ? `${window.first},${helplines[0] ?? 'Self Assessment helpline'},1250` : '2027-03-01,Self Assessment helpline,1250'}
          </code>
        </pre>
        <ul className="govuk-list govuk-list--bullet">
          <li>date: the day, as YYYY-MM-DD{window ? `, from ${dayMonthYear(window.first)} to ${dayMonthYear(window.last)}, and not after today` : ''}</li>
          <li>helpline: the helpline’s name as this service shows it (capitals do not matter), or its id</li>
          <li>calls: the number of calls that day, a whole number of 0 or more</li>
        </ul>
        <p className="govuk-body">
          A day and helpline already recorded is replaced by the figure in the file. If any line has a problem, nothing from the file
          is saved, and every problem is listed with its line.
        </p>
        <Details summaryText="Helplines you can name">
          <ul className="govuk-list">
            {helplines.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </Details>
        <Form method="post" encType="multipart/form-data" noValidate>
          <FileUpload
            id="file"
            name="file"
            label={{ text: 'CSV file of actual calls', classes: 'govuk-label--s' }}
            hint={{ text: 'Saved as CSV UTF-8, smaller than 1 MB' }}
            errorMessage={
              problems.length
                ? problems.length === 1 && !actionData?.stoppedAtLine
                  ? problems[0]
                  : `The file has ${actionData?.stoppedAtLine ? 'at least ' : ''}${problems.length} problems: see the list above`
                : undefined
            }
            attributes={{ accept: '.csv,text/csv' }}
          />
          <Button text="Upload" preventDoubleClick />
        </Form>
      </div>
    </div>
  )
}
