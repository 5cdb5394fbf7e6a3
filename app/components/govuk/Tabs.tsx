import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface TabsItem {
  /** The panel's id and the tab's `href` fragment; defaults to `${idPrefix}-N`. */
  id?: string
  label: ReactNode
  attributes?: Attributes
  /** `text` is wrapped in `<p class="govuk-body">`; `html` is rendered as given. */
  panel: { text?: ReactNode; html?: ReactNode; attributes?: Attributes }
}

export interface TabsProps {
  id?: string
  idPrefix?: string
  /** Heading above the list of links, seen without JavaScript; defaults to "Contents". */
  title?: ReactNode
  items: Array<TabsItem | null | undefined | false>
  classes?: string
  attributes?: Attributes
}

/**
 * Without JavaScript this is a list of in-page links followed by every panel:
 * `govuk-tabs__panel--hidden` only hides a panel once govuk-frontend has started.
 */
export function Tabs({ id, idPrefix, title, items, classes, attributes }: TabsProps) {
  const panelId = (item: TabsItem, index: number) => item.id || `${idPrefix ?? ''}-${index}`
  return (
    <div id={id} className={cx('govuk-tabs', classes)} {...attributes} data-module="govuk-tabs">
      <h2 className="govuk-tabs__title">{title ?? 'Contents'}</h2>
      {items?.length ? (
        <>
          <ul className="govuk-tabs__list">
            {items.map((item, i) =>
              item ? (
                <li key={i} className={cx('govuk-tabs__list-item', i === 0 && 'govuk-tabs__list-item--selected')}>
                  <a className="govuk-tabs__tab" href={`#${panelId(item, i + 1)}`} {...item.attributes}>
                    {item.label}
                  </a>
                </li>
              ) : null,
            )}
          </ul>
          {items.map((item, i) =>
            item ? (
              <div
                key={i}
                className={cx('govuk-tabs__panel', i > 0 && 'govuk-tabs__panel--hidden')}
                id={panelId(item, i + 1)}
                {...item.panel.attributes}
              >
                {item.panel.html ?? (item.panel.text ? <p className="govuk-body">{item.panel.text}</p> : null)}
              </div>
            ) : null,
          )}
        </>
      ) : null}
    </div>
  )
}
