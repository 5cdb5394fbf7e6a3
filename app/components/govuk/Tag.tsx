import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

/** Frontend 6 tag colours; blue is the default look. Red is reserved for "There is a problem". */
export type TagColour = 'grey' | 'green' | 'teal' | 'blue' | 'purple' | 'magenta' | 'red' | 'orange' | 'yellow'

export interface TagProps {
  text: ReactNode
  /** Adds `govuk-tag--${colour}`. */
  colour?: TagColour
  classes?: string
  attributes?: Attributes
}

export function Tag({ text, colour, classes, attributes }: TagProps) {
  return (
    <strong className={cx('govuk-tag', colour && `govuk-tag--${colour}`, classes)} {...attributes}>
      {text}
    </strong>
  )
}
