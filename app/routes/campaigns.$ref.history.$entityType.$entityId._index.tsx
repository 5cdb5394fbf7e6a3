import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BackLink, Button, InsetText, Select, Table } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
import { formatDateTime } from '~/campaign/options'
import { requireHistory } from '~/http/history.server'

export const handle = { title: (data: { title?: string } | undefined) => data?.title ?? 'History of changes' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const history = await requireHistory(request, params)
  return {
    campaign: history.campaign,
    entityType: history.entityType,
    entityId: history.entityId,
    noun: history.definition.noun,
    name: history.name,
    title: `History of changes: ${history.name}`,
    backHref: history.backHref,
    deleted: history.deleted,
    revisions: history.revisions,
  }
}

export default function HistoryPage() {
  const { campaign, entityType, entityId, noun, name, revisions, backHref, deleted } = useLoaderData<typeof loader>()
  const base = `/campaigns/${campaign.ref}/history/${entityType}/${entityId}`
  const latest = revisions[0]!.version
  const previous = revisions[1]?.version ?? latest
  const options = revisions.map((r) => ({ value: String(r.version), text: `Version ${r.version}, ${formatDateTime(r.at)}` }))
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={backHref} text="Back" />
        <span className="govuk-caption-l">
          <span className="app-ref">{campaign.ref}</span> · {campaign.name}
        </span>
        <h1 className="govuk-heading-l">History of changes: {name}</h1>
        {deleted ? (
          <InsetText>
            This {noun} was deleted on {formatDateTime(deleted.at)}
            {deleted.by ? ` by ${deleted.by}` : ''}. Its saved versions are kept here.
          </InsetText>
        ) : null}
        <p className="govuk-body">
          Every save of this {noun} is a new version. {revisions.length === 1 ? 'There is 1 version.' : `There are ${revisions.length} versions.`}
        </p>
        <TableRegion label="Versions, newest first">
          <Table
            caption="Versions, newest first"
            captionClasses="govuk-table__caption--m"
            head={[{ text: 'Version' }, { text: 'When' }, { text: 'Who' }, { text: 'What changed' }, { text: <span className="govuk-visually-hidden">Compare</span> }]}
            rows={revisions.map((r) => [
              { text: r.version },
              { text: formatDateTime(r.at), classes: 'app-nowrap' },
              { text: r.authorName ?? r.authorEmail ?? 'System', classes: 'app-break-words' },
              { text: r.summary },
              {
                text:
                  r.version > 1 ? (
                    <Link className="govuk-link" to={`${base}/compare?from=${r.version - 1}&to=${r.version}`}>
                      Compare with version {r.version - 1}
                    </Link>
                  ) : null,
              },
            ])}
          />
        </TableRegion>
        {revisions.length > 1 ? (
          <Form method="get" action={`${base}/compare`} className="app-compare-form">
            <h2 className="govuk-heading-m">Compare any two versions</h2>
            <div className="app-inline-fields">
              <Select id="from" name="from" label={{ text: 'Earlier version', classes: 'govuk-label--s' }} items={options} defaultValue={String(previous)} />
              <Select id="to" name="to" label={{ text: 'Later version', classes: 'govuk-label--s' }} items={options} defaultValue={String(latest)} />
            </div>
            <Button text="Compare versions" />
          </Form>
        ) : null}
      </div>
    </div>
  )
}
