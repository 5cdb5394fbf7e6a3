import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, Button, InsetText, Table } from '~/components/govuk'
import { ActionErrorSummary } from '~/components/FormErrorSummary'
import { formatDate, formatDateTime } from '~/campaign/format'
import { compareBankHolidays } from '~/forecast/bank-holiday-file'
import { NATION_NAMES, NATIONS } from '~/forecast/working-days'
import { applyBankHolidays, getActiveBankHolidays, getBankHolidayUpload } from '~/models/bank-holidays.server'
import { requireRole } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'
import { BUTTON_LIMITS, readFormData } from '~/http/forms.server'
import { forbidden, notFound } from '~/http/responses.server'

export const handle = { title: 'Check the new bank holidays' }

async function comparison(uploadId: string | undefined) {
  const upload = await getBankHolidayUpload(db, uploadId ?? '')
  if (!upload) throw notFound('There is no such upload')
  const active = await getActiveBankHolidays(db)
  const diff = compareBankHolidays(active.file, upload.file)
  return {
    upload: { id: upload.id, uploadedAt: upload.uploadedAt, uploadedBy: upload.uploadedBy, appliedAt: upload.appliedAt },
    baseId: active.id,
    hasChanges: diff.hasChanges,
    nations: NATIONS.map((nation) => ({ nation, name: NATION_NAMES[nation], ...diff.nations[nation] })),
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return comparison(params.uploadId)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const values = formValues(await readFormData(request, BUTTON_LIMITS))
  const result = await applyBankHolidays(db, { id: params.uploadId ?? '', baseId: values.base ?? '' }, user)
  if (result.ok) return redirect('/admin/bank-holidays?notice=applied', { status: 303 })
  if (result.reason === 'not-found') throw notFound('There is no such upload')
  if (result.reason === 'forbidden') throw forbidden()
  const message =
    result.reason === 'already-applied'
      ? 'This file is already in use. Nothing was changed.'
      : 'Someone else changed the bank holidays in use after you checked this file. Nothing was changed: check what this file would change now, then apply it again.'
  return data({ error: message }, { status: 409 })
}

function Events({ caption, rows }: { caption: string; rows: { date: string; text: string }[] }) {
  if (rows.length === 0) return null
  return (
    <Table
      caption={caption}
      captionClasses="govuk-table__caption--s"
      head={[{ text: 'Date' }, { text: 'Bank holiday' }]}
      rows={rows.map((r) => [{ text: formatDate(r.date), classes: 'app-nowrap' }, { text: r.text }])}
    />
  )
}

export default function CheckBankHolidays() {
  const { upload, baseId, hasChanges, nations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/bank-holidays" text="Back to bank holidays" />
        {actionData?.error ? <ActionErrorSummary errors={[{ text: actionData.error, href: '#changes' }]} /> : null}
        <h1 className="govuk-heading-l">Check the new bank holidays</h1>
        <p className="govuk-body">
          Uploaded by {upload.uploadedBy ?? 'an administrator'} on {formatDateTime(upload.uploadedAt)}.
        </p>
        {upload.appliedAt ? (
          <InsetText text={`This file was put into use on ${formatDateTime(upload.appliedAt)}.`} />
        ) : !hasChanges ? (
          <InsetText text="This file lists exactly the bank holidays already in use. There is nothing to apply." />
        ) : null}
        <div id="changes" tabIndex={-1}>
          {nations.map((n) => (
            <section key={n.nation} className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-m">{n.name}</h2>
              <p className="govuk-body">
                {n.added.length} added, {n.removed.length} removed, {n.changed.length} changed, {n.unchanged} unchanged.
              </p>
              <Events caption={`Added in ${n.name}`} rows={n.added.map((e) => ({ date: e.date, text: e.title }))} />
              <Events caption={`Removed from ${n.name}`} rows={n.removed.map((e) => ({ date: e.date, text: e.title }))} />
              <Events
                caption={`Changed in ${n.name}`}
                rows={n.changed.map((c) => ({
                  date: c.date,
                  text: `${c.before.title}${c.before.notes ? ` (${c.before.notes})` : ''} becomes ${c.after.title}${c.after.notes ? ` (${c.after.notes})` : ''}`,
                }))}
              />
            </section>
          ))}
        </div>
        {!upload.appliedAt && hasChanges ? (
          <Form method="post" noValidate className="app-inline-actions">
            <input type="hidden" name="base" value={baseId} readOnly />
            <Button text="Apply these changes" preventDoubleClick />
            <Link className="govuk-link" to="/admin/bank-holidays?notice=cancelled">
              Cancel
            </Link>
          </Form>
        ) : (
          <p className="govuk-body">
            <Link className="govuk-link" to="/admin/bank-holidays">
              Back to bank holidays
            </Link>
          </p>
        )}
      </div>
    </div>
  )
}
