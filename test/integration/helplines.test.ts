import { describe, expect, it } from 'vitest'
import * as list from '../../app/routes/helplines._index'
import * as create from '../../app/routes/helplines.new'
import * as view from '../../app/routes/helplines.$id._index'
import * as edit from '../../app/routes/helplines.$id.edit'
import { getHelpline } from '../../app/models/helpline.server'
import { db } from '../../app/utils/db.server'
import { makeUser } from '../support/factories'
import { helplineForm, helplineSettings, makeHelpline } from '../support/forecast'
import { callAction, callLoader } from '../support/routes'

async function counts() {
  const [helplines, revisions, audit] = await Promise.all(
    (['helpline', 'revision', 'audit_event'] as const).map((table) =>
      db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ),
  )
  return { helplines: Number(helplines!.n), revisions: Number(revisions!.n), audit: Number(audit!.n) }
}

describe('adding a helpline', () => {
  it('saves every field, a first revision and an audit event, then lists and shows it', async () => {
    const manager = await makeUser(['customer-services'])
    const settings = helplineSettings({
      name: 'Tax credits helpline',
      openingHours: [
        { open: '08:00', close: '18:00' },
        { open: '08:00', close: '18:00' },
        { open: '08:00', close: '18:00' },
        { open: '08:00', close: '18:00' },
        { open: '08:00', close: '18:00' },
        { open: '09:00', close: '13:00' },
        null,
      ],
      patienceSeconds: 240,
      ahtSeconds: 480,
      availableFte: 212.5,
    })
    const result = await callAction(create.action, '/helplines/new', { cookie: manager.cookie, form: helplineForm(settings) })
    expect(result.status).toBe(303)
    const id = result.location!.match(/^\/helplines\/([0-9a-f-]{36})\?notice=added$/)![1]!
    const saved = await getHelpline(db, id)
    expect(saved).toMatchObject({ ...settings, version: 1 })

    const revisions = await db.selectFrom('revision').selectAll().where('entity_type', '=', 'helpline').where('entity_id', '=', id).execute()
    expect(revisions.map((r) => r.version)).toEqual([1])
    expect(JSON.parse(revisions[0]!.snapshot_json)).toMatchObject({ name: 'Tax credits helpline', patienceSeconds: 240 })
    const audit = await db.selectFrom('audit_event').selectAll().where('entity_id', '=', id).execute()
    expect(audit.map((a) => [a.action, a.actor_email])).toEqual([['helpline.created', manager.email]])

    const viewer = await makeUser(['viewer'])
    const listed = await callLoader(list.loader, '/helplines', { cookie: viewer.cookie })
    expect(listed.data.canManage).toBe(false)
    expect(listed.data.helplines.map((h: { name: string }) => h.name)).toContain('Tax credits helpline')
    const shown = await callLoader(view.loader, `/helplines/${id}`, { cookie: viewer.cookie, params: { id } })
    expect(shown.status).toBe(200)
    expect(shown.data.helpline.openingHours[5]).toEqual({ open: '09:00', close: '13:00' })
    expect(shown.data.history).toEqual([expect.objectContaining({ version: 1, summary: 'Added the helpline', authorName: 'Test User' })])
  })

  it('says by how much the intraday profile is off 100%, keeps every value and saves nothing', async () => {
    const admin = await makeUser(['admin'])
    const before = await counts()
    const form = helplineForm(helplineSettings({ name: 'Short profile' }), { 'profile-16': '2' }) // was 4.5: 2.5 short
    const short = await callAction(create.action, '/helplines/new', { cookie: admin.cookie, form })
    expect(short.status).toBe(400)
    expect(short.data.errors).toEqual({ profile: 'The intraday profile adds up to 97.5%. It must add up to 100% (2.5% short)' })
    expect(short.data.values['profile-16']).toBe('2')
    expect(short.data.values.name).toBe('Short profile')

    const over = await callAction(create.action, '/helplines/new', { cookie: admin.cookie, form: { ...form, 'profile-16': '5.75' } })
    expect(over.data.errors.profile).toBe('The intraday profile adds up to 101.25%. It must add up to 100% (1.25% over)')
    expect(await counts()).toEqual(before)
  })

  it('refuses bad input in every part of the form at once', async () => {
    const admin = await makeUser(['admin'])
    const before = await counts()
    const form = helplineForm(helplineSettings(), {
      name: '',
      'hours-0-close': '07:00',
      'hours-1-open': '8:15',
      'hours-2-close': '',
      'weight-3': '-1',
      'profile-17': 'lots',
      ahtSeconds: '9.5',
      targetPercent: '100',
      shrinkagePercent: '95%',
      patienceSeconds: '0',
      baselineCallsPerDay: '',
      availableFte: 'many',
      paidHoursPerFte: '25',
    })
    const result = await callAction(create.action, '/helplines/new', { cookie: admin.cookie, form })
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual({
      name: 'Enter the helpline’s name',
      'hours-0-close': 'The Monday closing time must be after the opening time',
      'hours-1-open': 'Enter the Tuesday opening time on the hour or half hour, like 08:00 or 08:30',
      'hours-2-close': 'Enter the Wednesday closing time, or leave both times blank if the helpline is closed on Wednesdays',
      'weight-3': 'The Thursday weight must be 0 or more',
      'profile-17': 'The share of calls from 8:30am to 9am must be a number, like 4.5',
      ahtSeconds: 'Average handle time must be a whole number, like 540',
      targetPercent: 'The service-level percentage must be 99.9% or less',
      shrinkagePercent: 'Shrinkage must be 90% or less',
      patienceSeconds: 'Average caller patience must be 1 second or more',
      baselineCallsPerDay: 'Enter the baseline calls per day',
      availableFte: 'Available FTE must be a number, like 430',
      paidHoursPerFte: 'Paid hours per FTE per day must be 24 hours or less',
    })
    expect(await counts()).toEqual(before)
  })

  it('asks for the shares of half hours that new opening hours add when the table did not show them', async () => {
    const admin = await makeUser(['admin'])
    const form = helplineForm(helplineSettings(), { 'hours-0-close': '20:00' })
    const result = await callAction(create.action, '/helplines/new', { cookie: admin.cookie, form })
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual({ profile: 'Enter the share of calls for the half hours the new opening hours add (6pm to 8pm)' })
  })

  it('needs at least one open day and a unique name', async () => {
    const admin = await makeUser(['admin'])
    const closed = Object.fromEntries(Array.from({ length: 7 }, (_, d) => [[`hours-${d}-open`, ''], [`hours-${d}-close`, '']]).flat())
    const none = await callAction(create.action, '/helplines/new', { cookie: admin.cookie, form: helplineForm(helplineSettings(), closed) })
    expect(none.data.errors).toEqual({ hours: 'Enter the opening hours for at least one day' })

    const existing = await makeHelpline(admin, { name: 'Child Benefit helpline' })
    const duplicate = await callAction(create.action, '/helplines/new', {
      cookie: admin.cookie,
      form: helplineForm(helplineSettings({ name: '  child benefit   HELPLINE ' })),
    })
    expect(duplicate.status).toBe(400)
    expect(duplicate.data.errors).toEqual({ name: 'There is already a helpline with this name' })
    expect(await getHelpline(db, existing.id)).toMatchObject({ name: 'Child Benefit helpline' })
  })

  it('is for administrators and helpline managers only', async () => {
    const designer = await makeUser(['designer'])
    const before = await counts()
    const result = await callAction(create.action, '/helplines/new', { cookie: designer.cookie, form: helplineForm(helplineSettings()) })
    expect(result.status).toBe(403)
    expect(await counts()).toEqual(before)
  })
})

describe('changing a helpline', () => {
  it('saves a new version, records what changed, and refuses a save against a stale version with the user’s values kept', async () => {
    const admin = await makeUser(['admin'])
    const manager = await makeUser(['customer-services'])
    const { id, settings } = await makeHelpline(admin, { name: 'Employer helpline' })
    const form = await callLoader(edit.loader, `/helplines/${id}/edit`, { cookie: manager.cookie, params: { id } })
    expect(form.status).toBe(200)
    expect(form.data.values.ahtSeconds).toBe('540')
    expect(form.data.values['profile-16']).toBe('4.5')

    const first = await callAction(edit.action, `/helplines/${id}/edit`, {
      cookie: manager.cookie,
      params: { id },
      form: helplineForm(settings, { version: '1', ahtSeconds: '600', availableFte: '320' }),
    })
    expect(first.status).toBe(303)
    expect(first.location).toBe(`/helplines/${id}?notice=saved`)

    const stale = await callAction(edit.action, `/helplines/${id}/edit`, {
      cookie: admin.cookie,
      params: { id },
      form: helplineForm(settings, { version: '1', baselineCallsPerDay: '9999' }),
    })
    expect(stale.status).toBe(409)
    expect(stale.data.errors._form).toMatch(/^Someone else changed this helpline while you were editing it/)
    expect(stale.data.values.baselineCallsPerDay).toBe('9999')
    expect(stale.data.version).toBe(2)

    const saved = await getHelpline(db, id)
    expect(saved).toMatchObject({ version: 2, ahtSeconds: 600, availableFte: 320, baselineCallsPerDay: settings.baselineCallsPerDay })
    const audit = await db.selectFrom('audit_event').select(['action', 'summary', 'before_json', 'after_json']).where('entity_id', '=', id).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['helpline.created', 'helpline.updated'])
    expect(audit[1]!.summary).toBe('Changed the average handle time, the available FTE of the helpline “Employer helpline”')
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({ ahtSeconds: 540, availableFte: 300 })
    expect(JSON.parse(audit[1]!.after_json!)).toEqual({ ahtSeconds: 600, availableFte: 320 })
    const revisions = await db.selectFrom('revision').select('version').where('entity_id', '=', id).orderBy('version').execute()
    expect(revisions.map((r) => r.version)).toEqual([1, 2])

    // Saving again against the version now on screen replaces the other change deliberately.
    const again = await callAction(edit.action, `/helplines/${id}/edit`, {
      cookie: admin.cookie,
      params: { id },
      form: helplineForm(settings, { version: String(stale.data.version), baselineCallsPerDay: '9999' }),
    })
    expect(again.status).toBe(303)
    expect(await getHelpline(db, id)).toMatchObject({ version: 3, baselineCallsPerDay: 9999 })
  })

  it('gives 404 for a helpline that does not exist', async () => {
    const admin = await makeUser(['admin'])
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await callLoader(view.loader, `/helplines/${missing}`, { cookie: admin.cookie, params: { id: missing } })).status).toBe(404)
    expect((await callLoader(edit.loader, `/helplines/nonsense`, { cookie: admin.cookie, params: { id: 'nonsense' } })).status).toBe(404)
    const post = await callAction(edit.action, `/helplines/${missing}/edit`, { cookie: admin.cookie, params: { id: missing }, form: {} })
    expect(post.status).toBe(404)
  })
})

describe('the optional staffing rules', () => {
  it('saves a maximum abandonment rate and ASA, and shows them', async () => {
    const manager = await makeUser(['customer-services'])
    const { id, settings } = await makeHelpline(manager, { name: 'Rules helpline', patienceSeconds: 200, maxOccupancyPercent: 100 })
    const viewer = await makeUser(['viewer'])
    const shown = await callLoader(view.loader, `/helplines/${id}`, { cookie: viewer.cookie, params: { id } })
    expect(shown.data.helpline).toMatchObject({ maxAbandonmentPercent: null, maxAsaSeconds: null })

    const saved = await callAction(edit.action, `/helplines/${id}/edit`, {
      cookie: manager.cookie,
      params: { id },
      form: helplineForm(settings, { version: '1', maxAbandonmentPercent: '4.5', maxAsaSeconds: '40' }),
    })
    expect(saved.status).toBe(303)
    expect(await getHelpline(db, id)).toMatchObject({ version: 2, maxAbandonmentPercent: 4.5, maxAsaSeconds: 40 })
    const audit = await db.selectFrom('audit_event').select('summary').where('entity_id', '=', id).where('action', '=', 'helpline.updated').executeTakeFirstOrThrow()
    expect(audit.summary).toBe('Changed the maximum abandonment rate, the maximum average speed of answer of the helpline “Rules helpline”')
  })

  it('refuses an abandonment limit without a patience, keeping every value and saving nothing', async () => {
    const manager = await makeUser(['customer-services'])
    const { id, settings } = await makeHelpline(manager, { name: 'Erlang C helpline' })
    const before = await counts()
    const refused = await callAction(edit.action, `/helplines/${id}/edit`, {
      cookie: manager.cookie,
      params: { id },
      form: helplineForm(settings, { version: '1', maxAbandonmentPercent: '5', maxAsaSeconds: '3601' }),
    })
    expect(refused.status).toBe(400)
    expect(refused.data.errors).toEqual({
      maxAbandonmentPercent: 'Enter the average caller patience to staff to a maximum abandonment rate, or leave the maximum abandonment rate blank',
      maxAsaSeconds: 'The maximum average speed of answer must be 3,600 seconds or less',
    })
    expect(refused.data.values).toMatchObject({ maxAbandonmentPercent: '5', maxAsaSeconds: '3601' })
    expect(await counts()).toEqual(before)
    expect(await getHelpline(db, id)).toMatchObject({ version: 1, maxAbandonmentPercent: null })
  })
})
