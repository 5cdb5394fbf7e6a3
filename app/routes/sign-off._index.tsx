import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Table, Tag } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
import { formatDate, formatDateTime, formatNumber } from '~/campaign/format'
import { pageFrom, PageLinks } from '~/components/PageLinks'
import { listSignOffInbox } from '~/models/signoff/views.server'
import { GROUP_LABELS, groupNames, groupsOf, SIGN_OFF_GROUPS } from '~/signoff/groups'
import { requireUser } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { forbidden } from '~/http/responses.server'

export const handle = { title: 'Sign-off inbox' }

// A busy group can have hundreds waiting; a page of them is what a person reads, and keeps the page quick to send.
export const INBOX_PAGE_SIZE = 50

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const groups = groupsOf(user)
  if (groups.length === 0) throw forbidden(`Only members of ${groupNames(SIGN_OFF_GROUPS, 'or')} have a sign-off inbox`)
  const { items, ownLeftOut } = await listSignOffInbox(db, user, groups)
  const pages = Math.max(1, Math.ceil(items.length / INBOX_PAGE_SIZE))
  const page = pageFrom(new URL(request.url).searchParams, pages)
  return {
    groups: groupNames(groups, 'or'),
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
        <p className="govuk-body" id="inbox-intro">
          Approve each campaign below for {groups}, or ask its owner for changes. The campaign that has waited longest is at the top.
        </p>
        <p className="govuk-body">
          A campaign is here when its owner has asked for sign-off and {severalGroups ? 'your groups have' : 'your group has'} not yet decided on
          its latest version. It comes back if it changes after {severalGroups ? 'one of your groups' : 'your group'} approved it or asked for changes.
        </p>
        {items.length === 0 ? (
          <p className="govuk-body" id="inbox-empty">
            There is nothing waiting for your decision.
          </p>
        ) : (
          <TableRegion label="Campaigns to decide on">
            <Table
              attributes={{ id: 'inbox' }}
              caption={`${total === 1 ? '1 campaign to decide on' : `${formatNumber(total)} campaigns to decide on`}${pages > 1 ? `, page ${page} of ${pages}` : ''}`}
              captionClasses="govuk-table__caption--m"
              head={[{ text: 'Campaign' }, ...(severalGroups ? [{ text: 'For' }] : []), { text: 'Why it is here' }, { text: 'Asked for' }, { text: 'Planned launch' }]}
              rows={items.map((item) => [
                {
                  text: (
                    <>
                      <a className="govuk-link" href={`/campaigns/${item.ref}/sign-off/${item.group}`}>
                        {item.name}
                        <span className="govuk-visually-hidden"> ({item.groupLabel} sign-off)</span>
                      </a>
                      <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 app-block app-ref">{item.ref}</span>
                    </>
                  ),
                },
                ...(severalGroups ? [{ text: item.groupLabel }] : []),
                {
                  text: (
                    <>
                      <Tag text={KIND_TAGS[item.kind].text} colour={KIND_TAGS[item.kind].colour} />
                      {item.latest ? (
                        <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                          {item.kind === 'out-of-date' ? `Approved by ${item.latest.by}` : `${item.latest.by} asked for changes`} on {formatDateTime(item.latest.at)};
                          changed {formatDateTime(item.changedAt)}
                        </p>
                      ) : null}
                    </>
                  ),
                },
                { text: formatDateTime(item.askedAt), classes: 'app-nowrap' },
                { text: formatDate(item.plannedLaunchDate), classes: 'app-nowrap' },
              ])}
            />
          </TableRegion>
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
