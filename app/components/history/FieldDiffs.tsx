import { Fragment } from 'react'
import type { DiffRow, DiffSegment, DiffSide, FieldDiff } from '~/content/diff'

/** Unchanged lines kept around each change; longer unchanged runs fold into one row. */
const CONTEXT = 2

type Shown = { row: DiffRow } | { folded: number }

export function foldUnchanged(rows: DiffRow[], context = CONTEXT): Shown[] {
  const keep = rows.map((row) => row.kind !== 'same')
  const near = rows.map((_, i) => {
    for (let d = -context; d <= context; d++) if (keep[i + d]) return true
    return false
  })
  const out: Shown[] = []
  let folded = 0
  rows.forEach((row, i) => {
    if (near[i]) {
      if (folded) out.push({ folded })
      folded = 0
      out.push({ row })
    } else folded++
  })
  if (folded) out.push({ folded })
  return out
}

/** A change is marked by colour, by strike-through and by words a screen reader reads out. */
function Segment({ segment }: { segment: DiffSegment }) {
  if (segment.kind === 'same') return <>{segment.text}</>
  const Tag = segment.kind === 'added' ? 'ins' : 'del'
  return (
    <Tag className={`app-diff__${segment.kind}`}>
      <span className="govuk-visually-hidden">{segment.kind === 'added' ? 'added: “' : 'removed: “'}</span>
      {segment.text}
      <span className="govuk-visually-hidden">”</span>
    </Tag>
  )
}

function Cell({ side, kind }: { side: DiffSide | undefined; kind: 'added' | 'removed' }) {
  if (!side) {
    return (
      <td className="govuk-table__cell app-diff__empty">
        <span className="govuk-visually-hidden">(no line)</span>
      </td>
    )
  }
  const changed = side.segments.some((s) => s.kind !== 'same')
  return (
    <td className={`govuk-table__cell${changed ? ` app-diff__line--${kind}` : ''}`}>
      {side.segments.map((segment, index) => (
        <Segment key={index} segment={segment} />
      ))}
    </td>
  )
}

const KIND_TEXT: Record<FieldDiff['kind'], string> = { changed: 'changed', added: 'added', removed: 'removed', same: 'unchanged' }

/** Each changed field as a two-column table: the earlier version on the left, the later on the right. */
export function FieldDiffs({
  diffs,
  leftLabel,
  rightLabel,
  langOf,
}: {
  diffs: FieldDiff[]
  leftLabel: string
  rightLabel: string
  /** The language of a field's text when it is not English ("cy"), so screen readers pronounce it as Welsh. */
  langOf?: (diff: FieldDiff) => string | undefined
}) {
  if (diffs.length === 0) return <p className="govuk-body">There are no differences between these versions.</p>
  return (
    <>
      {diffs.map((diff) => (
        <div className="app-table-wrapper" key={diff.path}>
          <table className="govuk-table app-diff" data-path={diff.path}>
            <caption className="govuk-table__caption govuk-table__caption--s">
              {diff.label} <span className="app-diff__kind">({KIND_TEXT[diff.kind]})</span>
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {leftLabel}
                </th>
                <th scope="col" className="govuk-table__header">
                  {rightLabel}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body" lang={langOf?.(diff)}>
              {foldUnchanged(diff.rows).map((shown, index) =>
                'folded' in shown ? (
                  <tr className="govuk-table__row" key={index}>
                    <td className="govuk-table__cell app-diff__folded" colSpan={2}>
                      {shown.folded === 1 ? '1 unchanged line' : `${shown.folded} unchanged lines`}
                    </td>
                  </tr>
                ) : (
                  <Fragment key={index}>
                    <tr className="govuk-table__row">
                      <Cell side={shown.row.left} kind="removed" />
                      <Cell side={shown.row.right} kind="added" />
                    </tr>
                  </Fragment>
                ),
              )}
              {diff.rows.length === 0 ? (
                <tr className="govuk-table__row">
                  <td className="govuk-table__cell" colSpan={2}>
                    (empty in both)
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ))}
    </>
  )
}
