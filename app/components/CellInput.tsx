import { cx, errorId } from './govuk'
import { ErrorMessage } from './govuk/ErrorMessage'
import { widthClass, type InputWidth } from './govuk/Input'

/**
 * A text input inside a table cell: GOV.UK's input markup with a visually hidden label that names the row
 * and column, and its own inline error, so a table of inputs reads like a form to a screen reader.
 */
export function CellInput({
  name,
  label,
  defaultValue,
  error,
  width = 4,
  inputmode = 'decimal',
  suffix,
}: {
  name: string
  label: string
  defaultValue?: string
  error?: string
  width?: InputWidth
  inputmode?: 'decimal' | 'numeric' | 'text'
  suffix?: string
}) {
  const input = (
    <input
      className={cx('govuk-input', widthClass(width), error && 'govuk-input--error')}
      id={name}
      name={name}
      type="text"
      inputMode={inputmode}
      spellCheck={false}
      autoComplete="off"
      defaultValue={defaultValue}
      aria-describedby={error ? errorId(name) : undefined}
    />
  )
  return (
    <div className={cx('govuk-form-group', 'govuk-!-margin-bottom-0', error && 'govuk-form-group--error')}>
      <label className="govuk-label govuk-visually-hidden" htmlFor={name}>
        {label}
      </label>
      {error ? <ErrorMessage id={errorId(name)} text={error} /> : null}
      {suffix ? (
        <div className="govuk-input__wrapper">
          {input}
          <div className="govuk-input__suffix" aria-hidden="true">
            {suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </div>
  )
}
