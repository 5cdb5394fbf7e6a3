import type { HTMLAttributes } from 'react'
import { ErrorMessage } from './ErrorMessage'
import { Hint } from './Hint'
import { Label, type LabelOptions } from './Label'
import {
  cx,
  errorId,
  hasContent,
  hintId,
  joinIds,
  type Attributes,
  type FormGroupOptions,
  type TextOptions,
} from './shared'

export type InputWidth =
  | 2
  | 3
  | 4
  | 5
  | 10
  | 20
  | 30
  | 'full'
  | 'three-quarters'
  | 'two-thirds'
  | 'one-half'
  | 'one-third'
  | 'one-quarter'

export interface InputProps {
  /** Defaults to `name`; the error summary should link to `#${id}`. */
  id?: string
  name: string
  type?: string
  inputmode?: HTMLAttributes<HTMLInputElement>['inputMode']
  /** The macro's `value`; uncontrolled so that server-rendered values survive without JavaScript. */
  defaultValue?: string | number
  disabled?: boolean
  /** Ids placed before the hint and error ids in `aria-describedby`. */
  describedBy?: string
  label: LabelOptions
  hint?: TextOptions
  errorMessage?: string
  prefix?: TextOptions
  suffix?: TextOptions
  formGroup?: FormGroupOptions
  classes?: string
  /** Adds `govuk-input--width-N` (character widths) or `govuk-!-width-…` (fluid widths). */
  width?: InputWidth
  autocomplete?: string
  pattern?: string
  spellcheck?: boolean
  autocapitalize?: string
  inputWrapper?: { classes?: string; attributes?: Attributes }
  attributes?: Attributes
}

export function widthClass(width: InputWidth | undefined): string | undefined {
  if (width === undefined) return undefined
  return typeof width === 'number' ? `govuk-input--width-${width}` : `govuk-!-width-${width}`
}

function Affix({ affix, type }: { affix: TextOptions; type: 'prefix' | 'suffix' }) {
  return (
    <div className={cx(`govuk-input__${type}`, affix.classes)} aria-hidden="true" {...affix.attributes}>
      {affix.text}
    </div>
  )
}

export function Input(props: InputProps) {
  const id = props.id || props.name
  const hasHint = Boolean(props.hint)
  const hasError = Boolean(props.errorMessage)
  const describedBy = joinIds(props.describedBy, hasHint && hintId(id), hasError && errorId(id))

  const hasPrefix = Boolean(props.prefix && hasContent(props.prefix.text))
  const hasSuffix = Boolean(props.suffix && hasContent(props.suffix.text))
  const beforeInput = props.formGroup?.beforeInput
  const afterInput = props.formGroup?.afterInput
  const hasBeforeInput = Boolean(beforeInput && hasContent(beforeInput.text))
  const hasAfterInput = Boolean(afterInput && hasContent(afterInput.text))

  const input = (
    <input
      className={cx('govuk-input', widthClass(props.width), props.classes, hasError && 'govuk-input--error')}
      id={id}
      name={props.name}
      type={props.type || 'text'}
      spellCheck={props.spellcheck}
      defaultValue={props.defaultValue}
      disabled={props.disabled || undefined}
      aria-describedby={describedBy}
      autoComplete={props.autocomplete}
      autoCapitalize={props.autocapitalize}
      pattern={props.pattern}
      inputMode={props.inputmode}
      {...props.attributes}
    />
  )

  return (
    <div
      className={cx('govuk-form-group', hasError && 'govuk-form-group--error', props.formGroup?.classes)}
      {...props.formGroup?.attributes}
    >
      <Label {...props.label} htmlFor={id} />
      {props.hint ? <Hint id={hintId(id)} {...props.hint} /> : null}
      {props.errorMessage ? <ErrorMessage id={errorId(id)} text={props.errorMessage} /> : null}
      {hasPrefix || hasSuffix || hasBeforeInput || hasAfterInput ? (
        <div className={cx('govuk-input__wrapper', props.inputWrapper?.classes)} {...props.inputWrapper?.attributes}>
          {hasBeforeInput ? beforeInput!.text : null}
          {hasPrefix ? <Affix affix={props.prefix!} type="prefix" /> : null}
          {input}
          {hasSuffix ? <Affix affix={props.suffix!} type="suffix" /> : null}
          {hasAfterInput ? afterInput!.text : null}
        </div>
      ) : (
        input
      )}
    </div>
  )
}
