/**
 * Renders a body with sample data into text segments. It never produces HTML: the UI renders each segment as a text
 * node, so markup or script typed into a body is always shown as text.
 */
import { knownKeys } from './fields'
import { normaliseName, parseContent, type ContentNode } from './placeholders'

export type RenderedSegment =
  /** Literal text from the body. */
  | { kind: 'text'; text: string; optional: boolean }
  /** A placeholder replaced by its value. */
  | { kind: 'value'; text: string; placeholder: string; optional: boolean }
  /** A known field with no value to show: the placeholder is shown as written. */
  | { kind: 'missing'; text: string; placeholder: string; optional: boolean }
  /** A placeholder the campaign's data does not provide: shown as written, and marked. */
  | { kind: 'unknown'; text: string; placeholder: string; optional: boolean }

export interface RenderOptions {
  /** Values by field name; names are matched the same way as placeholders (ignoring case, spaces, `_` and `-`). */
  values: Readonly<Record<string, string | number | null | undefined>>
  /** The campaign's custom fields; placeholders that are neither standard nor listed here are `unknown`. */
  extraFields?: readonly string[]
  /** Whether each optional-content flag is on, by flag name. Takes precedence over `values`. */
  flags?: Readonly<Record<string, boolean>>
  /**
   * Whether optional content shows when neither `flags` nor `values` decides it. Defaults to true, so a preview
   * shows everything. A value decides a flag when it reads as yes or no, as in Notify: yes/y/true/1 or no/n/false/0/''.
   */
  showOptional?: boolean
}

export interface RenderedContent {
  segments: RenderedSegment[]
  /** The rendered text as one string, for the SMS counter and plain-text previews. */
  text: string
  /** Names (as written) of placeholders and flags that the campaign's data does not provide, without repeats. */
  unknown: string[]
}

function flagFromValue(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined
  const v = value.trim().toLowerCase()
  if (['yes', 'y', 'true', '1'].includes(v)) return true
  if (['no', 'n', 'false', '0', ''].includes(v)) return false
  return undefined
}

export function renderContent(body: string, options: RenderOptions): RenderedContent {
  const parsed = parseContent(body)
  const values = new Map<string, string>()
  for (const [name, value] of Object.entries(options.values)) {
    if (value !== null && value !== undefined) values.set(normaliseName(name), String(value))
  }
  const flags = new Map<string, boolean>()
  for (const [name, on] of Object.entries(options.flags ?? {})) flags.set(normaliseName(name), on)
  const known = knownKeys(options.extraFields)
  const showByDefault = options.showOptional ?? true

  const segments: RenderedSegment[] = []
  const unknown = new Set<string>()
  const unknownNames: string[] = []
  const noteUnknown = (name: string, key: string) => {
    if (!unknown.has(key)) {
      unknown.add(key)
      unknownNames.push(name)
    }
  }

  const pushText = (text: string, optional: boolean) => {
    if (text === '') return
    const last = segments[segments.length - 1]
    if (last && last.kind === 'text' && last.optional === optional) last.text += text
    else segments.push({ kind: 'text', text, optional })
  }

  const visit = (nodes: ContentNode[], optional: boolean) => {
    for (const node of nodes) {
      if (node.kind === 'text') pushText(node.text, optional)
      else if (node.kind === 'placeholder') {
        if (!known.has(node.key)) {
          noteUnknown(node.name, node.key)
          segments.push({ kind: 'unknown', text: node.raw, placeholder: node.name, optional })
        } else {
          const value = values.get(node.key)
          if (value === undefined) segments.push({ kind: 'missing', text: node.raw, placeholder: node.name, optional })
          else segments.push({ kind: 'value', text: value, placeholder: node.name, optional })
        }
      } else {
        if (!known.has(node.key)) noteUnknown(node.flag, node.key)
        if (flags.get(node.key) ?? flagFromValue(values.get(node.key)) ?? showByDefault) visit(node.children, true)
      }
    }
  }
  visit(parsed.nodes, false)

  return { segments, text: segments.map((s) => s.text).join(''), unknown: unknownNames }
}

/**
 * Renders a letter's address block as the lines that show through the envelope window. Lines that come out blank
 * (such as an empty `((address_line_5))`) are dropped, as a print supplier would drop them.
 */
export function renderAddressBlock(addressBlock: string, options: RenderOptions): RenderedSegment[][] {
  const rendered = renderContent(addressBlock, options)
  const lines: RenderedSegment[][] = [[]]
  for (const segment of rendered.segments) {
    const parts = segment.text.split(/\r\n|\r|\n/)
    parts.forEach((part, index) => {
      if (index > 0) lines.push([])
      if (part !== '') lines[lines.length - 1]!.push({ ...segment, text: part })
    })
  }
  return lines.filter((line) => line.some((s) => s.text.trim() !== ''))
}
