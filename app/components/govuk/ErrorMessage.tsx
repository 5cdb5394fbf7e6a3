import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface ErrorMessageProps {
  id?: string
  text: ReactNode
  classes?: string
  attributes?: Attributes
  /** Defaults to "Error"; pass `false` to drop the prefix. */
  visuallyHiddenText?: string | false
}

export function ErrorMessage({ id, text, classes, attributes, visuallyHiddenText = 'Error' }: ErrorMessageProps) {
  return (
    <p id={id} className={cx('govuk-error-message', classes)} {...attributes}>
      {visuallyHiddenText ? (
        <>
          <span className="govuk-visually-hidden">{visuallyHiddenText}:</span> {text}
        </>
      ) : (
        text
      )}
    </p>
  )
}
