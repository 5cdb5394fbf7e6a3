import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, Select } from '~/components/govuk'
import { FieldDiffs } from '~/components/history/FieldDiffs'
import { formatDateTime } from '~/campaign/options'
import { diffFields, type FieldDiff } from '~/content/diff'
import { getRevisionSnapshots, type RevisionSnapshot } from '~/models/history.server'
import { db } from '~/utils/db.server'
import { requireHistory } from '~/http/history.server'
import { historyEntityType } from '~/history/entities'

export const handle = { title: (data: { title?: string } | undefined) => data?.title ?? 'Compare versions' }

function versionParam(value: string | null): number | null {
  return value !== null && /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const history = await requireHistory(request, params)
  const url = new URL(request.url)
  const versions = history.revisions.map((r) => r.version)
  const requested = { from: versionParam(url.searchParams.get('from')), to: versionParam(url.searchParams.get('to')) }
  const errors: Record<string, string> = {}
  if (requested.from === null || !versions.includes(requested.from)) errors.from = 'Select the earlier version to compare'
  if (requested.to === null || !versions.includes(requested.to)) errors.to = 'Select the later version to compare'
  if (!errors.from && !errors.to && requested.from === requested.to) errors.to = 'Select two different versions to compare'

  const page = {
    campaign: history.campaign,
    entityType: history.entityType,
    entityId: history.entityId,
    name: history.name,
    title: `Compare versions: ${history.name}`,
    versions: history.revisions.map((r) => ({ version: r.version, at: r.at })),
    selected: { from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' },
  }
  if (Object.keys(errors).length > 0) {
    return data({ ...page, errors, comparison: null }, { status: 400 })
  }
  // The earlier version always goes on the left, whichever way round they were chosen.
  const [older, newer] = [Math.min(requested.from!, requested.to!), Math.max(requested.from!, requested.to!)]
  const [left, right] = (await getRevisionSnapshots(db, { campaignId: history.campaign.id, entityType: history.entityType, entityId: history.entityId, versions: [older, newer] })) as [
    RevisionSnapshot,
    RevisionSnapshot,
  ]
  const prepare = history.definition.forDiff ?? ((s: Record<string, unknown>) => s)
  const diffs: FieldDiff[] = diffFields(prepare(left.snapshot), prepare(right.snapshot), history.definition.labels)
  const side = (r: RevisionSnapshot) => ({ version: r.version, at: r.at, author: r.authorName ?? r.authorEmail ?? 'System', summary: r.summary })
  return { ...page, errors: null, comparison: { left: side(left), right: side(right), diffs } }
}

export default function CompareVersions() {
  const { campaign, entityType, entityId, name, versions, selected, errors, comparison } = useLoaderData<typeof loader>()
  const base = `/campaigns/${campaign.ref}/history/${entityType}/${entityId}`
  const options = versions.map((v) => ({ value: String(v.version), text: `Version ${v.version}, ${formatDateTime(v.at)}` }))
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={base} text="Back to the history" />
        <FormErrorSummary errors={errors ?? undefined} order={['from', 'to']} />
        <span className="govuk-caption-l">
          <span className="app-ref">{campaign.ref}</span> · {campaign.name}
        </span>
        <h1 className="govuk-heading-l">Compare versions: {name}</h1>
        {comparison ? (
          <>
            <ul className="govuk-list app-compare-sides">
              <li>
                <strong>Left: version {comparison.left.version}</strong>, saved {formatDateTime(comparison.left.at)} by {comparison.left.author}
              </li>
              <li>
                <strong>Right: version {comparison.right.version}</strong>, saved {formatDateTime(comparison.right.at)} by {comparison.right.author}:{' '}
                {comparison.right.summary}
              </li>
            </ul>
            <p className="govuk-body">
              {comparison.diffs.length === 1 ? '1 part differs.' : `${comparison.diffs.length} parts differ.`} Removed text is struck
              through on a red background; added text is on a green background.
            </p>
            <FieldDiffs
              diffs={comparison.diffs}
              leftLabel={`Version ${comparison.left.version}`}
              rightLabel={`Version ${comparison.right.version}`}
              langOf={(diff) => historyEntityType(entityType)?.lang?.(diff.path)}
            />
          </>
        ) : null}
        <Form method="get" action={`${base}/compare`} className="app-compare-form">
          <h2 className="govuk-heading-m">{comparison ? 'Compare other versions' : 'Choose two versions'}</h2>
          <div className="app-inline-fields">
            <Select
              id="from"
              name="from"
              label={{ text: 'Earlier version', classes: 'govuk-label--s' }}
              items={options}
              defaultValue={selected.from}
              errorMessage={errors?.from}
            />
            <Select id="to" name="to" label={{ text: 'Later version', classes: 'govuk-label--s' }} items={options} defaultValue={selected.to} errorMessage={errors?.to} />
          </div>
          <Button text="Compare versions" />
        </Form>
      </div>
    </div>
  )
}
