/**
 * SMS length: GSM 03.38 detection and fragment counting. The browser runs this while the designer types and the
 * server runs it on save, so it depends on nothing but the text.
 *
 * Line endings are counted as one character whichever form they arrive in: a textarea gives `\n` in the browser but
 * the form posts `\r\n`, and the count must not change between the two.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2'

export interface NonGsmCharacter {
  /** The character (a whole code point, so an emoji is one entry). */
  char: string
  /** A human-readable name, such as "right single quotation mark (’)" or "U+1F600 (😀)". */
  name: string
  codePoint: number
  /** Offset in the text, in UTF-16 code units. */
  index: number
  /** A GSM character that could replace it, where there is an obvious one ('' means "delete it"). */
  suggestion?: string
  /** A letter of Welsh spelling (ŵ, ŷ, â…): kept as it is, as GOV.UK Notify keeps it, so it makes the message Unicode. */
  welsh?: true
}

export interface SmsLength {
  encoding: SmsEncoding
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2 (most emoji count 2). */
  characters: number
  /** 0 for empty text. */
  fragments: number
  /** 160 or 153 for GSM-7; 70 or 67 for UCS-2, depending on whether the message needs more than one fragment. */
  perFragment: number
  /** How many more characters fit before another fragment is needed. */
  remainingInFragment: number
  /** Every character outside GSM 03.38, in order. Any one of them makes the whole message UCS-2. */
  nonGsm: NonGsmCharacter[]
}

export const SMS_LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const

// GSM 03.38 basic character set, without ESC (0x1B), which cannot be sent as a character of its own.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
// The extension table: each is sent as ESC plus a character, so it costs two septets.
const GSM_EXTENSION = new Set('\f^{}\\[~]|€')

// The accented letters of Welsh spelling, as GOV.UK Notify lists them. Notify sends them as they are (it replaces other
// accented letters with their base letter), so one of them outside GSM makes the whole text message Unicode.
const WELSH_LETTERS = new Set('àèìòùẁỳÀÈÌÒÙẀỲáéíóúẃýÁÉÍÓÚẂÝäëïöüẅÿÄËÏÖÜẄŸâêîôûŵŷÂÊÎÔÛŴŶ')

/** A letter of Welsh spelling (with a to bach, acute, grave or diaeresis), whether or not it is in GSM. */
export function isWelshLetter(char: string): boolean {
  return WELSH_LETTERS.has(char.normalize('NFC'))
}

export function isGsmCharacter(char: string): boolean {
  return GSM_BASIC.has(char) || GSM_EXTENSION.has(char)
}

const NAMED: Record<number, [name: string, suggestion?: string]> = {
  0x09: ['tab', ' '],
  0x0b: ['vertical tab', '\n'],
  0x60: ['grave accent (`)', "'"],
  0xa0: ['non-breaking space', ' '],
  0xa2: ['cent sign (¢)'],
  0xa6: ['broken bar (¦)', '|'],
  0xa8: ['diaeresis (¨)'],
  0xa9: ['copyright sign (©)', '(c)'],
  0xaa: ['feminine ordinal indicator (ª)'],
  0xab: ['left-pointing double angle quotation mark («)', '"'],
  0xac: ['not sign (¬)'],
  0xad: ['soft hyphen', ''],
  0xae: ['registered sign (®)', '(R)'],
  0xaf: ['macron (¯)'],
  0xb0: ['degree sign (°)'],
  0xb1: ['plus-minus sign (±)'],
  0xb2: ['superscript two (²)', '2'],
  0xb3: ['superscript three (³)', '3'],
  0xb4: ['acute accent (´)', "'"],
  0xb5: ['micro sign (µ)'],
  0xb6: ['pilcrow sign (¶)'],
  0xb7: ['middle dot (·)', '.'],
  0xb9: ['superscript one (¹)', '1'],
  0xba: ['masculine ordinal indicator (º)'],
  0xbb: ['right-pointing double angle quotation mark (»)', '"'],
  0xbc: ['vulgar fraction one quarter (¼)', '1/4'],
  0xbd: ['vulgar fraction one half (½)', '1/2'],
  0xbe: ['vulgar fraction three quarters (¾)', '3/4'],
  0xd7: ['multiplication sign (×)', 'x'],
  0xf7: ['division sign (÷)', '/'],
  0x200b: ['zero width space', ''],
  0x200c: ['zero width non-joiner', ''],
  0x200d: ['zero width joiner', ''],
  0x2009: ['thin space', ' '],
  0x200a: ['hair space', ' '],
  0x2002: ['en space', ' '],
  0x2003: ['em space', ' '],
  0x2010: ['hyphen (‐)', '-'],
  0x2011: ['non-breaking hyphen (‑)', '-'],
  0x2012: ['figure dash (‒)', '-'],
  0x2013: ['en dash (–)', '-'],
  0x2014: ['em dash (—)', '-'],
  0x2015: ['horizontal bar (―)', '-'],
  0x2018: ['left single quotation mark (‘)', "'"],
  0x2019: ['right single quotation mark (’)', "'"],
  0x201a: ['single low-9 quotation mark (‚)', "'"],
  0x201b: ['single high-reversed-9 quotation mark (‛)', "'"],
  0x201c: ['left double quotation mark (“)', '"'],
  0x201d: ['right double quotation mark (”)', '"'],
  0x201e: ['double low-9 quotation mark („)', '"'],
  0x2020: ['dagger (†)'],
  0x2022: ['bullet (•)', '-'],
  0x2026: ['horizontal ellipsis (…)', '...'],
  0x2028: ['line separator', '\n'],
  0x2029: ['paragraph separator', '\n'],
  0x202f: ['narrow no-break space', ' '],
  0x2032: ['prime (′)', "'"],
  0x2033: ['double prime (″)', '"'],
  0x2039: ['single left-pointing angle quotation mark (‹)', "'"],
  0x203a: ['single right-pointing angle quotation mark (›)', "'"],
  0x2060: ['word joiner', ''],
  0x20b9: ['Indian rupee sign (₹)'],
  0x2122: ['trade mark sign (™)', '(TM)'],
  0x2190: ['leftwards arrow (←)', '<-'],
  0x2192: ['rightwards arrow (→)', '->'],
  0x2212: ['minus sign (−)', '-'],
  0x2713: ['check mark (✓)'],
  0x2714: ['heavy check mark (✔)'],
  0xfeff: ['zero width no-break space (byte order mark)', ''],
  0xfffd: ['replacement character (�)'],
}

const COMBINING_MARKS: Record<number, string> = {
  0x300: 'grave accent',
  0x301: 'acute accent',
  0x302: 'circumflex',
  0x303: 'tilde',
  0x304: 'macron',
  0x306: 'breve',
  0x307: 'dot above',
  0x308: 'diaeresis',
  0x30a: 'ring above',
  0x30b: 'double acute accent',
  0x30c: 'caron',
  0x327: 'cedilla',
  0x328: 'ogonek',
}

function hex(codePoint: number): string {
  return 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0')
}

/** A human-readable name for a character, for telling a designer which characters make an SMS cost more. */
export function characterName(char: string): { name: string; suggestion?: string } {
  const codePoint = char.codePointAt(0) ?? 0
  const named = NAMED[codePoint]
  if (named) return named[1] === undefined ? { name: named[0] } : { name: named[0], suggestion: named[1] }

  // Accented letters: name them from their decomposition, "e with circumflex (ê)".
  const decomposed = char.normalize('NFD')
  if (decomposed.length === 2) {
    const base = decomposed[0]!
    const mark = COMBINING_MARKS[decomposed.charCodeAt(1)]
    if (mark && /[A-Za-z]/.test(base)) {
      const kind = base === base.toUpperCase() ? 'capital ' : ''
      return { name: `${kind}${base.toLowerCase()} with ${mark} (${char})`, suggestion: base }
    }
  }
  if (/^[\p{C}\p{Z}]$/u.test(char)) return { name: hex(codePoint) }
  return { name: `${hex(codePoint)} (${char})` }
}

/** Counts how many fragments messages of these unit widths need, never splitting one character across two. */
function pack(widths: number[], total: number, single: number, multi: number) {
  if (total === 0) return { fragments: 0, perFragment: single, remainingInFragment: single }
  if (total <= single) return { fragments: 1, perFragment: single, remainingInFragment: single - total }
  let fragments = 1
  let used = 0
  for (const w of widths) {
    if (used + w > multi) {
      fragments++
      used = w
    } else used += w
  }
  return { fragments, perFragment: multi, remainingInFragment: multi - used }
}

export function smsLength(input: string): SmsLength {
  const text = typeof input === 'string' ? input : ''
  const nonGsm: NonGsmCharacter[] = []
  const septets: number[] = []
  const codeUnits: number[] = []
  let septetTotal = 0
  let unitTotal = 0

  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!
    const size = codePoint > 0xffff ? 2 : 1
    const char = text.slice(i, i + size)
    // \r\n is one line break: count its \n only.
    if (char === '\r' && text.charCodeAt(i + 1) === 10) {
      i++
      continue
    }
    const s = GSM_BASIC.has(char) ? 1 : GSM_EXTENSION.has(char) ? 2 : 0
    if (s === 0) {
      const { name, suggestion } = characterName(char)
      const found: NonGsmCharacter = suggestion === undefined ? { char, name, codePoint, index: i } : { char, name, codePoint, index: i, suggestion }
      nonGsm.push(WELSH_LETTERS.has(char) ? { ...found, welsh: true } : found)
    }
    septets.push(s)
    septetTotal += s
    codeUnits.push(size)
    unitTotal += size
    i += size
  }

  if (nonGsm.length === 0) {
    const { single, multi } = SMS_LIMITS['GSM-7']
    return { encoding: 'GSM-7', characters: septetTotal, ...pack(septets, septetTotal, single, multi), nonGsm }
  }
  const { single, multi } = SMS_LIMITS['UCS-2']
  return { encoding: 'UCS-2', characters: unitTotal, ...pack(codeUnits, unitTotal, single, multi), nonGsm }
}
