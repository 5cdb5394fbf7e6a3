import type { ReactNode } from 'react'

/**
 * Extra HTML attributes, spread onto the component's root element as the
 * Nunjucks `attributes` option is. Use React's spelling for the few attributes
 * React renames (`className`, `htmlFor`, `autoComplete` …); `data-*` and
 * `aria-*` pass through unchanged.
 */
export type Attributes = { [name: string]: string | number | boolean | undefined }

/** `{ text }` with optional classes and attributes, as most macro sub-options are. */
export interface TextOptions {
  text: ReactNode
  classes?: string
  attributes?: Attributes
}

/** The id GOV.UK gives a field's hint. */
export const hintId = (id: string): string => `${id}-hint`

/** The id GOV.UK gives a field's error message; the error summary links to the field id itself. */
export const errorId = (id: string): string => `${id}-error`

/** Joins class names, skipping empty ones, as the templates' `{%- if … %}` chains do. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ')
}

/** Joins ids for `aria-describedby` in the order given; undefined when none, so React omits the attribute. */
export function joinIds(...ids: Array<string | false | null | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(' ')
  return joined === '' ? undefined : joined
}

/** Mirrors Nunjucks truthiness for a text/html option. */
export function hasContent(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== ''
}

/** Options for the `govuk-form-group` wrapper of a single-control field. */
export interface FormGroupOptions {
  classes?: string
  attributes?: Attributes
  beforeInput?: { text: ReactNode }
  afterInput?: { text: ReactNode }
}

/** Options for the `govuk-form-group` wrapper of a group of controls (radios, checkboxes, date). */
export interface GroupFormGroupOptions {
  classes?: string
  attributes?: Attributes
  beforeInputs?: { text: ReactNode }
  afterInputs?: { text: ReactNode }
}
