import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface PaginationItem {
  number?: number | string
  /** Defaults to "Page N". */
  visuallyHiddenText?: string
  href?: string
  /** The page being shown: `aria-current="page"`. */
  current?: boolean
  /** Renders "⋯" in place of a run of skipped pages. */
  ellipsis?: boolean
  attributes?: Attributes
}

export interface PaginationLink {
  /** Defaults to "Previous page" / "Next page" (the word "page" visually hidden). */
  text?: ReactNode
  /** Shown under the link in block mode, e.g. the title of the next page. */
  labelText?: string
  href: string
  attributes?: Attributes
}

export interface PaginationProps {
  items?: Array<PaginationItem | null | undefined>
  previous?: PaginationLink
  next?: PaginationLink
  /** Defaults to "Pagination". */
  landmarkLabel?: string
  classes?: string
  attributes?: Attributes
}

function PrevIcon() {
  return (
    <svg
      className="govuk-pagination__icon govuk-pagination__icon--prev"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
    </svg>
  )
}

function NextIcon() {
  return (
    <svg
      className="govuk-pagination__icon govuk-pagination__icon--next"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
    </svg>
  )
}

function ArrowLink({ link, type, blockLevel }: { link: PaginationLink; type: 'prev' | 'next'; blockLevel: boolean }) {
  const Icon = type === 'prev' ? PrevIcon : NextIcon
  const title =
    link.text !== undefined && link.text !== null && link.text !== '' ? (
      link.text
    ) : (
      <>
        {type === 'prev' ? 'Previous' : 'Next'}
        <span className="govuk-visually-hidden"> page</span>
      </>
    )
  return (
    <div className={`govuk-pagination__${type}`}>
      <a className="govuk-link govuk-pagination__link" href={link.href} rel={type} {...link.attributes}>
        {blockLevel || type === 'prev' ? <Icon /> : null}
        <span
          className={cx(
            'govuk-pagination__link-title',
            blockLevel && !link.labelText && 'govuk-pagination__link-title--decorated',
          )}
        >
          {title}
        </span>
        {link.labelText && blockLevel ? (
          <>
            <span className="govuk-visually-hidden">:</span>{' '}
            <span className="govuk-pagination__link-label">{link.labelText}</span>
          </>
        ) : null}
        {!blockLevel && type === 'next' ? <Icon /> : null}
      </a>
    </div>
  )
}

export function Pagination({ items, previous, next, landmarkLabel, classes, attributes }: PaginationProps) {
  // Without numbered items, previous and next stack as full-width blocks.
  const blockLevel = !items && Boolean(previous || next)
  return (
    <nav
      className={cx('govuk-pagination', blockLevel && 'govuk-pagination--block', classes)}
      aria-label={landmarkLabel || 'Pagination'}
      {...attributes}
    >
      {previous?.href ? <ArrowLink link={previous} type="prev" blockLevel={blockLevel} /> : null}
      {items ? (
        <ul className="govuk-pagination__list">
          {items.map((item, index) =>
            item && Object.keys(item).length > 0 ? (
              <li
                key={index}
                className={cx(
                  'govuk-pagination__item',
                  item.current && 'govuk-pagination__item--current',
                  item.ellipsis && 'govuk-pagination__item--ellipsis',
                )}
              >
                {item.ellipsis ? (
                  '\u22EF'
                ) : (
                  <a
                    className="govuk-link govuk-pagination__link"
                    href={item.href}
                    aria-label={item.visuallyHiddenText ?? `Page ${item.number}`}
                    aria-current={item.current ? 'page' : undefined}
                    {...item.attributes}
                  >
                    {item.number}
                  </a>
                )}
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      {next?.href ? <ArrowLink link={next} type="next" blockLevel={blockLevel} /> : null}
    </nav>
  )
}
