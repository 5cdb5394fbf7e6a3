import { describe, expect, it } from 'vitest'
import { checkTranslationFile, readTranslationFile, translationFile, versionsNamed, type FileRecord } from './transfer'

const letter: FileRecord = {
  kind: 'message',
  id: '11111111-1111-4111-8111-111111111111',
  label: 'the letter “First letter”',
  what: 'Letter: First letter',
  version: 3,
  source: { channel: 'letter', subject: null, body: 'Dear ((customer_name)),\nyour reference is ((reference)).' },
  channel: 'letter',
}
const email: FileRecord = {
  kind: 'message',
  id: '22222222-2222-4222-8222-222222222222',
  label: 'the email “Email”',
  what: 'Email: Email',
  version: 1,
  source: { channel: 'email', subject: 'About ((tax_year))', body: '-1 is not a formula' },
  channel: 'email',
  welsh: { subject: 'Ynghylch ((tax_year))', body: 'Hen destun' },
  translatedFrom: { channel: 'email', subject: 'About ((tax_year))', body: 'Old text' },
}
const script: FileRecord = {
  kind: 'script',
  id: '33333333-3333-4333-8333-333333333333',
  label: 'the inbound call script',
  what: 'Script: Inbound call',
  version: 2,
  source: { opening: 'Good morning, Revenue and Customs', verification: 'Check', recordingNotice: '', body: 'Body', closing: 'Thank you' },
}

const sources = (...records: FileRecord[]) => new Map(records.map((r) => [`${r.kind}:${r.id}@${r.version}`, r.source]))

describe('the translation file', () => {
  it('has a byte-order mark, one row per translated part, the Welsh to change, and guards formula-like cells', () => {
    const text = translationFile([letter, email, script])
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const read = readTranslationFile(text.slice(1))
    if (!read.ok) throw new Error(read.problems.join())
    expect(read.rows.map((r) => [r.line, r.item, r.part, r.englishVersion, r.welsh])).toEqual([
      [2, `message:${letter.id}`, 'body', '3', ''],
      [3, `message:${email.id}`, 'subject', '1', 'Ynghylch ((tax_year))'],
      [4, `message:${email.id}`, 'body', '1', 'Hen destun'],
      [5, `script:${script.id}`, 'opening', '2', ''],
      [6, `script:${script.id}`, 'verification', '2', ''],
      [7, `script:${script.id}`, 'body', '2', ''],
      [8, `script:${script.id}`, 'closing', '2', ''],
    ])
    // The English the Welsh translates sits beside the English now, and "-1" cannot run as a formula in Excel.
    expect(text).toContain(`message:${email.id},Email: Email,body,1,'-1 is not a formula,Old text,Hen destun`)
    expect(versionsNamed(read.rows)).toEqual([
      { item: `message:${letter.id}`, version: 3 },
      { item: `message:${email.id}`, version: 1 },
      { item: `script:${script.id}`, version: 2 },
    ])
  })

  it('reads the Welsh back, numbering rows as a spreadsheet does and undoing the formula guard', () => {
    const text = `welsh,item,part,english_version\r\n"Annwyl ((customer_name)),\nyour ((reference))",message:${letter.id},body,3\r\n,,,\r\n'=Nid fformiwla,message:${email.id},body,1\r\n`
    const read = readTranslationFile(text)
    expect(read).toEqual({
      ok: true,
      rows: [
        { line: 2, item: `message:${letter.id}`, part: 'body', englishVersion: '3', welsh: 'Annwyl ((customer_name)),\nyour ((reference))' },
        { line: 4, item: `message:${email.id}`, part: 'body', englishVersion: '1', welsh: '=Nid fformiwla' },
      ],
    })
  })

  it('saves items whose Welsh is complete and right, leaves blank ones alone, and refuses everything when any row is wrong', () => {
    const good = readTranslationFile(
      `item,part,english_version,welsh\r\nmessage:${letter.id},body,3,"Annwyl ((customer_name)), ((reference))."\r\nmessage:${email.id},subject,1,\r\nmessage:${email.id},body,1,\r\n`,
    )
    if (!good.ok) throw new Error('readable')
    expect(checkTranslationFile(good.rows, [letter, email], sources(letter, email))).toEqual({
      ok: true,
      blank: 1,
      translations: [{ kind: 'message', entityId: letter.id, englishVersion: 3, translatedFrom: letter.source, welsh: { body: 'Annwyl ((customer_name)), ((reference)).' } }],
    })
    const bad = readTranslationFile(
      [
        'item,part,english_version,welsh',
        `message:${letter.id},body,3,Annwyl ((customer_name)) ((cyfeirnod))`,
        `message:${email.id},subject,1,Ynghylch`,
        `message:${email.id},body,1,Corff`,
        `message:${email.id},title,1,Teitl`,
        `script:${script.id},opening,9,Bore da`,
        'message:nope,body,1,Dim',
      ].join('\r\n'),
    )
    if (!bad.ok) throw new Error('readable')
    const checked = checkTranslationFile(bad.rows, [letter, email, script], sources(letter, email, script))
    expect(checked).toEqual({
      ok: false,
      more: 0,
      problems: [
        'Row 7: there is no message, line to take or script “message:nope” in this campaign. Download the file again.',
        'Row 2 (the letter “First letter”, body): The Welsh body has the placeholder ((cyfeirnod)), which the English body does not. Use the English placeholders exactly as they are.',
        'Row 2 (the letter “First letter”, body): The English body has the placeholder ((reference)), which the Welsh body does not. Add it to the Welsh, exactly as it is in the English.',
        'Row 5 (the email “Email”): “title” is not a part of it that is translated (subject, body).',
        'Row 3 (the email “Email”, subject): The English subject has the placeholder ((tax_year)), which the Welsh subject does not. Add it to the Welsh, exactly as it is in the English.',
        'Row 6 (the inbound call script): there is no English version 9 of it. Download the file again.',
      ],
    })
  })

  it('refuses a file without its column names, an unclosed quote, or one with no Welsh at all', () => {
    expect(readTranslationFile('')).toEqual({ ok: false, problems: ['The file is empty. Upload the translation file downloaded from this page, with the Welsh filled in.'] })
    expect(readTranslationFile('item,welsh\r\n')).toMatchObject({ ok: false, problems: [expect.stringContaining('part, english_version are missing')] })
    expect(readTranslationFile('item,part,english_version,welsh\r\n"open')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Line 2: a quoted cell is never closed/)] })
    const blank = readTranslationFile(`item,part,english_version,welsh\r\nmessage:${letter.id},body,3,\r\n`)
    if (!blank.ok) throw new Error('readable')
    expect(checkTranslationFile(blank.rows, [letter], sources(letter))).toEqual({ ok: false, more: 0, problems: ['The file has no Welsh in it: fill in the welsh column, then upload it again.'] })
  })

  it('counts a Welsh text message as Unicode when it checks its length', () => {
    const sms: FileRecord = { ...letter, id: '44444444-4444-4444-8444-444444444444', label: 'the text message “Text”', source: { channel: 'sms', subject: null, body: 'HMRC' }, channel: 'sms' }
    const read = readTranslationFile(`item,part,english_version,welsh\r\nmessage:${sms.id},body,3,${'ŵ'.repeat(403)}\r\n`)
    if (!read.ok) throw new Error('readable')
    expect(checkTranslationFile(read.rows, [sms], sources(sms))).toMatchObject({ ok: false, problems: [expect.stringContaining('402 characters or fewer')] })
  })
})
