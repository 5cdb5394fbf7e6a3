import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface DetailsProps {
  summaryText: ReactNode
  text?: ReactNode
  /** The macro's `caller`/`html`. */
  children?: ReactNode
  id?: string
  open?: boolean
  classes?: string
  attributes?: Attributes
}

export function Details({ summaryText, text, children, id, open, classes, attributes }: DetailsProps) {
  return (
    <details id={id} className={cx('govuk-details', classes)} {...attributes} open={open || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summaryText}</span>
      </summary>
      <div className="govuk-details__text">{children ?? text}</div>
    </details>
  )
}
