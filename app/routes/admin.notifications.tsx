import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { formatDateTime, formatNumber } from '~/campaign/options'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { Button, Details, InsetText, NotificationBanner, Tag, type TagColour } from '~/components/govuk'
import { pageFrom, PageLinks } from '~/components/PageLinks'
import { requireRole } from '~/http/auth.server'
import { readFormData } from '~/http/forms.server'
import { emailEnabled } from '~/models/notifications/notify.server'
import { listOutbox, outboxCounts, queueTestEmail, retryEmail } from '~/models/notifications/outbox.server'
import { OUTBOX_FILTERS, type OutboxFilter, type OutboxState } from '~/notifications/outbox'
import { db } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { formValues } from '~/utils/forms'

export const handle = { title: 'Email and notifications' }

const PAGE_SIZE = 50

const STATE_TAGS: Record<OutboxState, { text: string; colour: TagColour }> = {
  pending: { text: 'Waiting', colour: 'yellow' },
  sending: { text: 'Sending', colour: 'blue' },
  sent: { text: 'Sent', colour: 'green' },
  failed: { text: 'Failed', colour: 'red' },
  cancelled: { text: 'Not sent', colour: 'grey' },
}

const FILTER_LABELS: Record<OutboxFilter, string> = { all: 'All', waiting: 'Waiting', failed: 'Failed or not sent', sent: 'Sent' }
const OUTCOME_WORDS: Record<string, string> = { sent: 'Accepted by the mail relay', retry: 'Failed; tried again later', failed: 'Failed; gave up' }

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const params = new URL(request.url).searchParams
  const asked = params.get('show')
  const filter: OutboxFilter = (OUTBOX_FILTERS as readonly string[]).includes(asked ?? '') ? (asked as OutboxFilter) : 'all'
  const counts = await outboxCounts(db)
  const inFilter = filter === 'all' ? Object.values(counts).reduce((a, b) => a + b, 0) : filter === 'waiting' ? counts.pending + counts.sending : filter === 'failed' ? counts.failed + counts.cancelled : counts.sent
  const pages = Math.max(1, Math.ceil(inFilter / PAGE_SIZE))
  const page = pageFrom(params, pages)
  const { rows, total } = await listOutbox(db, { filter, page, pageSize: PAGE_SIZE })
  const notice = params.get('notice')
  return {
    emailOn: emailEnabled(),
    from: env().MAIL_FROM,
    adminEmail: admin.email,
    counts,
    filter,
    page,
    pages,
    total,
    rows,
    notice: notice === 'test-queued' ? `A test email is on its way to ${admin.email}. Its progress is at the top of the list below.` : notice === 'retried' ? 'The email will be sent again now' : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const values = formValues(await readFormData(request))
  if (values.intent === 'test') {
    if (!emailEnabled()) return data({ errors: { _form: 'Email is off: set SMTP_URL to the department’s mail relay, then send a test email' } }, { status: 400 })
    await queueTestEmail(db, admin)
    return redirect('/admin/notifications?notice=test-queued', { status: 303 })
  }
  if (values.intent === 'retry') {
    const result = /^[0-9a-f-]{36}$/.test(values.id ?? '') ? await retryEmail(db, values.id!, admin) : ({ ok: false, reason: 'not-found' } as const)
    if (result.ok) return redirect('/admin/notifications?notice=retried', { status: 303 })
    const message = result.reason === 'not-found' ? 'That email is no longer in the outbox. Reload the page.' : 'Only an email that failed or was not sent can be sent again. Reload the page to see where it is now.'
    return data({ errors: { _form: message } }, { status: result.reason === 'not-found' ? 400 : 409 })
  }
  return data({ errors: { _form: 'Choose to send a test email or to send a failed email again' } }, { status: 400 })
}

export default function AdminNotifications() {
  const { emailOn, from, adminEmail, counts, filter, page, pages, total, rows, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const href = (show: OutboxFilter, n = 1) => `/admin/notifications${show === 'all' && n === 1 ? '' : `?${new URLSearchParams({ ...(show === 'all' ? {} : { show }), ...(n > 1 ? { page: String(n) } : {}) })}`}`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <FormErrorSummary errors={actionData?.errors} />
        <h1 className="govuk-heading-l">Email and notifications</h1>
        {emailOn ? (
          <p className="govuk-body">
            Email is on. It is sent from {from} through the mail relay SMTP_URL names. Each email is written to this outbox in the same transaction as the
            event it tells of, then sent; one that fails is tried again later, up to 12 times over about five and a half hours.
          </p>
        ) : (
          <InsetText>Email is off: SMTP_URL is not set, so people are told in the planner only and nothing is sent.</InsetText>
        )}
        <Form method="post">
          <Button text="Send a test email" name="intent" value="test" variant="secondary" preventDoubleClick attributes={{ 'aria-describedby': 'test-email-hint' }} />
          <p className="govuk-hint" id="test-email-hint">
            It goes to your own address, {adminEmail}.
          </p>
        </Form>

        <h2 className="govuk-heading-m">Outbox</h2>
        <ul className="govuk-list app-outbox-counts" id="outbox-counts">
          <li>Waiting: {formatNumber(counts.pending + counts.sending)}</li>
          <li>Sent: {formatNumber(counts.sent)}</li>
          <li>Failed: {formatNumber(counts.failed)}</li>
          <li>Not sent: {formatNumber(counts.cancelled)}</li>
        </ul>
        <nav aria-label="Which emails to show">
          <ul className="govuk-list app-inline-list">
            {OUTBOX_FILTERS.map((show) => (
              <li key={show}>
                {show === filter ? (
                  <strong aria-current="page">{FILTER_LABELS[show]}</strong>
                ) : (
                  <Link className="govuk-link" to={href(show)}>
                    {FILTER_LABELS[show]}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        {rows.length === 0 ? (
          <p className="govuk-body" id="outbox-empty">
            No emails to show.
          </p>
        ) : (
          <div className="app-table-wrapper">
            <table className="govuk-table" id="outbox">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {total === 1 ? '1 email' : `${formatNumber(total)} emails`}, newest first{pages > 1 ? `, page ${page} of ${pages}` : ''}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Email
                  </th>
                  <th scope="col" className="govuk-table__header">
                    State
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Attempts
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.map((row) => (
                  <tr key={row.id} className="govuk-table__row" data-outbox-id={row.id} data-state={row.state} data-message-id={row.messageId}>
                    <td className="govuk-table__cell">
                      <span className="govuk-!-font-weight-bold">{row.subject}</span>
                      <br />
                      <span className="govuk-body-s">
                        To {row.recipientName}, {row.to}
                      </span>
                      <br />
                      <span className="govuk-hint govuk-!-font-size-16">Queued {formatDateTime(row.createdAt)}</span>
                    </td>
                    <td className="govuk-table__cell">
                      <Tag text={STATE_TAGS[row.state].text} colour={STATE_TAGS[row.state].colour} />
                      {row.state === 'sent' && row.sentAt ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{formatDateTime(row.sentAt)}</p> : null}
                      {row.state === 'pending' && row.attempts > 0 ? (
                        <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">Next try {formatDateTime(row.nextAttemptAt)}</p>
                      ) : null}
                      {row.lastError && row.state !== 'sent' ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0 app-break-words">{row.lastError}</p> : null}
                      {row.state === 'failed' || row.state === 'cancelled' ? (
                        <Form method="post" className="govuk-!-margin-top-2">
                          <input type="hidden" name="id" value={row.id} />
                          <button type="submit" name="intent" value="retry" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                            Send again<span className="govuk-visually-hidden">: {row.subject} to {row.to}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell">
                      {row.attemptList.length === 0 ? (
                        'None yet'
                      ) : (
                        <Details summaryText={row.attemptList.length === 1 ? '1 attempt' : `${row.attemptList.length} attempts`} classes="govuk-!-margin-bottom-0">
                          <ol className="govuk-list govuk-list--number govuk-body-s app-attempts">
                            {row.attemptList.map((a) => (
                              <li key={a.attempt} data-outcome={a.outcome ?? 'none'}>
                                {formatDateTime(a.startedAt)}: {a.outcome ? OUTCOME_WORDS[a.outcome] ?? a.outcome : a.finishedAt ? 'Finished' : 'No answer recorded: the sender stopped before it heard back'}
                                {a.detail ? <span className="app-break-words"> ({a.detail})</span> : null}
                              </li>
                            ))}
                          </ol>
                        </Details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PageLinks page={page} pages={pages} href={(n) => href(filter, n)} />
      </div>
    </div>
  )
}
