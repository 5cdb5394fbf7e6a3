import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface BackLinkProps {
  /** Defaults to "Back". */
  text?: ReactNode
  href: string
  classes?: string
  attributes?: Attributes
}

/** A plain link to the previous page, so it works without JavaScript (never `history.back()`). */
export function BackLink({ text, href, classes, attributes }: BackLinkProps) {
  return (
    <a href={href || '#'} className={cx('govuk-back-link', classes)} {...attributes}>
      {text || 'Back'}
    </a>
  )
}
