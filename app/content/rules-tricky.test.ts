// The tricky inputs the messages issue names, run against every message rule in one place.
import { describe, expect, it } from 'vitest'
import { checkMessage, type MessageInput } from './rules'

const ADDRESS = '((customer_name))\n((address_line_1))\n((postcode))'
const none = { extraFields: [] as string[] }
const flags = { extraFields: ['has_agent'] }
const ids = (m: MessageInput, context = none) => checkMessage(m, context).map((f) => `${f.id}@${f.location.field}:${f.location.line ?? '-'}`)
const letter = (o: Partial<MessageInput> = {}): MessageInput => ({ channel: 'letter', name: 'L', referenceType: 'utr', body: 'Ref ((reference))', addressBlock: ADDRESS, postage: 'second', ...o })
const sms = (body: string, o: Partial<MessageInput> = {}): MessageInput => ({ channel: 'sms', name: 'S', referenceType: 'utr', body, ...o })
const email = (subject: string, body: string): MessageInput => ({ channel: 'email', name: 'E', referenceType: 'utr', subject, body })

describe('odd spacing or case in (( NINO ))', () => {
  it.each(['(( NINO ))', '((nino))', '((  Nino  ))', '((N-I-N-O))', '(( n i n o ))'])('%s is the NINO to every rule that cares', (nino) => {
    expect(ids(sms(`Your number: ${nino}`))).toEqual(['nino-in-digital@body:1'])
    expect(ids(email(`About ${nino}`, 'Hello'))).toEqual(['nino-in-digital@subject:1'])
    expect(ids(letter({ addressBlock: `${ADDRESS}\n${nino}` }))).toEqual(['window-envelope@addressBlock:4'])
    // A letter may show the NINO in its body; an online account message is read after signing in.
    expect(ids(letter({ body: `Ref ((reference)) ${nino}` }))).toEqual([])
    expect(ids({ channel: 'online', name: 'O', referenceType: 'utr', body: nino })).toEqual([])
  })
})

describe('a placeholder inside optional content', () => {
  it('is checked against the mailing data, flag and all', () => {
    expect(ids(sms('((has_agent??Ask ((agent_name)).))'))).toEqual(['unknown-placeholder@body:1', 'unknown-placeholder@body:1'])
    expect(ids(sms('((has_agent??Ask ((customer_name)).))'), flags)).toEqual([])
  })

  it('still counts as the NINO in a text message or email', () => {
    expect(ids(sms('((has_agent??Your NINO is (( NINO )).))'), flags)).toEqual(['nino-in-digital@body:1'])
  })

  it('does not satisfy the letter-reference rule, which needs the reference on every letter', () => {
    expect(ids(letter({ body: 'Dear ((customer_name))\n((has_agent??Ref ((reference))))' }), flags)).toEqual(['letter-reference@body:2'])
  })

  it('may not sit in the address block, even when it holds only address fields', () => {
    expect(ids(letter({ addressBlock: `${ADDRESS}\n((has_agent??((address_line_2))))` }), flags)).toEqual(['window-envelope@addressBlock:4'])
  })
})

describe('an address block that hides a reference on its last line', () => {
  it.each([
    ['the reference placeholder after blank lines', `${ADDRESS}\n\n\n(( Reference ))`, 6],
    ['the UTR placeholder after trailing spaces', `${ADDRESS}\n   ((utr))   `, 4],
    ['a typed reference', `${ADDRESS}\nRef: 12345 67890`, 4],
    ['a literal NINO', `${ADDRESS}\nQQ 12 34 56 C`, 4],
  ])('finds %s', (_, addressBlock, line) => {
    expect(ids(letter({ addressBlock }))).toEqual([`window-envelope@addressBlock:${line}`])
  })
})

describe('an empty body', () => {
  it('is a letter without its reference, and nothing else for the other channels', () => {
    expect(ids(letter({ body: '' }))).toEqual(['letter-reference@body:-'])
    expect(ids(sms(''))).toEqual([])
    expect(ids(email('', ''))).toEqual([])
    expect(ids({ channel: 'online', name: 'O', referenceType: 'nino', body: '' })).toEqual([])
  })

  it('does not hide the other letter rules', () => {
    expect(ids(letter({ body: '', addressBlock: '', postage: null }))).toEqual(['letter-reference@body:-', 'window-envelope@addressBlock:-', 'letter-postage@postage:-'])
  })
})
