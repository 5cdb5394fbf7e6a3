/**
 * The data-security checks for messages. Each finding says which field it concerns and, where it
 * concerns one part of the text, the offset, line and column, so the UI can show it beside that part.
 */
import {
  NAME_ADDRESS_KEYS,
  REFERENCE_PLACEHOLDERS,
  REFERENCE_TYPE_LABELS,
  isReferenceType,
  knownKeys,
  ninoKeys,
  referenceKeys,
  type ReferenceType,
} from './fields'
import {
  capFindings,
  checkPlaceholders,
  finding,
  findingAt,
  ninoDisclosures,
  parseField,
  type Finding,
  type FindingField,
} from './findings'
import { normaliseName, type ContentNode, type ParsedContent } from './placeholders'

export * from './findings'

export const CHANNELS = ['letter', 'email', 'sms', 'online'] as const
export type Channel = (typeof CHANNELS)[number]

export const CHANNEL_LABELS: Record<Channel, string> = {
  letter: 'Letter',
  email: 'Email',
  sms: 'Text message (SMS)',
  online: 'Online account message',
}

export const POSTAGE_CLASSES = ['second', 'first', 'economy', 'signed-for'] as const
export type PostageClass = (typeof POSTAGE_CLASSES)[number]

export const POSTAGE_LABELS: Record<PostageClass, string> = {
  second: 'Second class',
  first: 'First class',
  economy: 'Economy',
  'signed-for': 'Signed for',
}

export const DEFAULT_POSTAGE: PostageClass = 'second'

export interface MessageInput {
  channel: Channel
  name: string
  referenceType: ReferenceType
  subject?: string | null
  body: string
  addressBlock?: string | null
  /** Kept as a string so that a stored value from outside the list is reported rather than rejected by the type. */
  postage?: PostageClass | string | null
  deadlineDays?: number | null
}

export interface MessageCheckContext {
  extraFields: readonly string[]
}

/** The reference placeholders of other types, to say what a letter shows instead of the right one. */
function otherReferenceNames(parsed: ParsedContent, referenceType: ReferenceType): string[] {
  const right = referenceKeys(referenceType)
  const others = new Set(
    Object.values(REFERENCE_PLACEHOLDERS)
      .map(normaliseName)
      .filter((k) => !right.has(k)),
  )
  return [...new Set(parsed.placeholders.filter((p) => others.has(p.key)).map((p) => p.raw))]
}

function checkLetterReference(body: ParsedContent, referenceType: ReferenceType): Finding[] {
  const keys = referenceKeys(referenceType)
  const label = REFERENCE_TYPE_LABELS[referenceType]
  const own = `((${REFERENCE_PLACEHOLDERS[referenceType]}))`
  const shown = body.placeholders.filter((p) => keys.has(p.key))
  if (shown.some((p) => p.enclosingFlags.length === 0)) return []
  const conditional = shown[0]
  if (conditional) {
    return [
      findingAt(
        'letter-reference',
        `The ${label} ${conditional.raw} is only inside optional content ((${conditional.enclosingFlags[0]}??…)), so it is not guaranteed to show on every letter. Show it outside optional content as well.`,
        'body',
        body,
        conditional.start,
        conditional.end,
      ),
    ]
  }
  const others = otherReferenceNames(body, referenceType)
  const instead = others.length > 0 ? ` It shows ${others.join(' and ')}, which is not this letter’s reference type.` : ''
  return [
    finding(
      'letter-reference',
      `The letter does not show the customer’s ${label}. Add ${own} or ((reference)) to the body.${instead}`,
      { field: 'body' },
    ),
  ]
}

const ALLOWED_BETWEEN = /^[\s\p{P}]$/u

interface Atom {
  start: number
  end: number
  /** What to call it in a message, or null when it is allowed in the address block. */
  problem: string | null
}

/** Breaks an address block into the things on each line, each marked allowed or not. */
function addressAtoms(nodes: ContentNode[], known: ReadonlySet<string>, atoms: Atom[]) {
  for (const node of nodes) {
    if (node.kind === 'text') {
      // Only whitespace and punctuation may sit between the placeholders: report any other text, line by line.
      let lineStart = 0
      for (const part of node.text.split(/(?<=\r\n|\r(?!\n)|\n)/)) {
        let first = -1
        let last = -1
        for (let k = 0; k < part.length; k++) {
          if (!ALLOWED_BETWEEN.test(part[k]!)) {
            if (first < 0) first = k
            last = k
          }
        }
        if (first >= 0) {
          const text = part.slice(first, last + 1)
          const excerpt = text.length > 40 ? `${text.slice(0, 40)}…` : text
          atoms.push({ start: node.start + lineStart + first, end: node.start + lineStart + last + 1, problem: `the text “${excerpt}”` })
        }
        lineStart += part.length
      }
    } else if (node.kind === 'placeholder') {
      let problem: string | null = null
      if (!NAME_ADDRESS_KEYS.has(node.key)) {
        problem = known.has(node.key) ? node.raw : `the unknown placeholder ${node.raw}`
      }
      atoms.push({ start: node.start, end: node.end, problem })
    } else {
      atoms.push({
        start: node.start,
        end: node.flagStart + node.flag.length + 2,
        problem: `optional content ((${node.flag}??…))`,
      })
      addressAtoms(node.children, known, atoms)
    }
  }
}

function checkWindowEnvelope(block: ParsedContent, raw: string | null | undefined, extraFields: readonly string[]): Finding[] {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return [
      finding(
        'window-envelope',
        'The letter has no address block. Add the customer’s name and address, for example ((customer_name)), ((address_line_1)) and ((postcode)).',
        { field: 'addressBlock' },
      ),
    ]
  }
  const atoms: Atom[] = []
  addressAtoms(block.nodes, knownKeys(extraFields), atoms)
  const found: Finding[] = []
  if (!atoms.some((a) => a.problem === null)) {
    found.push(
      finding(
        'window-envelope',
        'The address block has no name or address placeholders. Use ((customer_name)), the address lines and ((postcode)), so that each letter shows its own customer’s address.',
        { field: 'addressBlock' },
      ),
    )
  }
  // One finding per line, naming everything on it that may not show through the window.
  const byLine = new Map<number, Atom[]>()
  for (const atom of atoms) {
    if (atom.problem === null) continue
    const line = block.position(atom.start).line
    const list = byLine.get(line)
    if (list) list.push(atom)
    else byLine.set(line, [atom])
  }
  for (const [line, list] of byLine) {
    const names = list.slice(0, 3).map((a) => a.problem!)
    const shown = list.length > 3 ? `${names.join(', ')} and ${list.length - 3} more` : joinList(names)
    const first = list[0]!
    const last = list[list.length - 1]!
    found.push(
      findingAt(
        'window-envelope',
        `Line ${line} of the address block shows ${shown}. Only the customer’s name and address may show through the envelope window: use ((customer_name)), ((address_line_1)) to ((address_line_6)) and ((postcode)).`,
        'addressBlock',
        block,
        first.start,
        last.end,
      ),
    )
  }
  return found
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

function checkPostage(postage: MessageInput['postage']): Finding[] {
  if (typeof postage === 'string' && (POSTAGE_CLASSES as readonly string[]).includes(postage)) return []
  const message =
    typeof postage === 'string' && postage.trim() !== ''
      ? `“${postage.slice(0, 40)}” is not a postage class. Choose second class, first class, economy or signed for.`
      : 'Choose a postage class for the letter: second class (usually), first class, economy or signed for.'
  return [finding('letter-postage', message, { field: 'postage' })]
}

function checkNinoInDigital(parsed: ParsedContent, field: FindingField, referenceType: ReferenceType, channel: Channel): Finding[] {
  const what = channel === 'sms' ? 'A text message' : 'An email'
  return ninoDisclosures(parsed, ninoKeys(referenceType)).map((d) => {
    const via =
      d.placeholder && d.placeholder.key === 'reference'
        ? ` (the reference type is National Insurance number, so ${d.what} shows it)`
        : ''
    return findingAt(
      'nino-in-digital',
      `${what} must not contain the National Insurance number, but the ${field === 'subject' ? 'subject' : 'body'} shows ${d.what}${via}. Remove it, or ask the customer to have their National Insurance number ready.`,
      field,
      parsed,
      d.start,
      d.end,
    )
  })
}

/** Runs every check that applies to the message's channel. Errors block a sign-off request; warnings do not. */
export function checkMessage(message: MessageInput, context: MessageCheckContext): Finding[] {
  const extraFields = context.extraFields ?? []
  // A stored value outside the list is checked as the strictest type rather than crashing the page.
  const referenceType: ReferenceType = isReferenceType(message.referenceType) ? message.referenceType : 'nino'
  const findings: Finding[] = []
  const body = parseField(message.body)
  const subject = message.channel === 'email' ? parseField(message.subject) : null
  const addressBlock = message.channel === 'letter' ? parseField(message.addressBlock) : null

  if (subject) findings.push(...checkPlaceholders(subject, 'subject', extraFields))
  if (addressBlock) findings.push(...checkPlaceholders(addressBlock, 'addressBlock', extraFields))
  findings.push(...checkPlaceholders(body, 'body', extraFields))

  if (message.channel === 'letter' && addressBlock) {
    findings.push(...checkLetterReference(body, referenceType))
    findings.push(...checkWindowEnvelope(addressBlock, message.addressBlock, extraFields))
    findings.push(...checkPostage(message.postage))
  }
  if (message.channel === 'sms' || message.channel === 'email') {
    if (subject) findings.push(...checkNinoInDigital(subject, 'subject', referenceType, message.channel))
    findings.push(...checkNinoInDigital(body, 'body', referenceType, message.channel))
  }
  return capFindings(findings)
}
