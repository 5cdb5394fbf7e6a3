// The Welsh-language helpline: one helpline is marked as it, and every campaign's Welsh-preference customers' share of
// its calls goes there, on the forecast page, in the CSV, in the briefing and on the helpline's calendar alike.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as helplineNew from '../../app/routes/helplines.new'
import * as helplineEdit from '../../app/routes/helplines.$id.edit'
import * as helplinePage from '../../app/routes/helplines.$id._index'
import * as forecastPage from '../../app/routes/campaigns.$ref.forecast._index'
import * as forecastCsv from '../../app/routes/campaigns.$ref.forecast[.csv]'
import * as briefing from '../../app/routes/campaigns.$ref.forecast.briefing.$helplineId'
import * as calendarPage from '../../app/routes/helplines.$id.calendar'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { computeSavedForecast } from '../../app/models/forecast.server'
import { getHelpline, getWelshHelpline } from '../../app/models/helpline.server'
import { testClock } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { makeUser, type TestUser } from '../support/factories'
import { makeForecastedCampaign } from '../support/calendar'
import { helplineForm, helplineSettings, makeHelpline } from '../support/forecast'
import { callAction, callLoader } from '../support/routes'

const NOW = '2027-05-20T10:00:00Z'
const world = {} as { admin: TestUser; owner: TestUser; viewer: TestUser; mainId: string; welshId: string }

beforeAll(async () => {
  testClock.freeze(NOW)
  world.admin = await makeUser(['admin'])
  world.owner = await makeUser(['designer'], 'Owner')
  world.viewer = await makeUser(['viewer'])
  world.mainId = (await makeHelpline(world.admin, { name: 'Main helpline' })).id
})
beforeEach(() => testClock.freeze(NOW))

describe('marking the Welsh-language helpline', () => {
  it('is a choice on the helpline form, for one helpline only', async () => {
    const settings = helplineSettings({ name: 'Welsh language helpline', baselineCallsPerDay: 500, availableFte: 40 })
    const added = await callAction(helplineNew.action, '/helplines/new', { cookie: world.admin.cookie, form: helplineForm(settings, { welshLine: 'yes' }) })
    expect(added.status).toBe(303)
    world.welshId = added.location!.match(/\/helplines\/([0-9a-f-]{36})/)![1]!
    expect(await getWelshHelpline(db)).toEqual({ id: world.welshId, name: 'Welsh language helpline' })
    const page = await callLoader(helplinePage.loader, '', { cookie: world.viewer.cookie, params: { id: world.welshId } })
    expect(page.data.helpline.welshLine).toBe(true)

    // A second one is refused beside the choice, with the form kept; nothing changes.
    const main = (await getHelpline(db, world.mainId))!
    const refused = await callAction(helplineEdit.action, '', { cookie: world.admin.cookie, params: { id: world.mainId }, form: helplineForm(main, { welshLine: 'yes', version: String(main.version) }) })
    expect(refused.status).toBe(400)
    expect(refused.data.errors).toEqual({ welshLine: 'Welsh language helpline is already the Welsh-language helpline. Only one helpline can be: change that one first.' })
    expect(refused.data.values.welshLine).toBe('yes')
    expect((await getHelpline(db, world.mainId))!).toMatchObject({ welshLine: false, version: main.version })
  })
})

describe('the forecast of a campaign with Welsh-preference customers', () => {
  it('sends their share of every message’s calls to the Welsh helpline, everywhere the forecast is shown', async () => {
    // 5,000 of 100,000 customers asked for Welsh: 5% of the calls.
    const { ref } = await makeForecastedCampaign(world.owner, {
      waves: [{ sendDate: '2027-06-07', volume: 100_000 }],
      split: { [world.mainId]: 100 },
      status: 'approved',
      campaign: { welshCustomers: 5_000, populationSize: 100_000 },
    })
    const campaign = (await getCampaignByRef(db, ref))!
    const { forecast } = await computeSavedForecast(db, campaign)
    if (!forecast.ok) throw new Error('It should forecast')
    const calls = Object.fromEntries(forecast.result.helplines.map((h) => [h.name, h.totals.calls.central]))
    expect(calls['Main helpline']).toBeCloseTo(7_600, 6)
    expect(calls['Welsh language helpline']).toBeCloseTo(400, 6)

    // The page recomputes in the browser from the same messages: each carries the Welsh routing.
    const page = await callLoader(forecastPage.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    expect(page.data.messages[0].welsh).toEqual({ helplineId: world.welshId, sharePercent: 5 })

    const csv = (await callLoader(forecastCsv.loader, '', { cookie: world.viewer.cookie, params: { ref } })).data as string
    const welshRows = csv.split('\r\n').filter((line) => line.includes(',Welsh language helpline,'))
    expect(welshRows.length).toBeGreaterThan(10)
    expect(welshRows.reduce((sum, line) => sum + Number(line.split(',')[3]), 0)).toBeCloseTo(400, 0)

    const brief = await callLoader(briefing.loader, '', { cookie: world.viewer.cookie, params: { ref, helplineId: world.welshId } })
    expect(brief.status).toBe(200)

    const calendar = await callLoader(calendarPage.loader, `/helplines/${world.welshId}/calendar?start=2027-06&months=2`, { cookie: world.viewer.cookie, params: { id: world.welshId } })
    const onCalendar = calendar.data.calendar.campaigns.find((c: { ref: string }) => c.ref === ref)
    expect(onCalendar.calls.central).toBeCloseTo(400, 6)
  })

  it('is recomputed for the calendar when the Welsh share or the Welsh line changes, whatever wrote it', async () => {
    const { ref, campaignId } = await makeForecastedCampaign(world.owner, {
      waves: [{ sendDate: '2027-07-05', volume: 50_000 }],
      split: { [world.mainId]: 100 },
      status: 'approved',
      campaign: { welshCustomers: 2_500, populationSize: 50_000 },
    })
    const current = async () => (await db.selectFrom('campaign_load').select('campaign_id').where('campaign_id', '=', campaignId).executeTakeFirst()) !== undefined
    const welshCalls = async () =>
      (await callLoader(calendarPage.loader, `/helplines/${world.welshId}/calendar?start=2027-07&months=2`, { cookie: world.viewer.cookie, params: { id: world.welshId } })).data.calendar.campaigns.find((c: { ref: string }) => c.ref === ref)?.calls.central ?? 0
    expect(await welshCalls()).toBeCloseTo(200, 6)
    expect(await current()).toBe(true)

    await db.updateTable('campaign').set({ welsh_customers: 5_000 }).where('id', '=', campaignId).execute()
    expect(await current()).toBe(false)
    expect(await welshCalls()).toBeCloseTo(400, 6)
    await db.updateTable('campaign').set({ population_size: 100_000 }).where('id', '=', campaignId).execute()
    expect(await current()).toBe(false)
    expect(await welshCalls()).toBeCloseTo(200, 6)

    // No Welsh line any more: the campaign's calls all go where its split says, and it leaves the Welsh calendar.
    await db.updateTable('helpline').set({ welsh_line: 0 }).where('id', '=', world.welshId).execute()
    expect(await current()).toBe(false)
    expect(await welshCalls()).toBe(0)
    const main = await callLoader(calendarPage.loader, `/helplines/${world.mainId}/calendar?start=2027-07&months=2`, { cookie: world.viewer.cookie, params: { id: world.mainId } })
    expect(main.data.calendar.campaigns.find((c: { ref: string }) => c.ref === ref).calls.central).toBeCloseTo(4_000, 6)
    await db.updateTable('helpline').set({ welsh_line: 1 }).where('id', '=', world.welshId).execute()
    expect(await current()).toBe(false)
    expect(await welshCalls()).toBeCloseTo(200, 6)
  })
})
