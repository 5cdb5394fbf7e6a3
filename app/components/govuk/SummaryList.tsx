import type { ReactNode } from 'react'
import { cx, hasContent, type Attributes } from './shared'

export interface SummaryListAction {
  href: string
  text: ReactNode
  /** Completes the link for screen readers, e.g. "name" after "Change". */
  visuallyHiddenText?: string
  classes?: string
  attributes?: Attributes
}

export interface SummaryListActions {
  items?: SummaryListAction[]
  classes?: string
}

export interface SummaryListRow {
  classes?: string
  key: { text: ReactNode; classes?: string }
  value: { text: ReactNode; classes?: string }
  actions?: SummaryListActions
}

export interface SummaryCardOptions {
  title?: { text: ReactNode; headingLevel?: 1 | 2 | 3 | 4 | 5 | 6; classes?: string }
  actions?: SummaryListActions
  classes?: string
  attributes?: Attributes
}

export interface SummaryListProps {
  rows: Array<SummaryListRow | null | undefined | false>
  /** Wraps the list in a summary card. */
  card?: SummaryCardOptions
  classes?: string
  attributes?: Attributes
}

function ActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle?: ReactNode }) {
  const hasCardTitle = hasContent(cardTitle)
  return (
    <a className={cx('govuk-link', action.classes)} href={action.href} {...action.attributes}>
      {action.text}
      {action.visuallyHiddenText || hasCardTitle ? (
        <span className="govuk-visually-hidden">
          {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : null}
          {hasCardTitle ? <> ({cardTitle})</> : null}
        </span>
      ) : null}
    </a>
  )
}

function SummaryCard({ card, children }: { card: SummaryCardOptions; children: ReactNode }) {
  const Heading = `h${card.title?.headingLevel || 2}` as 'h2'
  const actions = card.actions?.items ?? []
  return (
    <div className={cx('govuk-summary-card', card.classes)} {...card.attributes}>
      <div className="govuk-summary-card__title-wrapper">
        {card.title ? (
          <Heading className={cx('govuk-summary-card__title', card.title.classes)}>{card.title.text}</Heading>
        ) : null}
        {actions.length === 1 ? (
          <div className={cx('govuk-summary-card__actions', card.actions?.classes)}>
            <ActionLink action={actions[0]!} cardTitle={card.title?.text} />
          </div>
        ) : actions.length > 1 ? (
          <ul className={cx('govuk-summary-card__actions', card.actions?.classes)}>
            {actions.map((action, index) => (
              <li key={index} className="govuk-summary-card__action">
                <ActionLink action={action} cardTitle={card.title?.text} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  )
}

export function SummaryList({ rows, card, classes, attributes }: SummaryListProps) {
  const anyRowHasActions = rows.some((row) => row && row.actions?.items?.length)
  const cardTitle = card?.title?.text

  const list = (
    <dl className={cx('govuk-summary-list', classes)} {...attributes}>
      {rows.map((row, index) => {
        if (!row) return null
        const actions = row.actions?.items ?? []
        return (
          <div
            key={index}
            className={cx(
              'govuk-summary-list__row',
              anyRowHasActions && !row.actions?.items && 'govuk-summary-list__row--no-actions',
              row.classes,
            )}
          >
            <dt className={cx('govuk-summary-list__key', row.key.classes)}>{row.key.text}</dt>
            <dd className={cx('govuk-summary-list__value', row.value.classes)}>{row.value.text}</dd>
            {actions.length ? (
              <dd className={cx('govuk-summary-list__actions', row.actions?.classes)}>
                {actions.length === 1 ? (
                  <ActionLink action={actions[0]!} cardTitle={cardTitle} />
                ) : (
                  <ul className="govuk-summary-list__actions-list">
                    {actions.map((action, actionIndex) => (
                      <li key={actionIndex} className="govuk-summary-list__actions-list-item">
                        <ActionLink action={action} cardTitle={cardTitle} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        )
      })}
    </dl>
  )

  return card ? <SummaryCard card={card}>{list}</SummaryCard> : list
}
