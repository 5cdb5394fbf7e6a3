import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface InsetTextProps {
  text?: ReactNode
  /** The macro's `caller`/`html`. */
  children?: ReactNode
  id?: string
  classes?: string
  attributes?: Attributes
}

export function InsetText({ text, children, id, classes, attributes }: InsetTextProps) {
  return (
    <div id={id} className={cx('govuk-inset-text', classes)} {...attributes}>
      {children ?? text}
    </div>
  )
}
