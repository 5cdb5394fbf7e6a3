import { isValidElement, type ReactNode } from 'react'
import { cx, hasContent, type Attributes } from './shared'

export interface ServiceNavigationItem {
  text: ReactNode
  /** Without `href` the item renders as text, not a link. */
  href?: string
  /** The user is in this section: active style and `aria-current="true"`. */
  active?: boolean
  /** The user is on this exact page: active style and `aria-current="page"`. */
  current?: boolean
  attributes?: Attributes
}

export interface ServiceNavigationProps {
  classes?: string
  attributes?: Attributes
  /** Label of the `<section>` landmark; defaults to "Service information". */
  ariaLabel?: string
  menuButtonText?: string
  menuButtonLabel?: string
  navigationLabel?: string
  navigationId?: string
  navigationClasses?: string
  /** Defaults to true when there is more than one item. */
  collapseNavigationOnMobile?: boolean
  serviceName?: ReactNode
  serviceUrl?: string
  navigation?: Array<ServiceNavigationItem | null | undefined | false>
  slots?: {
    start?: ReactNode
    end?: ReactNode | { html: ReactNode; align?: 'inline' }
    navigationStart?: ReactNode
    navigationEnd?: ReactNode
  }
}

type EndSlot = { html: ReactNode; align?: 'inline' }
const isEndSlotObject = (end: unknown): end is EndSlot =>
  typeof end === 'object' && end !== null && !isValidElement(end) && !Array.isArray(end) && 'html' in end

/**
 * Service name and section links. Without JavaScript the list is always shown;
 * govuk-frontend un-hides the mobile "Menu" toggle when it starts.
 */
export function ServiceNavigation(props: ServiceNavigationProps) {
  const menuButtonText = props.menuButtonText || 'Menu'
  const navigationId = props.navigationId || 'navigation'
  const end = props.slots?.end
  const endSlot = isEndSlotObject(end) ? end.html : end
  const endSlotInline = isEndSlotObject(end) && end.align === 'inline'
  const items = (props.navigation ?? []).filter((item): item is ServiceNavigationItem => Boolean(item))
  const collapseNavigationOnMobile = props.collapseNavigationOnMobile ?? items.length > 1

  const inner = (
    <div className={cx('govuk-width-container', endSlotInline && 'govuk-service-navigation__inlining-container')}>
      {props.slots?.start}
      <div className="govuk-service-navigation__container">
        {hasContent(props.serviceName) ? (
          <span className="govuk-service-navigation__service-name">
            {props.serviceUrl ? (
              <a href={props.serviceUrl} className="govuk-service-navigation__link">
                {props.serviceName}
              </a>
            ) : (
              <span className="govuk-service-navigation__text">{props.serviceName}</span>
            )}
          </span>
        ) : null}
        {items.length || props.slots?.navigationStart || props.slots?.navigationEnd ? (
          <nav
            aria-label={props.navigationLabel || menuButtonText}
            className={cx('govuk-service-navigation__wrapper', props.navigationClasses)}
          >
            {collapseNavigationOnMobile ? (
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls={navigationId}
                aria-label={
                  props.menuButtonLabel && props.menuButtonLabel !== menuButtonText ? props.menuButtonLabel : undefined
                }
                hidden
                aria-hidden="true"
              >
                {menuButtonText}
              </button>
            ) : null}
            <ul className="govuk-service-navigation__list" id={navigationId}>
              {props.slots?.navigationStart}
              {items.map((item, index) => {
                const isActive = Boolean(item.active || item.current)
                const ariaCurrent = isActive ? (item.current ? 'page' : 'true') : undefined
                // Active items are also wrapped in <strong> so users who override colours still see which is current.
                const content = isActive ? (
                  <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                ) : (
                  item.text
                )
                return (
                  <li
                    key={index}
                    className={cx('govuk-service-navigation__item', isActive && 'govuk-service-navigation__item--active')}
                  >
                    {item.href ? (
                      <a
                        className="govuk-service-navigation__link"
                        href={item.href}
                        aria-current={ariaCurrent}
                        {...item.attributes}
                      >
                        {content}
                      </a>
                    ) : hasContent(item.text) ? (
                      <span className="govuk-service-navigation__text" aria-current={ariaCurrent}>
                        {content}
                      </span>
                    ) : null}
                  </li>
                )
              })}
              {props.slots?.navigationEnd}
            </ul>
          </nav>
        ) : null}
      </div>
      {endSlot}
    </div>
  )

  const common = {
    className: cx('govuk-service-navigation', props.classes),
    'data-module': 'govuk-service-navigation',
    ...props.attributes,
  }

  // With a service name the <section> is the landmark; otherwise the <nav> is landmark enough.
  return hasContent(props.serviceName) || props.slots?.start || endSlot ? (
    <section aria-label={props.ariaLabel ?? 'Service information'} {...common}>
      {inner}
    </section>
  ) : (
    <div {...common}>{inner}</div>
  )
}
