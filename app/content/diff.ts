/**
 * Side-by-side differences between two versions, for the version history and for showing an approver what changed
 * since they signed. Rows and segments are plain data: the UI marks each change by colour and with visually hidden
 * "added" / "removed" text for screen readers.
 */
import { diffArrays, diffWordsWithSpace } from 'diff'

export type SegmentKind = 'same' | 'added' | 'removed'

export interface DiffSegment {
  text: string
  kind: SegmentKind
}

export interface DiffSide {
  /** 1-based line number in that version. */
  lineNo: number
  segments: DiffSegment[]
}

export type DiffRowKind = 'same' | 'added' | 'removed' | 'changed'

export interface DiffRow {
  kind: DiffRowKind
  /** The line in the earlier version; absent for an added line. */
  left?: DiffSide
  /** The line in the later version; absent for a removed line. */
  right?: DiffSide
}

// Beyond these edit distances the diff gives up on finesse: whole lines, or whole texts, are shown as replaced.
const MAX_LINE_EDITS = 1000
const MAX_WORD_EDITS = 1000

function splitLines(text: string): string[] {
  if (typeof text !== 'string' || text === '') return []
  return text.replace(/\r\n?/g, '\n').split('\n')
}

function wordSegments(before: string, after: string): { left: DiffSegment[]; right: DiffSegment[] } {
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS })
  if (!changes) {
    return { left: [{ text: before, kind: 'removed' }], right: [{ text: after, kind: 'added' }] }
  }
  const left: DiffSegment[] = []
  const right: DiffSegment[] = []
  for (const change of changes) {
    if (change.added) right.push({ text: change.value, kind: 'added' })
    else if (change.removed) left.push({ text: change.value, kind: 'removed' })
    else {
      left.push({ text: change.value, kind: 'same' })
      right.push({ text: change.value, kind: 'same' })
    }
  }
  return { left, right }
}

/** Rows for a two-column table: unchanged lines, changed lines paired with word-level changes, additions, removals. */
export function diffText(before: string, after: string): DiffRow[] {
  const a = splitLines(before)
  const b = splitLines(after)
  const changes = diffArrays(a, b, { maxEditLength: MAX_LINE_EDITS }) ?? [
    { value: a, removed: true, added: false, count: a.length },
    { value: b, removed: false, added: true, count: b.length },
  ]

  const rows: DiffRow[] = []
  let leftNo = 0
  let rightNo = 0
  let pendingRemoved: string[] = []

  const flushRemoved = () => {
    for (const line of pendingRemoved) {
      rows.push({ kind: 'removed', left: { lineNo: ++leftNo, segments: [{ text: line, kind: 'removed' }] } })
    }
    pendingRemoved = []
  }

  for (const change of changes) {
    if (change.removed) {
      pendingRemoved.push(...change.value)
    } else if (change.added) {
      const paired = Math.min(pendingRemoved.length, change.value.length)
      for (let k = 0; k < paired; k++) {
        const { left, right } = wordSegments(pendingRemoved[k]!, change.value[k]!)
        rows.push({ kind: 'changed', left: { lineNo: ++leftNo, segments: left }, right: { lineNo: ++rightNo, segments: right } })
      }
      pendingRemoved = pendingRemoved.slice(paired)
      flushRemoved()
      for (const line of change.value.slice(paired)) {
        rows.push({ kind: 'added', right: { lineNo: ++rightNo, segments: [{ text: line, kind: 'added' }] } })
      }
    } else {
      flushRemoved()
      for (const line of change.value) {
        rows.push({
          kind: 'same',
          left: { lineNo: ++leftNo, segments: [{ text: line, kind: 'same' }] },
          right: { lineNo: ++rightNo, segments: [{ text: line, kind: 'same' }] },
        })
      }
    }
  }
  flushRemoved()
  return rows
}

export interface FlatField {
  /** A stable path such as `body`, `lines[id=7].answer` or `coOwners`. */
  path: string
  /** A readable label such as `Lines to take › “Why was I sent this?” › Answer`. */
  label: string
  value: string
}

export interface FieldDiff {
  path: string
  label: string
  kind: DiffRowKind
  /** The field's text before; null when the field did not exist. */
  before: string | null
  after: string | null
  rows: DiffRow[]
}

const MAX_DEPTH = 20
const TITLE_KEYS = ['name', 'title', 'question', 'label', 'heading'] as const

/** `addressBlock` and `address_block` both read "Address block". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words === '' ? key : words[0]!.toUpperCase() + words.slice(1)
}

function leafText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  return JSON.stringify(value) ?? ''
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function itemTitle(item: unknown): string | null {
  if (!isPlainObject(item)) return null
  for (const key of TITLE_KEYS) {
    const v = item[key]
    if (typeof v === 'string' && v.trim() !== '') {
      const t = v.trim().replace(/\s+/g, ' ')
      return `“${t.length > 60 ? `${t.slice(0, 60)}…` : t}”`
    }
  }
  return null
}

/**
 * Flattens nested JSON into leaf fields with readable paths. Arrays of plain values become one field, one item a
 * line. Array items that are objects with an `id` are matched by id, so inserting an item does not make every later
 * item look changed. Labels come from `labels`, looked up by generic path (`lines[].answer`), then by key.
 */
export function flattenForDiff(value: unknown, labels: Readonly<Record<string, string>> = {}): FlatField[] {
  const out: FlatField[] = []
  const labelFor = (key: string, generic: string) => labels[generic] ?? labels[key] ?? humanise(key)

  const visit = (v: unknown, path: string, generic: string, label: string, depth: number) => {
    if (depth > MAX_DEPTH || (!isPlainObject(v) && !Array.isArray(v))) {
      out.push({ path, label: label || 'Value', value: leafText(v) })
      return
    }
    if (Array.isArray(v)) {
      if (v.every((item) => !isPlainObject(item) && !Array.isArray(item))) {
        out.push({ path, label: label || 'Value', value: v.map(leafText).join('\n') })
        return
      }
      v.forEach((item, index) => {
        const id = isPlainObject(item) && (typeof item.id === 'string' || typeof item.id === 'number') ? item.id : null
        const itemPath = id === null ? `${path}[${index}]` : `${path}[id=${id}]`
        const itemLabel = itemTitle(item) ?? `item ${index + 1}`
        visit(item, itemPath, `${generic}[]`, label ? `${label} › ${itemLabel}` : itemLabel, depth + 1)
      })
      return
    }
    for (const [key, child] of Object.entries(v)) {
      const childPath = path ? `${path}.${key}` : key
      const childGeneric = generic ? `${generic}.${key}` : key
      const childLabel = labelFor(key, childGeneric)
      visit(child, childPath, childGeneric, label ? `${label} › ${childLabel}` : childLabel, depth + 1)
    }
  }
  visit(value, '', '', '', 0)
  return out
}

/**
 * Per-field differences between two versions of a record (a message, a script, a line to take, or a sign-off
 * snapshot). Fields are in the order of the later version, with removed fields placed after the field they followed.
 */
export function diffFields(
  before: unknown,
  after: unknown,
  labels: Readonly<Record<string, string>> = {},
  options: { includeUnchanged?: boolean } = {},
): FieldDiff[] {
  const beforeFields = flattenForDiff(before, labels)
  const afterFields = flattenForDiff(after, labels)
  const beforeByPath = new Map(beforeFields.map((f) => [f.path, f]))
  const afterByPath = new Map(afterFields.map((f) => [f.path, f]))

  // Removed fields go after the nearest earlier field that still exists.
  const removedAfter = new Map<string, FlatField[]>()
  let anchor = ''
  for (const f of beforeFields) {
    if (afterByPath.has(f.path)) anchor = f.path
    else {
      const list = removedAfter.get(anchor)
      if (list) list.push(f)
      else removedAfter.set(anchor, [f])
    }
  }

  const result: FieldDiff[] = []
  const removed = (f: FlatField) => {
    result.push({ path: f.path, label: f.label, kind: 'removed', before: f.value, after: null, rows: diffText(f.value, '') })
  }
  for (const f of removedAfter.get('') ?? []) removed(f)
  for (const f of afterFields) {
    const old = beforeByPath.get(f.path)
    if (!old) {
      result.push({ path: f.path, label: f.label, kind: 'added', before: null, after: f.value, rows: diffText('', f.value) })
    } else if (old.value !== f.value) {
      result.push({ path: f.path, label: f.label, kind: 'changed', before: old.value, after: f.value, rows: diffText(old.value, f.value) })
    } else if (options.includeUnchanged) {
      result.push({ path: f.path, label: f.label, kind: 'same', before: old.value, after: f.value, rows: diffText(old.value, f.value) })
    }
    if (old) for (const r of removedAfter.get(f.path) ?? []) removed(r)
  }
  return result
}
