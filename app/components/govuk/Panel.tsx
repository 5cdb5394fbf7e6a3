import type { ReactNode } from 'react'
import { Button } from './Button'
import { cx, hasContent, type Attributes } from './shared'

export interface PanelAction {
  text: ReactNode
  /** A button unless it has `href` (and is not `type: "button"`), in which case an inverse link. */
  type?: 'submit' | 'button' | 'reset'
  href?: string
  classes?: string
  attributes?: Attributes
}

export interface PanelProps {
  titleText: ReactNode
  /** Defaults to 1. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6
  text?: ReactNode
  /** The macro's `caller`/`html`. */
  children?: ReactNode
  /** `govuk-panel--interruption` switches from the confirmation to the interruption variant. */
  classes?: string
  attributes?: Attributes
  /** Interruption panels only. */
  actions?: { items?: PanelAction[]; classes?: string; attributes?: Attributes }
}

export function Panel({ titleText, headingLevel, text, children, classes, attributes, actions }: PanelProps) {
  const Heading = `h${headingLevel || 1}` as 'h1'
  const isInterruption = Boolean(classes?.includes('govuk-panel--interruption'))
  const body = children ?? text
  return (
    <div className={cx('govuk-panel', !isInterruption && 'govuk-panel--confirmation', classes)} {...attributes}>
      <Heading className="govuk-panel__title">{titleText}</Heading>
      {hasContent(body) ? <div className="govuk-panel__body">{body}</div> : null}
      {isInterruption && actions ? (
        <div className={cx('govuk-panel__actions', actions.classes)} {...actions.attributes}>
          {actions.items?.length ? (
            <div className="govuk-button-group">
              {actions.items.map((action, index) =>
                !action.href || action.type === 'button' ? (
                  <Button
                    key={index}
                    text={action.text}
                    type={action.type || 'button'}
                    classes={cx('govuk-button--inverse', action.classes)}
                    href={action.href}
                    attributes={action.attributes}
                  />
                ) : (
                  <a
                    key={index}
                    className={cx('govuk-link govuk-link--inverse', action.classes)}
                    href={action.href}
                    {...action.attributes}
                  >
                    {action.text}
                  </a>
                ),
              )}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
