import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { parseHtml, type HtmlNode } from './html'

export type Element = Extract<HtmlNode, { type: 'element' }>

type Compound = { tag?: string; id?: string; classes: string[]; attributes: Array<[string, string | undefined]> }

function parseCompound(selector: string): Compound {
  const compound: Compound = { classes: [], attributes: [] }
  const pattern = /([a-zA-Z][\w-]*)|#([\w:-]+)|\.([\w-]+)|\[([\w:.-]+)(?:="([^"]*)")?\]/g
  let consumed = 0
  for (const m of selector.matchAll(pattern)) {
    if (m.index !== consumed) throw new Error(`Unsupported selector: ${selector}`)
    consumed += m[0].length
    if (m[1]) compound.tag = m[1]
    else if (m[2]) compound.id = m[2]
    else if (m[3]) compound.classes.push(m[3])
    else compound.attributes.push([m[4]!, m[5]])
  }
  if (consumed !== selector.length) throw new Error(`Unsupported selector: ${selector}`)
  return compound
}

export const attr = (element: Element, name: string): string | undefined =>
  element.attributes.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1]

export const classList = (element: Element): string[] => (attr(element, 'class') ?? '').split(/\s+/).filter(Boolean)

function matches(element: Element, c: Compound): boolean {
  if (c.tag && element.tag !== c.tag) return false
  if (c.id && attr(element, 'id') !== c.id) return false
  const classes = classList(element)
  if (!c.classes.every((name) => classes.includes(name))) return false
  return c.attributes.every(([name, value]) => {
    const actual = attr(element, name)
    return value === undefined ? actual !== undefined : actual === value
  })
}

function descendants(nodes: HtmlNode[]): Element[] {
  const out: Element[] = []
  for (const node of nodes) {
    if (node.type !== 'element') continue
    out.push(node)
    out.push(...descendants(node.children))
  }
  return out
}

/** Elements matching a descendant selector of tag, #id, .class and [attr] / [attr="value"] parts. */
export function queryAll(nodes: HtmlNode[], selector: string): Element[] {
  let scope: Element[] | null = null
  for (const part of selector.trim().split(/\s+/)) {
    const compound = parseCompound(part)
    const pool: Element[] = scope === null ? descendants(nodes) : scope.flatMap((element) => descendants(element.children))
    scope = [...new Set(pool.filter((element) => matches(element, compound)))]
  }
  return scope ?? []
}

/** Text content with whitespace collapsed, as a screen reader would read it out. */
export function textOf(node: HtmlNode | HtmlNode[]): string {
  const raw = (nodes: HtmlNode[]): string => nodes.map((n) => (n.type === 'text' ? n.text : raw(n.children))).join('')
  return raw(Array.isArray(node) ? node : [node])
    .replace(/\s+/g, ' ')
    .trim()
}

export interface Rendered {
  html: string
  /** All matches, in document order. */
  all(selector: string): Element[]
  /** The single match; throws when there are none or several, so a test cannot pass on the wrong element. */
  one(selector: string): Element
  has(selector: string): boolean
  text(selector?: string): string
}

export function render(element: ReactElement): Rendered {
  const html = renderToStaticMarkup(element)
  const nodes = parseHtml(html)
  return {
    html,
    all: (selector) => queryAll(nodes, selector),
    one(selector) {
      const found = queryAll(nodes, selector)
      if (found.length !== 1) throw new Error(`Expected one "${selector}", found ${found.length} in:\n${html}`)
      return found[0]!
    },
    has: (selector) => queryAll(nodes, selector).length > 0,
    text: (selector) => (selector ? textOf(queryAll(nodes, selector)) : textOf(nodes)),
  }
}
