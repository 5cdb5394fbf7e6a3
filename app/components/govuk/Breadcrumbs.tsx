import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface BreadcrumbsItem {
  text: ReactNode
  /** Without `href` the item is the current page: plain text with `aria-current="page"`. */
  href?: string
  attributes?: Attributes
}

export interface BreadcrumbsProps {
  items: BreadcrumbsItem[]
  classes?: string
  collapseOnMobile?: boolean
  attributes?: Attributes
  /** Defaults to "Breadcrumb". */
  labelText?: string
}

export function Breadcrumbs({ items, classes, collapseOnMobile, attributes, labelText }: BreadcrumbsProps) {
  return (
    <nav
      className={cx('govuk-breadcrumbs', classes, collapseOnMobile && 'govuk-breadcrumbs--collapse-on-mobile')}
      {...attributes}
      aria-label={labelText ?? 'Breadcrumb'}
    >
      <ol className="govuk-breadcrumbs__list">
        {items.map((item, index) =>
          item.href ? (
            <li key={index} className="govuk-breadcrumbs__list-item">
              <a className="govuk-breadcrumbs__link" href={item.href} {...item.attributes}>
                {item.text}
              </a>
            </li>
          ) : (
            <li key={index} className="govuk-breadcrumbs__list-item" aria-current="page">
              {item.text}
            </li>
          ),
        )}
      </ol>
    </nav>
  )
}
