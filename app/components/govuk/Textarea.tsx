import { ErrorMessage } from './ErrorMessage'
import { Hint } from './Hint'
import { Label, type LabelOptions } from './Label'
import { cx, errorId, hintId, joinIds, type Attributes, type FormGroupOptions, type TextOptions } from './shared'

export interface TextareaProps {
  /** Defaults to `name`. */
  id?: string
  name: string
  spellcheck?: boolean
  rows?: number
  /** The macro's `value`; uncontrolled. */
  defaultValue?: string
  disabled?: boolean
  /** Ids placed before the hint and error ids in `aria-describedby`. */
  describedBy?: string
  label: LabelOptions
  hint?: TextOptions
  errorMessage?: string
  formGroup?: FormGroupOptions
  classes?: string
  autocomplete?: string
  attributes?: Attributes
}

export function Textarea(props: TextareaProps) {
  const id = props.id || props.name
  const hasError = Boolean(props.errorMessage)
  const describedBy = joinIds(props.describedBy, props.hint && hintId(id), hasError && errorId(id))
  const { beforeInput, afterInput } = props.formGroup ?? {}

  return (
    <div
      className={cx('govuk-form-group', hasError && 'govuk-form-group--error', props.formGroup?.classes)}
      {...props.formGroup?.attributes}
    >
      <Label {...props.label} htmlFor={id} />
      {props.hint ? <Hint id={hintId(id)} {...props.hint} /> : null}
      {props.errorMessage ? <ErrorMessage id={errorId(id)} text={props.errorMessage} /> : null}
      {beforeInput ? beforeInput.text : null}
      <textarea
        className={cx('govuk-textarea', hasError && 'govuk-textarea--error', props.classes)}
        id={id}
        name={props.name}
        rows={props.rows || 5}
        spellCheck={props.spellcheck}
        disabled={props.disabled || undefined}
        aria-describedby={describedBy}
        autoComplete={props.autocomplete}
        {...props.attributes}
        defaultValue={props.defaultValue}
      />
      {afterInput ? afterInput.text : null}
    </div>
  )
}
