import { Hint } from './Hint'
import type { LabelOptions } from './Label'
import { Textarea } from './Textarea'
import { cx, type Attributes, type FormGroupOptions, type TextOptions } from './shared'

/** Translations keyed by plural rule (`one`, `other` …), e.g. `{ one: 'You have %{count} character remaining', other: '…' }`. */
export type PluralisedText = { [pluralRule: string]: string }

export interface CharacterCountProps {
  /** Defaults to `name`. */
  id?: string
  name: string
  rows?: number
  /** The macro's `value`; uncontrolled. */
  defaultValue?: string
  /** One of `maxlength` or `maxwords` is required for the server-rendered "You can enter up to …" hint. */
  maxlength?: number
  maxwords?: number
  /** Percentage of the limit at which the count message appears (JavaScript only). */
  threshold?: number
  /** Defaults to "length" (characters), or "words" when only maxwords is given. */
  countType?: 'length' | 'words'
  label: LabelOptions
  hint?: TextOptions
  errorMessage?: string
  formGroup?: FormGroupOptions
  classes?: string
  attributes?: Attributes
  spellcheck?: boolean
  countMessage?: { classes?: string }
  /** Server-rendered limit text; `%{count}` is replaced with the limit. */
  textareaDescriptionText?: string
  charactersUnderLimitText?: PluralisedText
  charactersAtLimitText?: string
  charactersOverLimitText?: PluralisedText
  wordsUnderLimitText?: PluralisedText
  wordsAtLimitText?: string
  wordsOverLimitText?: PluralisedText
}

function i18nAttributes(key: string, text: string | PluralisedText | undefined): Attributes {
  if (!text) return {}
  if (typeof text === 'string') return { [`data-i18n.${key}`]: text }
  return Object.fromEntries(Object.entries(text).map(([rule, message]) => [`data-i18n.${key}.${rule}`, message]))
}

export function CharacterCount(props: CharacterCountProps) {
  const id = props.id || props.name
  const countType = props.countType ?? (props.maxwords ? 'words' : undefined)
  const limit = props.maxwords || props.maxlength
  const descriptionText =
    props.textareaDescriptionText || `You can enter up to %{count} ${countType === 'words' ? 'words' : 'characters'}`
  const infoId = `${id}-info`

  const formGroupAttributes: Attributes = {
    'data-module': 'govuk-character-count',
    'data-maxlength': props.maxlength || undefined,
    'data-maxwords': props.maxwords || undefined,
    'data-threshold': props.threshold || undefined,
    'data-count-type': countType,
    // Without a limit the JavaScript cannot guess the description, so it is only passed when given.
    ...(!limit && props.textareaDescriptionText
      ? i18nAttributes('textarea-description', { other: props.textareaDescriptionText })
      : {}),
    ...i18nAttributes('characters-under-limit', props.charactersUnderLimitText),
    ...i18nAttributes('characters-at-limit', props.charactersAtLimitText),
    ...i18nAttributes('characters-over-limit', props.charactersOverLimitText),
    ...i18nAttributes('words-under-limit', props.wordsUnderLimitText),
    ...i18nAttributes('words-at-limit', props.wordsAtLimitText),
    ...i18nAttributes('words-over-limit', props.wordsOverLimitText),
    ...props.formGroup?.attributes,
  }

  const countMessage = (
    <>
      <Hint
        text={limit ? descriptionText.replace('%{count}', String(limit)) : undefined}
        id={infoId}
        classes={cx('govuk-character-count__message', props.countMessage?.classes)}
      />
      {props.formGroup?.afterInput?.text}
    </>
  )

  return (
    <Textarea
      id={id}
      name={props.name}
      describedBy={infoId}
      rows={props.rows}
      spellcheck={props.spellcheck}
      defaultValue={props.defaultValue}
      formGroup={{
        classes: cx('govuk-character-count', props.formGroup?.classes),
        attributes: formGroupAttributes,
        beforeInput: props.formGroup?.beforeInput,
        afterInput: { text: countMessage },
      }}
      classes={cx('govuk-js-character-count', props.classes)}
      label={props.label}
      hint={props.hint}
      errorMessage={props.errorMessage}
      attributes={props.attributes}
    />
  )
}
