import { beforeAll, describe, expect, it } from 'vitest'
import * as page from '../../app/routes/campaigns.$ref._index'
import * as forecastRoute from '../../app/routes/campaigns.$ref.forecast._index'
import * as csvRoute from '../../app/routes/campaigns.$ref.forecast[.csv]'
import * as intervalsCsv from '../../app/routes/campaigns.$ref.forecast-intervals[.csv]'
import * as briefing from '../../app/routes/campaigns.$ref.forecast.briefing.$helplineId'
import * as exportJson from '../../app/routes/campaigns.$ref.export[.json]'
import * as helplinePage from '../../app/routes/helplines.$id._index'
import * as edit from '../../app/routes/helplines.$id.edit'
import { createWorkingCalendar } from '../../app/forecast/working-days'
import { defaultForecastSettings, forecastFromSettings, type ForecastSettings } from '../../app/forecast/settings'
import { toForecastHelpline } from '../../app/helplines/helpline'
import { getForecastSettings } from '../../app/models/forecast.server'
import { db } from '../../app/utils/db.server'
import { makeCampaign, makeUser, type TestUser } from '../support/factories'
import { campaignIdOf, forecastForm, insertMessage, makeHelpline } from '../support/forecast'
import { callAction, callLoader } from '../support/routes'

interface World {
  owner: TestUser
  coOwner: TestUser
  viewer: TestUser
  helplines: { id: string; name: string; settings: Parameters<typeof toForecastHelpline>[0] }[]
}

const world = {} as World

beforeAll(async () => {
  const admin = await makeUser(['admin'])
  world.owner = await makeUser(['designer'], 'Owner')
  world.coOwner = await makeUser(['designer'], 'Co-owner')
  world.viewer = await makeUser(['viewer'])
  const a = await makeHelpline(admin, { name: 'Alpha helpline', baselineCallsPerDay: 4_000, availableFte: 240 })
  const b = await makeHelpline(admin, { name: 'Beta helpline', patienceSeconds: 180, ahtSeconds: 660, baselineCallsPerDay: 1_500, availableFte: 90 })
  world.helplines = [
    { id: a.id, name: a.settings.name, settings: { id: a.id, ...a.settings } },
    { id: b.id, name: b.settings.name, settings: { id: b.id, ...b.settings } },
  ]
})

/** A campaign with a second-class letter (two waves, 30-day deadline) and an email. */
async function campaignWithMessages(nation: 'england-and-wales' | 'scotland' = 'england-and-wales') {
  const ref = await makeCampaign(world.owner, { coOwners: [world.coOwner.id], nation })
  const campaignId = await campaignIdOf(ref)
  const letter = await insertMessage(db, campaignId, {
    name: 'Letter',
    channel: 'letter',
    postage: 'second',
    deadlineDays: 30,
    waves: [
      { sendDate: '2027-03-01', volume: 100_000 },
      { sendDate: '2027-03-15', volume: 50_000 },
    ],
  })
  const email = await insertMessage(db, campaignId, { name: 'Email', channel: 'email', waves: [{ sendDate: '2027-03-03', volume: 40_000 }] })
  const messages = [
    { id: letter, name: 'Letter', channel: 'letter' as const, deadlineDays: 30 },
    { id: email, name: 'Email', channel: 'email' as const, deadlineDays: null },
  ]
  return { ref, campaignId, letter, email, ctx: { messages, helplines: world.helplines.map((h) => ({ id: h.id, name: h.name })) } }
}

function settingsFor(letter: string, email: string, overrides: Partial<ForecastSettings> = {}): ForecastSettings {
  const [a, b] = world.helplines
  return {
    ...defaultForecastSettings(),
    contactRates: { low: 4, central: 7, high: 11 },
    messages: {
      [letter]: { delayOverrideDays: null, split: { [a!.id]: 70, [b!.id]: 30 } },
      [email]: { delayOverrideDays: null, split: { [a!.id]: 100 } },
    },
    ...overrides,
  }
}

async function counts(campaignId: string) {
  const [inputs, audit, revisions] = await Promise.all([
    db.selectFrom('forecast_input').select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow(),
    db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow(),
    db.selectFrom('revision').select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow(),
  ])
  return { inputs: Number(inputs.n), audit: Number(audit.n), revisions: Number(revisions.n) }
}

const taskOf = async (ref: string, user: TestUser) =>
  (await callLoader(page.loader, `/campaigns/${ref}`, { cookie: user.cookie, params: { ref } })).data.tasks.find((t: { id: string }) => t.id === 'forecast')

describe('the forecast task', () => {
  it('cannot start without messages, is incomplete until every message has a saved split, then completed', async () => {
    const ref = await makeCampaign(world.owner)
    expect(await taskOf(ref, world.viewer)).toMatchObject({ status: 'cannot-start', href: null, hint: 'Write the messages first' })
    const empty = await callLoader(forecastRoute.loader, `/campaigns/${ref}/forecast`, { cookie: world.owner.cookie, params: { ref } })
    expect(empty.status).toBe(200)
    expect(empty.data.messages).toEqual([])

    const campaignId = await campaignIdOf(ref)
    const letter = await insertMessage(db, campaignId, { name: 'Letter' })
    const sms = await insertMessage(db, campaignId, { name: 'Text', channel: 'sms' })
    expect(await taskOf(ref, world.viewer)).toMatchObject({
      status: 'incomplete',
      href: `/campaigns/${ref}/forecast`,
      hint: 'Set the contact rates and the helplines that take the calls, then save',
    })
    const ctx = { messages: [{ id: letter, name: 'Letter', channel: 'letter' as const, deadlineDays: null }, { id: sms, name: 'Text', channel: 'sms' as const, deadlineDays: null }], helplines: world.helplines }
    const onlyLetter = settingsFor(letter, sms)
    onlyLetter.messages[sms] = { delayOverrideDays: null, split: {} }
    const saved = await callAction(forecastRoute.action, '', { cookie: world.owner.cookie, params: { ref }, form: forecastForm(onlyLetter, ctx, { version: '0', intent: 'save' }) })
    expect(saved.status).toBe(303)
    expect(await taskOf(ref, world.viewer)).toMatchObject({ status: 'incomplete', hint: '1 of 2 messages has no helpline yet' })

    const both = await callAction(forecastRoute.action, '', { cookie: world.owner.cookie, params: { ref }, form: forecastForm(settingsFor(letter, sms), ctx, { version: '1', intent: 'save' }) })
    expect(both.status).toBe(303)
    expect(await taskOf(ref, world.viewer)).toMatchObject({ status: 'completed', hint: undefined })
  })
})

describe('the forecast page', () => {
  it('gives every reader what the browser needs to forecast, with starting values before anything is saved', async () => {
    const { ref, letter, email } = await campaignWithMessages()
    const result = await callLoader(forecastRoute.loader, `/campaigns/${ref}/forecast`, { cookie: world.viewer.cookie, params: { ref } })
    expect(result.status).toBe(200)
    expect(result.data.canEdit).toBe(false)
    expect(result.data.messages.map((m: { id: string }) => m.id)).toEqual([letter, email])
    expect(result.data.messages[0]).toMatchObject({ channel: 'letter', postage: 'second', deadlineDays: 30, waves: [{ sendDate: '2027-03-01', volume: 100_000 }, { sendDate: '2027-03-15', volume: 50_000 }] })
    expect(result.data.helplines.map((h: { name: string }) => h.name)).toEqual(expect.arrayContaining(['Alpha helpline', 'Beta helpline']))
    expect(result.data.bankHolidays).toContain('2027-03-26') // Good Friday
    expect(result.data.saved).toMatchObject({ version: 0, settings: { contactRates: { low: 5, central: 8, high: 12 } } })
    const owner = await callLoader(forecastRoute.loader, `/campaigns/${ref}/forecast`, { cookie: world.owner.cookie, params: { ref } })
    expect(owner.data.canEdit).toBe(true)
  })

  it('recalculates without saving: the figures come back for the page to draw, and nothing is written', async () => {
    const { ref, campaignId, letter, email, ctx } = await campaignWithMessages()
    const before = await counts(campaignId)
    const result = await callAction(forecastRoute.action, '', {
      cookie: world.owner.cookie,
      params: { ref },
      form: forecastForm(settingsFor(letter, email), ctx, { version: '0', intent: 'recalculate', rateCentral: '9' }),
    })
    expect(result.status).toBe(200)
    expect(result.data.errors).toBeNull()
    expect(result.data.settings.contactRates).toEqual({ low: 4, central: 9, high: 11 })
    expect(await counts(campaignId)).toEqual(before)
    // The page draws exactly this forecast: 190,000 customers at 9%.
    const loaded = await callLoader(forecastRoute.loader, '', { cookie: world.owner.cookie, params: { ref } })
    const forecast = forecastFromSettings(result.data.settings, loaded.data.messages, loaded.data.helplines, loaded.data.bankHolidays)
    expect(forecast.ok).toBe(true)
    if (forecast.ok) expect(forecast.result.summary.calls.central).toBeCloseTo(190_000 * 0.09, 6)
  })

  it('saves a version with a revision and an audit event, and reloads what was saved', async () => {
    const { ref, campaignId, letter, email, ctx } = await campaignWithMessages()
    const settings = settingsFor(letter, email, { responseCurves: { email: [50, 30, 20] }, deadlineBump: { sharePercent: 20, workingDays: 4 } })
    settings.messages[letter]!.delayOverrideDays = 4
    const result = await callAction(forecastRoute.action, '', { cookie: world.coOwner.cookie, params: { ref }, form: forecastForm(settings, ctx, { version: '0', intent: 'save' }) })
    expect(result.status).toBe(303)
    expect(result.location).toBe(`/campaigns/${ref}/forecast?notice=saved`)

    const saved = await getForecastSettings(db, campaignId)
    expect(saved.version).toBe(1)
    expect(saved.settings).toEqual(settings)
    const revision = await db.selectFrom('revision').selectAll().where('entity_type', '=', 'forecast').where('entity_id', '=', campaignId).executeTakeFirstOrThrow()
    expect(revision.version).toBe(1)
    const snapshot = JSON.parse(revision.snapshot_json)
    expect(snapshot.contactRatesPercent).toEqual({ low: 4, central: 7, high: 11 })
    expect(snapshot.responseCurvesPercent).toEqual({ email: [50, 30, 20] })
    expect(snapshot.messages[0]).toEqual({
      messageId: letter,
      name: 'Letter',
      delayOverrideDays: 4,
      split: [
        { helplineId: world.helplines[0]!.id, helpline: 'Alpha helpline', sharePercent: 70 },
        { helplineId: world.helplines[1]!.id, helpline: 'Beta helpline', sharePercent: 30 },
      ],
    })
    const audit = await db.selectFrom('audit_event').select(['action', 'actor_email', 'summary']).where('campaign_id', '=', campaignId).where('entity_type', '=', 'forecast').execute()
    expect(audit).toEqual([{ action: 'forecast.saved', actor_email: world.coOwner.email, summary: 'Set the forecast inputs (forecast version 1)' }])

    // The second save says what changed.
    const changed = await callAction(forecastRoute.action, '', {
      cookie: world.owner.cookie,
      params: { ref },
      form: forecastForm(settings, ctx, { version: '1', intent: 'save', rateHigh: '12', [`split-${email}-${world.helplines[0]!.id}`]: '60', [`split-${email}-${world.helplines[1]!.id}`]: '40' }),
    })
    expect(changed.status).toBe(303)
    const second = await db.selectFrom('audit_event').select('summary').where('campaign_id', '=', campaignId).where('entity_type', '=', 'forecast').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(second.summary).toBe('Changed the contact rates, the helpline split of “Email” (forecast version 2)')

    // Helpline managers can see which campaigns send them calls.
    const alpha = await callLoader(helplinePage.loader, '', { cookie: world.viewer.cookie, params: { id: world.helplines[1]!.id } })
    expect(alpha.data.campaigns.map((c: { ref: string }) => c.ref)).toContain(ref)
  })

  it('refuses bad input with a message for each problem, keeps the values, and saves nothing', async () => {
    const { ref, campaignId, letter, email, ctx } = await campaignWithMessages()
    const [a, b] = world.helplines
    const before = await counts(campaignId)
    const result = await callAction(forecastRoute.action, '', {
      cookie: world.owner.cookie,
      params: { ref },
      form: forecastForm(settingsFor(letter, email), ctx, {
        version: '0',
        intent: 'save',
        rateLow: 'abc',
        rateCentral: '150',
        rateHigh: '9',
        [`split-${letter}-${a!.id}`]: '60',
        [`split-${letter}-${b!.id}`]: '30',
        [`split-${email}-${b!.id}`]: '-5',
        [`delay-${letter}`]: '2.5',
        'curve-letter-2': '-3',
        'curve-email-0': '',
        bumpShare: '95',
      }),
    })
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual({
      rateLow: 'The low contact rate must be a number, like 8',
      rateCentral: 'The central contact rate must be 100% or less',
      [`split-${letter}`]: 'The shares of “Letter” calls add up to 90%. They must add up to 100% (10% short)',
      [`split-${email}-${b!.id}`]: 'The share of “Email” calls for Beta helpline must be 0% or more',
      [`delay-${letter}`]: 'The delivery delay for “Letter” must be a whole number, like 3',
      'curve-letter-2': 'Working day 2 of the letter response curve must be 0% or more',
      bumpShare: 'The share of calls in the deadline bump must be 90% or less',
    })
    expect(result.data.values.rateCentral).toBe('150')
    expect(result.data.values[`split-${letter}-${b!.id}`]).toBe('30')
    expect(result.data.settings).toBeNull()
    expect(await counts(campaignId)).toEqual(before)

    const order = await callAction(forecastRoute.action, '', {
      cookie: world.owner.cookie,
      params: { ref },
      form: forecastForm(settingsFor(letter, email), ctx, { version: '0', intent: 'recalculate', rateLow: '8', rateCentral: '7', rateHigh: '6' }),
    })
    expect(order.status).toBe(400)
    expect(order.data.errors).toEqual({
      rateLow: 'The low contact rate must be no more than the central rate',
      rateHigh: 'The high contact rate must be at least the central rate',
    })

    const emptyCurve = Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`curve-email-${k}`, k < 10 ? '0' : '']))
    const noCurve = await callAction(forecastRoute.action, '', {
      cookie: world.owner.cookie,
      params: { ref },
      form: forecastForm(settingsFor(letter, email), ctx, { version: '0', intent: 'save', ...emptyCurve }),
    })
    expect(noCurve.data.errors).toEqual({ 'curve-email': 'Enter the share of calls for at least one working day of the email response curve' })
    expect(await counts(campaignId)).toEqual(before)
  })

  it('refuses a save made against a version someone else has replaced, keeping the user’s figures on screen', async () => {
    const { ref, campaignId, letter, email, ctx } = await campaignWithMessages()
    const first = await callAction(forecastRoute.action, '', { cookie: world.owner.cookie, params: { ref }, form: forecastForm(settingsFor(letter, email), ctx, { version: '0', intent: 'save' }) })
    expect(first.status).toBe(303)
    const stale = await callAction(forecastRoute.action, '', {
      cookie: world.coOwner.cookie,
      params: { ref },
      form: forecastForm(settingsFor(letter, email), ctx, { version: '0', intent: 'save', rateCentral: '10' }),
    })
    expect(stale.status).toBe(409)
    expect(stale.data.errors._form).toMatch(/^Someone else saved this campaign’s forecast inputs at .+ while you were editing\. Your figures have not been saved yet/)
    expect(stale.data.values.rateCentral).toBe('10')
    expect(stale.data.settings.contactRates.central).toBe(10)
    expect(stale.data.version).toBe(1)
    expect((await getForecastSettings(db, campaignId)).settings.contactRates.central).toBe(7)
    expect((await counts(campaignId)).revisions).toBe(2) // the campaign's own first version and one forecast version

    // A page that sent no usable version is out of date too, never saved over whatever is there.
    const garbled = await callAction(forecastRoute.action, '', {
      cookie: world.owner.cookie,
      params: { ref },
      form: forecastForm(settingsFor(letter, email), ctx, { version: 'x', intent: 'save', rateCentral: '10' }),
    })
    expect(garbled.status).toBe(409)
    expect(garbled.data.values.rateCentral).toBe('10')
    expect((await getForecastSettings(db, campaignId)).settings.contactRates.central).toBe(7)
  })

  it('lets only the campaign’s authors change the inputs, and nobody once it has launched', async () => {
    const { ref, letter, email, ctx } = await campaignWithMessages()
    const form = forecastForm(settingsFor(letter, email), ctx, { version: '0', intent: 'save' })
    const otherDesigner = await makeUser(['designer'])
    for (const user of [world.viewer, otherDesigner]) {
      expect((await callAction(forecastRoute.action, '', { cookie: user.cookie, params: { ref }, form })).status).toBe(403)
    }
    const launched = await makeCampaign(world.owner, {}, { status: 'launched' })
    const launchedId = await campaignIdOf(launched)
    const message = await insertMessage(db, launchedId)
    const refused = await callAction(forecastRoute.action, '', {
      cookie: world.owner.cookie,
      params: { ref: launched },
      form: forecastForm(settingsFor(message, 'none'), { messages: [{ id: message, name: 'Message 1', channel: 'letter', deadlineDays: null }], helplines: world.helplines }, { version: '0', intent: 'save' }),
    })
    expect(refused.status).toBe(403)
    expect(refused.data).toMatch(/launched/)
    expect((await getForecastSettings(db, launchedId)).version).toBe(0)
  })
})

describe('the CSV download', () => {
  it('has the agreed header, the first seven columns as before, then one row per helpline and working day from the saved forecast', async () => {
    const { ref, campaignId, letter, email, ctx } = await campaignWithMessages()
    const empty = await callLoader(csvRoute.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    expect(empty.status).toBe(200)
    expect(empty.data).toBe('date,helpline,calls_p10,calls_mean,calls_p90,fte_required,fte_available,fte_required_total,service_level_available,abandoned_available,reforecast_calls_p10,reforecast_calls_mean,reforecast_calls_p90,reforecast_fte_required,reforecast_service_level_available,staffed_to_percentile\r\n')

    const settings = settingsFor(letter, email)
    await callAction(forecastRoute.action, '', { cookie: world.owner.cookie, params: { ref }, form: forecastForm(settings, ctx, { version: '0', intent: 'save' }) })
    const result = await callLoader(csvRoute.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    expect(result.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(result.headers.get('Content-Disposition')).toBe(`attachment; filename="${ref}-forecast.csv"`)
    const [header, ...lines] = (result.data as string).trimEnd().split('\r\n')
    expect(header).toBe(
      'date,helpline,calls_p10,calls_mean,calls_p90,fte_required,fte_available,fte_required_total,service_level_available,abandoned_available,reforecast_calls_p10,reforecast_calls_mean,reforecast_calls_p90,reforecast_fte_required,reforecast_service_level_available,staffed_to_percentile',
    )
    const rows = lines.map((line) => line.split(','))

    const loaded = await callLoader(forecastRoute.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    const forecast = forecastFromSettings(settings, loaded.data.messages, loaded.data.helplines, loaded.data.bankHolidays, loaded.data.helplineBankHolidays)
    if (!forecast.ok) throw new Error('expected a forecast')
    const calendar = createWorkingCalendar(loaded.data.bankHolidays)
    const workingDays = forecast.result.dates.filter((d) => calendar.isWorkingDay(d))
    expect(rows).toHaveLength(workingDays.length * 2)
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['Alpha helpline', 'Beta helpline']))
    for (const row of rows) {
      expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(calendar.isWorkingDay(row[0]!)).toBe(true)
    }
    // Good Friday and Easter Monday 2027 are not working days in England and Wales.
    expect(rows.some((r) => r[0] === '2027-03-26' || r[0] === '2027-03-29')).toBe(false)
    // Each row is the engine's figure for that helpline and day.
    const alpha = forecast.result.helplines.find((h) => h.name === 'Alpha helpline')!
    const day = alpha.days.find((d) => d.date === '2027-03-08')!
    const row = rows.find((r) => r[0] === '2027-03-08' && r[1] === 'Alpha helpline')!
    expect(row.slice(2, 8).map(Number)).toEqual(
      [day.calls.low, day.calls.central, day.calls.high, day.requiredFte.central, day.availableFte, day.totalFte.central].map((x) => Math.round(x * 100) / 100),
    )
    // fte_required is the campaign's part; fte_required_total the whole helpline's, to set beside fte_available.
    expect(Number(row[7])).toBeGreaterThan(Number(row[5]))
    expect(Number(row[8])).toBe(Math.round(day.outcome.total.central.serviceLevel * 10_000) / 10_000)
    // Alpha has no caller patience (Erlang C): nobody hangs up in the model, so no figure. Beta has one.
    expect(row[9]).toBe('')
    const beta = forecast.result.helplines.find((h) => h.name === 'Beta helpline')!.days.find((d) => d.date === '2027-03-08')!
    const betaRow = rows.find((r) => r[0] === '2027-03-08' && r[1] === 'Beta helpline')!
    expect(Number(betaRow[9])).toBe(Math.round(beta.outcome.total.central.abandoned! * 100) / 100)
    expect(Number(row[3])).toBeGreaterThan(0)
    expect(Number(row[6])).toBe(240)
    // Every call is in the file: 190,000 customers at 7% central.
    const total = rows.reduce((sum, r) => sum + Number(r[3]), 0)
    expect(Math.abs(total - 190_000 * 0.07)).toBeLessThan(0.005 * rows.length + 1e-6)
    expect((await counts(campaignId)).inputs).toBe(1)
  })

  it('counts working days with the campaign’s own nation', async () => {
    const scottish = await campaignWithMessages('scotland')
    await callAction(forecastRoute.action, '', {
      cookie: world.owner.cookie,
      params: { ref: scottish.ref },
      form: forecastForm(settingsFor(scottish.letter, scottish.email), scottish.ctx, { version: '0', intent: 'save' }),
    })
    const csv = (await callLoader(csvRoute.loader, '', { cookie: world.viewer.cookie, params: { ref: scottish.ref } })).data as string
    // Easter Monday is a working day in Scotland; Good Friday is not.
    expect(csv).toContain('\r\n2027-03-29,Alpha helpline,')
    expect(csv).not.toContain('\r\n2027-03-26,')
  })
})

describe('the briefing and the JSON export', () => {
  it('brief a helpline from the saved forecast, and export the saved inputs', async () => {
    const { ref, letter, email, ctx } = await campaignWithMessages()
    const [a, b] = world.helplines
    const before = await callLoader(briefing.loader, '', { cookie: world.viewer.cookie, params: { ref, helplineId: a!.id } })
    expect(before.status).toBe(404)

    const settings = settingsFor(letter, email)
    settings.messages[letter]!.split = { [a!.id]: 100 }
    settings.messages[email]!.split = { [a!.id]: 100 }
    await callAction(forecastRoute.action, '', { cookie: world.owner.cookie, params: { ref }, form: forecastForm(settings, ctx, { version: '0', intent: 'save' }) })

    const result = await callLoader(briefing.loader, '', { cookie: world.viewer.cookie, params: { ref, helplineId: a!.id } })
    expect(result.status).toBe(200)
    expect(result.data.helpline.name).toBe('Alpha helpline')
    expect(result.data.forecast.totals.calls.central).toBeCloseTo(190_000 * 0.07, 6)
    // It leads with what today's staff achieve on the peak day, from the same forecast as the page.
    const peak = result.data.forecast.days.find((d: { date: string }) => d.date === result.data.forecast.peakDay.date)
    expect(peak.outcome.total.central.serviceLevel).toBeGreaterThan(0)
    expect(result.data.forecast.peakDayIntervals.length).toBeGreaterThan(0)
    expect(result.data.messages.map((m: { name: string; share: number }) => [m.name, m.share])).toEqual([
      ['Letter', 100],
      ['Email', 100],
    ])
    const weeklyCalls = result.data.weeks.reduce((sum: number, w: { calls: { central: number } }) => sum + w.calls.central, 0)
    expect(weeklyCalls).toBeCloseTo(190_000 * 0.07, 6)
    expect(result.data.weeks[0].weekStart).toBe('2027-03-01')
    // Beta takes none of this campaign's calls, so there is nothing to brief it on.
    expect((await callLoader(briefing.loader, '', { cookie: world.viewer.cookie, params: { ref, helplineId: b!.id } })).status).toBe(404)

    const exported = await callLoader(exportJson.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    const json = exported.data
    expect(json.forecastInputs).toMatchObject({
      version: 1,
      contactRatesPercent: { low: 4, central: 7, high: 11 },
      deadlineBump: { sharePercent: 15, workingDays: 5 },
      messages: [
        { messageId: letter, name: 'Letter', delayOverrideDays: null, split: [{ helplineId: a!.id, helpline: 'Alpha helpline', sharePercent: 100 }] },
        { messageId: email, name: 'Email', delayOverrideDays: null, split: [{ helplineId: a!.id, helpline: 'Alpha helpline', sharePercent: 100 }] },
      ],
    })
  })
})

describe('the half-hour CSV download', () => {
  const HEADER =
    'date,interval_start,helpline,calls_baseline,calls_campaign,agents_required_baseline,agents_required_total,binding_rule,agents_available,service_level_available,asa_seconds_available,abandonment_available,staffed_to_percentile'

  it('has exactly the agreed header, then one row per helpline and open half hour, agreeing with the daily figures', async () => {
    const { ref, letter, email, ctx } = await campaignWithMessages()
    const empty = await callLoader(intervalsCsv.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    expect(empty.status).toBe(200)
    expect(empty.data).toBe(`${HEADER}\r\n`)

    const settings = settingsFor(letter, email)
    await callAction(forecastRoute.action, '', { cookie: world.owner.cookie, params: { ref }, form: forecastForm(settings, ctx, { version: '0', intent: 'save' }) })
    const result = await callLoader(intervalsCsv.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    expect(result.status).toBe(200)
    expect(result.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(result.headers.get('Content-Disposition')).toBe(`attachment; filename="${ref}-forecast-intervals.csv"`)
    const [header, ...lines] = (result.data as string).trimEnd().split('\r\n')
    expect(header).toBe(HEADER)
    const rows = lines.map((line) => line.split(','))

    const loaded = await callLoader(forecastRoute.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    const forecast = forecastFromSettings(settings, loaded.data.messages, loaded.data.helplines, loaded.data.bankHolidays, loaded.data.helplineBankHolidays)
    if (!forecast.ok) throw new Error('expected a forecast')
    // Alpha and Beta open 08:00 to 18:00 on weekdays: 20 half hours on each open day.
    const openDays = forecast.result.helplines.reduce((n, h) => n + h.days.filter((d) => d.open).length, 0)
    expect(rows).toHaveLength(openDays * 20)
    for (const row of rows) {
      expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(row[1]).toMatch(/^(0[89]|1[0-7]):(00|30)$/)
      expect(['target', 'occupancy', 'abandonment', 'asa']).toContain(row[7])
      expect(Number(row[6])).toBeGreaterThanOrEqual(Number(row[5]))
      expect(Number(row[9])).toBeGreaterThanOrEqual(0)
      expect(Number(row[9])).toBeLessThanOrEqual(1)
    }
    for (const h of forecast.result.helplines) {
      const mine = rows.filter((r) => r[2] === h.name)
      // Every call each day is staffed for is in the file, and each day's half hours add up to its agent-hours. By
      // default that is each day's median, a little under its mean: a day's calls are skewed towards busy days.
      const campaign = mine.reduce((n, r) => n + Number(r[4]), 0)
      const staffedFor = h.days.reduce((n, d) => n + d.staffedCalls, 0)
      expect(Math.abs(campaign - staffedFor)).toBeLessThan(0.005 * mine.length + 1e-6)
      expect(staffedFor).toBeLessThan(h.totals.calls.central)
      expect(staffedFor).toBeGreaterThan(0.9 * h.totals.calls.central)
      expect(mine.every((r) => r[12] === '50')).toBe(true)
      const day = h.days.find((d) => d.date === '2027-03-08')!
      const dayRows = mine.filter((r) => r[0] === '2027-03-08')
      expect(dayRows.reduce((n, r) => n + Number(r[6]), 0) * 0.5).toBeCloseTo(day.agentHours.total.central, 9)
      expect(dayRows.reduce((n, r) => n + Number(r[8]), 0) * 0.5).toBeCloseTo(day.availableAgentHours, 9)
      // At these helplines' size the 85% occupancy cap sets most half hours' staffing.
      expect(dayRows.filter((r) => r[7] === 'occupancy').length).toBeGreaterThan(10)
    }
    // Alpha is Erlang C (no abandonment figure); Beta, with a patience, has one in every row.
    expect(rows.filter((r) => r[2] === 'Alpha helpline').every((r) => r[11] === '')).toBe(true)
    expect(rows.filter((r) => r[2] === 'Beta helpline').every((r) => r[11] !== '' && Number(r[11]) >= 0)).toBe(true)
  })
})

describe('the percentile a helpline staffs to', () => {
  it('is the helpline manager’s choice, and the forecast’s staff, outcomes and half hours follow it while the calls do not move', async () => {
    const admin = await makeUser(['admin'])
    const manager = await makeUser(['customer-services'])
    const gamma = await makeHelpline(admin, { name: `Gamma helpline ${crypto.randomUUID().slice(0, 6)}`, baselineCallsPerDay: 3_000, availableFte: 200 })
    const { ref, letter, email, ctx } = await campaignWithMessages()
    const settings = settingsFor(letter, email)
    settings.messages[letter]!.split = { [gamma.id]: 100 }
    settings.messages[email]!.split = { [gamma.id]: 100 }
    const saved = await callAction(forecastRoute.action, '', {
      cookie: world.owner.cookie,
      params: { ref },
      form: forecastForm(settings, { ...ctx, helplines: [...ctx.helplines, { id: gamma.id, name: gamma.settings.name }] }, { version: '0', intent: 'save' }),
    })
    expect(saved.status).toBe(303)

    const briefed = async () => (await callLoader(briefing.loader, '', { cookie: world.viewer.cookie, params: { ref, helplineId: gamma.id } })).data
    const page = async () => (await callLoader(forecastRoute.loader, '', { cookie: world.viewer.cookie, params: { ref } })).data
    const p50 = await briefed()
    expect(p50.forecast.staffToPercentile).toBe(50)
    const p50Page = await page()
    expect(p50Page.helplines.find((h: { id: string }) => h.id === gamma.id)!.staffToPercentile).toBe(50)

    const form = await callLoader(edit.loader, `/helplines/${gamma.id}/edit`, { cookie: manager.cookie, params: { id: gamma.id } })
    expect(form.data.values.staffToPercentile).toBe('50')
    // Something that is not one of the three choices is refused with the form kept, and nothing is saved.
    const bad = await callAction(edit.action, '', { cookie: manager.cookie, params: { id: gamma.id }, form: { ...form.data.values, version: '1', staffToPercentile: '75' } })
    expect(bad.status).toBe(400)
    expect(bad.data.errors).toEqual({ staffToPercentile: 'Choose whether to staff to P50, P80 or P90' })
    expect(bad.data.values.staffToPercentile).toBe('75')
    const changed = await callAction(edit.action, '', { cookie: manager.cookie, params: { id: gamma.id }, form: { ...form.data.values, version: '1', staffToPercentile: '90' } })
    expect(changed.status).toBe(303)
    const audit = await db.selectFrom('audit_event').select(['summary', 'before_json', 'after_json']).where('entity_id', '=', gamma.id).where('action', '=', 'helpline.updated').execute()
    expect(audit.map((a) => [a.summary, JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([
      [`Changed the percentile to staff to of the helpline “${gamma.settings.name}”`, { staffToPercentile: 50 }, { staffToPercentile: 90 }],
    ])
    // A stale form is refused, keeping what was chosen.
    const stale = await callAction(edit.action, '', { cookie: manager.cookie, params: { id: gamma.id }, form: { ...form.data.values, version: '1', staffToPercentile: '80' } })
    expect(stale.status).toBe(409)
    expect(stale.data.values.staffToPercentile).toBe('80')

    const p90 = await briefed()
    expect(p90.forecast.staffToPercentile).toBe(90)
    const shown = await callLoader(helplinePage.loader, '', { cookie: world.viewer.cookie, params: { id: gamma.id } })
    expect(shown.data.helpline.staffToPercentile).toBe(90)
    expect((await page()).helplines.find((h: { id: string }) => h.id === gamma.id).staffToPercentile).toBe(90)
    // The forecast page works its figures out from what its loader sends, on the server and in the browser alike:
    // from those inputs, Gamma now needs more staff for the same calls.
    const onPage = (loaded: typeof p50Page) => {
      const worked = forecastFromSettings(loaded.saved.settings, loaded.messages, loaded.helplines, loaded.bankHolidays, loaded.helplineBankHolidays)
      if (!worked.ok) throw new Error('The saved forecast should compute')
      return worked.result.helplines.find((h) => h.helplineId === gamma.id)!
    }
    const p90Page = await page()
    expect(onPage(p90Page).staffToPercentile).toBe(90)
    expect(onPage(p90Page).totals.calls).toEqual(onPage(p50Page).totals.calls)
    expect(onPage(p90Page).totals.requiredFteDays.central).toBeGreaterThan(onPage(p50Page).totals.requiredFteDays.central)
    expect(p90.forecast.totals.calls).toEqual(p50.forecast.totals.calls)
    expect(p90.forecast.days.map((d: { calls: unknown }) => d.calls)).toEqual(p50.forecast.days.map((d: { calls: unknown }) => d.calls))
    expect(p90.forecast.totals.requiredFteDays.central).toBeGreaterThan(p50.forecast.totals.requiredFteDays.central)
    // Staffing to P90 is the band's high scenario, which the choice does not move.
    expect(p90.forecast.totals.requiredFteDays.central).toBeCloseTo(p50.forecast.totals.requiredFteDays.high, 9)
    expect(p90.forecast.totals.requiredFteDays.high).toBeCloseTo(p50.forecast.totals.requiredFteDays.high, 9)
    const peak = (f: { days: { date: string; staffedCalls: number; totalFte: { central: number } }[]; peakDay: { date: string } }) => f.days.find((d) => d.date === f.peakDay.date)!
    expect(peak(p90.forecast).staffedCalls).toBeGreaterThan(peak(p50.forecast).staffedCalls)
    expect(peak(p90.forecast).totalFte.central).toBeGreaterThan(peak(p50.forecast).totalFte.central)
  })
})
