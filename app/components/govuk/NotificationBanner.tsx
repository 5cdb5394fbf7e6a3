import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface NotificationBannerProps {
  /** A single line, styled as `govuk-notification-banner__heading`. */
  text?: ReactNode
  /** The macro's `caller`/`html`: richer content, rendered as given. */
  children?: ReactNode
  /** Defaults to "Success" for success banners and "Important" otherwise. */
  titleText?: ReactNode
  titleHeadingLevel?: 1 | 2 | 3 | 4 | 5 | 6
  /** "success" gives the green banner with `role="alert"`. */
  type?: 'success'
  /** Defaults to "alert" for success banners and "region" otherwise. */
  role?: string
  titleId?: string
  /** govuk-frontend focuses success banners on load; set true to stop it. */
  disableAutoFocus?: boolean
  classes?: string
  attributes?: Attributes
}

export function NotificationBanner(props: NotificationBannerProps) {
  const success = props.type === 'success'
  const role = props.role || (success ? 'alert' : 'region')
  const title = props.titleText || (success ? 'Success' : 'Important')
  const titleId = props.titleId || 'govuk-notification-banner-title'
  const Heading = `h${props.titleHeadingLevel || 2}` as 'h2'
  return (
    <div
      className={cx('govuk-notification-banner', success && 'govuk-notification-banner--success', props.classes)}
      role={role}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      data-disable-auto-focus={props.disableAutoFocus === undefined ? undefined : String(props.disableAutoFocus)}
      {...props.attributes}
    >
      <div className="govuk-notification-banner__header">
        <Heading className="govuk-notification-banner__title" id={titleId}>
          {title}
        </Heading>
      </div>
      <div className="govuk-notification-banner__content">
        {props.children ?? (props.text ? <p className="govuk-notification-banner__heading">{props.text}</p> : null)}
      </div>
    </div>
  )
}
