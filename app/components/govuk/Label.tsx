import type { ReactNode } from 'react'
import { cx, hasContent, type Attributes } from './shared'

export interface LabelOptions {
  text: ReactNode
  classes?: string
  /** Wraps the label in `<h1 class="govuk-label-wrapper">` for one-question pages. */
  isPageHeading?: boolean
  attributes?: Attributes
}

export interface LabelProps extends LabelOptions {
  /** The macro's `for` option. */
  htmlFor?: string
}

export function Label({ text, htmlFor, isPageHeading, classes, attributes }: LabelProps) {
  if (!hasContent(text)) return null
  const label = (
    <label className={cx('govuk-label', classes)} {...attributes} htmlFor={htmlFor}>
      {text}
    </label>
  )
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label
}
