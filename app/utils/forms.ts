import type { z } from 'zod'

/** A form's submitted values: the first value of each key, as text. No prototype, so "__proto__" is just a key. */
export type FormValues = Record<string, string>
export type FieldErrors = Record<string, string>

export function formValues(form: FormData | URLSearchParams): FormValues {
  const values: FormValues = Object.create(null)
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !(key in values)) values[key] = value
  }
  return values
}

/**
 * The longest text a refused form sends back to its page: the largest text any check is specified for
 * (LIMITS.checkedText in app/content/limits.ts), ten times the longest field. Whatever a person typed or pasted comes
 * back whole for them to correct; a pasted megabyte is cut, so the page stays a page.
 */
export const MAX_ECHOED_CHARS = 200_000

/** The user's values as a refused form sends them back: the same shape, with any text cut to MAX_ECHOED_CHARS. */
export function echoed<T>(value: T): T {
  if (typeof value === 'string') return (value.length > MAX_ECHOED_CHARS ? cut(value) : value) as T
  if (Array.isArray(value)) return value.map(echoed) as T
  if (value && typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>
    for (const [key, item] of Object.entries(value)) copy[key] = echoed(item)
    return copy as T
  }
  return value
}

function cut(text: string): string {
  // Never leave half of a surrogate pair at the end.
  const end = /[\uD800-\uDBFF]/.test(text[MAX_ECHOED_CHARS - 1]!) ? MAX_ECHOED_CHARS - 1 : MAX_ECHOED_CHARS
  return text.slice(0, end)
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/** Validates with zod; the first problem for each field becomes its GOV.UK error message. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_form'
    if (!(field in errors)) errors[field] = issue.message
  }
  return { ok: false, errors }
}

export interface ErrorLink {
  text: string
  href: string
}

/** The error summary's entries, in the order the fields appear on the page. */
export function errorLinks(errors: FieldErrors | undefined, order: string[] = [], hrefs: Record<string, string> = {}): ErrorLink[] {
  if (!errors) return []
  const keys = Object.keys(errors)
  keys.sort((a, b) => rank(order, a) - rank(order, b))
  return keys.map((key) => ({ text: errors[key]!, href: hrefs[key] ?? (key === '_form' ? '#main-content' : `#${key}`) }))
}

function rank(order: string[], key: string): number {
  if (key === '_form') return -1
  const index = order.indexOf(key)
  return index === -1 ? order.length : index
}

const nonEmpty = (value: unknown) =>
  Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.length > 0 : !!value && typeof value === 'object' && Object.keys(value).length > 0

/**
 * Whether what an action returned reports a failure: field `errors`, launch `problems` or a single `error`. The page
 * title then starts "Error: " and focus moves to the error summary (docs/conventions.md, "A failed submission").
 */
export function reportsErrors(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false
  const reply = data as { errors?: unknown; problems?: unknown; error?: unknown }
  return nonEmpty(reply.errors) || nonEmpty(reply.problems) || nonEmpty(reply.error)
}
