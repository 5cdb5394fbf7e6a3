import type { ReactNode } from 'react'
import { cx, hasContent, type Attributes } from './shared'

export interface LegendOptions {
  text: ReactNode
  classes?: string
  /** Puts the legend text in `<h1 class="govuk-fieldset__heading">`. */
  isPageHeading?: boolean
}

export interface FieldsetOptions {
  describedBy?: string
  legend?: LegendOptions
  classes?: string
  role?: string
  attributes?: Attributes
}

export interface FieldsetProps extends FieldsetOptions {
  /** The macro's `caller` / `html`. */
  children?: ReactNode
}

export function Fieldset({ describedBy, legend, classes, role, attributes, children }: FieldsetProps) {
  return (
    <fieldset className={cx('govuk-fieldset', classes)} role={role} aria-describedby={describedBy || undefined} {...attributes}>
      {legend && hasContent(legend.text) ? (
        <legend className={cx('govuk-fieldset__legend', legend.classes)}>
          {legend.isPageHeading ? <h1 className="govuk-fieldset__heading">{legend.text}</h1> : legend.text}
        </legend>
      ) : null}
      {children}
    </fieldset>
  )
}
