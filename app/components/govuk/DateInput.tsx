import type { HTMLAttributes, ReactNode } from 'react'
import { ErrorMessage } from './ErrorMessage'
import { Fieldset, type FieldsetOptions } from './Fieldset'
import { Hint } from './Hint'
import { Input } from './Input'
import { cx, errorId, hintId, joinIds, type Attributes, type GroupFormGroupOptions, type TextOptions } from './shared'

export type DateInputPart = 'day' | 'month' | 'year'

export interface DateInputItem {
  /** Defaults to `${id}-${name}`. */
  id?: string
  name: string
  /** Defaults to the capitalised name: "Day", "Month", "Year". */
  label?: ReactNode
  /** The macro's `value`; uncontrolled. */
  defaultValue?: string | number
  error?: boolean
  autocomplete?: string
  pattern?: string
  inputmode?: HTMLAttributes<HTMLInputElement>['inputMode']
  classes?: string
  attributes?: Attributes
}

export interface DateInputProps {
  /** Required: the inputs get `${id}-day` etc., and the error summary should link to `#${id}-day` (or the first part in error). */
  id: string
  /** Names become `${namePrefix}-day` etc. */
  namePrefix?: string
  /** Replaces the default day, month and year items. */
  items?: Array<DateInputItem | null | undefined | false>
  hint?: TextOptions
  errorMessage?: string
  /** The parts to mark as in error; all three when absent or empty, as the template does when no item is flagged. */
  errorItems?: DateInputPart[]
  formGroup?: GroupFormGroupOptions
  fieldset?: FieldsetOptions
  /** The macro's `values`, keyed by part ("day") or by submitted name ("dob-day"). */
  defaultValues?: { [partOrName: string]: string | number | undefined }
  classes?: string
  attributes?: Attributes
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()
const hasErrorClass = (item: DateInputItem): boolean => Boolean(item.classes?.includes('govuk-input--error'))

export function DateInput(props: DateInputProps) {
  const hasError = Boolean(props.errorMessage)
  const describedBy = joinIds(props.fieldset?.describedBy, props.hint && hintId(props.id), hasError && errorId(props.id))
  const namePrefix = props.namePrefix ? `${props.namePrefix}-` : ''
  const errorItems = props.errorItems?.length ? props.errorItems : undefined

  const defaultItems: DateInputItem[] = (['day', 'month', 'year'] as const).map((name) => ({
    name,
    defaultValue: props.defaultValues?.[name] ?? props.defaultValues?.[namePrefix + name],
    error: errorItems ? errorItems.includes(name) : undefined,
  }))
  const items = props.items?.length ? props.items : defaultItems
  const anyItemHasError = items.some((item) => item && (item.error || hasErrorClass(item)))

  const inner = (
    <>
      {props.hint ? <Hint id={hintId(props.id)} {...props.hint} /> : null}
      {props.errorMessage ? <ErrorMessage id={errorId(props.id)} text={props.errorMessage} /> : null}
      <div className={cx('govuk-date-input', props.classes)} {...props.attributes} id={props.id}>
        {props.formGroup?.beforeInputs?.text}
        {items.map((item, index) => {
          if (!item) return null
          const width = item.name === 'year' ? 4 : 2
          const itemHasError = Boolean(item.error) || hasErrorClass(item)
          const markError =
            !hasErrorClass(item) && (itemHasError || (item.error !== false && hasError && !anyItemHasError))
          const itemClasses = cx(
            markError && 'govuk-input--error',
            !item.classes?.includes('govuk-input--width-') && `govuk-input--width-${width}`,
            item.classes,
          )
          return (
            <div key={index} className="govuk-date-input__item">
              <Input
                label={{ text: item.label || capitalize(item.name), classes: 'govuk-date-input__label' }}
                id={item.id || `${props.id}-${item.name}`}
                classes={cx('govuk-date-input__input', itemClasses)}
                name={namePrefix + item.name}
                defaultValue={item.defaultValue ?? props.defaultValues?.[item.name] ?? props.defaultValues?.[namePrefix + item.name]}
                type="text"
                inputmode={item.inputmode || 'numeric'}
                autocomplete={item.autocomplete}
                pattern={item.pattern}
                attributes={item.attributes}
              />
            </div>
          )
        })}
        {props.formGroup?.afterInputs?.text}
      </div>
    </>
  )

  return (
    <div
      className={cx('govuk-form-group', hasError && 'govuk-form-group--error', props.formGroup?.classes)}
      {...props.formGroup?.attributes}
    >
      {props.fieldset ? (
        // role="group" so that JAWS announces the fieldset's description for text inputs.
        <Fieldset
          describedBy={describedBy}
          classes={props.fieldset.classes}
          role="group"
          attributes={props.fieldset.attributes}
          legend={props.fieldset.legend}
        >
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  )
}
