import type { ReactNode } from 'react'
import { Tag, type TagProps } from './Tag'
import { cx, type Attributes } from './shared'

export interface TaskListStatus {
  /** Shown as a tag: use for statuses that need the user's attention ("Not started", "In progress"). */
  tag?: TagProps
  /** Shown as plain text: use for "Completed" and "Cannot start yet". */
  text?: ReactNode
  classes?: string
}

export interface TaskListItem {
  /** Start with a verb: "Write the campaign brief". */
  title: { text: ReactNode; classes?: string }
  hint?: { text: ReactNode }
  status?: TaskListStatus
  /** Without `href` the title is plain text, not a link. */
  href?: string
  /**
   * The task depends on another: the title is not a link (any `href` is ignored), the status reads
   * "Cannot start yet" unless given, and it gets `govuk-task-list__status--cannot-start-yet`.
   */
  cannotStartYet?: boolean
  classes?: string
}

export interface TaskListProps {
  items: Array<TaskListItem | null | undefined | false>
  classes?: string
  attributes?: Attributes
  /** Prefix for hint and status ids; defaults to "task-list". */
  idPrefix?: string
}

export function TaskList({ items, classes, attributes, idPrefix = 'task-list' }: TaskListProps) {
  return (
    <ul className={cx('govuk-task-list', classes)} {...attributes}>
      {items.map((item, i) => {
        if (!item) return null
        const index = i + 1
        const hintId = `${idPrefix}-${index}-hint`
        const statusId = `${idPrefix}-${index}-status`
        const href = item.cannotStartYet ? undefined : item.href
        const status: TaskListStatus = item.cannotStartYet
          ? {
              ...item.status,
              text: item.status?.tag || item.status?.text ? item.status.text : 'Cannot start yet',
              classes: cx('govuk-task-list__status--cannot-start-yet', item.status?.classes),
            }
          : (item.status ?? {})
        return (
          <li key={index} className={cx('govuk-task-list__item', href && 'govuk-task-list__item--with-link', item.classes)}>
            <div className="govuk-task-list__name-and-hint">
              {href ? (
                <a
                  className={cx('govuk-link govuk-task-list__link', item.title.classes)}
                  href={href}
                  aria-describedby={item.hint ? `${hintId} ${statusId}` : statusId}
                >
                  {item.title.text}
                </a>
              ) : (
                <div className={item.title.classes || undefined}>{item.title.text}</div>
              )}
              {item.hint ? (
                <div id={hintId} className="govuk-task-list__hint">
                  {item.hint.text}
                </div>
              ) : null}
            </div>
            <div className={cx('govuk-task-list__status', status.classes)} id={statusId}>
              {status.tag ? <Tag {...status.tag} /> : status.text}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
