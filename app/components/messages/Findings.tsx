import { Fragment, type ReactNode } from 'react'
import { ErrorSummary } from '~/components/govuk'
import { FIELD_LABELS, type Finding, type FindingField } from '~/content/findings'

export interface NumberedFinding extends Finding {
  /** 1-based, in the order the parts appear on the page; `#finding-N` is its place beside its part. */
  n: number
}

const PART_ORDER: FindingField[] = ['name', 'subject', 'addressBlock', 'postage', 'body', 'question', 'answer', 'opening', 'verification', 'recordingNotice', 'closing']

/** Numbers findings in page order: by part, then by where they are in it (findings about the whole part first). */
export function numberFindings(findings: readonly Finding[]): NumberedFinding[] {
  return [...findings]
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        PART_ORDER.indexOf(a.finding.location.field) - PART_ORDER.indexOf(b.finding.location.field) ||
        (a.finding.location.offset ?? -1) - (b.finding.location.offset ?? -1) ||
        a.index - b.index,
    )
    .map(({ finding }, index) => ({ ...finding, n: index + 1 }))
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** The summary at the top of a message page: every finding, each linking to its place beside its part. */
export function FindingsSummary({ findings, noun = 'message' }: { findings: NumberedFinding[]; noun?: string }) {
  const errors = findings.filter((f) => f.level === 'error')
  const warnings = findings.filter((f) => f.level === 'warning')
  if (findings.length === 0) {
    return (
      <div className="app-checks-passed" id="checks">
        <p className="govuk-body govuk-!-margin-bottom-0">
          <strong className="govuk-tag govuk-tag--green">No problems</strong> This {noun} passes every data-security check.
        </p>
      </div>
    )
  }
  const item = (f: NumberedFinding) => ({
    text: `${capitalise(FIELD_LABELS[f.location.field])}: ${f.message}`,
    href: `#finding-${f.n}`,
  })
  return (
    <div id="checks">
      {errors.length > 0 ? (
        <ErrorSummary
          titleText={`This ${noun} fails ${errors.length === 1 ? '1 data-security check' : `${errors.length} data-security checks`}`}
          descriptionText="It can be saved, but sign-off cannot be requested until every error is fixed."
          errors={errors.map(item)}
          disableAutoFocus
        />
      ) : null}
      {warnings.length > 0 ? (
        <div className="govuk-inset-text app-warnings">
          <h2 className="govuk-heading-s">Things to check</h2>
          <ul className="govuk-list">
            {warnings.map((f) => (
              <li key={f.n}>
                <a className="govuk-link" href={`#finding-${f.n}`}>
                  {item(f).text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}

/** "Line 3: ", unless there is no line or the message already starts by saying which line. */
function where(f: Finding): string {
  return f.location.line === undefined || /^Line \d/.test(f.message) ? '' : `Line ${f.location.line}: `
}

/** The findings about one part, shown beside it. */
export function PartFindings({ findings, id }: { findings: NumberedFinding[]; id?: string }) {
  if (findings.length === 0) return null
  return (
    <ul className="govuk-list app-part-findings" id={id}>
      {findings.map((f) => (
        <li key={f.n} id={`finding-${f.n}`} className={`app-part-findings__item app-part-findings__item--${f.level}`} tabIndex={-1}>
          <strong className="app-part-findings__level">{f.level === 'error' ? 'Error' : 'Warning'}</strong>{' '}
          <span className="govuk-visually-hidden">(problem {f.n}) </span>
          {where(f)}
          {f.message}
        </li>
      ))}
    </ul>
  )
}

interface Range {
  start: number
  end: number
  numbers: number[]
}

/**
 * The part's text with each span a finding concerns marked, and the finding's number after it, so the marking
 * does not rely on colour alone.
 */
export function MarkedText({ text, findings, className }: { text: string; findings: NumberedFinding[]; className?: string }) {
  const ranges: Range[] = []
  for (const f of findings) {
    const { offset, length } = f.location
    if (offset === undefined || length === undefined || length <= 0) continue
    const start = Math.max(0, Math.min(offset, text.length))
    const end = Math.max(start, Math.min(offset + length, text.length))
    if (end > start) ranges.push({ start, end, numbers: [f.n] })
  }
  ranges.sort((a, b) => a.start - b.start)
  // Overlapping spans are merged: one mark, naming every finding about it.
  const merged: Range[] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.end)
      last.numbers.push(...range.numbers)
    } else merged.push({ ...range, numbers: [...range.numbers] })
  }
  const parts: ReactNode[] = []
  let at = 0
  merged.forEach((range, index) => {
    if (range.start > at) parts.push(<Fragment key={`t${index}`}>{text.slice(at, range.start)}</Fragment>)
    parts.push(
      <mark key={`m${index}`} className="app-finding-mark">
        {text.slice(range.start, range.end)}
        <sup className="app-finding-mark__number">
          <span className="govuk-visually-hidden"> (problem </span>
          {range.numbers.join(', ')}
          <span className="govuk-visually-hidden">)</span>
        </sup>
      </mark>,
    )
    at = range.end
  })
  if (at < text.length) parts.push(<Fragment key="end">{text.slice(at)}</Fragment>)
  return <div className={['app-source', className].filter(Boolean).join(' ')}>{text === '' ? <span className="govuk-hint">(empty)</span> : parts}</div>
}
