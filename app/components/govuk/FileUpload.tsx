import { ErrorMessage } from './ErrorMessage'
import { Hint } from './Hint'
import { Label, type LabelOptions } from './Label'
import { cx, errorId, hintId, joinIds, type Attributes, type FormGroupOptions, type TextOptions } from './shared'

export interface FileUploadProps {
  name: string
  /** Defaults to `name`. */
  id?: string
  disabled?: boolean
  multiple?: boolean
  describedBy?: string
  label: LabelOptions
  hint?: TextOptions
  errorMessage?: string
  formGroup?: FormGroupOptions
  /** Wraps the input for the govuk-frontend drop-zone enhancement. */
  javascript?: boolean
  chooseFilesButtonText?: string
  dropInstructionText?: string
  /** Keyed by plural rule, e.g. `{ other: '%{count} files chosen' }`. */
  multipleFilesChosenText?: { [pluralRule: string]: string }
  noFileChosenText?: string
  enteredDropZoneText?: string
  leftDropZoneText?: string
  classes?: string
  attributes?: Attributes
  wrapperClasses?: string
  wrapperAttributes?: Attributes
}

export function FileUpload(props: FileUploadProps) {
  const id = props.id || props.name
  const hasError = Boolean(props.errorMessage)
  const describedBy = joinIds(props.describedBy, props.hint && hintId(id), hasError && errorId(id))
  const { beforeInput, afterInput } = props.formGroup ?? {}

  const input = (
    <input
      className={cx('govuk-file-upload', props.classes, hasError && 'govuk-file-upload--error')}
      id={id}
      name={props.name}
      type="file"
      disabled={props.disabled || undefined}
      multiple={props.multiple || undefined}
      aria-describedby={describedBy}
      {...props.attributes}
    />
  )

  const i18n: Attributes = {
    'data-i18n.choose-files-button': props.chooseFilesButtonText,
    'data-i18n.no-file-chosen': props.noFileChosenText,
    ...Object.fromEntries(
      Object.entries(props.multipleFilesChosenText ?? {}).map(([rule, text]) => [
        `data-i18n.multiple-files-chosen.${rule}`,
        text,
      ]),
    ),
    'data-i18n.drop-instruction': props.dropInstructionText,
    'data-i18n.entered-drop-zone': props.enteredDropZoneText,
    'data-i18n.left-drop-zone': props.leftDropZoneText,
  }

  return (
    <div
      className={cx('govuk-form-group', hasError && 'govuk-form-group--error', props.formGroup?.classes)}
      {...props.formGroup?.attributes}
    >
      <Label {...props.label} htmlFor={id} />
      {props.hint ? <Hint id={hintId(id)} {...props.hint} /> : null}
      {props.errorMessage ? <ErrorMessage id={errorId(id)} text={props.errorMessage} /> : null}
      {beforeInput ? beforeInput.text : null}
      {props.javascript ? (
        <div
          className={cx('govuk-file-upload-wrapper', props.wrapperClasses)}
          data-module="govuk-file-upload"
          {...i18n}
          {...props.wrapperAttributes}
        >
          {input}
        </div>
      ) : (
        input
      )}
      {afterInput ? afterInput.text : null}
    </div>
  )
}
