import { ErrorMessage } from './ErrorMessage'
import { Hint } from './Hint'
import { Label, type LabelOptions } from './Label'
import { cx, errorId, hintId, joinIds, type Attributes, type FormGroupOptions, type TextOptions } from './shared'

export interface SelectItem {
  /** Omitted from the `<option>` when undefined, as in the template; the text is then submitted. */
  value?: string | number
  text: string
  /** Overrides matching against the select's `defaultValue`. */
  selected?: boolean
  disabled?: boolean
  attributes?: Attributes
}

export interface SelectProps {
  /** Defaults to `name`. */
  id?: string
  name: string
  items: Array<SelectItem | null | undefined | false>
  /** The macro's `value`: the option whose value (or text) matches is selected. */
  defaultValue?: string | number
  disabled?: boolean
  describedBy?: string
  label: LabelOptions
  hint?: TextOptions
  errorMessage?: string
  formGroup?: FormGroupOptions
  classes?: string
  attributes?: Attributes
}

const effectiveValue = (item: SelectItem): string => String(item.value ?? item.text)

export function Select(props: SelectProps) {
  const id = props.id || props.name
  const hasError = Boolean(props.errorMessage)
  const describedBy = joinIds(props.describedBy, props.hint && hintId(id), hasError && errorId(id))
  const items = (props.items ?? []).filter((item): item is SelectItem => Boolean(item))
  const { beforeInput, afterInput } = props.formGroup ?? {}

  // React marks options selected through the select's defaultValue, not through `selected` on an option;
  // as in a browser, the last option flagged `selected` wins.
  const wanted = props.defaultValue === undefined || props.defaultValue === '' ? undefined : String(props.defaultValue)
  const selectedItem =
    [...items].reverse().find((item) => item.selected) ??
    (wanted === undefined
      ? undefined
      : items.find((item) => item.selected !== false && effectiveValue(item) === wanted))

  return (
    <div
      className={cx('govuk-form-group', hasError && 'govuk-form-group--error', props.formGroup?.classes)}
      {...props.formGroup?.attributes}
    >
      <Label {...props.label} htmlFor={id} />
      {props.hint ? <Hint id={hintId(id)} {...props.hint} /> : null}
      {props.errorMessage ? <ErrorMessage id={errorId(id)} text={props.errorMessage} /> : null}
      {beforeInput ? beforeInput.text : null}
      <select
        className={cx('govuk-select', props.classes, hasError && 'govuk-select--error')}
        id={id}
        name={props.name}
        disabled={props.disabled || undefined}
        aria-describedby={describedBy}
        {...props.attributes}
        defaultValue={selectedItem ? effectiveValue(selectedItem) : undefined}
      >
        {items.map((item, index) => (
          <option key={index} value={item.value} disabled={item.disabled || undefined} {...item.attributes}>
            {item.text}
          </option>
        ))}
      </select>
      {afterInput ? afterInput.text : null}
    </div>
  )
}

