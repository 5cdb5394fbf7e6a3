import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface ButtonProps {
  text: ReactNode
  /** Ignored for link buttons. Defaults to "submit". */
  type?: 'submit' | 'button' | 'reset'
  /** With `value`, tells the action which of several submit buttons was pressed. */
  name?: string
  value?: string
  disabled?: boolean
  /** Renders `<a role="button">` instead of `<button>`. */
  href?: string
  /** Adds `govuk-button--secondary`, `--warning` or `--inverse`. */
  variant?: 'secondary' | 'warning' | 'inverse'
  classes?: string
  attributes?: Attributes
  /** Sets `data-prevent-double-click`; govuk-frontend then ignores a second click within a second. */
  preventDoubleClick?: boolean
  isStartButton?: boolean
  id?: string
}

function StartIcon() {
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  )
}

export function Button(props: ButtonProps) {
  const className = cx(
    'govuk-button',
    props.variant && `govuk-button--${props.variant}`,
    props.classes,
    props.isStartButton && 'govuk-button--start',
  )
  // Start buttons use flexbox, which drops whitespace between elements, so rich content is wrapped.
  const content = props.isStartButton && typeof props.text !== 'string' ? <span>{props.text}</span> : props.text

  if (props.href) {
    return (
      <a
        href={props.href}
        role="button"
        draggable="false"
        className={className}
        data-module="govuk-button"
        {...props.attributes}
        id={props.id}
      >
        {content}
        {props.isStartButton ? <StartIcon /> : null}
      </a>
    )
  }

  return (
    <button
      type={props.type || 'submit'}
      value={props.value || undefined}
      name={props.name || undefined}
      disabled={props.disabled || undefined}
      aria-disabled={props.disabled ? 'true' : undefined}
      data-prevent-double-click={props.preventDoubleClick === undefined ? undefined : String(props.preventDoubleClick)}
      className={className}
      data-module="govuk-button"
      {...props.attributes}
      id={props.id}
    >
      {content}
      {props.isStartButton ? <StartIcon /> : null}
    </button>
  )
}
