import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { BackLink, Button, Details, FileUpload, NotificationBanner, Table } from '~/components/govuk'
import { ActionErrorSummary } from '~/components/FormErrorSummary'
import { formatDateTime, formatWeekdayDate } from '~/campaign/format'
import { parseBankHolidaysJson } from '~/forecast/bank-holiday-file'
import { NATION_NAMES, NATIONS } from '~/forecast/working-days'
import { getActiveBankHolidays, storePendingBankHolidays, yearsCovered } from '~/models/bank-holidays.server'
import { requireRole } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { readFormData } from '~/http/forms.server'
import { FORM_OVERHEAD_BYTES, MAX_UPLOAD_PARTS } from '~/http/upload.server'
import { forbidden } from '~/http/responses.server'

export const handle = { title: 'Bank holidays' }

/** GOV.UK's own file is about 50 KB; anything far bigger is not a bank holidays file. */
const MAX_UPLOAD_BYTES = 1024 * 1024

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const active = await getActiveBankHolidays(db)
  return {
    active: { id: active.id, appliedAt: active.appliedAt, appliedBy: active.appliedBy },
    nations: NATIONS.map((nation) => ({
      nation,
      name: NATION_NAMES[nation],
      years: yearsCovered(active.file, nation),
      events: active.file[nation].events.map((e) => ({ date: e.date, title: e.title, notes: e.notes })),
    })),
  }
}

function uploadError(errors: string[]) {
  return data({ errors }, { status: 400 })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  // Refuse an oversized upload from its declared length, before reading any of it.
  const declared = request.headers.get('Content-Length')
  if (declared !== null && !(Number(declared) <= MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES)) {
    return uploadError(['The selected file must be smaller than 1 MB. GOV.UK’s bank-holidays.json is about 50 KB.'])
  }
  const form = await readFormData(request, { maxBytes: MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES, maxFields: MAX_UPLOAD_PARTS })
  const file = form.get('file')
  if (!file || typeof file === 'string' || file.size === 0) return uploadError(['Select a bank holidays file to upload'])
  if (file.size > MAX_UPLOAD_BYTES) return uploadError(['The selected file must be smaller than 1 MB. GOV.UK’s bank-holidays.json is about 50 KB.'])
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await file.arrayBuffer())
  const parsed = parseBankHolidaysJson(text)
  if (!parsed.ok) return uploadError(parsed.errors.slice(0, 20))
  const stored = await storePendingBankHolidays(db, parsed.value, user)
  if (!stored.ok) throw forbidden()
  return redirect(`/admin/bank-holidays/${stored.id}`, { status: 303 })
}

const NOTICES: Record<string, string> = {
  applied: 'The new bank holidays are now used by every call forecast',
  cancelled: 'Nothing was changed',
}

export default function BankHolidays() {
  const { active, nations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const notice = NOTICES[params.get('notice') ?? '']
  const errors = actionData?.errors ?? []
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin" text="Back to admin" />
        {errors.length ? <ActionErrorSummary errors={errors.map((text) => ({ text, href: '#file' }))} /> : null}
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <h1 className="govuk-heading-l">Bank holidays</h1>
        <p className="govuk-body">
          Call forecasts count working days without weekends and the bank holidays of each campaign’s nation.{' '}
          {active.appliedAt
            ? `In use: a file uploaded and applied by ${active.appliedBy ?? 'an administrator'} on ${formatDateTime(active.appliedAt)}.`
            : 'In use: the bank holidays that came with the service.'}
        </p>
        <Table
          caption="Years covered"
          captionClasses="govuk-table__caption--s"
          firstCellIsHeader
          head={[{ text: 'Nation' }, { text: 'Years' }, { text: 'Bank holidays', format: 'numeric' }]}
          rows={nations.map((n) => [
            { text: n.name },
            { text: n.years ? (n.years.first === n.years.last ? n.years.first : `${n.years.first} to ${n.years.last}`) : 'None' },
            { text: n.events.length, format: 'numeric' },
          ])}
        />
        {nations.map((n) => (
          <Details key={n.nation} summaryText={`${n.name} bank holidays`}>
            <ul className="govuk-list">
              {n.events.map((e) => (
                <li key={e.date}>
                  {formatWeekdayDate(e.date)}: {e.title}
                  {e.notes ? ` (${e.notes})` : ''}
                </li>
              ))}
            </ul>
          </Details>
        ))}

        <h2 className="govuk-heading-m">Upload a newer file</h2>
        <p className="govuk-body">
          Download <code>bank-holidays.json</code> from GOV.UK (www.gov.uk/bank-holidays.json) and upload it unchanged. You will see
          what it changes before anything is used.
        </p>
        <Form method="post" encType="multipart/form-data" noValidate>
          <FileUpload
            id="file"
            name="file"
            label={{ text: 'Bank holidays file', classes: 'govuk-label--s' }}
            hint={{ text: 'A JSON file in GOV.UK’s format, smaller than 1 MB' }}
            errorMessage={errors[0]}
            attributes={{ accept: '.json,application/json' }}
          />
          <Button text="Check the file" preventDoubleClick />
        </Form>
      </div>
    </div>
  )
}
