import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatDateTime } from '~/campaign/options'
import { pageFrom, PageLinks } from '~/components/PageLinks'
import { BackLink, Button, Select, Table } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
import { listServiceEvents, whereOf } from '~/models/service-events.server'
import { serviceEventKind, SERVICE_EVENT_KINDS } from '~/utils/service-event-kinds'
import { requireRole } from '~/http/auth.server'
import { db } from '~/utils/db.server'

export const handle = { title: 'Sign-ins and other events' }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const searchParams = new URL(request.url).searchParams
  const kind = serviceEventKind(searchParams.get('kind'))
  // The page is clamped by the model once it knows how many there are.
  const list = await listServiceEvents(db, { kind, page: pageFrom(searchParams, Number.MAX_SAFE_INTEGER) })
  return {
    kind,
    total: list.total,
    page: list.page,
    pages: list.pages,
    events: list.events.map((event) => ({ id: event.id, at: event.at, who: event.actor_email, action: event.action, summary: event.summary, ...whereOf(event) })),
  }
}

export default function ServiceEvents() {
  const { kind, total, page, pages, events } = useLoaderData<typeof loader>()
  const query = (n: number) => new URLSearchParams([...(kind ? [['kind', kind]] : []), ...(n > 1 ? [['page', String(n)]] : [])]).toString()
  const href = (n: number) => `/admin/security${query(n) ? `?${query(n)}` : ''}`
  const csv = `/admin/security.csv${kind ? `?${new URLSearchParams({ kind })}` : ''}`
  return (
    <>
      <BackLink href="/admin" text="Back to admin" />
      <h1 className="govuk-heading-l">Sign-ins and other events</h1>
      <p className="govuk-body">
        Everything the audit trail records outside a campaign, newest first: sign-ins, failed sign-ins, sign-outs, attempts slowed by the sign-in
        limit, requests refused because the person was not allowed, and changes to users, helplines and bank holidays. Each shows the address it
        came from. Passwords and session keys are never recorded.
      </p>
      <form method="get" action="/admin/security" className="app-filters" noValidate>
        <div className="app-inline-actions">
          <Select
            id="kind"
            name="kind"
            label={{ text: 'Show' }}
            defaultValue={kind ?? ''}
            items={[{ value: '', text: 'Every kind of event' }, ...SERVICE_EVENT_KINDS.map((k) => ({ value: k.prefix, text: k.label }))]}
          />
          <Button text="Show these events" variant="secondary" />
        </div>
      </form>
      <p className="govuk-body">
        <Link className="govuk-link" to={csv} reloadDocument download>
          Download {kind ? 'these events' : 'every event'} (CSV)
        </Link>
      </p>
      {events.length === 0 ? (
        <p className="govuk-body" id="no-events">
          There are no events of this kind.
        </p>
      ) : (
        <TableRegion label="Events">
          <Table
            attributes={{ id: 'events' }}
            caption={`${total.toLocaleString('en-GB')} event${total === 1 ? '' : 's'}${pages > 1 ? `, page ${page} of ${pages}` : ''}`}
            captionClasses="govuk-table__caption--m"
            head={[{ text: 'When' }, { text: 'Who' }, { text: 'What' }, { text: 'From' }]}
            rows={events.map((event) => [
              { text: formatDateTime(event.at), classes: 'app-nowrap' },
              { text: event.who ?? 'No one signed in', classes: 'app-break-words' },
              {
                text: (
                  <>
                    {event.summary}
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">{event.action}</span>
                  </>
                ),
                classes: 'app-break-words',
              },
              {
                text: (
                  <>
                    {event.address ?? ''}
                    {event.route ? (
                      <>
                        <br />
                        <span className="govuk-hint govuk-!-font-size-16">{event.route}</span>
                      </>
                    ) : null}
                  </>
                ),
                classes: 'app-break-words',
              },
            ])}
          />
        </TableRegion>
      )}
      <PageLinks page={page} pages={pages} href={href} />
    </>
  )
}
