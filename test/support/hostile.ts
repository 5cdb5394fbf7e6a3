// Hostile input: fast-check properties that post mutated forms to a route's action, as Remix would, and check
// that every answer is a success or a 4xx that says what was wrong, and that a refusal leaves the database as it
// was. The forms themselves (who posts, what a valid post looks like, which tables it touches) are in
// hostile-catalogue.ts.
import crypto from 'node:crypto'
import fc from 'fast-check'
import type { ActionFunctionArgs } from '@remix-run/node'
import { sql } from 'kysely'
import { db, dialectOf } from '../../app/utils/db.server'
import type { Database } from '../../db/types'
import { callAction, type RouteResult } from './routes'

export type Table = keyof Database & string
export type Pair = [string, string]

/** A file field posted as a browser posts a file input. */
export interface UploadFile {
  field: string
  name: string
  type: string
  content: Uint8Array
}

/** One post the way the page would send it, built fresh for each run (a version read from the database now). */
export interface Baseline {
  form: Pair[]
  file?: UploadFile
}

export interface HostileTarget {
  action: (args: ActionFunctionArgs) => unknown
  path: string
  params: Record<string, string>
  cookie: string | null
  /** A valid-looking post as of now. */
  baseline(): Promise<Baseline>
  /** Every table the action may write. audit_event and revision are always checked as well. */
  tables: Table[]
  /** Legitimate alternatives for some fields (intents, decisions), so mutations reach every branch. */
  choices?: Record<string, string[]>
  /** Puts the world back after a success that would otherwise make every later run a refusal (a launch). */
  afterSuccess?(): Promise<void>
  /** The baseline writes (a fresh account or session per run): the "before" digest is then taken after it. */
  baselineWrites?: boolean
  /** The address the post comes from (the sign-in limit counts per address). */
  clientAddress?: () => string
  /** For refusals that are not field errors by design (a list of launch problems), what the body must hold. */
  refusalBody?(data: unknown): boolean
  /**
   * Security events a refusal records on purpose (a wrong second-factor code is audited): the audit events a refusal
   * may add, by action. Any other event added by a refusal still fails the check.
   */
  refusalAudits?: RegExp
}

// ---------------------------------------------------------------------------------------------
// Hostile values

/** A value too long to print in a counterexample: `unit` repeated until it is at least `bytes` of UTF-8. */
export interface Repeated {
  repeat: string
  bytes: number
}
export type HostileValue = string | Repeated

export function expand(value: HostileValue): string {
  if (typeof value === 'string') return value
  const unitBytes = Math.max(1, Buffer.byteLength(value.repeat))
  return value.repeat.repeat(Math.ceil(value.bytes / unitBytes))
}

const MB = 1024 * 1024

const SPECIAL_CHARS = [
  '\u0000',
  '\u202E', // right-to-left override
  '\u202D',
  '\u2066',
  '\u200B',
  '\u200F',
  '\uFEFF',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u007F',
  '\uFFFD',
  '\uFFFF',
  '\uD800', // lone surrogates: URL and multipart encoding turn them into U+FFFD, as a browser would
  '\uDFFF',
  '𝕳𝖊𝖑𝖑𝖔',
  '👍🏽',
  '👨‍👩‍👧',
  'e\u0301\u0301\u0301',
  'ﷺ',
  'İ',
  'ß',
  '\r\n',
  '\t',
  '%00',
  '\\',
]

const MARKUP = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  "Robert'); DROP TABLE campaign;--",
  '1; select pg_sleep(1)',
  '((customer_name))',
  '((',
  '))',
  '{{constructor}}',
  '${process.exit()}',
  '../../etc/passwd',
  'javascript:alert(1)',
  '//evil.example',
  '=HYPERLINK("http://evil.example")',
  '@SUM(1+1)',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '{"__proto__":{"polluted":true}}',
]

export const NUMBER_TEXTS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e309',
  '1e-308',
  '5e-324',
  '-1',
  '-0',
  '0',
  '0x10',
  '0b11',
  '0o7',
  '1,000,000',
  '1_000',
  '9007199254740993',
  '9007199254740992',
  '2147483648',
  '-2147483649',
  '4294967296',
  '2147483647',
  '99999999999',
  '1e10',
  '-2147483648',
  '1.5',
  '.5',
  '5.',
  '+5',
  ' 5 ',
  '1e3',
  '00012',
  '١٢٣',
  '５',
  '½',
  '100%',
  '£1,000',
  '1 000',
  '',
]

export const DATE_TEXTS = ['2027-02-30', '2027-13-01', '2027-00-10', '0000-01-01', '2027-02-29', '31/02/2027', '2027-1-1', '+275760-09-13', '1970-01-01T00:00:00Z']

/** Impossible, edge and malformed [day, month, year] for GOV.UK date inputs. */
export const DATE_TRIPLES: [string, string, string][] = [
  ['30', '2', '2027'],
  ['29', '2', '2027'],
  ['31', '4', '2027'],
  ['1', '13', '2027'],
  ['0', '1', '2027'],
  ['1', '0', '2027'],
  ['32', '1', '2027'],
  ['1', '1', '0'],
  ['1', '1', '-1'],
  ['1', '1', '99999'],
  ['1', '1', '1e308'],
  ['NaN', 'NaN', 'NaN'],
  ['', '', ''],
  ['1.5', '2', '2027'],
  ['-0', '-0', '-0'],
  ['29', '2', '2028'],
  ['1', '1', '1900'],
  ['31', '12', '9999'],
  ['\u00001', '1', '2027'],
  ['٣', '٣', '٢٠٢٧'],
]

const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c))
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const piece = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 24 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.constantFrom(...SPECIAL_CHARS), weight: 4 },
  { arbitrary: control, weight: 2 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: fc.constantFrom(...MARKUP), weight: 2 },
)
const unicodeText = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''))

const longText: fc.Arbitrary<HostileValue> = fc.oneof(
  fc.record({ repeat: fc.constantFrom('x', 'é', '\u202E', '𝕳', 'ab '), bytes: fc.constantFrom(121, 255, 256, 1001, 2001, 10_001, 64 * 1024) }),
  fc.constantFrom<Repeated>({ repeat: 'a', bytes: 300 }, { repeat: ' ', bytes: 5000 }, { repeat: '\u0000', bytes: 1000 }),
)
/** 1 MB: the value itself; its URL encoding may be three times that. */
const oneMegabyte: fc.Arbitrary<HostileValue> = fc.record({ repeat: fc.constantFrom('a', 'ü', '\u0000', '<'), bytes: fc.constant(MB) })

export const hostileValue: fc.Arbitrary<HostileValue> = fc.oneof(
  { arbitrary: unicodeText, weight: 30 },
  { arbitrary: fc.constantFrom(...NUMBER_TEXTS), weight: 20 },
  { arbitrary: fc.double().map(String), weight: 4 },
  { arbitrary: fc.integer().map(String), weight: 4 },
  { arbitrary: fc.constantFrom(...DATE_TEXTS), weight: 4 },
  { arbitrary: longText, weight: 6 },
  { arbitrary: fc.constantFrom('', ' ', '\u00a0', '\u3000\t\r\n'), weight: 6 },
  { arbitrary: oneMegabyte, weight: 1 },
)

const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'isPrototypeOf', '__proto__[polluted]', 'constructor.prototype']

// ---------------------------------------------------------------------------------------------
// Mutations

export type Mutation =
  | { t: 'replace'; at: number; value: HostileValue }
  | { t: 'choice'; at: number; pick: number }
  | { t: 'number'; at: number; value: string }
  | { t: 'id'; at: number; variant: number }
  | { t: 'delete'; at: number }
  | { t: 'duplicate'; at: number; value: HostileValue; first: boolean }
  | { t: 'key'; key: string; value: HostileValue; first: boolean }
  | { t: 'date'; at: number; triple: [string, string, string] }
  | { t: 'param'; at: number; value: string }
  | { t: 'body'; variant: BodyVariant }
  | { t: 'file-bytes'; bytes: Uint8Array }
  | { t: 'file-splice'; at: number; bytes: Uint8Array }
  | { t: 'file-token'; at: number; value: HostileValue }
  | { t: 'file-key'; key: string }
  | { t: 'file-huge'; extra: number }
  | { t: 'file-name'; value: string }
  | { t: 'file-type'; value: string }
  | { t: 'file-missing' }
  | { t: 'file-as-text'; value: HostileValue }
  | { t: 'file-twice' }

type BodyVariant =
  | 'multipart'
  | 'text-plain'
  | 'no-type'
  | 'json'
  | 'malformed-percent'
  | 'declared-huge'
  | 'declared-nan'
  | 'declared-small'
  | 'broken-multipart'
  | 'no-boundary'
  | 'urlencoded-upload'
  | 'no-length'

/** Requests that are not a readable form at all: a plain 4xx message is the right answer to those. */
const UNREADABLE: BodyVariant[] = ['text-plain', 'no-type', 'json', 'declared-huge', 'declared-nan', 'broken-multipart', 'no-boundary', 'urlencoded-upload']

export interface Shape {
  fields: number
  numbers: number
  ids: number
  dateGroups: number
  params: number
  choices: number
  upload: boolean
}

export function mutationsFor(shape: Shape): fc.Arbitrary<Mutation[]> {
  const at = fc.nat({ max: 1_000 })
  const options: { arbitrary: fc.Arbitrary<Mutation>; weight: number }[] = [
    { arbitrary: fc.record({ t: fc.constant('key' as const), key: fc.constantFrom(...SPECIAL_KEYS), value: hostileValue, first: fc.boolean() }), weight: 3 },
    { arbitrary: fc.record({ t: fc.constant('key' as const), key: unicodeText, value: hostileValue, first: fc.boolean() }), weight: 1 },
    {
      arbitrary: fc.record({
        t: fc.constant('body' as const),
        variant: fc.constantFrom<BodyVariant>('multipart', 'text-plain', 'no-type', 'json', 'malformed-percent', 'declared-huge', 'declared-nan', 'declared-small', 'broken-multipart', 'no-boundary', 'no-length'),
      }),
      weight: 1,
    },
  ]
  if (shape.fields > 0) {
    options.push(
      { arbitrary: fc.record({ t: fc.constant('replace' as const), at, value: hostileValue }), weight: 12 },
      { arbitrary: fc.record({ t: fc.constant('delete' as const), at }), weight: 3 },
      { arbitrary: fc.record({ t: fc.constant('duplicate' as const), at, value: hostileValue, first: fc.boolean() }), weight: 3 },
    )
  }
  // Hidden versions, counts and ids are where a number or a lookup goes wrong, so they get mutations of their own.
  if (shape.numbers > 0) options.push({ arbitrary: fc.record({ t: fc.constant('number' as const), at, value: fc.oneof(fc.constantFrom(...NUMBER_TEXTS), fc.double().map(String), fc.bigInt().map(String)) }), weight: 6 })
  if (shape.ids > 0) options.push({ arbitrary: fc.record({ t: fc.constant('id' as const), at, variant: fc.nat() }), weight: 3 })
  if (shape.choices > 0) options.push({ arbitrary: fc.record({ t: fc.constant('choice' as const), at, pick: at }), weight: 3 })
  if (shape.dateGroups > 0) options.push({ arbitrary: fc.record({ t: fc.constant('date' as const), at, triple: fc.constantFrom(...DATE_TRIPLES) }), weight: 4 })
  if (shape.params > 0) {
    const paramValue = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\u0000', 'x\u0000', '\u202E', '..', '%00', ' ', '00000000-0000-0000-0000-000000000000', 'a'.repeat(5000), ...NUMBER_TEXTS))
    options.push({ arbitrary: fc.record({ t: fc.constant('param' as const), at, value: paramValue }), weight: 2 })
  }
  if (shape.upload) {
    const bytes = fc.uint8Array({ maxLength: 2048 })
    const invalidUtf8 = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.constantFrom(Uint8Array.of(0xff), Uint8Array.of(0xc3), Uint8Array.of(0xed, 0xa0, 0x80), Uint8Array.of(0xf4, 0x90, 0x80, 0x80), Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0)))
    options.push(
      { arbitrary: fc.record({ t: fc.constant('file-bytes' as const), bytes }), weight: 3 },
      { arbitrary: fc.record({ t: fc.constant('file-splice' as const), at, bytes: invalidUtf8 }), weight: 4 },
      { arbitrary: fc.record({ t: fc.constant('file-token' as const), at, value: hostileValue }), weight: 8 },
      { arbitrary: fc.record({ t: fc.constant('file-key' as const), key: fc.constantFrom(...SPECIAL_KEYS) }), weight: 2 },
      { arbitrary: fc.record({ t: fc.constant('file-huge' as const), extra: fc.constantFrom(1, 17 * 1024, 512 * 1024) }), weight: 1 },
      { arbitrary: fc.record({ t: fc.constant('file-name' as const), value: fc.oneof(unicodeText, fc.constantFrom('', '../../x.csv', 'a'.repeat(5000), '\u0000.csv')) }), weight: 2 },
      { arbitrary: fc.record({ t: fc.constant('file-type' as const), value: fc.constantFrom('', 'application/octet-stream', 'text/html', 'image/png', 'text/csv; charset=latin1') }), weight: 1 },
      { arbitrary: fc.constant({ t: 'file-missing' as const }), weight: 1 },
      { arbitrary: fc.record({ t: fc.constant('file-as-text' as const), value: hostileValue }), weight: 1 },
      { arbitrary: fc.constant({ t: 'file-twice' as const }), weight: 1 },
      { arbitrary: fc.record({ t: fc.constant('body' as const), variant: fc.constantFrom<BodyVariant>('declared-huge', 'declared-nan', 'declared-small', 'no-boundary', 'broken-multipart', 'urlencoded-upload', 'no-length') }), weight: 2 },
    )
  }
  return fc.array(fc.oneof(...options), { minLength: 1, maxLength: 4 })
}

// ---------------------------------------------------------------------------------------------
// Building the request

interface Built {
  params: Record<string, string>
  body: Uint8Array<ArrayBuffer>
  headers: Record<string, string>
  unreadable: boolean
}

const DATE_PART = /^(.*)-(day|month|year)$/
const NUMERIC = /^-?\d+(\.\d+)?$/
const ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64})$/

const indexesOf = (form: Pair[], pattern: RegExp) => form.flatMap(([, v], i) => (pattern.test(v) ? [i] : []))

/** Near misses of an id or a hash: each must find nothing, never fail. */
function idVariants(id: string): string[] {
  return [
    id.toUpperCase(),
    `${id}\u0000`,
    `\u0000${id}`,
    id.slice(0, -1),
    `${id}0`,
    ` ${id} `,
    id.replace(/[0-9a-f]/, 'g'),
    crypto.randomUUID(),
    '00000000-0000-0000-0000-000000000000',
    '',
    `${id}' OR '1'='1`,
    `${id}\u202E`,
    'x'.repeat(id.length),
    id.repeat(1000),
  ]
}

function dateGroups(form: Pair[]): string[] {
  const prefixes = new Set<string>()
  for (const [key] of form) {
    const match = DATE_PART.exec(key)
    if (match && match[2] === 'day') prefixes.add(match[1]!)
  }
  return [...prefixes]
}

/** CSV cells and JSON tokens: the stretches between separators. */
function tokens(text: string): { start: number; end: number; quoted: boolean }[] {
  const found: { start: number; end: number; quoted: boolean }[] = []
  const pattern = /"(?:[^"\\]|\\.)*"|[^,\n\r{}[\]:"]+/g
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push({ start: match.index, end: match.index + match[0].length, quoted: match[0].startsWith('"') })
  }
  return found
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.byteLength
  }
  return out
}

function applyFile(file: UploadFile, mutation: Mutation): UploadFile | null | 'text' {
  const text = () => Buffer.from(file.content).toString('utf8')
  switch (mutation.t) {
    case 'file-bytes':
      return { ...file, content: mutation.bytes }
    case 'file-splice': {
      const at = mutation.at % (file.content.byteLength + 1)
      return { ...file, content: concat(file.content.subarray(0, at), mutation.bytes, file.content.subarray(at)) }
    }
    case 'file-token': {
      const source = text()
      const all = tokens(source)
      if (!all.length) return file
      const token = all[mutation.at % all.length]!
      const value = expand(mutation.value)
      const replacement = token.quoted ? JSON.stringify(value) : value
      return { ...file, content: Buffer.from(source.slice(0, token.start) + replacement + source.slice(token.end)) }
    }
    case 'file-key': {
      const source = text()
      const brace = source.indexOf('{')
      const next =
        brace >= 0
          ? `${source.slice(0, brace + 1)}${JSON.stringify(mutation.key)}:{"polluted":true},${source.slice(brace + 1)}`
          : `${source.split(/\r?\n/)[0]},${mutation.key}\n${mutation.key},${mutation.key},${mutation.key}\n${source}`
      return { ...file, content: Buffer.from(next) }
    }
    case 'file-huge': {
      // Padded with digits to 1 MB plus `extra` bytes: just over the limit, or over it by the form's overhead and more.
      const padding = Math.max(mutation.extra, MB + mutation.extra - file.content.byteLength)
      return { ...file, content: concat(file.content, new Uint8Array(padding).fill(0x31)) }
    }
    case 'file-name':
      return { ...file, name: mutation.value }
    case 'file-type':
      return { ...file, type: mutation.value }
    case 'file-missing':
      return null
    case 'file-as-text':
      return 'text'
    default:
      return file
  }
}

export function buildPost(baseline: Baseline, params: Record<string, string>, choices: Record<string, string[]>, mutations: Mutation[]): Post {
  let form: Pair[] = baseline.form.map(([k, v]) => [k, v])
  let file: UploadFile | null = baseline.file ? { ...baseline.file } : null
  let fileAsText: string | null = null
  let fileTwice = false
  const nextParams = { ...params }
  let variant: BodyVariant | null = null
  for (const m of mutations) {
    switch (m.t) {
      case 'replace':
        if (form.length) form[m.at % form.length]![1] = expand(m.value)
        break
      case 'choice': {
        const keys = Object.keys(choices)
        if (!keys.length) break
        const key = keys[m.at % keys.length]!
        const options = choices[key]!
        const value = options[m.pick % options.length]!
        const existing = form.find(([k]) => k === key)
        if (existing) existing[1] = value
        else form.push([key, value])
        break
      }
      case 'number': {
        const found = indexesOf(baseline.form, NUMERIC).filter((i) => i < form.length)
        if (found.length) form[found[m.at % found.length]!]![1] = m.value
        break
      }
      case 'id': {
        const found = indexesOf(baseline.form, ID).filter((i) => i < form.length)
        if (!found.length) break
        const index = found[m.at % found.length]!
        const variants = idVariants(baseline.form[index]![1])
        form[index]![1] = variants[m.variant % variants.length]!
        break
      }
      case 'delete':
        if (form.length) form.splice(m.at % form.length, 1)
        break
      case 'duplicate': {
        if (!form.length) break
        const index = m.at % form.length
        const copy: Pair = [form[index]![0], expand(m.value)]
        form.splice(m.first ? index : index + 1, 0, copy)
        break
      }
      case 'key':
        if (m.first) form.unshift([m.key, expand(m.value)])
        else form.push([m.key, expand(m.value)])
        break
      case 'date': {
        const groups = dateGroups(form)
        if (!groups.length) break
        const prefix = groups[m.at % groups.length]!
        const [day, month, year] = m.triple
        form = form.map(([k, v]): Pair => (k === `${prefix}-day` ? [k, day] : k === `${prefix}-month` ? [k, month] : k === `${prefix}-year` ? [k, year] : [k, v]))
        break
      }
      case 'param': {
        const keys = Object.keys(nextParams)
        if (keys.length) nextParams[keys[m.at % keys.length]!] = m.value
        break
      }
      case 'body':
        variant = m.variant
        break
      case 'file-twice':
        fileTwice = true
        break
      default: {
        if (!file) break
        const next = applyFile(file, m)
        if (next === 'text') fileAsText = expand((m as { value: HostileValue }).value)
        file = next === 'text' ? null : next
      }
    }
  }

  const unreadable = variant !== null && UNREADABLE.includes(variant)
  return { params: nextParams, unreadable, form, file, fileAsText, fileTwice, variant, isUpload: !!baseline.file }
}

/** A mutated post, before it is encoded. */
export interface Post {
  params: Record<string, string>
  unreadable: boolean
  form: Pair[]
  file: UploadFile | null
  fileAsText: string | null
  fileTwice: boolean
  variant: BodyVariant | null
  isUpload: boolean
}

async function encodeMultipart(pending: Post, baselineFile: UploadFile | undefined): Promise<{ body: Buffer; type: string }> {
  const data = new FormData()
  for (const [k, v] of pending.form) data.append(k, v)
  if (pending.file) {
    data.append(pending.file.field, new Blob([pending.file.content as Uint8Array<ArrayBuffer>], { type: pending.file.type }), pending.file.name)
    if (pending.fileTwice) data.append(pending.file.field, new Blob([Buffer.from('date,helpline,calls\n')], { type: pending.file.type }), 'second.csv')
  } else if (pending.fileAsText !== null && baselineFile) {
    data.append(baselineFile.field, pending.fileAsText)
  }
  const encoded = new Response(data)
  return { body: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('Content-Type')! }
}

/** The body and headers for a post: URL-encoded as a browser sends a form, multipart for uploads, or broken. */
export async function finishBuild(pending: Post, baselineFile?: UploadFile): Promise<Built> {
  const urlencoded = () => new URLSearchParams(pending.form).toString()
  const variant = pending.variant
  const headers: Record<string, string> = {}
  let body: Buffer
  if (pending.isUpload || variant === 'multipart' || variant === 'broken-multipart' || variant === 'no-boundary') {
    const encoded = await encodeMultipart(pending, baselineFile)
    body = encoded.body
    headers['Content-Type'] = encoded.type
    if (variant === 'broken-multipart') body = Buffer.concat([body.subarray(0, Math.floor(body.length / 2)), Buffer.from('\r\n--garbage')])
    if (variant === 'no-boundary') headers['Content-Type'] = 'multipart/form-data'
    if (variant === 'urlencoded-upload') {
      body = Buffer.from(urlencoded())
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
    }
  } else {
    let text = urlencoded()
    if (variant === 'malformed-percent') text = `%ZZ=%&${text}&%E0%A4%A=%FF%FE&&=&a=b=c&%C0%80=1`
    if (variant === 'json') text = JSON.stringify(Object.fromEntries(pending.form))
    body = Buffer.from(text)
    headers['Content-Type'] = variant === 'text-plain' ? 'text/plain' : variant === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'
    if (variant === 'no-type') delete headers['Content-Type']
  }
  headers['Content-Length'] = String(body.length)
  if (variant === 'declared-huge') headers['Content-Length'] = '99999999999'
  if (variant === 'declared-nan') headers['Content-Length'] = 'NaN'
  if (variant === 'declared-small') headers['Content-Length'] = '10'
  if (variant === 'no-length') delete headers['Content-Length']
  return { params: pending.params, body: new Uint8Array(body), headers, unreadable: pending.unreadable }
}

// ---------------------------------------------------------------------------------------------
// Digests: the tables' whole content, in a form that compares byte for byte

function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString('hex')}`
  if (value instanceof Date) return `date:${value.toISOString()}`
  if (typeof value === 'bigint') return `bigint:${value}`
  if (typeof value === 'number' && !Number.isFinite(value)) return `number:${value}`
  return value
}

/**
 * Tables that only ever grow: triggers refuse UPDATE and DELETE on the first three on both databases, and the only
 * write to revision anywhere in the app is an insert (hostile-input-1 checks that). A refusal could change them only
 * by adding a row, so their digest is the set of row ids, which keeps it cheap as the audit trail grows by
 * thousands of events with large before/after texts.
 */
export const APPEND_ONLY: Partial<Record<Table, string>> = { audit_event: 'id', sign_off_decision: 'id', launch_snapshot: 'campaign_id', revision: 'id' }

export async function tableDigest(table: Table): Promise<string> {
  const idColumn = APPEND_ONLY[table]
  // A refused sign-in or a refused request is itself recorded, as a security event: that is the refusal, not
  // something half-saved.
  const rows = (
    table === 'audit_event'
      ? await db.selectFrom('audit_event').select('id').where('action', 'not like', 'security.%').execute()
      : idColumn
        ? await db.selectFrom(table as 'users').select(idColumn as 'id').execute()
        : await db.selectFrom(table as 'users').selectAll().execute()
  ) as Record<string, unknown>[]
  const lines = rows.map((row) => JSON.stringify(Object.keys(row).sort().map((key) => [key, canonical(row[key])])))
  lines.sort()
  return crypto.createHash('sha256').update(lines.join('\n')).digest('hex')
}

export const timing = { digestMs: 0, actionMs: 0, baselineMs: 0 }

export async function digest(tables: Table[]): Promise<Record<string, string>> {
  const started = performance.now()
  try {
    return await digestNow(tables)
  } finally {
    timing.digestMs += performance.now() - started
  }
}

async function digestNow(tables: Table[]): Promise<Record<string, string>> {
  const digests = await Promise.all(tables.map(tableDigest))
  return Object.fromEntries(tables.map((table, i) => [table, digests[i]!]))
}

/**
 * SQLite counts every row the connection has inserted, updated or deleted (trigger writes included). The app and
 * the tests share one connection, so an unchanged count proves nothing was written and the digest can be skipped;
 * any change, even one rolled back, falls through to comparing the digests.
 */
async function rowsWritten(): Promise<number | null> {
  if (dialectOf(db) !== 'sqlite') return null
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db)
  return Number(rows[0]!.n)
}

// ---------------------------------------------------------------------------------------------
// The check per run

const FIELD_REFUSALS = new Set([400, 409, 422])

/** Field errors: a non-empty object (or list, for an upload's problems) whose every entry is non-empty text. */
export function hasFieldErrors(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false
  const errors = (data as { errors?: unknown }).errors
  if (!errors || typeof errors !== 'object') return false
  const entries = Object.values(errors)
  return entries.length > 0 && entries.every((message) => typeof message === 'string' && message.trim().length > 0)
}

export class HostileFailure extends Error {}

export interface RunReport {
  status: number
  refused: boolean
}

export async function runOnce(target: HostileTarget, mutations: Mutation[], state: { digest: Record<string, string> | null }): Promise<RunReport> {
  const tables = [...new Set<Table>([...target.tables, 'audit_event', 'revision'])]
  let started = performance.now()
  const baseline = await target.baseline()
  timing.baselineMs += performance.now() - started
  const built = await finishBuild(buildPost(baseline, target.params, target.choices ?? {}, mutations), baseline.file)
  if (target.baselineWrites) state.digest = null
  state.digest ??= await digest(tables)
  const lastAuditBefore = target.refusalAudits ? await lastAuditId() : 0
  const writtenBefore = await rowsWritten()
  let result: RouteResult
  started = performance.now()
  try {
    result = await callAction(target.action, target.path, { params: built.params, cookie: target.cookie, body: built.body, headers: built.headers, clientAddress: target.clientAddress?.() })
  } catch (error) {
    throw new HostileFailure(`The action threw (a 500): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  } finally {
    timing.actionMs += performance.now() - started
  }
  if (result.status >= 500) throw new HostileFailure(`The action answered ${result.status}: ${String(result.data).slice(0, 500)}`)
  if (result.status < 400) {
    state.digest = null
    await target.afterSuccess?.()
    return { status: result.status, refused: false }
  }
  if (FIELD_REFUSALS.has(result.status)) {
    const plainAllowed = built.unreadable && typeof result.data === 'string' && result.data.trim().length > 0
    if (!plainAllowed && !hasFieldErrors(result.data) && !(target.refusalBody?.(result.data) ?? false)) {
      throw new HostileFailure(`A ${result.status} without field errors: ${JSON.stringify(result.data).slice(0, 500)}`)
    }
  } else if (typeof result.data !== 'string' || !result.data.trim()) {
    if (!hasFieldErrors(result.data)) throw new HostileFailure(`A ${result.status} with neither a message nor field errors: ${JSON.stringify(result.data).slice(0, 500)}`)
  }
  if (writtenBefore !== null && (await rowsWritten()) === writtenBefore) return { status: result.status, refused: true }
  const after = await digest(tables)
  let changed = tables.filter((t) => after[t] !== state.digest![t])
  if (target.refusalAudits && changed.includes('audit_event')) {
    const added = await db.selectFrom('audit_event').select('action').where('id', '>', lastAuditBefore).execute()
    if (added.every((event) => target.refusalAudits!.test(event.action))) {
      changed = changed.filter((t) => t !== 'audit_event')
      state.digest!.audit_event = after.audit_event!
    }
  }
  if (changed.length) {
    state.digest = null
    throw new HostileFailure(`A ${result.status} refusal changed ${changed.join(', ')}`)
  }
  return { status: result.status, refused: true }
}

async function lastAuditId(): Promise<number> {
  return (await db.selectFrom('audit_event').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? 0
}

export const DEFAULT_SEED = 20270230

export function fuzzSettings(dialect: 'sqlite' | 'postgres'): { seed: number; numRuns: number } {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : DEFAULT_SEED
  const numRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : dialect === 'postgres' ? 100 : 400
  return { seed, numRuns }
}

export function shapeOf(target: HostileTarget, sample: Baseline): Shape {
  return {
    fields: sample.form.length,
    numbers: indexesOf(sample.form, NUMERIC).length,
    ids: indexesOf(sample.form, ID).length,
    dateGroups: dateGroups(sample.form).length,
    params: Object.keys(target.params).length,
    choices: Object.keys(target.choices ?? {}).length,
    upload: !!sample.file,
  }
}

export interface FuzzSummary {
  runs: number
  successes: number
  statuses: Record<number, number>
}

/** Runs the property for one action; throws fast-check's report (seed, path, counterexample) on a failure. */
export async function fuzzAction(target: HostileTarget, options: { seed: number; numRuns: number }): Promise<FuzzSummary> {
  const sample = await target.baseline()
  const state = { digest: null as Record<string, string> | null }
  const summary: FuzzSummary = { runs: 0, successes: 0, statuses: {} }
  await fc.assert(
    fc.asyncProperty(mutationsFor(shapeOf(target, sample)), async (mutations) => {
      const report = await runOnce(target, mutations, state)
      summary.runs++
      if (!report.refused) summary.successes++
      summary.statuses[report.status] = (summary.statuses[report.status] ?? 0) + 1
    }),
    // Shrinking re-runs against a database earlier runs have changed; the first counterexample is what matters.
    { seed: options.seed, numRuns: options.numRuns, endOnFailure: true, includeErrorInReport: true },
  )
  return summary
}
