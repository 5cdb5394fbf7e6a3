import { describe, expect, it } from 'vitest'
import * as pressPage from '../../app/routes/campaigns.$ref.press'
import * as debtPage from '../../app/routes/campaigns.$ref.debt-management'
import * as packPage from '../../app/routes/campaigns.$ref.pack.$audience'
import * as campaignPage from '../../app/routes/campaigns.$ref._index'
import * as exportJson from '../../app/routes/campaigns.$ref.export[.json]'
import { standardScript } from '../../app/content'
import { saveDebtTreatment } from '../../app/models/debt-treatment.server'
import { computeSavedForecast, saveForecastSettings } from '../../app/models/forecast.server'
import { packForecast } from '../../app/models/pack.server'
import { getPressBriefing, savePressBriefing } from '../../app/models/press-briefing.server'
import { saveScript } from '../../app/models/script.server'
import { todayIso } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { addDays, makeCampaign, makeUser, type TestUser } from '../support/factories'
import { makeHelpline } from '../support/forecast'
import { campaignByRef, insertMessage, makeLine, snapshotCounts } from '../support/lines'
import { callAction, callLoader } from '../support/routes'

const LIABLE = { extraLiability: true, liabilityCustomers: 4_000, liabilityAveragePence: 125_050 }

async function setUp(overrides: Parameters<typeof makeCampaign>[1] = {}) {
  const owner = await makeUser(['designer'], 'Owner')
  const ref = await makeCampaign(owner, overrides)
  return { owner, ref, campaign: await campaignByRef(ref) }
}

async function task(user: TestUser, ref: string, id: string) {
  const page = await callLoader(campaignPage.loader, `/campaigns/${ref}`, { cookie: user.cookie, params: { ref } })
  return page.data.tasks.find((t: { id: string }) => t.id === id)
}

function dateForm(iso: string, version: string) {
  const [year, month, day] = iso.split('-')
  return { intent: 'save', 'launchDateTold-day': String(Number(day)), 'launchDateTold-month': String(Number(month)), 'launchDateTold-year': year!, version }
}

describe('the press task', () => {
  it('records the launch date told to the Press Office, offering the planned launch date first', async () => {
    const { owner, ref, campaign } = await setUp()
    const page = await callLoader(pressPage.loader, `/campaigns/${ref}/press`, { cookie: owner.cookie, params: { ref } })
    expect(page.data.record).toBeNull()
    expect(page.data.campaign.plannedLaunchDate).toBe(campaign.plannedLaunchDate)
    expect(await task(owner, ref, 'press')).toMatchObject({ status: 'incomplete', hint: 'To do: add a press line and confirm the launch date told to the Press Office' })

    const saved = await callAction(pressPage.action, `/campaigns/${ref}/press`, { cookie: owner.cookie, params: { ref }, form: dateForm(campaign.plannedLaunchDate, '0') })
    expect(saved.status).toBe(303)
    expect(saved.location).toBe(`/campaigns/${ref}/press?notice=date-saved`)
    expect(await getPressBriefing(db, campaign.id)).toMatchObject({ launchDateTold: campaign.plannedLaunchDate, version: 1 })
    const audit = await db.selectFrom('audit_event').select(['action', 'after_json']).where('campaign_id', '=', campaign.id).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(audit.action).toBe('press-briefing.saved')
    expect(JSON.parse(audit.after_json!)).toEqual({ launchDateTold: campaign.plannedLaunchDate })
    const revision = await db.selectFrom('revision').select(['entity_type', 'version']).where('campaign_id', '=', campaign.id).where('entity_type', '=', 'press-briefing').execute()
    expect(revision).toEqual([{ entity_type: 'press-briefing', version: 1 }])

    await makeLine(owner, ref, { audience: 'press', question: 'Is HMRC cracking down on landlords?' })
    expect(await task(owner, ref, 'press')).toMatchObject({ status: 'completed', href: `/campaigns/${ref}/press` })
  })

  it('flags a launch date told that no longer matches the planned one', async () => {
    const { owner, ref, campaign } = await setUp()
    await makeLine(owner, ref, { audience: 'press' })
    await savePressBriefing(db, { campaignId: campaign.id, version: 0, launchDateTold: addDays(campaign.plannedLaunchDate, -7) }, owner)
    expect(await task(owner, ref, 'press')).toMatchObject({ status: 'incomplete', hint: 'To do: tell the Press Office the new launch date' })
  })

  it('refuses a bad date and a stale version with the user’s date kept', async () => {
    const { owner, ref, campaign } = await setUp()
    const before = await snapshotCounts()
    const bad = await callAction(pressPage.action, `/campaigns/${ref}/press`, {
      cookie: owner.cookie,
      params: { ref },
      form: { intent: 'save', 'launchDateTold-day': '31', 'launchDateTold-month': '2', 'launchDateTold-year': '2027', version: '0' },
    })
    expect(bad.status).toBe(400)
    expect(bad.data.errors).toEqual({ launchDateTold: 'Launch date told to the Press Office must be a real date' })
    expect(bad.data.values).toEqual({ day: '31', month: '2', year: '2027' })
    const empty = await callAction(pressPage.action, `/campaigns/${ref}/press`, { cookie: owner.cookie, params: { ref }, form: { intent: 'save', version: '0' } })
    expect(empty.data.errors.launchDateTold).toBe('Enter the launch date told to the Press Office')
    expect(await snapshotCounts()).toEqual(before)

    await savePressBriefing(db, { campaignId: campaign.id, version: 0, launchDateTold: campaign.plannedLaunchDate }, owner)
    const stale = await callAction(pressPage.action, `/campaigns/${ref}/press`, { cookie: owner.cookie, params: { ref }, form: dateForm('2031-01-02', '0') })
    expect(stale.status).toBe(409)
    expect(stale.data.errors._form).toMatch(/^Someone else recorded a launch date/)
    expect(stale.data.values).toEqual({ day: '2', month: '1', year: '2031' })
    expect(stale.data.version).toBe(1)
    expect((await getPressBriefing(db, campaign.id))!.launchDateTold).toBe(campaign.plannedLaunchDate)
  })

  it('is not needed when the Press Office need not be informed, and then records nothing', async () => {
    const { owner, ref, campaign } = await setUp({ pressInform: false, pressReason: 'Routine reminder' })
    expect(await task(owner, ref, 'press')).toMatchObject({ status: 'not-needed', href: null })
    const refused = await callAction(pressPage.action, `/campaigns/${ref}/press`, { cookie: owner.cookie, params: { ref }, form: dateForm(campaign.plannedLaunchDate, '0') })
    expect(refused.status).toBe(409)
    expect(refused.data.errors._form).toMatch(/does not need the Press Office to be informed/)
    expect(await getPressBriefing(db, campaign.id)).toBeNull()
  })
})

describe('the Debt Management task', () => {
  it('shows the liability estimate and records the special treatment; complete with a Debt Management line', async () => {
    const { owner, ref, campaign } = await setUp(LIABLE)
    const page = await callLoader(debtPage.loader, `/campaigns/${ref}/debt-management`, { cookie: owner.cookie, params: { ref } })
    expect(page.data.campaign).toMatchObject({ extraLiability: true, liabilityCustomers: 4_000, liabilityAveragePence: 125_050 })
    expect(await task(owner, ref, 'debt-management')).toMatchObject({ status: 'incomplete', hint: 'To do: record the special treatment and add a Debt Management line' })

    const form = { intent: 'save', specialTreatment: 'Time to pay up to 12 months without an income and expenditure check.', version: '0' }
    const saved = await callAction(debtPage.action, `/campaigns/${ref}/debt-management`, { cookie: owner.cookie, params: { ref }, form })
    expect(saved.location).toBe(`/campaigns/${ref}/debt-management?notice=treatment-saved`)
    await makeLine(owner, ref, { audience: 'debt-management', standardQuestion: 'time-to-pay', question: 'I cannot pay all of it now' })
    expect(await task(owner, ref, 'debt-management')).toMatchObject({ status: 'completed' })
    const audit = await db.selectFrom('audit_event').select('action').where('campaign_id', '=', campaign.id).where('action', '=', 'debt-treatment.saved').execute()
    expect(audit).toHaveLength(1)
  })

  it('refuses empty, oversized and stale treatments, keeping the text', async () => {
    const { owner, ref, campaign } = await setUp(LIABLE)
    const post = (form: Record<string, string>) => callAction(debtPage.action, `/campaigns/${ref}/debt-management`, { cookie: owner.cookie, params: { ref }, form: { intent: 'save', ...form } })
    const before = await snapshotCounts()
    expect((await post({ specialTreatment: '  ', version: '0' })).data.errors.specialTreatment).toMatch(/^Describe any special treatment/)
    const big = await post({ specialTreatment: 'x'.repeat(10_001), version: '0' })
    expect(big.status).toBe(400)
    expect(big.data.errors.specialTreatment).toBe('Special treatment must be 10,000 characters or fewer')
    expect(await snapshotCounts()).toEqual(before)
    await saveDebtTreatment(db, { campaignId: campaign.id, version: 0, specialTreatment: 'Theirs' }, owner)
    const stale = await post({ specialTreatment: 'Mine', version: '0' })
    expect(stale.status).toBe(409)
    expect(stale.data).toMatchObject({ values: { specialTreatment: 'Mine' }, theirs: 'Theirs', version: 1 })
    expect((await post({ specialTreatment: 'Mine', version: '1' })).status).toBe(303)
  })

  it('is not needed without extra liability', async () => {
    const { owner, ref, campaign } = await setUp()
    expect(await task(owner, ref, 'debt-management')).toMatchObject({ status: 'not-needed', href: null })
    const refused = await callAction(debtPage.action, `/campaigns/${ref}/debt-management`, {
      cookie: owner.cookie,
      params: { ref },
      form: { intent: 'save', specialTreatment: 'Time to pay', version: '0' },
    })
    expect(refused.status).toBe(409)
    expect(await db.selectFrom('debt_treatment').select('campaign_id').where('campaign_id', '=', campaign.id).execute()).toEqual([])
  })
})

describe('the handler pack', () => {
  it('holds the audience’s lines, the scripts and the key dates, for anyone who can read the campaign', async () => {
    const { owner, ref, campaign } = await setUp({ ...LIABLE, nation: 'scotland', referenceType: 'nino' })
    await makeLine(owner, ref, { question: 'Why me?', standardQuestion: 'why-sent' })
    await makeLine(owner, ref, { audience: 'press', question: 'Press question?' })
    await makeLine(owner, ref, { audience: 'debt-management', question: 'Can I pay in instalments?' })
    await makeLine(owner, ref, { audience: 'internal', question: 'Internal only?' })
    await saveScript(db, { campaignId: campaign.id, callType: 'inbound', version: 0, sections: standardScript('inbound', 'nino') }, owner)
    await saveScript(
      db,
      { campaignId: campaign.id, callType: 'third-party', version: 0, sections: { ...standardScript('third-party', 'nino'), body: 'Ask them to quote ((nino))' } },
      owner,
    )
    await saveDebtTreatment(db, { campaignId: campaign.id, version: 0, specialTreatment: 'Time to pay for 6 months' }, owner)
    await insertMessage(ref, { name: 'First letter', channel: 'letter', postage: 'first', waves: [{ sendDate: '2027-12-31', volume: 3_000 }] })
    await insertMessage(ref, { name: 'Text', channel: 'sms', waves: [{ sendDate: '2027-12-20', volume: 1_000 }] })

    const viewer = await makeUser(['viewer'])
    const open = (audience: string) => callLoader(packPage.loader, `/campaigns/${ref}/pack/${audience}`, { cookie: viewer.cookie, params: { ref, audience } })
    const helpline = await open('helpline')
    expect(helpline.status).toBe(200)
    expect(helpline.data.title).toBe('Helpline handler pack')
    expect(helpline.data.lines.map((l: { question: string }) => l.question)).toEqual(['Why me?'])
    expect(helpline.data.scripts.map((s: { callType: string; errors: number }) => [s.callType, s.errors])).toEqual([
      ['inbound', 0],
      ['third-party', 2],
    ])
    // 4 January 2028 is a bank holiday in Scotland, so a first-class letter posted on 31 December arrives on the 5th.
    expect(helpline.data.waves).toEqual([
      { messageName: 'Text', channel: 'sms', postage: null, sendDate: '2027-12-20', delayDays: 0, deliveryDate: '2027-12-20', volume: 1_000 },
      { messageName: 'First letter', channel: 'letter', postage: 'first', sendDate: '2027-12-31', delayDays: 1, deliveryDate: '2028-01-05', volume: 3_000 },
    ])
    expect(helpline.data.forecast).toBeNull()

    const press = await open('press')
    expect(press.data.lines.map((l: { question: string }) => l.question)).toEqual(['Press question?'])
    const debt = await open('debt-management')
    expect(debt.data.lines.map((l: { question: string }) => l.question)).toEqual(['Can I pay in instalments?'])
    expect(debt.data.debtTreatment).toMatchObject({ specialTreatment: 'Time to pay for 6 months' })
    expect(debt.data.campaign).toMatchObject({ liabilityCustomers: 4_000, liabilityAveragePence: 125_050 })
    expect((await open('internal')).status).toBe(404)
    expect((await open('everyone')).status).toBe(404)
  })

  it('has no forecast section until the campaign has forecast inputs', async () => {
    const { campaign } = await setUp()
    expect(await packForecast(db, campaign)).toBeNull()
  })

  it('shows the saved forecast by week, and delivery dates that follow the forecast’s delay override', async () => {
    const admin = await makeUser(['admin'])
    const { owner, ref, campaign } = await setUp()
    const helpline = await makeHelpline(admin)
    const messageId = await insertMessage(ref, { name: 'Letter', channel: 'letter', postage: 'second', waves: [{ sendDate: '2027-03-01', volume: 200_000 }] })
    const saved = await saveForecastSettings(
      db,
      {
        campaignId: campaign.id,
        version: 0,
        settings: {
          contactRates: { low: 4, central: 6, high: 9 },
          responseCurves: {},
          deadlineBump: { sharePercent: 15, workingDays: 5 },
          messages: { [messageId]: { delayOverrideDays: 2, split: { [helpline.id]: 100 } } },
        },
      },
      owner,
    )
    expect(saved.ok).toBe(true)
    const pack = await callLoader(packPage.loader, `/campaigns/${ref}/pack/helpline`, { cookie: owner.cookie, params: { ref, audience: 'helpline' } })
    // Monday 1 March 2027 plus an overridden 2 working days (not second class's 3).
    expect(pack.data.waves).toMatchObject([{ messageName: 'Letter', sendDate: '2027-03-01', delayDays: 2, deliveryDate: '2027-03-03' }])
    const { forecast } = await computeSavedForecast(db, campaign)
    if (!forecast.ok) throw new Error('expected a forecast')
    const weeks = pack.data.forecast.weeks as { weekStart: string; calls: { central: number } }[]
    expect(weeks.length).toBeGreaterThan(1)
    expect(weeks.every((w) => new Date(`${w.weekStart}T00:00:00Z`).getUTCDay() === 1)).toBe(true)
    const weeklyTotal = weeks.reduce((sum, w) => sum + w.calls.central, 0)
    expect(weeklyTotal).toBeCloseTo(forecast.result.summary.calls.central, 6)
    expect(weeklyTotal).toBeCloseTo(200_000 * 0.06, 6)
    expect(pack.data.forecast.peakDay.date).toBe(forecast.result.summary.peakDay!.date)
  })
})

describe('the JSON export', () => {
  it('includes the lines, scripts, Debt Management treatment and press details', async () => {
    const { owner, ref, campaign } = await setUp(LIABLE)
    await makeLine(owner, ref, { standardQuestion: 'why-sent' })
    await saveScript(db, { campaignId: campaign.id, callType: 'inbound', version: 0, sections: standardScript('inbound', 'utr') }, owner)
    await saveDebtTreatment(db, { campaignId: campaign.id, version: 0, specialTreatment: 'Time to pay' }, owner)
    await savePressBriefing(db, { campaignId: campaign.id, version: 0, launchDateTold: addDays(todayIso(), 60) }, owner)
    const result = await callLoader(exportJson.loader, `/campaigns/${ref}/export.json`, { cookie: owner.cookie, params: { ref } })
    const body = result.data
    expect(body.linesToTake).toEqual([
      expect.objectContaining({ audience: 'helpline', standardQuestion: 'why-sent', question: 'Why have I been sent this letter?', version: 1 }),
    ])
    expect(body.scripts).toEqual([expect.objectContaining({ callType: 'inbound', ...standardScript('inbound', 'utr'), version: 1, findings: [] })])
    expect(body.debtManagement).toEqual({ customersWithExtraLiability: 4_000, averageLiabilityPence: 125_050, specialTreatment: 'Time to pay', version: 1 })
    expect(body.press).toEqual({ launchDateTold: addDays(todayIso(), 60), version: 1 })
  })
})

describe('who may change the press and Debt Management tasks', () => {
  it('refuses everyone but the campaign’s authors, and nothing changes', async () => {
    const { owner, ref, campaign } = await setUp(LIABLE)
    const others = [await makeUser(['designer']), await makeUser(['debt-management']), await makeUser(['press-office']), await makeUser(['viewer'])]
    const before = await snapshotCounts()
    for (const other of others) {
      const press = await callAction(pressPage.action, `/campaigns/${ref}/press`, { cookie: other.cookie, params: { ref }, form: dateForm(campaign.plannedLaunchDate, '0') })
      expect(press.status).toBe(403)
      const debt = await callAction(debtPage.action, `/campaigns/${ref}/debt-management`, {
        cookie: other.cookie,
        params: { ref },
        form: { intent: 'save', specialTreatment: 'x', version: '0' },
      })
      expect(debt.status).toBe(403)
      const page = await callLoader(debtPage.loader, `/campaigns/${ref}/debt-management`, { cookie: other.cookie, params: { ref } })
      expect(page.data.canEdit).toBe(false)
    }
    expect(await snapshotCounts()).toEqual(before)
  })
})
