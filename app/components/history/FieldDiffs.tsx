import type { DiffRow, DiffSegment, DiffSide, FieldDiff } from '~/content/diff'
import { Table, type TableCell } from '../govuk'

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

function cell(side: DiffSide | undefined, kind: 'added' | 'removed', lang: string | undefined): TableCell {
  if (!side) return { classes: 'app-diff__empty', text: <span className="govuk-visually-hidden">(no line)</span> }
  const changed = side.segments.some((s) => s.kind !== 'same')
  return {
    attributes: lang ? { lang } : undefined,
    classes: changed ? `app-diff__line--${kind}` : undefined,
    text: side.segments.map((segment, index) => <Segment key={index} segment={segment} />),
  }
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
        // A diff table is as wide as the page and wraps its lines, so it never needs to scroll sideways.
        <Table
          key={diff.path}
          classes="app-diff"
          attributes={{ 'data-path': diff.path }}
          caption={
            <>
              {diff.label} <span className="app-diff__kind">({KIND_TEXT[diff.kind]})</span>
            </>
          }
          captionClasses="govuk-table__caption--s"
          head={[{ text: leftLabel }, { text: rightLabel }]}
          rows={[
            ...foldUnchanged(diff.rows).map((shown): TableCell[] =>
              'folded' in shown
                ? [{ classes: 'app-diff__folded', colspan: 2, text: shown.folded === 1 ? '1 unchanged line' : `${shown.folded} unchanged lines` }]
                : [cell(shown.row.left, 'removed', langOf?.(diff)), cell(shown.row.right, 'added', langOf?.(diff))],
            ),
            diff.rows.length === 0 && [{ colspan: 2, text: '(empty in both)' }],
          ]}
        />
      ))}
    </>
  )
}
