import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface WarningTextProps {
  text: ReactNode
  /** Read before the text in place of the "!" icon; defaults to "Warning". */
  iconFallbackText?: string
  classes?: string
  attributes?: Attributes
}

export function WarningText({ text, iconFallbackText, classes, attributes }: WarningTextProps) {
  return (
    <div className={cx('govuk-warning-text', classes)} {...attributes}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText || 'Warning'}</span> {text}
      </strong>
    </div>
  )
}
