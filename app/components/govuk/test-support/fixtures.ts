import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { htmlToReact, reactAttributeName } from './html'

export interface Fixture {
  name: string
  options: Record<string, unknown>
  html: string
  hidden?: boolean
}

const require = createRequire(import.meta.url)
const packageJsonPath = require.resolve('govuk-frontend/package.json')

export const govukFrontendVersion: string = JSON.parse(readFileSync(packageJsonPath, 'utf8')).version

/** The examples govuk-frontend publishes with each component: Nunjucks options and the HTML they render. */
export function loadFixtures(component: string): Fixture[] {
  const file = path.join(path.dirname(packageJsonPath), 'dist/govuk/components', component, 'fixtures.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { fixtures: Fixture[] }).fixtures
}

/** Thrown by an adapter for a fixture that uses an option the port deliberately does not offer. */
export class Unsupported extends Error {}

/** Keys whose `html` is a content slot in the port, rather than folded into `text`. */
const KEEP_HTML_UNDER = new Set(['conditional', 'panel', 'end'])

function flattenAttributes(attributes: unknown): Record<string, unknown> {
  if (typeof attributes === 'string') throw new Unsupported('attributes given as a string of HTML')
  const out: Record<string, unknown> = {}
  for (const [name, item] of Object.entries(attributes as Record<string, unknown>)) {
    const { value, optional } =
      item !== null && typeof item === 'object' ? (item as { value: unknown; optional?: boolean }) : { value: item, optional: false }
    if (optional && (value === undefined || value === null || value === false)) continue
    out[reactAttributeName(name)] = optional && value === true ? true : value === undefined || value === null ? '' : String(value)
  }
  return out
}

/**
 * Nunjucks options → the port's props: `html` (which wins over `text`) becomes
 * `text` as React nodes, `fooHtml` becomes `fooText`, attributes are flattened.
 */
export function convertOptions(value: unknown, parentKey = ''): any {
  if (Array.isArray(value)) return value.map((item) => convertOptions(item, parentKey))
  if (value === null || typeof value !== 'object') return value
  const input = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(input)) {
    if (key === 'attributes' || key === 'wrapperAttributes') {
      out[key] = flattenAttributes(item)
    } else if (key === 'html') {
      if (!item) continue
      if (KEEP_HTML_UNDER.has(parentKey)) out.html = htmlToReact(String(item))
      else out.text = htmlToReact(String(item))
    } else if (key.endsWith('Html') && key !== 'logoHtml') {
      if (item) out[key.replace(/Html$/, 'Text')] = htmlToReact(String(item))
    } else if (key === 'text' || key.endsWith('Text')) {
      const htmlKey = key === 'text' ? 'html' : key.replace(/Text$/, 'Html')
      if (!input[htmlKey] || KEEP_HTML_UNDER.has(parentKey)) out[key] = item
    } else if (key === 'slots') {
      const slots: Record<string, unknown> = {}
      for (const [slot, content] of Object.entries(item as Record<string, unknown>)) {
        slots[slot] = typeof content === 'string' ? htmlToReact(content) : convertOptions(content, slot)
      }
      out.slots = slots
    } else {
      out[key] = convertOptions(item, key)
    }
  }
  return out
}

/** The port takes `errorMessage` as plain text only. */
export function plainErrorMessage(errorMessage: unknown): string | undefined {
  if (errorMessage === undefined || errorMessage === null || errorMessage === false) return undefined
  const { text, ...rest } = errorMessage as { text?: unknown }
  if (Object.keys(rest).length || (text !== undefined && typeof text !== 'string')) {
    throw new Unsupported(`errorMessage options other than plain text: ${Object.keys(rest).join(', ') || 'html'}`)
  }
  return text as string | undefined
}

/** Renames a key in place (e.g. Nunjucks `value` → React `defaultValue`). */
export function rename(object: Record<string, any> | undefined, from: string, to: string): void {
  if (object && from in object) {
    object[to] = object[from]
    delete object[from]
  }
}
