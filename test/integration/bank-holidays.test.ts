import { describe, expect, it } from 'vitest'
import * as upload from '../../app/routes/admin.bank-holidays._index'
import * as check from '../../app/routes/admin.bank-holidays.$uploadId'
import * as forecastPage from '../../app/routes/campaigns.$ref.forecast._index'
import { DEFAULT_BANK_HOLIDAYS } from '../../app/forecast/bank-holidays'
import type { BankHolidaysFile } from '../../app/forecast/working-days'
import { bankHolidayDates, getActiveBankHolidays, SHIPPED_CALENDAR_ID } from '../../app/models/bank-holidays.server'
import { db } from '../../app/utils/db.server'
import { makeCampaign, makeUser, type TestUser } from '../support/factories'
import { campaignIdOf, insertMessage, makeHelpline } from '../support/forecast'
import { callAction, callLoader } from '../support/routes'

/** A file posted as a browser posts a file input: multipart, with its length declared. */
async function uploadFile(user: TestUser, content: string | Uint8Array<ArrayBuffer>, name = 'bank-holidays.json') {
  const form = new FormData()
  form.append('file', new Blob([content], { type: 'application/json' }), name)
  const encoded = new Response(form)
  const body = Buffer.from(await encoded.arrayBuffer())
  return callAction(upload.action, '/admin/bank-holidays', {
    cookie: user.cookie,
    body,
    headers: { 'Content-Type': encoded.headers.get('Content-Type')!, 'Content-Length': String(body.length) },
  })
}

function withChanges(): BankHolidaysFile {
  const file = structuredClone(DEFAULT_BANK_HOLIDAYS)
  file['england-and-wales'].events.push({ title: 'Coronation bank holiday', date: '2028-06-05', notes: '', bunting: true })
  const scotland = file.scotland.events.find((e) => e.date === '2027-11-30')!
  scotland.notes = 'Moved by proclamation'
  file['northern-ireland'].events = file['northern-ireland'].events.filter((e) => e.date !== '2028-07-12')
  return file
}

async function pendingCount() {
  const row = await db.selectFrom('bank_holiday_file').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('the bank holidays in use', () => {
  it('are the shipped ones until an admin applies an upload, which shows what it changes first', async () => {
    const admin = await makeUser(['admin'])
    const page = await callLoader(upload.loader, '/admin/bank-holidays', { cookie: admin.cookie })
    expect(page.status).toBe(200)
    expect(page.data.active.id).toBe(SHIPPED_CALENDAR_ID)
    expect(page.data.nations.map((n: { years: unknown }) => n.years)).toEqual([
      { first: '2024', last: '2028' },
      { first: '2024', last: '2028' },
      { first: '2024', last: '2028' },
    ])

    const uploaded = await uploadFile(admin, JSON.stringify(withChanges()))
    expect(uploaded.status).toBe(303)
    const uploadId = uploaded.location!.match(/^\/admin\/bank-holidays\/([0-9a-f-]{36})$/)![1]!
    // Checking is not applying.
    expect((await getActiveBankHolidays(db)).id).toBe(SHIPPED_CALENDAR_ID)
    expect(await bankHolidayDates(db, 'england-and-wales')).not.toContain('2028-06-05')

    const diff = await callLoader(check.loader, `/admin/bank-holidays/${uploadId}`, { cookie: admin.cookie, params: { uploadId } })
    expect(diff.data.hasChanges).toBe(true)
    expect(diff.data.baseId).toBe(SHIPPED_CALENDAR_ID)
    const byNation = Object.fromEntries(
      diff.data.nations.map((n: any) => [n.nation, { added: n.added.map((e: any) => e.date), removed: n.removed.map((e: any) => e.date), changed: n.changed.map((c: any) => c.date) }]),
    )
    expect(byNation).toEqual({
      'england-and-wales': { added: ['2028-06-05'], removed: [], changed: [] },
      scotland: { added: [], removed: [], changed: ['2027-11-30'] },
      'northern-ireland': { added: [], removed: ['2028-07-12'], changed: [] },
    })

    const applied = await callAction(check.action, `/admin/bank-holidays/${uploadId}`, { cookie: admin.cookie, params: { uploadId }, form: { base: SHIPPED_CALENDAR_ID } })
    expect(applied.status).toBe(303)
    expect(applied.location).toBe('/admin/bank-holidays?notice=applied')
    expect((await getActiveBankHolidays(db)).id).toBe(uploadId)
    expect(await bankHolidayDates(db, 'england-and-wales')).toContain('2028-06-05')
    expect(await bankHolidayDates(db, 'northern-ireland')).not.toContain('2028-07-12')

    const audit = await db.selectFrom('audit_event').select(['action', 'after_json']).where('entity_type', '=', 'bank-holidays').where('entity_id', '=', uploadId).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['bank-holidays.uploaded', 'bank-holidays.applied'])
    expect(JSON.parse(audit[1]!.after_json!).changes['england-and-wales']).toEqual({ added: 1, removed: 0, changed: 0 })

    // The forecast of every campaign now uses the new calendar.
    const designer = await makeUser(['designer'])
    const ref = await makeCampaign(designer)
    await insertMessage(db, await campaignIdOf(ref))
    await makeHelpline(admin)
    const forecast = await callLoader(forecastPage.loader, `/campaigns/${ref}/forecast`, { cookie: designer.cookie, params: { ref } })
    expect(forecast.data.bankHolidays).toContain('2028-06-05')

    // Applying twice changes nothing more.
    const again = await callAction(check.action, `/admin/bank-holidays/${uploadId}`, { cookie: admin.cookie, params: { uploadId }, form: { base: uploadId } })
    expect(again.status).toBe(409)
    expect(again.data.error).toBe('This file is already in use. Nothing was changed.')
  })

  it('refuses to apply a file checked against a calendar that has since been replaced', async () => {
    const admin = await makeUser(['admin'])
    const first = await uploadFile(admin, JSON.stringify(DEFAULT_BANK_HOLIDAYS))
    const second = await uploadFile(admin, JSON.stringify(withChanges()))
    const firstId = first.location!.split('/').pop()!
    const secondId = second.location!.split('/').pop()!
    const base = (await getActiveBankHolidays(db)).id
    expect((await callAction(check.action, '', { cookie: admin.cookie, params: { uploadId: firstId }, form: { base } })).status).toBe(303)
    const stale = await callAction(check.action, '', { cookie: admin.cookie, params: { uploadId: secondId }, form: { base } })
    expect(stale.status).toBe(409)
    expect(stale.data.error).toMatch(/^Someone else changed the bank holidays in use after you checked this file/)
    expect((await getActiveBankHolidays(db)).id).toBe(firstId)
  })
})

describe('a bad upload', () => {
  it('is refused with the reasons, and nothing is stored', async () => {
    const admin = await makeUser(['admin'])
    const before = await pendingCount()

    const notJson = await uploadFile(admin, '{"england-and-wales": [')
    expect(notJson.status).toBe(400)
    expect(notJson.data.errors).toEqual(['The file is not valid JSON. Download it again from GOV.UK and upload it unchanged.'])

    const broken = structuredClone(DEFAULT_BANK_HOLIDAYS) as any
    broken['northern-ireland'].events[2].date = '2024-02-30'
    delete broken.scotland
    const invalid = await uploadFile(admin, JSON.stringify(broken))
    expect(invalid.status).toBe(400)
    expect(invalid.data.errors).toEqual([
      'Scotland is missing: the file needs a "scotland" section',
      'Northern Ireland, event 3 has the date "2024-02-30", which is not a real date in the form YYYY-MM-DD',
    ])

    const empty = await uploadFile(admin, '')
    expect(empty.data.errors).toEqual(['Select a bank holidays file to upload'])
    expect(await pendingCount()).toBe(before)
  })

  it('of 10 MB of junk is refused from its declared size, with a form error rather than a crash', async () => {
    const admin = await makeUser(['admin'])
    const before = await pendingCount()
    const junk = new Uint8Array(10 * 1024 * 1024).map((_, i) => (i * 7919) % 251)
    const result = await uploadFile(admin, junk, 'junk.bin')
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual(['The selected file must be smaller than 1 MB. GOV.UK’s bank-holidays.json is about 50 KB.'])
    expect(await pendingCount()).toBe(before)
  })

  it('is not possible for anyone but an admin', async () => {
    const manager = await makeUser(['customer-services'])
    const before = await pendingCount()
    const result = await uploadFile(manager, JSON.stringify(DEFAULT_BANK_HOLIDAYS))
    expect(result.status).toBe(403)
    expect(await pendingCount()).toBe(before)
  })
})
