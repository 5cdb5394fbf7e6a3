import { Button } from './Button'
import { Input } from './Input'
import type { LabelOptions } from './Label'
import { cx, hasContent, type Attributes, type FormGroupOptions, type TextOptions } from './shared'

export interface PasswordInputProps {
  /** Defaults to `name`. */
  id?: string
  name: string
  /** The macro's `value`; uncontrolled. Usually left empty after a failed submission. */
  defaultValue?: string
  disabled?: boolean
  describedBy?: string
  label: LabelOptions
  hint?: TextOptions
  errorMessage?: string
  formGroup?: FormGroupOptions
  classes?: string
  /** Defaults to "current-password"; use "new-password" when setting one. */
  autocomplete?: string
  attributes?: Attributes
  showPasswordText?: string
  hidePasswordText?: string
  showPasswordAriaLabelText?: string
  hidePasswordAriaLabelText?: string
  passwordShownAnnouncementText?: string
  passwordHiddenAnnouncementText?: string
  button?: { classes?: string }
}

export function PasswordInput(props: PasswordInputProps) {
  const id = props.id || props.name
  const afterInput = props.formGroup?.afterInput

  const formGroupAttributes: Attributes = {
    'data-module': 'govuk-password-input',
    'data-i18n.show-password': props.showPasswordText,
    'data-i18n.hide-password': props.hidePasswordText,
    'data-i18n.show-password-aria-label': props.showPasswordAriaLabelText,
    'data-i18n.hide-password-aria-label': props.hidePasswordAriaLabelText,
    'data-i18n.password-shown-announcement': props.passwordShownAnnouncementText,
    'data-i18n.password-hidden-announcement': props.passwordHiddenAnnouncementText,
    ...props.formGroup?.attributes,
  }

  return (
    <Input
      formGroup={{
        classes: cx('govuk-password-input', props.formGroup?.classes),
        attributes: formGroupAttributes,
        beforeInput: props.formGroup?.beforeInput,
        afterInput: {
          text: (
            <>
              {/* Hidden until govuk-frontend's JavaScript can make it work. */}
              <Button
                type="button"
                classes={cx(
                  'govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle',
                  props.button?.classes,
                )}
                text={props.showPasswordText || 'Show'}
                attributes={{
                  'aria-controls': id,
                  'aria-label': props.showPasswordAriaLabelText || 'Show password',
                  hidden: true,
                }}
              />
              {afterInput && hasContent(afterInput.text) ? afterInput.text : null}
            </>
          ),
        },
      }}
      inputWrapper={{ classes: 'govuk-password-input__wrapper' }}
      label={props.label}
      hint={props.hint}
      classes={cx('govuk-password-input__input govuk-js-password-input-input', props.classes)}
      errorMessage={props.errorMessage}
      id={id}
      name={props.name}
      type="password"
      spellcheck={false}
      autocapitalize="none"
      autocomplete={props.autocomplete || 'current-password'}
      defaultValue={props.defaultValue}
      disabled={props.disabled}
      describedBy={props.describedBy}
      attributes={props.attributes}
    />
  )
}
