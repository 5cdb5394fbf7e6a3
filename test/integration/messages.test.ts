import { describe, expect, it } from 'vitest'
import * as campaignPage from '../../app/routes/campaigns.$ref._index'
import * as exportJson from '../../app/routes/campaigns.$ref.export[.json]'
import * as messagesIndex from '../../app/routes/campaigns.$ref.messages._index'
import * as newMessage from '../../app/routes/campaigns.$ref.messages.new'
import * as messagePage from '../../app/routes/campaigns.$ref.messages.$id._index'
import * as editMessage from '../../app/routes/campaigns.$ref.messages.$id.edit'
import * as deleteMessage from '../../app/routes/campaigns.$ref.messages.$id.delete'
import * as preview from '../../app/routes/campaigns.$ref.messages.$id.preview'
import * as fields from '../../app/routes/campaigns.$ref.messages.fields'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { getMessage } from '../../app/models/message.server'
import { todayIso } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { addDays, makeCampaign, makeUser } from '../support/factories'
import { GOOD_ADDRESS, letterInput, makeMessage, messageForm } from '../support/messages'
import { callAction, callLoader } from '../support/routes'

async function counts() {
  const tables = ['message', 'wave', 'revision', 'audit_event', 'campaign_field'] as const
  const rows = await Promise.all(tables.map((t) => db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()))
  return Object.fromEntries(tables.map((t, i) => [t, Number(rows[i]!.n)]))
}

async function setUp(options: { status?: 'draft' | 'awaiting-sign-off' | 'launched' } = {}) {
  const owner = await makeUser(['designer'], 'Owner')
  const ref = await makeCampaign(owner, {}, options.status ? { status: options.status } : undefined)
  const campaign = (await getCampaignByRef(db, ref))!
  return { owner, ref, campaign }
}

function post(action: (args: any) => unknown, path: string, cookie: string, params: Record<string, string>, form: Record<string, string>) {
  return callAction(action, path, { cookie, params, form })
}

describe('adding a message', () => {
  it('saves a letter with its waves, a first version and an audit event, then shows it with no findings', async () => {
    const { owner, ref, campaign } = await setUp()
    const result = await post(newMessage.action, `/campaigns/${ref}/messages/new`, owner.cookie, { ref }, messageForm(letterInput()))
    expect(result.status).toBe(303)
    const id = result.location!.match(/\/messages\/([0-9a-f-]{36})\?notice=created$/)![1]!
    const message = await getMessage(db, campaign.id, id)
    expect(message).toMatchObject({
      channel: 'letter',
      name: 'First letter',
      postage: 'second',
      deadlineDays: 30,
      version: 1,
      recipients: 25_000,
      subject: null,
      addressBlock: GOOD_ADDRESS,
    })
    // Line endings posted as \r\n are stored as \n, as the browser's textarea holds them.
    expect(message!.body).not.toContain('\r')
    expect(message!.waves.map((w) => w.volume)).toEqual([10_000, 15_000])

    const revisions = await db.selectFrom('revision').select(['version', 'summary', 'snapshot_json']).where('entity_id', '=', id).execute()
    expect(revisions).toHaveLength(1)
    expect(JSON.parse(revisions[0]!.snapshot_json)).toMatchObject({ name: 'First letter', waves: [{ volume: 10_000 }, { volume: 15_000 }] })
    const audit = await db.selectFrom('audit_event').select(['action', 'summary', 'actor_email']).where('entity_id', '=', id).execute()
    expect(audit).toEqual([{ action: 'message.created', summary: 'Added the letter “First letter”', actor_email: owner.email }])

    const page = await callLoader(messagePage.loader, `/campaigns/${ref}/messages/${id}`, { cookie: owner.cookie, params: { ref, id } })
    expect(page.status).toBe(200)
    expect(page.data.findings).toEqual([])
  })

  it('ignores the fields that do not belong to the channel', async () => {
    const { owner, ref, campaign } = await setUp()
    const form = messageForm(letterInput({ channel: 'sms', name: 'Reminder', body: 'Hi ((customer_name)), check your return.' }), {
      subject: 'Left over',
      addressBlock: '((nino))',
      deadlineDays: 'nonsense',
    })
    const result = await post(newMessage.action, `/campaigns/${ref}/messages/new`, owner.cookie, { ref }, form)
    expect(result.status).toBe(303)
    const id = result.location!.split('/').pop()!.split('?')[0]!
    expect(await getMessage(db, campaign.id, id)).toMatchObject({ channel: 'sms', subject: null, addressBlock: null, postage: null, deadlineDays: null })
  })

  it('refuses an unknown channel, a missing body and a 200,000-character body with field errors, saving nothing', async () => {
    const { owner, ref } = await setUp()
    const before = await counts()
    const path = `/campaigns/${ref}/messages/new`
    const unknown = await post(newMessage.action, path, owner.cookie, { ref }, messageForm(letterInput(), { channel: 'fax', body: '' }))
    expect(unknown.status).toBe(400)
    expect(unknown.data.errors).toEqual({
      channel: 'Select the type of message',
      body: 'Enter the body of the message',
    })
    expect(unknown.data.values).toMatchObject({ channel: 'fax', name: 'First letter' })

    const huge = 'x'.repeat(200_000)
    const tooBig = await post(newMessage.action, path, owner.cookie, { ref }, messageForm(letterInput(), { body: huge }))
    expect(tooBig.status).toBe(400)
    expect(tooBig.data.errors).toEqual({ body: 'Body must be 20,000 characters or fewer (it has 200,000)' })
    expect(tooBig.data.values.body).toHaveLength(200_000)

    const sms = await post(newMessage.action, path, owner.cookie, { ref }, messageForm(letterInput({ channel: 'sms', body: '’'.repeat(403) })))
    expect(sms.data.errors.body).toBe(
      'Text message must be 402 characters or fewer because it contains characters that are not in the GSM alphabet (it is 403)',
    )
    expect(await counts()).toEqual(before)
  })

  it('refuses bad waves, naming each wave, and keeps what was typed', async () => {
    const { owner, ref } = await setUp()
    const before = await counts()
    const form = messageForm(letterInput({ waves: [] }), {
      'waves-0-day': '30',
      'waves-0-month': '2',
      'waves-0-year': '2031',
      'waves-0-volume': '0',
      'waves-1-day': '',
      'waves-1-month': '',
      'waves-1-year': '',
      'waves-1-volume': '',
      'waves-2-day': String(Number(addDays(todayIso(), -1).slice(8))),
      'waves-2-month': String(Number(addDays(todayIso(), -1).slice(5, 7))),
      'waves-2-year': addDays(todayIso(), -1).slice(0, 4),
      'waves-2-volume': '1.5',
      'waves-3-day': '1',
      'waves-3-month': '',
      'waves-3-year': '2031',
      'waves-3-volume': '-4',
    })
    const result = await post(newMessage.action, `/campaigns/${ref}/messages/new`, owner.cookie, { ref }, form)
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual({
      'waves-0': 'Send date of wave 1 must be a real date',
      'waves-0-volume': 'Volume of wave 1 must be a whole number above 0, like 25000',
      'waves-2': 'Send date of wave 3 must be today or in the future',
      'waves-2-volume': 'Volume of wave 3 must be a whole number above 0, like 25000',
      'waves-3': 'Send date of wave 4 must include a month',
      'waves-3-volume': 'Volume of wave 4 must be a whole number above 0, like 25000',
    })
    expect(result.data.waves).toHaveLength(4)
    expect(result.data.waves[0]).toEqual({ day: '30', month: '2', year: '2031', volume: '0' })
    expect(await counts()).toEqual(before)
  })

  it('allows a past send date once the campaign is past the draft stage', async () => {
    const { owner, ref } = await setUp({ status: 'awaiting-sign-off' })
    const result = await post(newMessage.action, `/campaigns/${ref}/messages/new`, owner.cookie, { ref }, messageForm(letterInput({ waves: [{ sendDate: addDays(todayIso(), -3), volume: 5 }] })))
    expect(result.status).toBe(303)
  })

  it('adds and removes wave rows without saving anything, keeping what was typed', async () => {
    const { owner, ref } = await setUp()
    const before = await counts()
    const path = `/campaigns/${ref}/messages/new`
    const form = messageForm(letterInput({ waves: [{ sendDate: '2031-05-01', volume: 100 }] }))
    const added = await post(newMessage.action, path, owner.cookie, { ref }, { ...form, intent: 'add-wave' })
    expect(added.status).toBe(200)
    expect(added.data.waves).toEqual([
      { day: '1', month: '5', year: '2031', volume: '100' },
      { day: '', month: '', year: '', volume: '' },
    ])
    expect(added.data.focusWave).toBe(1)
    expect(added.data.values.name).toBe('First letter')

    const two = messageForm(letterInput({ waves: [{ sendDate: '2031-05-01', volume: 100 }, { sendDate: '2031-06-01', volume: 200 }] }))
    const removed = await post(newMessage.action, path, owner.cookie, { ref }, { ...two, intent: 'remove-wave-0' })
    expect(removed.data.waves).toEqual([{ day: '1', month: '6', year: '2031', volume: '200' }])
    expect(await counts()).toEqual(before)
  })

  it('is refused to anyone but the owner and co-owners, and once the campaign has launched', async () => {
    const { ref } = await setUp()
    const before = await counts()
    for (const roles of [['designer'], ['viewer'], ['customer-services'], ['admin']] as const) {
      const user = await makeUser([...roles])
      const result = await post(newMessage.action, `/campaigns/${ref}/messages/new`, user.cookie, { ref }, messageForm(letterInput()))
      expect(result.status).toBe(403)
    }
    const launched = await setUp({ status: 'launched' })
    const refused = await post(newMessage.action, `/campaigns/${launched.ref}/messages/new`, launched.owner.cookie, { ref: launched.ref }, messageForm(letterInput()))
    expect(refused.status).toBe(403)
    expect(refused.data).toContain('launched')
    const after = await counts()
    expect(after.message).toBe(before.message)
    expect(after.wave).toBe(before.wave)
  })
})

describe('data-security findings and the task list', () => {
  it('shows the window-envelope error beside the address block and marks the task "There is a problem" until fixed', async () => {
    const { owner, ref } = await setUp()
    const page = () => callLoader(campaignPage.loader, `/campaigns/${ref}`, { cookie: owner.cookie, params: { ref } })
    const task = async () => (await page()).data.tasks.find((t: { id: string }) => t.id === 'messages')
    expect(await task()).toMatchObject({ status: 'incomplete', href: `/campaigns/${ref}/messages` })

    const id = await makeMessage(owner, ref, { addressBlock: `${GOOD_ADDRESS}\n((nino))` })
    const shown = await callLoader(messagePage.loader, `/campaigns/${ref}/messages/${id}`, { cookie: owner.cookie, params: { ref, id } })
    expect(shown.data.findings).toEqual([
      expect.objectContaining({ id: 'window-envelope', level: 'error', n: 1, location: expect.objectContaining({ field: 'addressBlock', line: 5 }) }),
    ])
    expect(await task()).toMatchObject({ status: 'problem', hint: '1 message fails the data-security checks' })

    const edit = await callLoader(editMessage.loader, `/campaigns/${ref}/messages/${id}/edit`, { cookie: owner.cookie, params: { ref, id } })
    expect(edit.data.findings.map((f: { id: string }) => f.id)).toEqual(['window-envelope'])
    const fixed = await post(editMessage.action, `/campaigns/${ref}/messages/${id}/edit`, owner.cookie, { ref, id }, messageForm(letterInput(), { version: '1' }))
    expect(fixed.status).toBe(303)
    expect(await task()).toMatchObject({ status: 'completed', hint: '1 message to 25,000 recipients' })
  })

  it('is incomplete while a message has no waves', async () => {
    const { owner, ref } = await setUp()
    await makeMessage(owner, ref, { waves: [] })
    const result = await callLoader(campaignPage.loader, `/campaigns/${ref}`, { cookie: owner.cookie, params: { ref } })
    expect(result.data.tasks.find((t: { id: string }) => t.id === 'messages')).toMatchObject({ status: 'incomplete', hint: '1 message has no send waves' })
  })

  it('runs the NINO check on an SMS and an email, and accepts a custom field once it is added', async () => {
    const { owner, ref } = await setUp()
    const sms = await makeMessage(owner, ref, { channel: 'sms', addressBlock: null, postage: null, deadlineDays: null, body: 'Your number is (( NINO )). ((has_agent??Your agent has a copy.))' })
    const load = async () => (await callLoader(messagePage.loader, `/campaigns/${ref}/messages/${sms}`, { cookie: owner.cookie, params: { ref, id: sms } })).data.findings
    expect((await load()).map((f: { id: string }) => f.id)).toEqual(['nino-in-digital', 'unknown-placeholder'])

    const added = await callAction(fields.action, `/campaigns/${ref}/messages/fields`, { cookie: owner.cookie, params: { ref }, form: { intent: 'add', name: 'Has agent' } })
    expect(added.status).toBe(303)
    expect((await load()).map((f: { id: string }) => f.id)).toEqual(['nino-in-digital'])

    const duplicate = await callAction(fields.action, `/campaigns/${ref}/messages/fields`, { cookie: owner.cookie, params: { ref }, form: { intent: 'add', name: 'has-agent' } })
    expect(duplicate.status).toBe(400)
    expect(duplicate.data.errors.name).toBe('This campaign already has a field called “has-agent”')
    const standard = await callAction(fields.action, `/campaigns/${ref}/messages/fields`, { cookie: owner.cookie, params: { ref }, form: { intent: 'add', name: 'Postcode' } })
    expect(standard.data.errors.name).toBe('“Postcode” is already a standard field (((postcode)))')

    const listed = await callLoader(fields.loader, `/campaigns/${ref}/messages/fields`, { cookie: owner.cookie, params: { ref } })
    expect(listed.data.fields).toEqual([expect.objectContaining({ name: 'Has agent', usedIn: ['First letter'] })])
    const removed = await callAction(fields.action, `/campaigns/${ref}/messages/fields`, {
      cookie: owner.cookie,
      params: { ref },
      form: { intent: 'remove', fieldId: listed.data.fields[0].id },
    })
    expect(removed.status).toBe(303)
    expect((await load()).map((f: { id: string }) => f.id)).toEqual(['nino-in-digital', 'unknown-placeholder'])
    const audit = await db.selectFrom('audit_event').select('action').where('entity_type', '=', 'campaign-field').orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['campaign-field.added', 'campaign-field.removed'])
  })
})

describe('changing a message', () => {
  it('saves a new version, replaces the waves and audits what changed', async () => {
    const { owner, ref, campaign } = await setUp()
    const id = await makeMessage(owner, ref)
    const input = letterInput({ body: 'Dear ((customer_name))\n\nReference ((reference))', waves: [{ sendDate: addDays(todayIso(), 50), volume: 999 }] })
    const result = await post(editMessage.action, `/campaigns/${ref}/messages/${id}/edit`, owner.cookie, { ref, id }, messageForm(input, { version: '1' }))
    expect(result.status).toBe(303)
    expect(result.location).toBe(`/campaigns/${ref}/messages/${id}?notice=saved`)
    const message = await getMessage(db, campaign.id, id)
    expect(message).toMatchObject({ version: 2, recipients: 999, waves: [{ volume: 999 }] })
    expect(await db.selectFrom('wave').select('id').where('message_id', '=', id).execute()).toHaveLength(1)
    const revisions = await db.selectFrom('revision').select(['version', 'summary']).where('entity_id', '=', id).orderBy('version').execute()
    expect(revisions).toEqual([
      { version: 1, summary: 'Created the message' },
      { version: 2, summary: 'Changed the body and the waves' },
    ])
    const event = await db.selectFrom('audit_event').select(['summary', 'before_json', 'after_json']).where('action', '=', 'message.updated').where('entity_id', '=', id).executeTakeFirstOrThrow()
    expect(event.summary).toBe('Changed the body and the waves of the letter “First letter” (version 2)')
    expect(Object.keys(JSON.parse(event.before_json!))).toEqual(['body', 'waves'])
  })

  it('refuses a stale save with 409, keeps the user’s text and says what the other person changed', async () => {
    const { owner, ref, campaign } = await setUp()
    const coOwner = await makeUser(['designer'])
    await db.insertInto('campaign_co_owner').values({ campaign_id: campaign.id, user_id: coOwner.id }).execute()
    const id = await makeMessage(owner, ref)
    const path = `/campaigns/${ref}/messages/${id}/edit`
    const first = await post(editMessage.action, path, coOwner.cookie, { ref, id }, messageForm(letterInput({ name: 'Renamed by the co-owner' }), { version: '1' }))
    expect(first.status).toBe(303)
    const before = await counts()
    const mine = 'Dear ((customer_name))\n\nMy careful wording, ((reference)).'
    const stale = await post(editMessage.action, path, owner.cookie, { ref, id }, messageForm(letterInput({ body: mine }), { version: '1' }))
    expect(stale.status).toBe(409)
    expect(stale.data.errors._form).toBe('Someone else saved changes to this message while you were editing it. Your changes have not been saved yet.')
    expect(stale.data.values.body).toBe(mine.replace(/\n/g, '\r\n'))
    expect(stale.data.version).toBe(2)
    expect(stale.data.conflict.changes).toBe('They changed the name.')
    expect(await counts()).toEqual(before)
    expect((await getMessage(db, campaign.id, id))!.name).toBe('Renamed by the co-owner')

    // Saving again against the version now shown replaces theirs, deliberately.
    const again = await post(editMessage.action, path, owner.cookie, { ref, id }, messageForm(letterInput({ body: mine }), { version: '2' }))
    expect(again.status).toBe(303)
    expect((await getMessage(db, campaign.id, id))!.version).toBe(3)
  })

  it('cannot reach a message of another campaign through this one', async () => {
    const { owner, ref } = await setUp()
    const other = await setUp()
    const foreign = await makeMessage(other.owner, other.ref)
    for (const [loader, path] of [
      [messagePage.loader, `/campaigns/${ref}/messages/${foreign}`],
      [preview.loader, `/campaigns/${ref}/messages/${foreign}/preview`],
      [editMessage.loader, `/campaigns/${ref}/messages/${foreign}/edit`],
      [deleteMessage.loader, `/campaigns/${ref}/messages/${foreign}/delete`],
    ] as const) {
      expect((await callLoader(loader, path, { cookie: owner.cookie, params: { ref, id: foreign } })).status).toBe(404)
    }
    const save = await post(editMessage.action, `/campaigns/${ref}/messages/${foreign}/edit`, owner.cookie, { ref, id: foreign }, messageForm(letterInput(), { version: '1' }))
    expect(save.status).toBe(404)
  })

  it('only lets the owner and co-owners edit', async () => {
    const { owner, ref, campaign } = await setUp()
    const id = await makeMessage(owner, ref)
    const others = [await makeUser(['designer']), await makeUser(['viewer']), await makeUser(['press-office'])]
    const before = await counts()
    for (const user of others) {
      const load = await callLoader(editMessage.loader, `/campaigns/${ref}/messages/${id}/edit`, { cookie: user.cookie, params: { ref, id } })
      expect(load.status).toBe(403)
      const save = await post(editMessage.action, `/campaigns/${ref}/messages/${id}/edit`, user.cookie, { ref, id }, messageForm(letterInput({ name: 'Hijacked' }), { version: '1' }))
      expect(save.status).toBe(403)
      const read = await callLoader(messagePage.loader, `/campaigns/${ref}/messages/${id}`, { cookie: user.cookie, params: { ref, id } })
      expect(read.status).toBe(200)
      expect(read.data.canEdit).toBe(false)
    }
    expect(await counts()).toEqual(before)
    expect((await getMessage(db, campaign.id, id))!.name).toBe('First letter')
  })
})

describe('deleting a message', () => {
  it('asks first, deletes the message and its waves, audits it, and keeps its history readable', async () => {
    const { owner, ref, campaign } = await setUp()
    const id = await makeMessage(owner, ref)
    const path = `/campaigns/${ref}/messages/${id}/delete`
    const confirm = await callLoader(deleteMessage.loader, path, { cookie: owner.cookie, params: { ref, id } })
    expect(confirm.data.message).toMatchObject({ name: 'First letter', version: 1, recipients: 25_000 })

    const stale = await post(deleteMessage.action, path, owner.cookie, { ref, id }, { version: '0' })
    expect(stale.status).toBe(409)
    expect(await getMessage(db, campaign.id, id)).toBeDefined()

    const result = await post(deleteMessage.action, path, owner.cookie, { ref, id }, { version: '1' })
    expect(result.status).toBe(303)
    expect(result.location).toBe(`/campaigns/${ref}/messages?notice=deleted`)
    expect(await getMessage(db, campaign.id, id)).toBeUndefined()
    expect(await db.selectFrom('wave').select('id').where('message_id', '=', id).execute()).toEqual([])
    const event = await db.selectFrom('audit_event').select(['summary', 'before_json']).where('action', '=', 'message.deleted').where('entity_id', '=', id).executeTakeFirstOrThrow()
    expect(event.summary).toBe('Deleted the letter “First letter” (version 1)')
    expect(JSON.parse(event.before_json!)).toMatchObject({ name: 'First letter', waves: [{ volume: 10_000 }, { volume: 15_000 }] })

    const list = await callLoader(messagesIndex.loader, `/campaigns/${ref}/messages`, { cookie: owner.cookie, params: { ref } })
    expect(list.data.messages).toEqual([])
    expect(list.data.deleted).toEqual([expect.objectContaining({ id, name: 'First letter', by: owner.email })])
  })
})

describe('the messages page and the export', () => {
  it('lists recipients per message and in total, and exports messages with their waves and versions', async () => {
    const { owner, ref } = await setUp()
    const viewer = await makeUser(['viewer'])
    const letter = await makeMessage(owner, ref)
    await makeMessage(owner, ref, { channel: 'sms', name: 'Reminder', addressBlock: null, postage: null, deadlineDays: null, body: 'Check your return, ((customer_name)).', waves: [{ sendDate: addDays(todayIso(), 40), volume: 5_000 }] })
    const page = await callLoader(messagesIndex.loader, `/campaigns/${ref}/messages`, { cookie: viewer.cookie, params: { ref } })
    expect(page.status).toBe(200)
    expect(page.data.canEdit).toBe(false)
    expect(page.data.messages.map((m: { name: string; recipients: number }) => [m.name, m.recipients])).toEqual([
      ['First letter', 25_000],
      ['Reminder', 5_000],
    ])

    const exported = await callLoader(exportJson.loader, `/campaigns/${ref}/export.json`, { cookie: viewer.cookie, params: { ref } })
    const body = typeof exported.data === 'string' ? JSON.parse(exported.data) : exported.data
    expect(body.messages).toHaveLength(2)
    expect(body.messages[0]).toMatchObject({ id: letter, version: 1, channel: 'letter', postage: 'second', recipients: 25_000, waves: [{ volume: 10_000 }, { volume: 15_000 }] })
    expect(body.messages[1]).toMatchObject({ name: 'Reminder', channel: 'sms', version: 1, waves: [{ volume: 5_000 }] })
  })
})
