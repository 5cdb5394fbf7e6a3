import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { characterName, isGsmCharacter, smsLength } from './sms'

const a = (n: number) => 'a'.repeat(n)

describe('smsLength with GSM-7', () => {
  it.each([
    [0, 0, 160, 160],
    [1, 1, 160, 159],
    [160, 1, 160, 0],
    [161, 2, 153, 145],
    [306, 2, 153, 0],
    [307, 3, 153, 152],
    [918, 6, 153, 0],
    [919, 7, 153, 152],
  ])('%i characters make %i fragment(s) of %i, with %i left', (length, fragments, perFragment, remaining) => {
    expect(smsLength(a(length))).toEqual({
      encoding: 'GSM-7',
      characters: length,
      fragments,
      perFragment,
      remainingInFragment: remaining,
      nonGsm: [],
    })
  })

  it('counts each extension character (^{}\\[~]|€ and form feed) as two', () => {
    expect(smsLength('^{}\\[~]|€\f').characters).toBe(20)
    expect(smsLength('^{}\\[~]|€\f').nonGsm).toEqual([])
  })

  it('tips into a second fragment when an extension character is the 160th character', () => {
    expect(smsLength(a(158) + '€')).toMatchObject({ characters: 160, fragments: 1, remainingInFragment: 0 })
    expect(smsLength(a(159) + '€')).toMatchObject({ characters: 161, fragments: 2 })
  })

  it('never splits an extension character across two fragments', () => {
    // 152 + € would need septets 153 and 154 of the first part, so € starts the second part.
    const text = a(152) + '€' + a(152)
    expect(smsLength(text)).toMatchObject({ characters: 306, fragments: 3, remainingInFragment: 152 })
  })

  it('counts a line break as one character whether it arrives as \\n or \\r\\n', () => {
    const browser = smsLength(a(80) + '\n' + a(79))
    const server = smsLength(a(80) + '\r\n' + a(79))
    expect(server).toEqual(browser)
    expect(server).toMatchObject({ characters: 160, fragments: 1 })
  })

  it('treats accented letters in the GSM alphabet as GSM', () => {
    expect(smsLength('Café Ñoño où £5 @ 10% Ä ß').encoding).toBe('GSM-7')
    expect(smsLength('Ñandú').nonGsm.map((c) => c.name)).toEqual(['u with acute accent (ú)'])
  })
})

describe('smsLength with UCS-2', () => {
  const curly = '’'

  it.each([
    [70, 1, 70, 0],
    [71, 2, 67, 63],
    [134, 2, 67, 0],
    [135, 3, 67, 66],
  ])('%i characters make %i fragment(s) of %i, with %i left', (length, fragments, perFragment, remaining) => {
    const result = smsLength(curly + a(length - 1))
    expect(result).toMatchObject({ encoding: 'UCS-2', characters: length, fragments, perFragment, remainingInFragment: remaining })
  })

  it('switches the whole message to UCS-2 for one non-GSM character, and names it', () => {
    const result = smsLength('It’s due — pay now')
    expect(result.encoding).toBe('UCS-2')
    expect(result.nonGsm).toEqual([
      { char: '’', name: 'right single quotation mark (’)', codePoint: 0x2019, index: 2, suggestion: "'" },
      { char: '—', name: 'em dash (—)', codePoint: 0x2014, index: 9, suggestion: '-' },
    ])
  })

  it('counts an extension character as one in UCS-2', () => {
    expect(smsLength('€’').characters).toBe(2)
  })

  it('counts an emoji as two and never splits it across fragments', () => {
    expect(smsLength(a(68) + '😀')).toMatchObject({ characters: 70, fragments: 1 })
    expect(smsLength(a(69) + '😀')).toMatchObject({ characters: 71, fragments: 2 })
    expect(smsLength(a(66) + '😀' + a(66))).toMatchObject({ characters: 134, fragments: 3 })
    expect(smsLength('😀').nonGsm).toEqual([{ char: '😀', name: 'U+1F600 (😀)', codePoint: 0x1f600, index: 0 }])
  })

  it('gives the index of each character in the original text', () => {
    const text = 'a\r\nb’'
    expect(smsLength(text).nonGsm[0]!.index).toBe(text.indexOf('’'))
  })
})

describe('smsLength with Welsh text', () => {
  it('sends a text with ŵ, ŷ or a circumflex as UCS-2, as GOV.UK Notify does: 70 characters, or 67 a part', () => {
    const welsh = 'CThEF: rydym wedi ysgrifennu atoch am incwm rhent. Gweithredwch erbyn y dyddiad yn ein llythyr.'
    expect(smsLength(welsh).encoding).toBe('GSM-7')
    const withToBach = 'Mae’n ddrwg gennym: ŵyr, tŷ, â, ê, î, ô, û'.replace('’', "'")
    const result = smsLength(withToBach)
    expect(result.encoding).toBe('UCS-2')
    expect(result.nonGsm.map((c) => c.char)).toEqual(['ŵ', 'ŷ', 'â', 'ê', 'î', 'ô', 'û'])
    expect(result.nonGsm.every((c) => c.welsh)).toBe(true)
    expect(smsLength('ŵ' + 'a'.repeat(69))).toMatchObject({ characters: 70, fragments: 1, perFragment: 70 })
    expect(smsLength('ŵ' + 'a'.repeat(70))).toMatchObject({ characters: 71, fragments: 2, perFragment: 67, remainingInFragment: 63 })
  })

  it('keeps the Welsh letters that are in GSM (à, è, é, ä, ö, ü…) as GSM, and marks only Welsh letters as Welsh', () => {
    expect(smsLength('Mae’r dyddiad yn agosáu'.replace('’', "'")).nonGsm.map((c) => [c.char, c.welsh])).toEqual([['á', true]])
    expect(smsLength('caffè, Ä, ö, ü, é').encoding).toBe('GSM-7')
    expect(smsLength('ç').nonGsm[0]!.welsh).toBeUndefined()
  })
})

describe('characterName', () => {
  it.each([
    ['\u00a0', 'non-breaking space'],
    ['…', 'horizontal ellipsis (…)'],
    ['“', 'left double quotation mark (“)'],
    ['–', 'en dash (–)'],
    ['ê', 'e with circumflex (ê)'],
    ['Ő', 'capital o with double acute accent (Ő)'],
    ['ç', 'c with cedilla (ç)'],
    ['\u0007', 'U+0007'],
    ['漢', 'U+6F22 (漢)'],
  ])('names %j as %s', (char, name) => {
    expect(characterName(char).name).toBe(name)
  })

  it('knows the euro sign and the GSM letters are not a problem', () => {
    expect(isGsmCharacter('€')).toBe(true)
    expect(isGsmCharacter('Ç')).toBe(true)
    expect(isGsmCharacter('ç')).toBe(false)
    expect(isGsmCharacter('\u001b')).toBe(false)
  })
})

describe('smsLength properties', () => {
  it('never throws, needs a fragment for any non-empty text, and fits its characters in its fragments', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '€', '’', '😀', '\r', '\n', 'é', ' ', '\ud83d'), maxLength: 400 }), (text) => {
        const result = smsLength(text)
        if (text === '') expect(result.fragments).toBe(0)
        else expect(result.fragments).toBeGreaterThanOrEqual(1)
        expect(result.remainingInFragment).toBeGreaterThanOrEqual(0)
        expect(result.fragments * result.perFragment).toBeGreaterThanOrEqual(result.characters)
        expect(result.encoding === 'GSM-7').toBe(result.nonGsm.length === 0)
      }),
      { seed: 42, numRuns: 1000 },
    )
  })

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(smsLength(text).characters).toBeGreaterThanOrEqual(0)
      }),
      { seed: 43, numRuns: 1000 },
    )
  })
})
