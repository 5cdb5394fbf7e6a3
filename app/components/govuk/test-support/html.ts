import { createElement, Fragment, type ReactNode } from 'react'

/** A parsed HTML node; only what the GOV.UK fixtures need. */
export type HtmlNode =
  | { type: 'text'; text: string }
  | { type: 'element'; tag: string; attributes: Array<[string, string]>; children: HtmlNode[] }

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ctdot: '\u22EF',
  copy: '©',
  pound: '£',
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
      return String.fromCodePoint(code)
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match
  })
}

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g

/** Parses well-formed HTML (as rendered by Nunjucks or React) into a tree. */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlNode & { type: 'element' } = { type: 'element', tag: '#root', attributes: [], children: [] }
  const stack = [root]
  let last = 0
  const pushText = (text: string) => {
    if (text) stack[stack.length - 1]!.children.push({ type: 'text', text: decodeEntities(text) })
  }
  for (const match of html.matchAll(TOKEN)) {
    pushText(html.slice(last, match.index))
    last = match.index! + match[0].length
    if (match[0].startsWith('<!--')) continue
    const [, closing, rawTag, rawAttributes, selfClosing] = match
    const tag = rawTag!
    if (closing) {
      const index = stack.map((node) => node.tag).lastIndexOf(tag)
      if (index <= 0) throw new Error(`Unbalanced </${tag}> in:\n${html}`)
      stack.length = index
      continue
    }
    const attributes: Array<[string, string]> = []
    for (const a of rawAttributes!.matchAll(ATTRIBUTE)) {
      attributes.push([a[1]!, decodeEntities(a[2] ?? a[3] ?? a[4] ?? '')])
    }
    const element: HtmlNode & { type: 'element' } = { type: 'element', tag, attributes, children: [] }
    stack[stack.length - 1]!.children.push(element)
    if (!selfClosing && !VOID.has(tag.toLowerCase())) stack.push(element)
  }
  pushText(html.slice(last))
  if (stack.length !== 1) throw new Error(`Unclosed <${stack[stack.length - 1]!.tag}> in:\n${html}`)
  return root.children
}

function normalizeAttribute(name: string, value: string): string {
  if (name === 'class') return value.replace(/\s+/g, ' ').trim()
  if (name === 'style') return value.replace(/\s*([:;])\s*/g, '$1').replace(/;$/, '')
  return value
}

/**
 * One line per tag or text run: attributes sorted, class lists and text
 * whitespace collapsed, whitespace-only text dropped. Nunjucks indentation and
 * React's compact output then compare equal, while every element, attribute
 * and word still has to match.
 */
export function normalizeHtml(html: string): string[] {
  const lines: string[] = []
  const walk = (nodes: HtmlNode[], depth: number) => {
    for (const node of nodes) {
      const indent = '  '.repeat(depth)
      if (node.type === 'text') {
        const text = node.text.replace(/\s+/g, ' ').trim()
        if (text) lines.push(indent + JSON.stringify(text))
        continue
      }
      const attributes = [...node.attributes]
        // The HTML parser lowercases attribute names (React writes `inputMode`, Nunjucks `inputmode`).
        .map(([name, value]) => [name.toLowerCase(), normalizeAttribute(name.toLowerCase(), value)] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}=${JSON.stringify(value)}`))
        .join('')
      lines.push(`${indent}<${node.tag}${attributes}>`)
      walk(node.children, depth + 1)
    }
  }
  walk(parseHtml(html), 0)
  return lines
}

const REACT_NAMES: Record<string, string> = {
  class: 'className',
  for: 'htmlFor',
  tabindex: 'tabIndex',
  autocomplete: 'autoComplete',
  spellcheck: 'spellCheck',
  inputmode: 'inputMode',
  maxlength: 'maxLength',
  readonly: 'readOnly',
  colspan: 'colSpan',
  rowspan: 'rowSpan',
  autocapitalize: 'autoCapitalize',
  enterkeyhint: 'enterKeyHint',
  hreflang: 'hrefLang',
}

/** React's name for an HTML attribute (`class` → `className`); others pass through. */
export const reactAttributeName = (name: string): string => REACT_NAMES[name.toLowerCase()] ?? name

function toReact(nodes: HtmlNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    if (node.type === 'text') return node.text
    const props: Record<string, unknown> = { key: index }
    for (const [name, value] of node.attributes) {
      if (name === 'style') {
        props.style = Object.fromEntries(
          value
            .split(';')
            .filter((rule) => rule.trim())
            .map((rule) => {
              const [property, ...rest] = rule.split(':')
              return [property!.trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), rest.join(':').trim()]
            }),
        )
        continue
      }
      // Uncontrolled, as the components are, so React does not warn about value without onChange.
      if (name === 'value' && ['input', 'textarea', 'select'].includes(node.tag)) props.defaultValue = value
      else if (name === 'checked') props.defaultChecked = true
      else props[reactAttributeName(name)] = value
    }
    if (node.tag === 'textarea') {
      props.defaultValue = node.children.map((child) => (child.type === 'text' ? child.text : '')).join('')
      return createElement(node.tag, props)
    }
    return createElement(node.tag, props, ...(node.children.length ? toReact(node.children) : []))
  })
}

/** Turns a fixture's `html` option into React nodes (a plain string when it has no tags). */
export function htmlToReact(html: string): ReactNode {
  const nodes = parseHtml(html)
  if (nodes.every((node) => node.type === 'text')) return nodes.map((node) => (node.type === 'text' ? node.text : '')).join('')
  return createElement(Fragment, null, ...toReact(nodes))
}
