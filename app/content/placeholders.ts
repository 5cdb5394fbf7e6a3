/**
 * Placeholders `((name))` and optional content `((flag??text))`, where the text may hold placeholders of its own.
 *
 * The parser is a single left-to-right scan with an explicit stack, so it is linear in the length of the text and
 * has no regular expression that could backtrack. It never throws: anything malformed becomes literal text plus a
 * `ParseIssue` saying what is wrong and where.
 */

/** Deeper nesting than this is treated as literal text (and reported), which keeps the tree shallow. */
export const MAX_NESTING = 5

export interface SourcePosition {
  /** 0-based offset in UTF-16 code units, as used by `String.prototype.slice` and textarea selection. */
  offset: number
  /** 1-based line number. */
  line: number
  /** 1-based column, in UTF-16 code units. */
  column: number
}

export interface TextNode {
  kind: 'text'
  text: string
  start: number
  end: number
}

export interface PlaceholderNode {
  kind: 'placeholder'
  /** The name as written, trimmed: `(( Customer Name ))` gives `Customer Name`. */
  name: string
  /** The normalised name used for matching: see `normaliseName`. */
  key: string
  /** The placeholder exactly as written, brackets included. */
  raw: string
  start: number
  end: number
  line: number
  column: number
  /** Flags of the optional content this placeholder sits inside, outermost first; empty when it always shows. */
  enclosingFlags: string[]
}

export interface OptionalNode {
  kind: 'optional'
  /** The flag as written, trimmed. */
  flag: string
  key: string
  start: number
  end: number
  line: number
  column: number
  /** Offset of the flag name, for findings that concern the flag itself. */
  flagStart: number
  children: ContentNode[]
  enclosingFlags: string[]
}

export type ContentNode = TextNode | PlaceholderNode | OptionalNode

export type ParseIssueKind = 'unclosed' | 'empty' | 'invalid-name' | 'empty-flag' | 'too-deep'

export interface ParseIssue {
  kind: ParseIssueKind
  start: number
  end: number
  line: number
  column: number
  /** Up to 40 characters of the text concerned, for messages. */
  excerpt: string
  /** A plain-English description of the problem. */
  message: string
}

export interface ParsedContent {
  source: string
  nodes: ContentNode[]
  /** Every placeholder, at any depth, in document order. */
  placeholders: PlaceholderNode[]
  /** Every optional-content block, at any depth, in document order. */
  optionals: OptionalNode[]
  issues: ParseIssue[]
  position(offset: number): SourcePosition
}

/**
 * Normalises a placeholder name for matching, the way GOV.UK Notify does: case, whitespace, hyphens and underscores
 * are ignored, so `((Customer Name))`, `((customer-name))` and `((CUSTOMER_NAME))` are all `customername`.
 */
export function normaliseName(name: string): string {
  return name.replace(/[\s_-]+/g, '').toLowerCase()
}

/** Offsets at which each line starts; line breaks are `\n`, `\r\n` or a lone `\r`. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) starts.push(i + 1)
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++
      starts.push(i + 1)
    }
  }
  return starts
}

export function positionFinder(text: string): (offset: number) => SourcePosition {
  const starts = lineStarts(text)
  return (offset: number) => {
    const o = Math.max(0, Math.min(offset, text.length))
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= o) lo = mid
      else hi = mid - 1
    }
    return { offset: o, line: lo + 1, column: o - starts[lo]! + 1 }
  }
}

interface RawText {
  kind: 'text'
  start: number
  end: number
}
interface RawPlaceholder {
  kind: 'placeholder'
  name: string
  start: number
  end: number
}
interface RawOptional {
  kind: 'optional'
  flag: string
  flagStart: number
  start: number
  end: number
  children: RawNode[]
}
type RawNode = RawText | RawPlaceholder | RawOptional

interface Frame {
  start: number
  children: RawNode[]
  /** Unmatched single `(` in this frame's own text, so that `((flag??(see below)))` closes in the right place. */
  parenDepth: number
}

const OPEN = 40 // (
const CLOSE = 41 // )

function pushText(children: RawNode[], start: number, end: number) {
  if (end <= start) return
  const last = children[children.length - 1]
  if (last && last.kind === 'text' && last.end === start) last.end = end
  else children.push({ kind: 'text', start, end })
}

function appendNodes(target: RawNode[], nodes: RawNode[]) {
  for (const node of nodes) {
    if (node.kind === 'text') pushText(target, node.start, node.end)
    else target.push(node)
  }
}

export function parseContent(source: string): ParsedContent {
  const text = typeof source === 'string' ? source : ''
  const n = text.length
  const position = positionFinder(text)
  const issues: ParseIssue[] = []

  const issue = (kind: ParseIssueKind, start: number, end: number, message: string) => {
    const p = position(start)
    issues.push({ kind, start, end, line: p.line, column: p.column, excerpt: text.slice(start, Math.min(end, start + 40)), message })
  }

  const root: Frame = { start: -1, children: [], parenDepth: 0 }
  const stack: Frame[] = [root]
  let overflow = 0
  let textStart = 0
  let i = 0

  const top = () => stack[stack.length - 1]!

  // A frame that is not a valid placeholder or optional block dissolves into literal text; its children survive.
  const dissolve = (frame: Frame, parent: Frame, closeEnd: number | null) => {
    pushText(parent.children, frame.start, frame.start + 2)
    appendNodes(parent.children, frame.children)
    if (closeEnd !== null) pushText(parent.children, closeEnd - 2, closeEnd)
  }

  const close = (frame: Frame, parent: Frame, end: number) => {
    const children = frame.children
    const first = children[0]
    const firstText = first && first.kind === 'text' ? text.slice(first.start, first.end) : ''
    const flagAt = firstText.indexOf('??')
    if (flagAt >= 0 && first) {
      const rawFlag = firstText.slice(0, flagAt)
      const flag = rawFlag.trim()
      if (flag === '') {
        issue('empty-flag', frame.start, end, 'Optional content needs a name before the “??”, for example ((has_agent??text)).')
        dissolve(frame, parent, end)
        return
      }
      if (/[()\r\n]/.test(flag)) {
        issue('invalid-name', frame.start, end, `“${flag.slice(0, 40)}” cannot be the name of optional content: names cannot contain brackets or line breaks.`)
        dissolve(frame, parent, end)
        return
      }
      const bodyStart = first.start + flagAt + 2
      const body: RawNode[] = []
      pushText(body, bodyStart, first.end)
      for (let k = 1; k < children.length; k++) body.push(children[k]!)
      parent.children.push({
        kind: 'optional',
        flag,
        flagStart: first.start + (rawFlag.length - rawFlag.trimStart().length),
        start: frame.start,
        end,
        children: body,
      })
      return
    }
    if (children.length > 1 || (first && first.kind !== 'text')) {
      issue('invalid-name', frame.start, end, 'A placeholder cannot contain another placeholder. To show text only for some customers, use optional content: ((flag??text)).')
      dissolve(frame, parent, end)
      return
    }
    const name = firstText.trim()
    if (name === '') {
      issue('empty', frame.start, end, 'There is an empty placeholder. Write the name of a field between the brackets, for example ((customer_name)).')
      dissolve(frame, parent, end)
      return
    }
    if (/[()\r\n]/.test(name)) {
      issue('invalid-name', frame.start, end, `“${name.slice(0, 40)}” is not a valid placeholder: names cannot contain brackets or line breaks.`)
      dissolve(frame, parent, end)
      return
    }
    parent.children.push({ kind: 'placeholder', name, start: frame.start, end })
  }

  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === OPEN) {
      if (text.charCodeAt(i + 1) === OPEN && text.charCodeAt(i + 2) !== OPEN) {
        if (overflow > 0 || stack.length > MAX_NESTING) {
          if (overflow === 0) issue('too-deep', i, i + 2, `Placeholders and optional content are nested more than ${MAX_NESTING} deep here; the inner part is shown as plain text.`)
          overflow++
          i += 2
          continue
        }
        pushText(top().children, textStart, i)
        stack.push({ start: i, children: [], parenDepth: 0 })
        i += 2
        textStart = i
        continue
      }
      // A single `(`, or the first of three or more: the last two open the placeholder.
      if (overflow === 0) top().parenDepth++
      i++
      continue
    }
    if (c === CLOSE && text.charCodeAt(i + 1) === CLOSE) {
      if (overflow > 0) {
        overflow--
        i += 2
        continue
      }
      const frame = top()
      if (stack.length > 1 && frame.parenDepth === 0) {
        pushText(frame.children, textStart, i)
        stack.pop()
        close(frame, top(), i + 2)
        i += 2
        textStart = i
        continue
      }
    }
    if (c === CLOSE && overflow === 0) {
      const frame = top()
      if (frame.parenDepth > 0) frame.parenDepth--
    }
    i++
  }

  pushText(top().children, textStart, n)
  while (stack.length > 1) {
    const frame = stack.pop()!
    issue('unclosed', frame.start, n, `“((” is never closed with “))”.`)
    dissolve(frame, top(), null)
  }
  // Issues from inner frames are found before outer ones; report them in document order.
  issues.sort((a, b) => a.start - b.start)

  const placeholders: PlaceholderNode[] = []
  const optionals: OptionalNode[] = []

  const build = (raw: RawNode[], flags: string[]): ContentNode[] =>
    raw.map((node): ContentNode => {
      if (node.kind === 'text') return { kind: 'text', text: text.slice(node.start, node.end), start: node.start, end: node.end }
      const p = position(node.start)
      if (node.kind === 'placeholder') {
        const built: PlaceholderNode = {
          kind: 'placeholder',
          name: node.name,
          key: normaliseName(node.name),
          raw: text.slice(node.start, node.end),
          start: node.start,
          end: node.end,
          line: p.line,
          column: p.column,
          enclosingFlags: flags,
        }
        placeholders.push(built)
        return built
      }
      const built: OptionalNode = {
        kind: 'optional',
        flag: node.flag,
        key: normaliseName(node.flag),
        start: node.start,
        end: node.end,
        line: p.line,
        column: p.column,
        flagStart: node.flagStart,
        children: [],
        enclosingFlags: flags,
      }
      optionals.push(built)
      built.children = build(node.children, [...flags, node.flag])
      return built
    })

  const nodes = build(root.children, [])
  return { source: text, nodes, placeholders, optionals, issues, position }
}

/** Walks every node depth-first in document order. The tree is at most `MAX_NESTING` deep. */
export function walkNodes(nodes: ContentNode[], visit: (node: ContentNode) => void): void {
  for (const node of nodes) {
    visit(node)
    if (node.kind === 'optional') walkNodes(node.children, visit)
  }
}
