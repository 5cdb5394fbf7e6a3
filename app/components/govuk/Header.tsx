import type { ReactNode } from 'react'
import { GovukLogo } from './Logo'
import { cx, type Attributes } from './shared'

export interface HeaderProps {
  /** Where the crown logo links. The template defaults to "//gov.uk"; this service's home is "/". */
  homepageUrl?: string
  productName?: ReactNode
  containerClasses?: string
  classes?: string
  attributes?: Attributes
}

/**
 * The GOV.UK header: crown and logotype only. In Frontend 6 the service name
 * belongs in `ServiceNavigation`, not here.
 */
export function Header({ homepageUrl = '/', productName, containerClasses, classes, attributes }: HeaderProps) {
  return (
    <div className={cx('govuk-header', classes)} {...attributes}>
      <div className={cx('govuk-header__container', containerClasses || 'govuk-width-container')}>
        <div className="govuk-header__logo">
          <a href={homepageUrl || '/'} className="govuk-header__homepage-link">
            <GovukLogo classes="govuk-header__logotype" ariaLabelText="GOV.UK" />
            {productName ? <span className="govuk-header__product-name">{productName}</span> : null}
          </a>
        </div>
      </div>
    </div>
  )
}
