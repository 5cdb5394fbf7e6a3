import type { ReactNode } from 'react'
import { ErrorMessage } from './ErrorMessage'
import { Fieldset, type FieldsetOptions } from './Fieldset'
import { Hint } from './Hint'
import { Label } from './Label'
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

export interface RadioItem {
  text: ReactNode
  /** Defaults to `idPrefix` for the first item and `idPrefix-N` (1-based) after it. */
  id?: string
  value: string | number
  label?: { classes?: string; attributes?: Attributes }
  hint?: TextOptions
  /** The macro's `checked`; uncontrolled. */
  defaultChecked?: boolean
  /** Revealed when the radio is checked; visible to users without JavaScript. */
  conditional?: { html: ReactNode }
  disabled?: boolean
  attributes?: Attributes
}

export interface RadioDivider {
  divider: string
}

export interface RadiosProps {
  fieldset?: FieldsetOptions
  hint?: TextOptions
  errorMessage?: string
  formGroup?: GroupFormGroupOptions
  /** Defaults to `name`; the error summary should link to `#${idPrefix}` (the first radio). */
  idPrefix?: string
  name: string
  items: Array<RadioItem | RadioDivider | null | undefined | false>
  /** The macro's `value`: the item with this value is checked. */
  defaultValue?: string | number
  classes?: string
  /** Adds `govuk-radios--inline`. */
  inline?: boolean
  /** Adds `govuk-radios--small`. */
  small?: boolean
  attributes?: Attributes
}

export const isDivider = (item: object): item is RadioDivider =>
  'divider' in item && Boolean((item as RadioDivider).divider)

/** The template's `item.checked | default(item.value == params.value …, true)`. */
export function isItemChecked(
  item: { value: string | number; defaultChecked?: boolean },
  groupValue: string | number | undefined,
): boolean {
  if (item.defaultChecked) return true
  if (groupValue === undefined || groupValue === '') return false
  return String(item.value) === String(groupValue) && item.defaultChecked !== false
}

/** The template's item id: the first item gets the bare prefix so the error summary can link to it. */
export const itemIdFor = (idPrefix: string, index: number): string => (index > 1 ? `${idPrefix}-${index}` : idPrefix)

export function Radios(props: RadiosProps) {
  const idPrefix = props.idPrefix || props.name
  const hasError = Boolean(props.errorMessage)
  const describedBy = joinIds(props.fieldset?.describedBy, props.hint && hintId(idPrefix), hasError && errorId(idPrefix))

  const inner = (
    <>
      {props.hint ? <Hint id={hintId(idPrefix)} {...props.hint} /> : null}
      {props.errorMessage ? <ErrorMessage id={errorId(idPrefix)} text={props.errorMessage} /> : null}
      <div
        className={cx(
          'govuk-radios',
          props.inline && 'govuk-radios--inline',
          props.small && 'govuk-radios--small',
          props.classes,
        )}
        {...props.attributes}
        data-module="govuk-radios"
      >
        {props.formGroup?.beforeInputs?.text}
        {props.items.map((item, i) => {
          if (!item) return null
          const index = i + 1
          if (isDivider(item)) {
            return (
              <div key={index} className="govuk-radios__divider">
                {item.divider}
              </div>
            )
          }
          const itemId = item.id || itemIdFor(idPrefix, index)
          const conditionalId = `conditional-${itemId}`
          const checked = isItemChecked(item, props.defaultValue)
          const hasHint = Boolean(item.hint && hasContent(item.hint.text))
          const itemHintId = `${itemId}-item-hint`
          const hasConditional = Boolean(item.conditional && hasContent(item.conditional.html))
          return [
            <div key={index} className="govuk-radios__item">
              <input
                className="govuk-radios__input"
                id={itemId}
                name={props.name}
                type="radio"
                value={item.value}
                defaultChecked={checked || undefined}
                disabled={item.disabled || undefined}
                data-aria-controls={hasConditional ? conditionalId : undefined}
                aria-describedby={hasHint ? itemHintId : undefined}
                {...item.attributes}
              />
              <Label
                text={item.text}
                classes={cx('govuk-radios__label', item.label?.classes)}
                attributes={item.label?.attributes}
                htmlFor={itemId}
              />
              {hasHint ? (
                <Hint
                  id={itemHintId}
                  text={item.hint!.text}
                  classes={cx('govuk-radios__hint', item.hint!.classes)}
                  attributes={item.hint!.attributes}
                />
              ) : null}
            </div>,
            hasConditional ? (
              <div
                key={`${index}-conditional`}
                className={cx('govuk-radios__conditional', !checked && 'govuk-radios__conditional--hidden')}
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
      {props.fieldset ? (
        <Fieldset
          describedBy={describedBy}
          classes={props.fieldset.classes}
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
