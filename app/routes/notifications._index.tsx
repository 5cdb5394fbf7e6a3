import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { formatDateTime, formatNumber } from '~/campaign/options'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { Button, NotificationBanner, Tag } from '~/components/govuk'
import { pageFrom, PageLinks } from '~/components/PageLinks'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/forms.server'
import { listNotifications, markAllRead, markRead } from '~/models/notifications/inbox.server'
import { KIND_LABELS, isNotificationKind } from '~/notifications/kinds'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'

export const handle = { title: 'Notifications' }

export const NOTIFICATIONS_PAGE_SIZE = 50

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const params = new URL(request.url).searchParams
  const first = await listNotifications(db, user.id, { page: 1, pageSize: NOTIFICATIONS_PAGE_SIZE })
  const pages = Math.max(1, Math.ceil(first.total / NOTIFICATIONS_PAGE_SIZE))
  const page = pageFrom(params, pages)
  const { items, total, unread } = page === 1 ? first : await listNotifications(db, user.id, { page, pageSize: NOTIFICATIONS_PAGE_SIZE })
  const notice = params.get('notice')
  return {
    items: items.map((n) => ({ ...n, kindName: isNotificationKind(n.kind) ? KIND_LABELS[n.kind].name : n.kind })),
    total,
    unread,
    page,
    pages,
    notice: notice === 'read' ? 'Marked as read' : notice === 'all-read' ? 'All your notifications are marked as read' : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const values = formValues(await readFormData(request))
  const page = /^\d{1,6}$/.test(values.page ?? '') && Number(values.page) > 1 ? `page=${Number(values.page)}&` : ''
  if (values.intent === 'read-all') {
    await markAllRead(db, user.id)
    return redirect(`/notifications?${page}notice=all-read`, { status: 303 })
  }
  if (values.intent === 'read') {
    const id = values.id ?? ''
    if (!/^[0-9a-f-]{36}$/.test(id) || !(await markRead(db, user.id, id))) {
      return data({ errors: { _form: 'That notification could not be found. It may not be yours. Reload the page and try again.' } }, { status: 400 })
    }
    return redirect(`/notifications?${page}notice=read#notification-${id}`, { status: 303 })
  }
  return data({ errors: { _form: 'Choose to mark one notification as read, or all of them' } }, { status: 400 })
}

export default function Notifications() {
  const { items, total, unread, page, pages, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <FormErrorSummary errors={actionData?.errors} />
        <h1 className="govuk-heading-l">Notifications</h1>
        <p className="govuk-body" id="unread-summary">
          {unread === 0 ? 'You have no unread notifications.' : unread === 1 ? 'You have 1 unread notification.' : `You have ${formatNumber(unread)} unread notifications.`}
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/notifications/preferences">
            Choose how you are told
          </Link>{' '}
          ·{' '}
          <Link className="govuk-link" to="/notifications/calendar-feed">
            Add the planner’s dates to your calendar
          </Link>
        </p>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="page" value={page} />
            <Button text="Mark all as read" name="intent" value="read-all" variant="secondary" preventDoubleClick />
          </Form>
        ) : null}
        {items.length === 0 ? (
          <p className="govuk-body" id="notifications-empty">
            Nothing yet. You will be told here when a campaign needs your sign-off, a decision is made on one of your campaigns, an approval goes out of date,
            a campaign is ready to launch or launched, or a helpline goes over capacity.
          </p>
        ) : (
          <>
            <h2 className="govuk-heading-m">{total === 1 ? '1 notification' : `${formatNumber(total)} notifications`}{pages > 1 ? `, page ${page} of ${pages}` : ''}</h2>
            <ul className="govuk-list app-notifications" id="notifications">
              {items.map((n) => (
                <li key={n.id} id={`notification-${n.id}`} className={`app-notification${n.read ? '' : ' app-notification--unread'}`} data-kind={n.kind} data-read={n.read ? 'yes' : 'no'}>
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                    <a className="govuk-link" href={`/notifications/${n.id}`}>
                      {n.title}
                    </a>
                  </h3>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    {n.read ? null : (
                      <>
                        <Tag text="Unread" colour="blue" />{' '}
                      </>
                    )}
                    <span className="govuk-hint govuk-!-font-size-16">
                      {n.kindName}, {formatDateTime(n.createdAt)}
                    </span>
                  </p>
                  <p className="govuk-body">{n.body}</p>
                  {n.read ? null : (
                    <Form method="post">
                      <input type="hidden" name="id" value={n.id} />
                      <input type="hidden" name="page" value={page} />
                      <button type="submit" name="intent" value="read" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                        Mark as read<span className="govuk-visually-hidden">: {n.title}</span>
                      </button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        <PageLinks page={page} pages={pages} href={(n) => (n > 1 ? `/notifications?page=${n}` : '/notifications')} />
      </div>
    </div>
  )
}
