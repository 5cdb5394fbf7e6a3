/**
 * Renders every example govuk-frontend publishes in its components'
 * fixtures.json through the JSX ports and compares the markup with the HTML
 * the Nunjucks templates produced for the same options. A fixture that uses an
 * option the port deliberately leaves out is listed as skipped with its reason.
 */
import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as govuk from './index'
import { normalizeHtml } from './test-support/html'
import {
  convertOptions,
  govukFrontendVersion,
  loadFixtures,
  plainErrorMessage,
  rename,
  Unsupported,
} from './test-support/fixtures'

type Adapter = (options: Record<string, any>) => ReactElement

const withField = (options: Record<string, any>) => {
  rename(options, 'value', 'defaultValue')
  options.errorMessage = plainErrorMessage(options.errorMessage)
  return options
}

const adapters: Record<string, Adapter> = {
  'back-link': (o) => createElement(govuk.BackLink, o as govuk.BackLinkProps),
  breadcrumbs: (o) => createElement(govuk.Breadcrumbs, o as govuk.BreadcrumbsProps),
  button: (o) => createElement(govuk.Button, o as govuk.ButtonProps),
  'character-count': (o) => createElement(govuk.CharacterCount, withField(o) as govuk.CharacterCountProps),
  checkboxes: (o) => {
    withField(o)
    rename(o, 'values', 'defaultValues')
    for (const item of o.items ?? []) if (item) rename(item, 'checked', 'defaultChecked')
    return createElement(govuk.Checkboxes, o as govuk.CheckboxesProps)
  },
  'date-input': (o) => {
    withField(o)
    const parts = ['day', 'month', 'year'] as const
    const overridden = parts.filter((part) => part in o)
    if (overridden.length) {
      // `{ error }` and `false` overrides map onto the port's errorItems and items; others are not ported.
      const simple = overridden.every(
        (part) => o[part] === false || (Object.keys(o[part]).length === 1 && 'error' in o[part]),
      )
      if (!simple) throw new Unsupported('day/month/year overrides other than error or omission (use items)')
      const omitted = parts.filter((part) => o[part] === false)
      if (omitted.length) o.items = parts.filter((part) => !omitted.includes(part)).map((name) => ({ name }))
      const flagged = parts.filter((part) => o[part]?.error === true)
      const cleared = parts.filter((part) => o[part]?.error === false)
      if (flagged.length) o.errorItems = flagged
      else if (cleared.length) o.errorItems = parts.filter((part) => !cleared.includes(part))
      for (const part of parts) delete o[part]
    }
    rename(o, 'values', 'defaultValues')
    for (const item of o.items ?? []) if (item) rename(item, 'value', 'defaultValue')
    return createElement(govuk.DateInput, o as govuk.DateInputProps)
  },
  details: (o) => createElement(govuk.Details, o as govuk.DetailsProps),
  'error-message': (o) => createElement(govuk.ErrorMessage, o as govuk.ErrorMessageProps),
  'error-summary': (o) => {
    if (!o.errorList?.length) throw new Unsupported('renders nothing without errors')
    rename(o, 'errorList', 'errors')
    return createElement(govuk.ErrorSummary, o as govuk.ErrorSummaryProps)
  },
  fieldset: (o) => {
    rename(o, 'text', 'children')
    return createElement(govuk.Fieldset, o as govuk.FieldsetProps)
  },
  'file-upload': (o) => createElement(govuk.FileUpload, withField(o) as govuk.FileUploadProps),
  footer: (o) => createElement(govuk.Footer, o as govuk.FooterProps),
  header: (o) => createElement(govuk.Header, { ...o, homepageUrl: o.homepageUrl || '//gov.uk' } as govuk.HeaderProps),
  hint: (o) => createElement(govuk.Hint, o as govuk.HintProps),
  input: (o) => createElement(govuk.Input, withField(o) as govuk.InputProps),
  'inset-text': (o) => createElement(govuk.InsetText, o as govuk.InsetTextProps),
  label: (o) => {
    rename(o, 'for', 'htmlFor')
    return createElement(govuk.Label, o as govuk.LabelProps)
  },
  'notification-banner': (o) => createElement(govuk.NotificationBanner, o as govuk.NotificationBannerProps),
  pagination: (o) => createElement(govuk.Pagination, o as govuk.PaginationProps),
  panel: (o) => createElement(govuk.Panel, o as govuk.PanelProps),
  'password-input': (o) => createElement(govuk.PasswordInput, withField(o) as govuk.PasswordInputProps),
  'phase-banner': (o) => createElement(govuk.PhaseBanner, o as govuk.PhaseBannerProps),
  radios: (o) => {
    withField(o)
    for (const item of o.items ?? []) if (item) rename(item, 'checked', 'defaultChecked')
    return createElement(govuk.Radios, o as govuk.RadiosProps)
  },
  select: (o) => createElement(govuk.Select, withField(o) as govuk.SelectProps),
  'service-navigation': (o) => createElement(govuk.ServiceNavigation, o as govuk.ServiceNavigationProps),
  'skip-link': (o) => createElement(govuk.SkipLink, o as govuk.SkipLinkProps),
  'summary-list': (o) => createElement(govuk.SummaryList, o as govuk.SummaryListProps),
  table: (o) => createElement(govuk.Table, o as govuk.TableProps),
  tabs: (o) => createElement(govuk.Tabs, o as govuk.TabsProps),
  tag: (o) => createElement(govuk.Tag, o as govuk.TagProps),
  'task-list': (o) => createElement(govuk.TaskList, o as govuk.TaskListProps),
  textarea: (o) => createElement(govuk.Textarea, withField(o) as govuk.TextareaProps),
  'warning-text': (o) => createElement(govuk.WarningText, o as govuk.WarningTextProps),
}

/** Fixtures whose options need the Nunjucks `html` rather than `text` to reach the port's `children`. */
const CHILDREN_FROM_HTML = new Set(['notification-banner'])

it('compares against the govuk-frontend release the app depends on', () => {
  expect(govukFrontendVersion).toMatch(/^6\.6\./)
})

let consoleError: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  consoleError.mockRestore()
})

// The fixtures the port leaves out on purpose (see README.md in this folder). A new fixture that cannot be
// rendered fails the test below instead of being skipped silently.
const unported: string[] = []
const DELIBERATELY_UNPORTED = [
  // DateInput's per-part override objects: routes use `items` and `errorItems` instead.
  'date-input: with translations',
  'date-input: with values, name prefix and custom names',
  'date-input: with errors only',
  'date-input: with field value',
  'date-input: with field value and items',
  'date-input: with field value and item value',
  'date-input: with field value, item value and values',
  'date-input: with field value overriding values',
  'date-input: with error on single field using classes',
  // ErrorSummary renders nothing without errors, and focuses itself through govuk-frontend's script.
  'error-summary: with description only',
  'error-summary: autofocus disabled',
  'error-summary: autofocus explicitly enabled',
]

for (const [component, adapt] of Object.entries(adapters)) {
  describe(component, () => {
    for (const fixture of loadFixtures(component)) {
      let element: ReactElement | undefined
      let skipReason: string | undefined
      try {
        const options = convertOptions(fixture.options)
        if (CHILDREN_FROM_HTML.has(component) && fixture.options.html) {
          options.children = options.text
          delete options.text
        }
        element = adapt(options)
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error
        skipReason = error.message
      }
      if (!element) {
        unported.push(`${component}: ${fixture.name} (${skipReason})`)
        continue
      }
      it(fixture.name, () => {
        const html = renderToStaticMarkup(element!)
        expect(normalizeHtml(html)).toEqual(normalizeHtml(fixture.html))
        expect(consoleError).not.toHaveBeenCalled()
      })
    }
  })
}

it('leaves out only the fixtures it deliberately does not port', () => {
  expect(unported.map((entry) => entry.split(' (')[0])).toEqual(DELIBERATELY_UNPORTED)
})
