import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface ErrorSummaryItem {
  text: ReactNode
  /** `#${fieldId}`: the first input of the field in error. */
  href?: string
  attributes?: Attributes
}

export interface ErrorSummaryProps {
  errors: ErrorSummaryItem[]
  /** Defaults to "There is a problem". */
  titleText?: ReactNode
  descriptionText?: ReactNode
  /** The macro's `caller`: a description richer than `descriptionText`. */
  children?: ReactNode
  /**
   * govuk-frontend's script focuses the summary when it initialises; set true to stop it.
   * React never moves focus itself.
   */
  disableAutoFocus?: boolean
  classes?: string
  attributes?: Attributes
}

/** Renders nothing when there are no errors, so pages can always include it above the h1. */
export function ErrorSummary({
  errors,
  titleText = 'There is a problem',
  descriptionText,
  children,
  disableAutoFocus,
  classes,
  attributes,
}: ErrorSummaryProps) {
  if (!errors || errors.length === 0) return null
  const description = children ?? descriptionText
  return (
    <div
      className={cx('govuk-error-summary', classes)}
      data-disable-auto-focus={disableAutoFocus === undefined ? undefined : String(disableAutoFocus)}
      {...attributes}
      data-module="govuk-error-summary"
    >
      {/* role="alert" sits on a child so the focus the script moves here does not race the announcement. */}
      <div role="alert">
        <h2 className="govuk-error-summary__title">{titleText}</h2>
        <div className="govuk-error-summary__body">
          {description ? <p>{description}</p> : null}
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((item, index) => (
              <li key={index}>
                {item.href ? (
                  <a href={item.href} {...item.attributes}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}
