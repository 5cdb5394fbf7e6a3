import { describe, expect, it } from 'vitest'
import * as list from '../../app/routes/campaigns._index'
import * as create from '../../app/routes/campaigns.new'
import * as page from '../../app/routes/campaigns.$ref._index'
import * as describeRoute from '../../app/routes/campaigns.$ref.describe._index'
import * as edit from '../../app/routes/campaigns.$ref.describe.edit'
import * as exportJson from '../../app/routes/campaigns.$ref.export[.json]'
import * as auditCsv from '../../app/routes/campaigns.$ref.audit[.csv]'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { todayIso } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { addDays, campaignForm, campaignInput, makeCampaign, makeUser } from '../support/factories'
import { buildRequest, callAction, callLoader } from '../support/routes'

async function tableCounts() {
  const [campaigns, audit, revisions] = await Promise.all(
    (['campaign', 'audit_event', 'revision'] as const).map((table) =>
      db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ),
  )
  return { campaigns: Number(campaigns!.n), audit: Number(audit!.n), revisions: Number(revisions!.n) }
}

describe('creating a campaign', () => {
  it('refuses bad input with every field error at once, keeps the values, and saves nothing', async () => {
    const designer = await makeUser(['designer'])
    const before = await tableCounts()
    const result = await callAction(create.action, '/campaigns/new', {
      cookie: designer.cookie,
      form: {
        ...campaignForm(campaignInput()),
        name: '',
        populationSize: '12.5',
        'launchDate-day': '30',
        'launchDate-month': '2',
        'launchDate-year': '2027',
        extraLiability: 'yes',
        liabilityCustomers: '',
        liabilityAverage: 'lots',
        pressInform: 'no',
        pressReason: '',
      },
    })
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual({
      name: 'Enter the campaign name',
      populationSize: 'Population size must be a whole number, like 250000',
      launchDate: 'Planned launch date must be a real date',
      liabilityCustomers: 'Enter the estimated number of customers who may owe extra tax',
      liabilityAverage: 'Average extra liability must be an amount of money, like £1,250 or £1250.50',
      pressReason: 'Explain why the Press Office does not need to be informed',
    })
    expect(result.data.values.populationSize).toBe('12.5')
    expect(result.data.values['launchDate-day']).toBe('30')
    expect(await tableCounts()).toEqual(before)
  })

  it('refuses a launch date in the past', async () => {
    const designer = await makeUser(['designer'])
    const result = await callAction(create.action, '/campaigns/new', {
      cookie: designer.cookie,
      form: campaignForm(campaignInput({ launchDate: addDays(todayIso(), -1) })),
    })
    expect(result.data.errors.launchDate).toBe('Planned launch date must be today or in the future')
  })

  it('creates a draft with a reference, a first version and an audit event, then shows it', async () => {
    const designer = await makeUser(['designer'])
    const launch = addDays(todayIso(), 90)
    const result = await callAction(create.action, '/campaigns/new', {
      cookie: designer.cookie,
      form: campaignForm(campaignInput({ name: 'Crypto gains', launchDate: launch, extraLiability: true, liabilityCustomers: 500, liabilityAveragePence: 125_050 }), { liabilityAverage: '£1,250.50' }),
    })
    expect(result.status).toBe(303)
    const ref = result.location!.match(/^\/campaigns\/(OTM-\d{4}-\d{3})\?notice=created$/)![1]!
    expect(ref.startsWith(`OTM-${launch.slice(0, 4)}-`)).toBe(true)
    const campaign = await getCampaignByRef(db, ref)
    expect(campaign).toMatchObject({ name: 'Crypto gains', status: 'draft', version: 1, liabilityAveragePence: 125_050, owner: { id: designer.id } })
    const audit = await db.selectFrom('audit_event').selectAll().where('campaign_id', '=', campaign!.id).execute()
    expect(audit.map((a) => a.action)).toEqual(['campaign.created'])
    expect(audit[0]!.actor_email).toBe(designer.email)
    const shown = await callLoader(page.loader, `/campaigns/${ref}`, { cookie: designer.cookie, params: { ref } })
    expect(shown.status).toBe(200)
    expect(shown.data.tasks[0]).toMatchObject({ title: 'Describe the campaign', status: 'completed' })
    expect(shown.data.tasks[1]).toMatchObject({ title: 'Write the messages', status: 'incomplete' })
    const laterTasks = shown.data.tasks.slice(2).filter((t: { id: string }) => !['lines', 'scripts', 'debt-management', 'press'].includes(t.id))
    expect(laterTasks.every((t: { status: string }) => t.status === 'cannot-start')).toBe(true)
  })

  it('numbers references in sequence within the launch year', async () => {
    const designer = await makeUser(['designer'])
    const refs = [await makeCampaign(designer, { launchDate: '2031-03-01' }), await makeCampaign(designer, { launchDate: '2031-09-01' })]
    expect(refs).toEqual(['OTM-2031-001', 'OTM-2031-002'])
  })

  it('is only for designers', async () => {
    const viewer = await makeUser(['viewer'])
    const before = await tableCounts()
    const result = await callAction(create.action, '/campaigns/new', { cookie: viewer.cookie, form: campaignForm(campaignInput()) })
    expect(result.status).toBe(403)
    expect(await tableCounts()).toEqual(before)
  })
})

describe('the campaign list', () => {
  it('filters by status and "mine", sorts by launch date and paginates', async () => {
    const me = await makeUser(['designer'])
    const other = await makeUser(['designer'])
    const mine: string[] = []
    for (let i = 0; i < 23; i++) mine.push(await makeCampaign(me, { launchDate: addDays('2040-01-01', i), name: `Mine ${i}` }))
    const coOwned = await makeCampaign(other, { launchDate: '2040-06-01', coOwners: [me.id], name: 'Co-owned' })
    await makeCampaign(other, { launchDate: '2040-06-02', name: 'Theirs' })
    await makeCampaign(other, { launchDate: '2040-06-03', name: 'Theirs approved' }, { status: 'approved' })

    const first = await callLoader(list.loader, '/campaigns?mine=1', { cookie: me.cookie })
    expect(first.data.total).toBe(24)
    expect(first.data.pages).toBe(2)
    expect(first.data.items).toHaveLength(20)
    expect(first.data.items[0].name).toBe('Mine 0')
    const second = await callLoader(list.loader, '/campaigns?mine=1&page=2', { cookie: me.cookie })
    expect(second.data.items.map((c: { ref: string }) => c.ref)).toEqual([...mine.slice(20), coOwned])

    const latestFirst = await callLoader(list.loader, '/campaigns?mine=1&sort=launch-desc', { cookie: me.cookie })
    expect(latestFirst.data.items[0].ref).toBe(coOwned)

    const approved = await callLoader(list.loader, '/campaigns?status=approved', { cookie: me.cookie })
    expect(approved.data.items.map((c: { name: string }) => c.name)).toContain('Theirs approved')
    expect(approved.data.items.every((c: { status: string }) => c.status === 'approved')).toBe(true)

    const nonsense = await callLoader(list.loader, '/campaigns?status=bogus&page=-4&sort=x', { cookie: me.cookie })
    expect(nonsense.status).toBe(200)
    expect(nonsense.data.page).toBe(1)
  })
})

describe('editing the description', () => {
  it('saves a new version with an audit event that says what changed', async () => {
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner)
    const result = await callAction(edit.action, `/campaigns/${ref}/describe/edit`, {
      cookie: owner.cookie,
      params: { ref },
      form: campaignForm(campaignInput({ name: 'Renamed', populationSize: 250_000 }), { version: '1' }),
    })
    expect(result.status).toBe(303)
    const campaign = await getCampaignByRef(db, ref)
    expect(campaign).toMatchObject({ name: 'Renamed', populationSize: 250_000, version: 2 })
    const events = await db.selectFrom('audit_event').select(['action', 'summary', 'before_json', 'after_json']).where('campaign_id', '=', campaign!.id).orderBy('id').execute()
    expect(events[1]).toMatchObject({ action: 'campaign.updated', summary: 'Changed the name, the population size of the campaign description' })
    expect(JSON.parse(events[1]!.before_json!)).toEqual({ name: 'Undeclared rental income', populationSize: 100_000 })
    const revisions = await db.selectFrom('revision').select('version').where('entity_id', '=', campaign!.id).orderBy('version').execute()
    expect(revisions.map((r) => r.version)).toEqual([1, 2])
  })

  it('refuses a save against a stale version, keeps the user’s text and says what the other save changed', async () => {
    const owner = await makeUser(['designer'])
    const coOwner = await makeUser(['designer'])
    const ref = await makeCampaign(owner, { coOwners: [coOwner.id] })
    const first = await callAction(edit.action, `/campaigns/${ref}/describe/edit`, {
      cookie: coOwner.cookie,
      params: { ref },
      form: campaignForm(campaignInput({ name: 'Their name', coOwners: [coOwner.id] }), { version: '1' }),
    })
    expect(first.status).toBe(303)
    const stale = await callAction(edit.action, `/campaigns/${ref}/describe/edit`, {
      cookie: owner.cookie,
      params: { ref },
      form: campaignForm(campaignInput({ name: 'My name', objective: 'My objective', coOwners: [coOwner.id] }), { version: '1' }),
    })
    expect(stale.status).toBe(409)
    expect(stale.data.errors._form).toMatch(/Someone else saved changes/)
    expect(stale.data.values.name).toBe('My name')
    expect(stale.data.values.objective).toBe('My objective')
    expect(stale.data.version).toBe(2)
    expect(stale.data.conflict.fields).toEqual([{ label: 'the name', theirs: 'Their name' }, expect.objectContaining({ label: 'the objective' })])
    expect((await getCampaignByRef(db, ref))!.name).toBe('Their name')
    // Saving again against the version now shown succeeds.
    const retry = await callAction(edit.action, `/campaigns/${ref}/describe/edit`, {
      cookie: owner.cookie,
      params: { ref },
      form: campaignForm(campaignInput({ name: 'My name', coOwners: [coOwner.id] }), { version: '2' }),
    })
    expect(retry.status).toBe(303)
    expect((await getCampaignByRef(db, ref))!.name).toBe('My name')
  })

  it('is refused to everyone but the owner and co-owners, and changes nothing', async () => {
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner)
    const intruders = []
    for (const roles of [['designer'], ['viewer'], ['admin'], ['customer-services']] as const) intruders.push(await makeUser([...roles]))
    const before = await tableCounts()
    for (const intruder of intruders) {
      const result = await callAction(edit.action, `/campaigns/${ref}/describe/edit`, {
        cookie: intruder.cookie,
        params: { ref },
        form: campaignForm(campaignInput({ name: 'Hijacked' }), { version: '1' }),
      })
      expect(result.status).toBe(403)
    }
    expect((await getCampaignByRef(db, ref))!.name).toBe('Undeclared rental income')
    expect(await tableCounts()).toEqual(before)
  })

  it('is refused once the campaign has launched, with a clear message', async () => {
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner, {}, { status: 'launched' })
    const result = await callAction(edit.action, `/campaigns/${ref}/describe/edit`, {
      cookie: owner.cookie,
      params: { ref },
      form: campaignForm(campaignInput({ name: 'Too late' }), { version: '1' }),
    })
    expect(result.status).toBe(403)
    expect(result.data).toMatch(/has been launched, so its content can no longer be changed/)
    expect((await getCampaignByRef(db, ref))!.name).toBe('Undeclared rental income')
  })

  it('gives 404 for an unknown reference, 400 for a body that cannot be read and 413 for one too large', async () => {
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner)
    expect((await callLoader(describeRoute.loader, '/campaigns/OTM-1999-999/describe', { cookie: owner.cookie, params: { ref: 'OTM-1999-999' } })).status).toBe(404)
    expect((await callLoader(describeRoute.loader, '/campaigns/x/describe', { cookie: owner.cookie, params: { ref: "'; drop table campaign; --" } })).status).toBe(404)
    const wrongType = await callAction(edit.action, `/campaigns/${ref}/describe/edit`, {
      cookie: owner.cookie,
      params: { ref },
      body: '{"name":"json"}',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(wrongType.status).toBe(400)
    const huge = 'x'.repeat(3 * 1024 * 1024)
    const tooBig = await callAction(edit.action, `/campaigns/${ref}/describe/edit`, { cookie: owner.cookie, params: { ref }, form: { name: huge, version: '1' } })
    expect(tooBig.status).toBe(413)
    expect(tooBig.data).toBe('The form was too large')
    const broken = await callAction(edit.action, `/campaigns/${ref}/describe/edit`, {
      cookie: owner.cookie,
      params: { ref },
      body: '--boundary\r\nnot really multipart',
      headers: { 'Content-Type': 'multipart/form-data; boundary=other' },
    })
    expect(broken.status).toBe(400)
  })

  it('gives a field error, not a crash, for a 1 MB value and for control characters', async () => {
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner)
    const result = await callAction(edit.action, `/campaigns/${ref}/describe/edit`, {
      cookie: owner.cookie,
      params: { ref },
      form: campaignForm(campaignInput({ objective: 'a'.repeat(1024 * 1024) }), { version: '1', name: 'Bad\u0000name' }),
    })
    expect(result.status).toBe(400)
    expect(result.data.errors.name).toBe('Campaign name must not contain hidden control characters')
    expect(result.data.errors.objective).toBe('Objective must be 2000 characters or fewer')
  })
})

describe('records', () => {
  it('exports the campaign as JSON with a schema version', async () => {
    const owner = await makeUser(['designer'])
    const viewer = await makeUser(['viewer'])
    const ref = await makeCampaign(owner, { extraLiability: true, liabilityCustomers: 10, liabilityAveragePence: 5000 })
    const result = await callLoader(exportJson.loader, `/campaigns/${ref}/export.json`, { cookie: viewer.cookie, params: { ref } })
    expect(result.status).toBe(200)
    expect(result.headers.get('Content-Disposition')).toBe(`attachment; filename="${ref}.json"`)
    expect(result.data.schemaVersion).toBe(1)
    expect(result.data.campaign).toMatchObject({ ref, owner: { email: owner.email }, extraLiability: { customers: 10, averagePence: 5000 } })
  })

  it('exports the audit trail as CSV, with formulas defused', async () => {
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner, { name: '=HYPERLINK("http://evil")' })
    const result = await callLoader(auditCsv.loader, `/campaigns/${ref}/audit.csv`, { cookie: owner.cookie, params: { ref } })
    expect(result.status).toBe(200)
    const lines = (result.data as string).trim().split('\r\n')
    expect(lines[0]).toBe('id,at_utc,actor,action,entity_type,entity_id,summary,before,after,hash')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('campaign.created')
    expect(lines[1]).toContain(owner.email)
  })
})

describe('requests', () => {
  it('keeps the page title and values for a GET with odd query strings', () => {
    const request = buildRequest('/campaigns?page=%ZZ', 'GET')
    expect(request.url).toContain('%ZZ')
  })
})
