import type { ReactNode } from 'react'
import { ErrorMessage } from './ErrorMessage'
import { Fieldset, type FieldsetOptions } from './Fieldset'
import { Hint } from './Hint'
import { Label } from './Label'
import { isDivider, itemIdFor } from './Radios'
import {
  cx,
  errorId,
  hasContent,
  hintId,
  joinIds,
  type Attributes,
  type GroupFormGroupOptions,
  type TextOptions,
} from './shared'

export interface CheckboxItem {
  text: ReactNode
  /** Defaults to `idPrefix` for the first item and `idPrefix-N` (1-based) after it. */
  id?: string
  /** Defaults to the group's `name`. */
  name?: string
  value: string | number
  label?: { classes?: string; attributes?: Attributes }
  hint?: TextOptions
  /** The macro's `checked`; uncontrolled. */
  defaultChecked?: boolean
  /** Revealed when the box is checked; visible to users without JavaScript. */
  conditional?: { html: ReactNode }
  /** `exclusive` makes this a "None" option that unchecks the others (JavaScript enhancement). */
  behaviour?: 'exclusive'
  disabled?: boolean
  attributes?: Attributes
}

export interface CheckboxDivider {
  divider: string
}

export interface CheckboxesProps {
  describedBy?: string
  fieldset?: FieldsetOptions
  hint?: TextOptions
  errorMessage?: string
  formGroup?: GroupFormGroupOptions
  /** Defaults to `name`; the error summary should link to `#${idPrefix}` (the first checkbox). */
  idPrefix?: string
  name: string
  items: Array<CheckboxItem | CheckboxDivider | null | undefined | false>
  /** The macro's `values`: items with these values are checked. */
  defaultValues?: Array<string | number>
  classes?: string
  /** Adds `govuk-checkboxes--small`. */
  small?: boolean
  attributes?: Attributes
}

function isItemChecked(item: CheckboxItem, values: Array<string | number> | undefined): boolean {
  if (item.defaultChecked) return true
  if (!values) return false
  return values.map(String).includes(String(item.value)) && item.defaultChecked !== false
}

export function Checkboxes(props: CheckboxesProps) {
  const idPrefix = props.idPrefix || props.name
  const hasError = Boolean(props.errorMessage)
  const hasFieldset = Boolean(props.fieldset)
  const describedBy = joinIds(
    props.fieldset?.describedBy || props.describedBy,
    props.hint && hintId(idPrefix),
    hasError && errorId(idPrefix),
  )

  const inner = (
    <>
      {props.hint ? <Hint id={hintId(idPrefix)} {...props.hint} /> : null}
      {props.errorMessage ? <ErrorMessage id={errorId(idPrefix)} text={props.errorMessage} /> : null}
      <div
        className={cx('govuk-checkboxes', props.small && 'govuk-checkboxes--small', props.classes)}
        {...props.attributes}
        data-module="govuk-checkboxes"
      >
        {props.formGroup?.beforeInputs?.text}
        {props.items.map((item, i) => {
          if (!item) return null
          const index = i + 1
          if (isDivider(item)) {
            return (
              <div key={index} className="govuk-checkboxes__divider">
                {item.divider}
              </div>
            )
          }
          const itemId = item.id || itemIdFor(idPrefix, index)
          const conditionalId = `conditional-${itemId}`
          const checked = isItemChecked(item, props.defaultValues)
          const hasHint = Boolean(item.hint && hasContent(item.hint.text))
          const itemHintId = `${itemId}-item-hint`
          const hasConditional = Boolean(item.conditional && hasContent(item.conditional.html))
          // Without a fieldset to carry them, the group's hint and error describe every checkbox.
          const itemDescribedBy = joinIds(!hasFieldset && describedBy, hasHint && itemHintId)
          return [
            <div key={index} className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={itemId}
                name={item.name || props.name}
                type="checkbox"
                value={item.value}
                defaultChecked={checked || undefined}
                disabled={item.disabled || undefined}
                data-aria-controls={hasConditional ? conditionalId : undefined}
                data-behaviour={item.behaviour || undefined}
                aria-describedby={itemDescribedBy}
                {...item.attributes}
              />
              <Label
                text={item.text}
                classes={cx('govuk-checkboxes__label', item.label?.classes)}
                attributes={item.label?.attributes}
                htmlFor={itemId}
              />
              {hasHint ? (
                <Hint
                  id={itemHintId}
                  text={item.hint!.text}
                  classes={cx('govuk-checkboxes__hint', item.hint!.classes)}
                  attributes={item.hint!.attributes}
                />
              ) : null}
            </div>,
            hasConditional ? (
              <div
                key={`${index}-conditional`}
                className={cx('govuk-checkboxes__conditional', !checked && 'govuk-checkboxes__conditional--hidden')}
                id={conditionalId}
              >
                {item.conditional!.html}
              </div>
            ) : null,
          ]
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
      {hasFieldset ? (
        <Fieldset
          describedBy={describedBy}
          classes={props.fieldset!.classes}
          attributes={props.fieldset!.attributes}
          legend={props.fieldset!.legend}
        >
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  )
}
