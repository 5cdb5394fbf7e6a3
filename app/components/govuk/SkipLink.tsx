import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface SkipLinkProps {
  text: ReactNode
  /** Defaults to "#content"; point it at the `<main>` element's id. */
  href?: string
  classes?: string
  attributes?: Attributes
}

export function SkipLink({ text, href, classes, attributes }: SkipLinkProps) {
  return (
    <a href={href || '#content'} className={cx('govuk-skip-link', classes)} {...attributes} data-module="govuk-skip-link">
      {text}
    </a>
  )
}
