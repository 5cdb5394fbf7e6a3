import { describe, expect, it } from 'vitest'
import { applyWaveIntent, formIntent, parseMessageForm, waveRowFromSaved, waveRowsFrom, type WaveFormRow } from './message'

const letter = {
  channel: 'letter',
  name: '  First letter ',
  referenceType: 'utr',
  addressBlock: '((customer_name))\r\n((postcode))',
  postage: 'second',
  deadlineDays: '',
  body: 'Dear ((customer_name))\r\nRef ((reference))',
}

describe('parseMessageForm', () => {
  it('keeps only the fields of the chosen channel, normalising line endings and trimming', () => {
    const parsed = parseMessageForm({ ...letter, subject: 'ignored for a letter' })
    expect(parsed).toEqual({
      ok: true,
      data: {
        channel: 'letter',
        name: 'First letter',
        referenceType: 'utr',
        subject: null,
        body: 'Dear ((customer_name))\nRef ((reference))',
        addressBlock: '((customer_name))\n((postcode))',
        postage: 'second',
        deadlineDays: null,
        deliveryProfile: null,
        waves: [],
      },
    })
    const sms = parseMessageForm({ ...letter, channel: 'sms', postage: 'pigeon', deadlineDays: 'x', deliveryProfile: '50' })
    expect(sms.ok && sms.data).toMatchObject({ channel: 'sms', addressBlock: null, postage: null, deadlineDays: null, deliveryProfile: null })
  })

  it('takes a letter’s own delivery profile, and refuses one that does not add up, with the rest of the form', () => {
    const own = parseMessageForm({ ...letter, deliveryProfile: '0, 70, 30' })
    expect(own.ok && own.data.deliveryProfile).toEqual([0, 70, 30])
    expect(parseMessageForm({ ...letter, name: '', deliveryProfile: '70, 20' })).toEqual({
      ok: false,
      errors: { name: 'Enter a name for the message', deliveryProfile: 'Delivery profile adds up to 90%. The shares must add up to 100%' },
    })
  })

  it('requires an email subject and limits it', () => {
    expect(parseMessageForm({ ...letter, channel: 'email' })).toEqual({ ok: false, errors: { subject: 'Enter the subject of the email' } })
    expect(parseMessageForm({ ...letter, channel: 'email', subject: 's'.repeat(201) })).toEqual({ ok: false, errors: { subject: 'Subject must be 200 characters or fewer' } })
  })

  it('refuses every problem at once, including an unknown channel and reference type', () => {
    const parsed = parseMessageForm({ channel: '__proto__', referenceType: 'passport', name: '', body: '   ' })
    expect(parsed).toEqual({
      ok: false,
      errors: {
        channel: 'Select the type of message',
        name: 'Enter a name for the message',
        referenceType: 'Select the reference that identifies customers in this message',
        body: 'Enter the body of the message',
      },
    })
  })

  it('words its errors for the type of message chosen', () => {
    expect(parseMessageForm({ channel: 'sms', name: 'Reminder', body: '' })).toEqual({
      ok: false,
      errors: { referenceType: 'Select the reference that identifies customers in this text message', body: 'Enter the body of the text message' },
    })
    expect(parseMessageForm({ ...letter, referenceType: '', postage: '', body: '' })).toMatchObject({
      errors: { referenceType: 'Select the reference that identifies customers in this letter', postage: 'Select the postage class of the letter', body: 'Enter the body of the letter' },
    })
  })

  it('applies each channel’s body limit, and the SMS fragment limit', () => {
    expect(parseMessageForm({ ...letter, channel: 'online', body: 'x'.repeat(10_001) })).toMatchObject({
      errors: { body: 'Body must be 10,000 characters or fewer (it has 10,001)' },
    })
    expect(parseMessageForm({ ...letter, channel: 'sms', body: 'x'.repeat(918) }).ok).toBe(true)
    expect(parseMessageForm({ ...letter, channel: 'sms', body: 'x'.repeat(919) })).toMatchObject({
      errors: { body: 'Text message must be 918 characters or fewer (it is 919)' },
    })
    expect(parseMessageForm({ ...letter, body: 'a\u0000b' })).toMatchObject({ errors: { body: 'Body must not contain hidden control characters' } })
  })

  it('checks the address block’s lines and the action deadline', () => {
    expect(parseMessageForm({ ...letter, addressBlock: Array(9).fill('((postcode))').join('\n') })).toMatchObject({
      errors: { addressBlock: 'Address block must be 8 lines or fewer (it has 9)' },
    })
    expect(parseMessageForm({ ...letter, addressBlock: `((customer_name))\n${'x'.repeat(101)}` })).toMatchObject({
      errors: { addressBlock: 'Line 2 of the address block must be 100 characters or fewer' },
    })
    for (const bad of ['0', '366', '2.5', 'thirty', '-1']) {
      expect(parseMessageForm({ ...letter, deadlineDays: bad }).ok, bad).toBe(false)
    }
    expect(parseMessageForm({ ...letter, deadlineDays: ' 30 ' })).toMatchObject({ ok: true, data: { deadlineDays: 30 } })
    expect(parseMessageForm({ ...letter, postage: '' })).toMatchObject({ errors: { postage: 'Select the postage class of the letter' } })
  })

  it('reads waves in row order, skips blank rows and sorts the saved waves by date', () => {
    const parsed = parseMessageForm(
      {
        ...letter,
        'waves-5-day': '1',
        'waves-5-month': '3',
        'waves-5-year': '2031',
        'waves-5-volume': '1,000',
        'waves-2-day': '',
        'waves-2-month': '',
        'waves-2-year': '',
        'waves-2-volume': '',
        'waves-0-day': '15',
        'waves-0-month': '6',
        'waves-0-year': '2031',
        'waves-0-volume': '250',
      },
      { earliestSendDate: '2030-01-01' },
    )
    expect(parsed).toMatchObject({
      ok: true,
      data: {
        waves: [
          { sendDate: '2031-03-01', volume: 1000 },
          { sendDate: '2031-06-15', volume: 250 },
        ],
      },
    })
  })

  it('refuses a send date before the earliest allowed, and too many waves', () => {
    const wave = { 'waves-0-day': '31', 'waves-0-month': '12', 'waves-0-year': '2029', 'waves-0-volume': '1' }
    expect(parseMessageForm({ ...letter, ...wave }, { earliestSendDate: '2030-01-01' })).toEqual({
      ok: false,
      errors: { 'waves-0': 'Send date of wave 1 must be today or in the future' },
    })
    expect(parseMessageForm({ ...letter, ...wave }).ok).toBe(true)
    const many: Record<string, string> = {}
    for (let i = 0; i < 61; i++) Object.assign(many, { [`waves-${i}-day`]: '1', [`waves-${i}-month`]: '1', [`waves-${i}-year`]: '2031', [`waves-${i}-volume`]: '1' })
    expect(parseMessageForm({ ...letter, ...many })).toEqual({ ok: false, errors: { 'waves-0': 'A message can have up to 60 waves' } })
  })
})

describe('wave rows', () => {
  const row = (volume: string): WaveFormRow => ({ day: '1', month: '2', year: '2031', volume })

  it('are renumbered from the posted names, ignoring names that are not wave fields', () => {
    expect(waveRowsFrom({ 'waves-7-volume': '7', 'waves-3-day': '3', 'waves-x-day': '9', 'waves-1234-day': '1', 'notwaves-1-day': '1' })).toEqual([
      { day: '3', month: '', year: '', volume: '' },
      { day: '', month: '', year: '', volume: '7' },
    ])
  })

  it('grow by one empty row, focused, and shrink by the row removed, never below one', () => {
    expect(applyWaveIntent([row('1')], formIntent('add-wave'))).toEqual({ rows: [row('1'), { day: '', month: '', year: '', volume: '' }], focus: 1 })
    expect(applyWaveIntent([row('1'), row('2'), row('3')], formIntent('remove-wave-1')).rows).toEqual([row('1'), row('3')])
    expect(applyWaveIntent([row('1')], formIntent('remove-wave-0')).rows).toEqual([{ day: '', month: '', year: '', volume: '' }])
    expect(formIntent(undefined)).toEqual({ kind: 'save' })
    expect(formIntent('remove-wave-x')).toEqual({ kind: 'save' })
  })

  it('show a saved wave as the date input shows it', () => {
    expect(waveRowFromSaved({ sendDate: '2031-03-04', volume: 25000 })).toEqual({ day: '4', month: '3', year: '2031', volume: '25000' })
  })
})
