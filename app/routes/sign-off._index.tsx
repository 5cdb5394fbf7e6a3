import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Tag } from '~/components/govuk'
import { formatDate, formatDateTime, formatNumber } from '~/campaign/options'
import { pageFrom, PageLinks } from '~/components/PageLinks'
import { listSignOffInbox } from '~/models/signoff/views.server'
import { GROUP_LABELS, groupsOf } from '~/signoff/groups'
import { requireUser } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { forbidden } from '~/http/responses.server'

export const handle = { title: 'Sign-off inbox' }

// A busy group can have hundreds waiting; a page of them is what a person reads, and keeps the page quick to send.
export const INBOX_PAGE_SIZE = 50

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const groups = groupsOf(user)
  if (groups.length === 0) throw forbidden('Only members of Customer Services, Debt Management or the Press Office have a sign-off inbox')
  const { items, ownLeftOut } = await listSignOffInbox(db, user, groups)
  const pages = Math.max(1, Math.ceil(items.length / INBOX_PAGE_SIZE))
  const page = pageFrom(new URL(request.url).searchParams, pages)
  return {
    groups: groups.map((g) => GROUP_LABELS[g]),
    severalGroups: groups.length > 1,
    ownLeftOut,
    total: items.length,
    page,
    pages,
    items: items.slice((page - 1) * INBOX_PAGE_SIZE, page * INBOX_PAGE_SIZE).map((item) => ({
      ref: item.ref,
      name: item.name,
      group: item.group,
      groupLabel: GROUP_LABELS[item.group],
      kind: item.kind,
      plannedLaunchDate: item.plannedLaunchDate,
      askedAt: item.askedAt,
      changedAt: item.changedAt,
      latest: item.latest ? { by: item.latest.decidedBy.name, at: item.latest.decidedAt } : null,
    })),
  }
}

const KIND_TAGS = {
  new: { text: 'New', colour: 'blue' },
  'out-of-date': { text: 'Approval out of date', colour: 'orange' },
  changed: { text: 'Changed since changes were asked for', colour: 'yellow' },
} as const

export default function SignOffInbox() {
  const { groups, severalGroups, ownLeftOut, items, total, page, pages } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Sign-off inbox</h1>
        <p className="govuk-body">
          Campaigns waiting for a decision from {groups.join(' or ')}, oldest request first. A campaign is here when sign-off has been asked for
          and your group has not decided on the current version: never decided, an approval gone out of date because what you signed changed,
          or changed since your group asked for changes.
        </p>
        {items.length === 0 ? (
          <p className="govuk-body" id="inbox-empty">
            There is nothing waiting for your decision.
          </p>
        ) : (
          <div className="app-table-wrapper">
            <table className="govuk-table" id="inbox">
              <caption className="govuk-table__caption govuk-table__caption--m">
                {total === 1 ? '1 campaign to decide on' : `${formatNumber(total)} campaigns to decide on`}
                {pages > 1 ? `, page ${page} of ${pages}` : ''}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Campaign
                  </th>
                  {severalGroups ? (
                    <th scope="col" className="govuk-table__header">
                      For
                    </th>
                  ) : null}
                  <th scope="col" className="govuk-table__header">
                    Why it is here
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Asked for
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Planned launch
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {items.map((item) => (
                  <tr className="govuk-table__row" key={`${item.ref}-${item.group}`} data-ref={item.ref}>
                    <td className="govuk-table__cell">
                      <a className="govuk-link" href={`/campaigns/${item.ref}/sign-off/${item.group}`}>
                        {item.name}
                        <span className="govuk-visually-hidden"> ({item.groupLabel} sign-off)</span>
                      </a>
                      <br />
                      <span className="govuk-hint govuk-!-font-size-16">{item.ref}</span>
                    </td>
                    {severalGroups ? <td className="govuk-table__cell">{item.groupLabel}</td> : null}
                    <td className="govuk-table__cell">
                      <Tag text={KIND_TAGS[item.kind].text} colour={KIND_TAGS[item.kind].colour} />
                      {item.latest ? (
                        <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                          {item.kind === 'out-of-date' ? `Approved by ${item.latest.by}` : `${item.latest.by} asked for changes`} on {formatDateTime(item.latest.at)}; changed{' '}
                          {formatDateTime(item.changedAt)}
                        </p>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell">{formatDateTime(item.askedAt)}</td>
                    <td className="govuk-table__cell">{formatDate(item.plannedLaunchDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PageLinks page={page} pages={pages} href={(n) => (n > 1 ? `/sign-off?page=${n}` : '/sign-off')} />
        {ownLeftOut > 0 ? (
          <p className="govuk-body govuk-hint">
            {ownLeftOut === 1 ? '1 campaign you own or co-own is' : `${ownLeftOut} campaigns you own or co-own are`} not shown: you cannot sign off your own
            campaigns.
          </p>
        ) : null}
      </div>
    </div>
  )
}
