import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface HintProps {
  id?: string
  text: ReactNode
  classes?: string
  attributes?: Attributes
}

export function Hint({ id, text, classes, attributes }: HintProps) {
  return (
    <div id={id} className={cx('govuk-hint', classes)} {...attributes}>
      {text}
    </div>
  )
}
