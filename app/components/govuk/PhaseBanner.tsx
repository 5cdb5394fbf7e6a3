import type { ReactNode } from 'react'
import { Tag, type TagProps } from './Tag'
import { cx, type Attributes } from './shared'

export interface PhaseBannerProps {
  text: ReactNode
  tag: TagProps
  classes?: string
  attributes?: Attributes
}

export function PhaseBanner({ text, tag, classes, attributes }: PhaseBannerProps) {
  return (
    <div className={cx('govuk-phase-banner govuk-width-container', classes)} {...attributes}>
      <p className="govuk-phase-banner__content">
        <Tag text={tag?.text} colour={tag?.colour} classes={cx('govuk-phase-banner__content__tag', tag?.classes)} />{' '}
        <span className="govuk-phase-banner__text">{text}</span>
      </p>
    </div>
  )
}
