import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as actualsPage from '../../app/routes/campaigns.$ref.actuals._index'
import * as uploadPage from '../../app/routes/campaigns.$ref.actuals.upload'
import * as forecastPage from '../../app/routes/campaigns.$ref.forecast._index'
import * as exportJson from '../../app/routes/campaigns.$ref.export[.json]'
import { LINES_CHECKED_PER_SLICE } from '../../app/actuals/upload'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { computeSavedForecast } from '../../app/models/forecast.server'
import { testClock } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { makeUser, type TestUser } from '../support/factories'
import { makeForecastedCampaign } from '../support/calendar'
import { makeHelpline } from '../support/forecast'
import { callAction, callLoader } from '../support/routes'

// Sessions are made at this time too, or the frozen clock would find them long expired.
const NOW = '2027-04-20T10:00:00Z'

const world = {} as {
  owner: TestUser
  coOwner: TestUser
  manager: TestUser
  otherDesigner: TestUser
  viewer: TestUser
  alpha: { id: string; name: string }
  beta: { id: string; name: string }
}

beforeAll(async () => {
  testClock.freeze(NOW)
  const admin = await makeUser(['admin'])
  world.owner = await makeUser(['designer'], 'Owner')
  world.coOwner = await makeUser(['designer'], 'Co-owner')
  world.manager = await makeUser(['customer-services'], 'Helen Marsh')
  world.otherDesigner = await makeUser(['designer'], 'Someone else')
  world.viewer = await makeUser(['viewer'])
  world.alpha = { id: (await makeHelpline(admin, { name: 'Alpha helpline' })).id, name: 'Alpha helpline' }
  world.beta = { id: (await makeHelpline(admin, { name: 'Beta helpline' })).id, name: 'Beta helpline' }
})

beforeEach(() => testClock.freeze(NOW))

/**
 * A launched campaign: second-class letters to 100,000 VAT customers sent on Monday 1 March 2027, calls split
 * 80/20 between Alpha and Beta. Its calls end in late March, so actuals may be recorded from 1 March to late April.
 */
async function launched(regime: 'vat' | 'paye' = 'vat') {
  return makeForecastedCampaign(world.owner, {
    campaign: { regime, coOwners: [world.coOwner.id] },
    waves: [{ sendDate: '2027-03-01', volume: 100_000 }],
    split: { [world.alpha.id]: 80, [world.beta.id]: 20 },
    status: 'launched',
  })
}

function csvForm(content: string | Uint8Array, fileName = 'actuals.csv'): FormData {
  const form = new FormData()
  form.append('file', new Blob([typeof content === 'string' ? content : Buffer.from(content)], { type: 'text/csv' }), fileName)
  return form
}

const upload = (ref: string, body: BodyInit, user: TestUser = world.owner, headers: Record<string, string> = {}) =>
  callAction(uploadPage.action, `/campaigns/${ref}/actuals/upload`, { cookie: user.cookie, params: { ref }, body, headers })

async function state(campaignId: string) {
  const [rows, audit] = await Promise.all([
    db.selectFrom('actual_calls').select(['date', 'helpline_id', 'calls']).where('campaign_id', '=', campaignId).orderBy('date').orderBy('helpline_id').execute(),
    db.selectFrom('audit_event').select(['action', 'summary', 'before_json', 'after_json', 'actor_email']).where('campaign_id', '=', campaignId).where('entity_type', '=', 'actual-calls').orderBy('id').execute(),
  ])
  return { rows, audit }
}

describe('uploading actual calls', () => {
  it('saves every row, audits it, and replaces a day uploaded again', async () => {
    const { ref, campaignId } = await launched()
    const first = await upload(ref, csvForm('date,helpline,calls\r\n2027-03-04,Alpha helpline,1200\r\n2027-03-04,beta HELPLINE,310\r\n2027-03-05,Alpha helpline,900\r\n'))
    expect(first.status).toBe(303)
    expect(first.location).toBe(`/campaigns/${ref}/actuals?notice=uploaded&added=3&replaced=0&unchanged=0`)
    const after = await state(campaignId)
    expect(after.rows).toEqual(
      [
        { date: '2027-03-04', helpline_id: world.alpha.id, calls: 1200 },
        { date: '2027-03-04', helpline_id: world.beta.id, calls: 310 },
        { date: '2027-03-05', helpline_id: world.alpha.id, calls: 900 },
      ].sort((a, b) => a.date.localeCompare(b.date) || a.helpline_id.localeCompare(b.helpline_id)),
    )
    expect(after.audit).toEqual([
      {
        action: 'actuals.recorded',
        summary: 'Uploaded actual calls from “actuals.csv”: 3 days added, 0 replaced, 0 unchanged',
        before_json: null,
        after_json: JSON.stringify({ '2027-03-04 Alpha helpline': 1200, '2027-03-04 Beta helpline': 310, '2027-03-05 Alpha helpline': 900 }),
        actor_email: world.owner.email,
      },
    ])

    // The helpline manager uploads the same days again: one changed, one the same, one new.
    const again = await upload(ref, csvForm('date,helpline,calls\n2027-03-04,Alpha helpline,1250\n2027-03-05,Alpha helpline,900\n2027-03-08,Alpha helpline,700\n', 'corrected.csv'), world.manager)
    expect(again.location).toBe(`/campaigns/${ref}/actuals?notice=uploaded&added=1&replaced=1&unchanged=1`)
    const replaced = await state(campaignId)
    expect(replaced.rows.find((r) => r.date === '2027-03-04' && r.helpline_id === world.alpha.id)!.calls).toBe(1250)
    expect(replaced.rows).toHaveLength(4)
    expect(replaced.audit[1]).toEqual({
      action: 'actuals.recorded',
      summary: 'Uploaded actual calls from “corrected.csv”: 1 day added, 1 replaced, 1 unchanged',
      before_json: JSON.stringify({ '2027-03-04 Alpha helpline': 1200 }),
      after_json: JSON.stringify({ '2027-03-04 Alpha helpline': 1250, '2027-03-08 Alpha helpline': 700 }),
      actor_email: world.manager.email,
    })

    // The actuals page lists them, and says who recorded each.
    const page = await callLoader(actualsPage.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    expect(page.status).toBe(200)
    expect(page.data.canRecord).toBe(false)
    expect(page.data.actuals.map((a: { date: string; helplineName: string; calls: number; recordedBy: string }) => [a.date, a.helplineName, a.calls, a.recordedBy])).toEqual([
      ['2027-03-04', 'Alpha helpline', 1250, 'Helen Marsh'],
      ['2027-03-04', 'Beta helpline', 310, 'Owner'],
      ['2027-03-05', 'Alpha helpline', 900, 'Owner'],
      ['2027-03-08', 'Alpha helpline', 700, 'Helen Marsh'],
    ])
    // The campaign's JSON export carries them too.
    const exported = await callLoader(exportJson.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    const json = typeof exported.data === 'string' ? JSON.parse(exported.data) : exported.data
    expect(json.actualCalls).toHaveLength(4)
    expect(json.actualCalls[0]).toMatchObject({ date: '2027-03-04', helpline: 'Alpha helpline', calls: 1250, recordedBy: 'Helen Marsh' })
  })

  const BAD_FILES: [string, string | Uint8Array, string[]][] = [
    [
      'not UTF-8',
      Uint8Array.from([...new TextEncoder().encode('date,helpline,calls\n2027-03-04,Alpha helpline,1\n'), ...[0x32, 0x30, 0x32, 0x37, 0x2d, 0x30, 0x33, 0x2d, 0x30, 0x35, 0x2c, 0x43, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a]]),
      ['The file must be a CSV file saved as UTF-8 text (in Excel, save as “CSV UTF-8”). Line 3 is not UTF-8.'],
    ],
    ['the wrong columns', 'day,line,count\n2027-03-04,Alpha helpline,1\n', ['Line 1: The first line must be the column names date,helpline,calls, not “day,line,count”']],
    ['too few columns', 'date,helpline,calls\n2027-03-04,Alpha helpline\n', ['Line 2: Expected 3 values (date, helpline and calls) but found 2']],
    [
      'dates outside the campaign',
      'date,helpline,calls\n2027-02-26,Alpha helpline,5\n2027-04-21,Alpha helpline,5\n2027-03-04,Alpha helpline,5\n',
      ['Line 2, date: 26 February 2027 is before the campaign’s first send date, 1 March 2027', 'Line 3, date: 21 April 2027 is in the future: record calls only for days that have happened'],
    ],
    ['negative calls', 'date,helpline,calls\n2027-03-04,Alpha helpline,-12\n', ['Line 2, calls: Calls must be 0 or more, not -12']],
    ['fractional calls', 'date,helpline,calls\n2027-03-04,Alpha helpline,12.5\n2027-03-05,Alpha helpline,7\n', ['Line 2, calls: Calls must be a whole number, not 12.5']],
    ['an unknown helpline', 'date,helpline,calls\n2027-03-04,Gamma helpline,12\n', ['Line 2, helpline: There is no helpline called “Gamma helpline”']],
    ['the same day twice', 'date,helpline,calls\n2027-03-04,Alpha helpline,12\n2027-03-04,alpha helpline,13\n', ['Line 3: 4 March 2027 at alpha helpline is already on line 2']],
    ['an empty file', '', ['Select a CSV file of actual calls']],
    ['only the column names', 'date,helpline,calls\n', ['The file has no calls: add a line for each day and helpline under date,helpline,calls']],
    ['text that is not a CSV', '\u0000\u0001 junk \u0002', ['Line 1: The first line must be the column names date,helpline,calls, not “\u0000\u0001 junk \u0002”']],
  ]

  for (const [what, content, problems] of BAD_FILES) {
    it(`refuses a file with ${what}, listing every problem, and changes nothing`, async () => {
      const { ref, campaignId } = await launched()
      const good = await upload(ref, csvForm('date,helpline,calls\n2027-03-04,Alpha helpline,1000\n'))
      expect(good.status).toBe(303)
      const before = await state(campaignId)
      const result = await upload(ref, csvForm(content))
      expect(result.status).toBe(400)
      expect(result.data.errors).toEqual(problems)
      expect(await state(campaignId)).toEqual(before)
    })
  }

  it('lists the problems of a long bad file, up to 100, and says where checking stopped', async () => {
    const { ref, campaignId } = await launched()
    const lines = ['date,helpline,calls', ...Array.from({ length: 120 }, (_, i) => `2027-03-${String((i % 28) + 1).padStart(2, '0')},Alpha helpline,${i % 2 ? -1 : 1.5}`)]
    const result = await upload(ref, csvForm(lines.join('\n')))
    expect(result.status).toBe(400)
    expect(result.data.errors).toHaveLength(100)
    expect(result.data.stoppedAtLine).toBe(102)
    expect((await state(campaignId)).rows).toEqual([])
  })

  // A file of 20,000 lines took tens of milliseconds to check in one go, holding every other request to the server.
  it('checks a long file in slices, letting other work run in between, and still lists its first problems', async () => {
    const { ref, campaignId } = await launched()
    const blankLines = 10 * LINES_CHECKED_PER_SLICE
    const lines = ['date,helpline,calls', ...Array.from({ length: blankLines }, () => ' , , '), ...Array.from({ length: 150 }, (_, i) => `2027-03-04,Alpha helpline,-${i + 1}`)]
    let turns = 0
    let counting = true
    const countTurn = () => {
      if (!counting) return
      turns++
      setImmediate(countTurn)
    }
    setImmediate(countTurn)
    const result = await upload(ref, csvForm(lines.join('\n')))
    counting = false
    expect(result.status).toBe(400)
    expect(result.data.errors).toHaveLength(100)
    expect(result.data.errors[0]).toBe(`Line ${blankLines + 2}, calls: Calls must be 0 or more, not -1`)
    expect(result.data.stoppedAtLine).toBe(blankLines + 102)
    expect(turns).toBeGreaterThanOrEqual(blankLines / LINES_CHECKED_PER_SLICE)
    expect(await state(campaignId)).toEqual({ rows: [], audit: [] })
  })

  it('refuses 10 MB of junk, whether or not its length is declared, before reading it all', async () => {
    const { ref, campaignId } = await launched()
    const junk = new Uint8Array(10 * 1024 * 1024)
    for (let i = 0; i < junk.length; i += 4096) junk[i] = (i * 31) & 0xff
    const message = ['The selected file must be smaller than 1 MB. A year of daily calls for four helplines is under 100 KB.']
    // Declared: refused from the header alone.
    const declared = await upload(ref, csvForm('date,helpline,calls\n'), world.owner, { 'Content-Length': String(10 * 1024 * 1024) })
    expect(declared.status).toBe(400)
    expect(declared.data.errors).toEqual(message)
    // Not declared: the body is counted as it streams in.
    const streamed = await upload(ref, csvForm(junk, 'junk.bin'))
    expect(streamed.status).toBe(400)
    expect(streamed.data.errors).toEqual(message)
    expect(await state(campaignId)).toEqual({ rows: [], audit: [] })
  })

  it('refuses a post that is not a file upload', async () => {
    const { ref } = await launched()
    const result = await callAction(uploadPage.action, '', { cookie: world.owner.cookie, params: { ref }, form: { file: 'date,helpline,calls' } })
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual(['Select a CSV file of actual calls, then select Upload'])
  })
})

describe('who records actual calls', () => {
  it('is the campaign’s authors and helpline managers, and only once it is launched', async () => {
    const { ref } = await launched()
    const csv = () => csvForm('date,helpline,calls\n2027-03-04,Alpha helpline,10\n')
    for (const user of [world.owner, world.coOwner, world.manager]) {
      expect((await callLoader(uploadPage.loader, '', { cookie: user.cookie, params: { ref } })).status).toBe(200)
      expect((await upload(ref, csv(), user)).status).toBe(303)
    }
    for (const user of [world.otherDesigner, world.viewer]) {
      expect((await callLoader(uploadPage.loader, '', { cookie: user.cookie, params: { ref } })).status).toBe(403)
      const refused = await upload(ref, csv(), user)
      expect(refused.status).toBe(403)
      expect(refused.data).toBe('Only the campaign’s owner and co-owners, and helpline managers, can record actual calls')
    }
    const draft = await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-03-01', volume: 1_000 }], split: { [world.alpha.id]: 100 } })
    const early = await upload(draft.ref, csv())
    expect(early.status).toBe(403)
    expect(early.data).toBe('Actual calls can be recorded once the campaign has launched')
    const byHand = await callAction(actualsPage.action, '', { cookie: world.manager.cookie, params: { ref: draft.ref }, form: {} })
    expect(byHand.status).toBe(403)
  })
})

describe('recording one day by hand', () => {
  const form = (date: string, helplineId: string, calls: string, extra: Record<string, string> = {}) => {
    const [year, month, day] = date.split('-')
    return { 'date-day': String(Number(day)), 'date-month': String(Number(month)), 'date-year': year!, helpline: helplineId, calls, ...extra }
  }

  it('saves a day, asks before replacing a day already recorded, and refuses a stale replacement', async () => {
    const { ref, campaignId } = await launched()
    const saved = await callAction(actualsPage.action, '', { cookie: world.manager.cookie, params: { ref }, form: form('2027-03-09', world.alpha.id, '1,100'.replace(',', '')) })
    expect(saved.status).toBe(303)
    expect(saved.location).toBe(`/campaigns/${ref}/actuals?notice=recorded`)
    expect((await state(campaignId)).audit.map((a) => a.summary)).toEqual(['Recorded actual calls at Alpha helpline on 9 March 2027: 1,100'])

    // The owner types another figure for the same day: nothing is saved until they confirm replacing 1,100.
    const clash = await callAction(actualsPage.action, '', { cookie: world.owner.cookie, params: { ref }, form: form('2027-03-09', world.alpha.id, '1150') })
    expect(clash.status).toBe(409)
    expect(clash.data.errors.calls).toBe(
      '1,100 calls are already recorded by Helen Marsh at Alpha helpline on 9 March 2027. Nothing has been saved. Check the figure, then select “Replace the recorded calls” to save 1,150 instead',
    )
    expect(clash.data.values.calls).toBe('1150')
    expect(clash.data.replaces).toBe(1100)
    expect((await state(campaignId)).rows[0]!.calls).toBe(1100)

    // Meanwhile the manager corrects it to 1,120: the owner's confirmation of 1,100 is now stale.
    await callAction(actualsPage.action, '', { cookie: world.manager.cookie, params: { ref }, form: form('2027-03-09', world.alpha.id, '1120', { replaces: '1100' }) })
    const stale = await callAction(actualsPage.action, '', { cookie: world.owner.cookie, params: { ref }, form: form('2027-03-09', world.alpha.id, '1150', { replaces: '1100' }) })
    expect(stale.status).toBe(409)
    expect(stale.data.replaces).toBe(1120)
    const confirmed = await callAction(actualsPage.action, '', { cookie: world.owner.cookie, params: { ref }, form: form('2027-03-09', world.alpha.id, '1150', { replaces: '1120' }) })
    expect(confirmed.status).toBe(303)
    const final = await state(campaignId)
    expect(final.rows).toEqual([{ date: '2027-03-09', helpline_id: world.alpha.id, calls: 1150 }])
    expect(final.audit.map((a) => [a.summary, a.before_json])).toEqual([
      ['Recorded actual calls at Alpha helpline on 9 March 2027: 1,100', null],
      ['Replaced the actual calls at Alpha helpline on 9 March 2027: 1,120', JSON.stringify({ '2027-03-09 Alpha helpline': 1100 })],
      ['Replaced the actual calls at Alpha helpline on 9 March 2027: 1,150', JSON.stringify({ '2027-03-09 Alpha helpline': 1120 })],
    ])
  })

  it('refuses bad values with a message for each field, keeping what was typed', async () => {
    const { ref, campaignId } = await launched()
    const result = await callAction(actualsPage.action, '', { cookie: world.owner.cookie, params: { ref }, form: { 'date-day': '31', 'date-month': '2', 'date-year': '2027', helpline: '', calls: '-3' } })
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual({ date: 'Date must be a real date', helpline: 'Select the helpline that took the calls', calls: 'Calls must be 0 or more, not -3' })
    expect(result.data.values.calls).toBe('-3')
    const future = await callAction(actualsPage.action, '', { cookie: world.owner.cookie, params: { ref }, form: form('2027-04-22', world.alpha.id, '2.5') })
    expect(future.data.errors).toEqual({ date: '22 April 2027 is in the future: record calls only for days that have happened', calls: 'Calls must be a whole number, not 2.5' })
    expect((await state(campaignId)).rows).toEqual([])
  })
})

describe('the forecast page once there are actual calls', () => {
  it('sets them against the saved forecast: band, MAPE, totals, the observed rate and curve', async () => {
    const { ref } = await launched()
    const campaign = (await getCampaignByRef(db, ref))!
    const { forecast } = await computeSavedForecast(db, campaign)
    if (!forecast.ok) throw new Error('no forecast')
    const alphaDays = forecast.result.helplines.find((h) => h.helplineId === world.alpha.id)!.days.filter((d) => d.calls.central > 0)
    // Alpha's actuals are the forecast plus 10% every day; Beta's first day received nothing.
    const lines = alphaDays.map((d) => `${d.date},Alpha helpline,${Math.round(d.calls.central * 1.1)}`)
    const betaFirst = forecast.result.helplines.find((h) => h.helplineId === world.beta.id)!.days.find((d) => d.calls.central > 0)!
    expect((await upload(ref, csvForm(['date,helpline,calls', ...lines, `${betaFirst.date},Beta helpline,0`].join('\n')))).status).toBe(303)

    const page = await callLoader(forecastPage.loader, '', { cookie: world.viewer.cookie, params: { ref } })
    expect(page.status).toBe(200)
    const view = page.data.actuals
    const expectedMape = (alphaDays.reduce((n, d) => n + Math.abs(Math.round(d.calls.central * 1.1) - d.calls.central) / Math.round(d.calls.central * 1.1), 0) / alphaDays.length) * 100
    expect(view.comparison.overall.mape).toBeCloseTo(expectedMape, 9)
    // Not 100/11 ≈ 9.1%: the last letters' tail days expect a call or two, whose rounding MAPE magnifies.
    expect(view.comparison.overall.mape).toBeGreaterThan(100 / 11 - 0.5)
    expect(view.comparison.overall).toMatchObject({ days: alphaDays.length, zeroDays: 1 })
    const actualTotal = alphaDays.reduce((n, d) => n + Math.round(d.calls.central * 1.1), 0)
    expect(view.comparison.overall.actual).toBe(actualTotal)
    expect(view.helplineNames[world.beta.id]).toBe('Beta helpline')
    expect(view.comparison.helplines.map((h: { helplineId: string }) => h.helplineId)).toEqual([world.alpha.id, world.beta.id])
    // Every Alpha day is 10% above the central forecast and inside the band from 5% to 12%.
    expect(view.comparison.helplines[0].totals.withinBand).toBe(alphaDays.length)
    expect(view.rate.percent).toBeCloseTo((actualTotal / 100_000) * 100, 9)
    // Alpha takes 80% of calls, so the rate observed is about 0.8 × 1.1 × 8%; the pace adjustment sees Beta's missing days.
    expect(view.rate.percent).toBeCloseTo(7.04, 1)
    expect(view.curves).toHaveLength(1)
    expect(view.curves[0].channel).toBe('letter')
    expect(view.curves[0].percent.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(100, 9)
    expect(page.data.canRecordActuals).toBe(false)
    const owner = await callLoader(forecastPage.loader, '', { cookie: world.owner.cookie, params: { ref } })
    expect(owner.data.canRecordActuals).toBe(true)
  })
})

describe('learning from past campaigns', () => {
  it('suggests the observed figures to a new campaign of the same regime and channel, names its sources, and fills them in on request', async () => {
    const past = await launched('paye')
    const campaign = (await getCampaignByRef(db, past.ref))!
    const { forecast } = await computeSavedForecast(db, campaign)
    if (!forecast.ok) throw new Error('no forecast')
    // Every day's calls at both helplines, 20% above the forecast: a complete curve and an observed rate of 9.6%.
    const lines = forecast.result.helplines.flatMap((h) =>
      h.days.filter((d) => d.calls.central > 0).map((d) => `${d.date},${h.helplineId},${Math.round(d.calls.central * 1.2)}`),
    )
    expect((await upload(past.ref, csvForm(['date,helpline,calls', ...lines].join('\n')))).status).toBe(303)

    // A new PAYE letter campaign, never forecast.
    const fresh = await makeForecastedCampaign(world.owner, { campaign: { regime: 'paye' }, waves: [{ sendDate: '2027-06-07', volume: 5_000 }], split: {}, saveForecast: false })
    const page = await callLoader(forecastPage.loader, '', { cookie: world.owner.cookie, params: { ref: fresh.ref } })
    const suggestion = page.data.suggestion
    expect(suggestion.sources).toEqual([{ ref: past.ref, name: 'Undeclared rental income', ratePercent: expect.closeTo(9.6, 1), recipients: 100_000, curveChannels: ['letter'] }])
    expect(suggestion.contactRates.central).toBeCloseTo(9.6, 1)
    // One past campaign: the band is a new campaign's P10 to P90 when campaigns differ by 30% of the rate (2τ² in all).
    expect(suggestion.contactRates.low).toBeLessThan(suggestion.contactRates.central * 0.65)
    expect(suggestion.contactRates.high).toBeGreaterThan(suggestion.contactRates.central * 1.4)
    expect(suggestion.pooling.campaigns).toBe(1)
    expect(suggestion.responseCurves.letter.length).toBeGreaterThan(10)
    // The curve's shape: its first five working days' share, with no range from a single past campaign's curve.
    const firstWeek = suggestion.responseCurves.letter.slice(0, 5).reduce((n: number, p: number) => n + p, 0)
    expect(suggestion.curveShapes.letter).toMatchObject({ campaigns: 1, firstWeekPercent: { low: null, high: null } })
    expect(suggestion.curveShapes.letter.firstWeekPercent.central).toBeCloseTo(firstWeek, 1)
    // Readers and other regimes get none.
    expect((await callLoader(forecastPage.loader, '', { cookie: world.viewer.cookie, params: { ref: fresh.ref } })).data.suggestion).toBeNull()
    const other = await makeForecastedCampaign(world.owner, { campaign: { regime: 'corporation-tax' }, waves: [{ sendDate: '2027-06-07', volume: 5_000 }], split: {}, saveForecast: false })
    expect((await callLoader(forecastPage.loader, '', { cookie: world.owner.cookie, params: { ref: other.ref } })).data.suggestion).toBeNull()

    // "Use these figures" fills them in over what was typed, and saves nothing.
    const used = await callAction(forecastPage.action, '', {
      cookie: world.owner.cookie,
      params: { ref: fresh.ref },
      form: { intent: 'use-suggestion', version: '0', rateLow: '1', rateCentral: '2', rateHigh: '3', [`split-${fresh.messageId}-${world.beta.id}`]: '100' },
    })
    expect(used.status).toBe(200)
    expect(used.data.suggestedFrom).toEqual([past.ref])
    expect(used.data.values.rateCentral).toBe(String(suggestion.contactRates.central))
    expect(used.data.settings.messages[fresh.messageId].split).toEqual({ [world.beta.id]: 100 })
    expect(used.data.settings.responseCurves.letter).toEqual(suggestion.responseCurves.letter)
    expect(await db.selectFrom('forecast_input').select('campaign_id').where('campaign_id', '=', fresh.campaignId).execute()).toEqual([])

    // Once the forecast is saved there is nothing to suggest.
    const saved = await callAction(forecastPage.action, '', { cookie: world.owner.cookie, params: { ref: fresh.ref }, form: { ...used.data.values, intent: 'save', version: '0' } })
    expect(saved.status).toBe(303)
    expect((await callLoader(forecastPage.loader, '', { cookie: world.owner.cookie, params: { ref: fresh.ref } })).data.suggestion).toBeNull()
    const late = await callAction(forecastPage.action, '', { cookie: world.owner.cookie, params: { ref: fresh.ref }, form: { intent: 'use-suggestion', version: '1' } })
    expect(late.status).toBe(409)
  })
})
