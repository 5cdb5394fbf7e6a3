import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as forecastPage from '../../app/routes/campaigns.$ref.forecast._index'
import * as csvRoute from '../../app/routes/campaigns.$ref.forecast[.csv]'
import * as accuracyPage from '../../app/routes/forecast-accuracy._index'
import * as briefingPage from '../../app/routes/campaigns.$ref.forecast.briefing.$helplineId'
import { computeSavedForecast, forecastOf, loadCampaignForecastData } from '../../app/models/forecast.server'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { helplineCalendar } from '../../app/models/calendar.server'
import { dispersionInUse } from '../../app/models/dispersion.server'
import { ASSUMED_DISPERSION, DEFAULT_DISPERSION } from '../../app/forecast/intervals'
import { testClock } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { makeUser, type TestUser } from '../support/factories'
import { makeForecastedCampaign } from '../support/calendar'
import { makeHelpline } from '../support/forecast'
import { callLoader } from '../support/routes'

const NOW = '2027-04-20T10:00:00.000Z'
const world = {} as { owner: TestUser; manager: TestUser; alpha: { id: string }; beta: { id: string }; target: { ref: string; id: string } }

beforeAll(async () => {
  testClock.freeze(NOW)
  const admin = await makeUser(['admin'])
  world.owner = await makeUser(['designer'], 'Owner')
  world.manager = await makeUser(['customer-services'], 'Helen Marsh')
  world.alpha = { id: (await makeHelpline(admin, { name: 'Alpha helpline' })).id }
  world.beta = { id: (await makeHelpline(admin, { name: 'Beta helpline' })).id }
  const target = await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-05-03', volume: 200_000 }], split: { [world.alpha.id]: 100 } })
  world.target = { ref: target.ref, id: target.campaignId }
})

beforeEach(() => testClock.freeze(NOW))

// Twelve working days of calls after letters sent on Monday 1 March 2027.
const DATES = ['2027-03-04', '2027-03-05', '2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-15', '2027-03-16', '2027-03-17', '2027-03-18', '2027-03-19']
const WANDER = [1.5, 0.6, 1.3, 0.7, 1.2, 0.75]

/** A launched campaign whose calls came at `realised` × its forecast, wandering day to day; its days as pairs. */
async function launchedWithActuals(realised: number) {
  const made = await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-03-01', volume: 50_000 }], split: { [world.alpha.id]: 70, [world.beta.id]: 30 }, status: 'launched' })
  const campaign = (await getCampaignByRef(db, made.ref))!
  const { forecast } = await computeSavedForecast(db, campaign)
  if (!forecast.ok) throw new Error('no forecast')
  const pairs: { expected: number; actual: number }[] = []
  const rows = DATES.flatMap((date, i) =>
    [world.alpha.id, world.beta.id].map((helplineId, k) => {
      const expected = forecast.result.helplines.find((h) => h.helplineId === helplineId)!.days.find((d) => d.date === date)!.calls.central
      const calls = Math.round(expected * realised * WANDER[(i + k) % WANDER.length]!)
      pairs.push({ expected, actual: calls })
      return { campaign_id: campaign.id, helpline_id: helplineId, date, calls, recorded_by: world.manager.id, recorded_at: NOW }
    }),
  )
  await db.insertInto('actual_calls').values(rows).execute()
  return pairs
}

const pageDispersion = async () => (await callLoader(forecastPage.loader, '', { cookie: world.owner.cookie, params: { ref: world.target.ref } })).data.dispersion

describe('the dispersion fitted from past campaigns’ actual calls', () => {
  it('is assumed until three launched campaigns’ actual calls are stored, then fitted and used by every forecast', async () => {
    expect(await pageDispersion()).toEqual(ASSUMED_DISPERSION)

    const first = await launchedWithActuals(1.4)
    // One campaign: the page still says the figure is assumed, and how much history there is so far.
    expect(await pageDispersion()).toEqual({ value: DEFAULT_DISPERSION, source: 'assumed', campaigns: 1, days: first.length })

    const campaigns = [first, await launchedWithActuals(0.7), await launchedWithActuals(1.1)]
    // Worked out here: each campaign's expected calls scaled so its total matches its actual total, then
    // n = Σμ² ÷ Σ((y − μ)² − y) over every day the forecasts expected calls on.
    let squares = 0
    let excess = 0
    let days = 0
    for (const pairs of campaigns) {
      const used = pairs.filter((p) => p.expected > 0)
      const scale = used.reduce((n, p) => n + p.actual, 0) / used.reduce((n, p) => n + p.expected, 0)
      for (const p of used) {
        const mu = p.expected * scale
        squares += mu * mu
        excess += (p.actual - mu) ** 2 - p.actual
        days++
      }
    }
    const expected = Math.round((squares / excess) * 10) / 10
    // The days wander by up to half, far more than the assumption's 16%.
    expect(expected).toBeLessThan(DEFAULT_DISPERSION / 2)
    expect(expected).toBeGreaterThan(5)
    const shown = await pageDispersion()
    expect(shown).toEqual({ value: expected, source: 'fitted', campaigns: 3, days })
    // The accuracy dashboard says the same.
    expect((await callLoader(accuracyPage.loader, '/forecast-accuracy', { cookie: world.manager.cookie })).data.dispersion).toEqual(shown)

    // The saved forecast, its CSV and the calendar use it: the bands are wider than with the assumed figure.
    const target = (await getCampaignByRef(db, world.target.ref))!
    const data = await loadCampaignForecastData(db, target)
    expect(data.dispersion).toEqual(shown)
    const fitted = forecastOf(data, data.saved.settings)
    const assumed = forecastOf({ ...data, dispersion: ASSUMED_DISPERSION }, data.saved.settings)
    if (!fitted.ok || !assumed.ok) throw new Error('no forecast')
    expect(fitted.input.dispersion).toBe(expected)
    const peak = fitted.result.summary.peakDay!
    const assumedPeak = assumed.result.helplines[0]!.days.find((d) => d.date === peak.date)!
    expect(peak.calls.central).toBeCloseTo(assumedPeak.calls.central, 9)
    expect(peak.calls.high).toBeGreaterThan(assumedPeak.calls.high)
    expect(peak.calls.low).toBeLessThan(assumedPeak.calls.low)

    const csv = await callLoader(csvRoute.loader, '', { cookie: world.owner.cookie, params: { ref: world.target.ref } })
    const lines = (csv.data as string).trim().split('\r\n')
    const header = lines[0]!.split(',')
    const peakRow = lines.map((l) => l.split(',')).find((r) => r[0] === peak.date && r[1] === 'Alpha helpline')!
    expect(Number(peakRow[header.indexOf('calls_p90')])).toBeCloseTo(peak.calls.high, 2)

    // The briefing's figures are the CSV's, and its assumptions name the figure.
    const brief = await callLoader(briefingPage.loader, '', { cookie: world.owner.cookie, params: { ref: world.target.ref, helplineId: world.alpha.id } })
    expect(brief.data.dispersion).toEqual(shown)
    expect(brief.data.forecast.days.find((d: { date: string }) => d.date === peak.date).calls).toEqual(peak.calls)

    const calendar = await helplineCalendar(db, world.alpha.id, { from: '2027-05-03', to: '2027-06-27' })
    const week = calendar!.calendar.weeks.find((w) => w.weekStart <= peak.date && w.weekEnd >= peak.date)!
    const weekHigh = (f: typeof fitted) => (f.ok ? f.result.helplines[0]!.days.filter((d) => d.open && d.date >= week.weekStart && d.date <= week.weekEnd).reduce((n, d) => n + d.calls.high, 0) : 0)
    // The calendar's band for the week is the sum of its days' P90s at the fitted figure, not the assumed one.
    expect(weekHigh(fitted)).toBeGreaterThan(weekHigh(assumed) + 50)
    expect(Math.abs(week.totalCalls.high - weekHigh(fitted))).toBeLessThan(Math.abs(week.totalCalls.high - weekHigh(assumed)))
  })

  it('is fitted again when actual calls change, and not when a draft campaign’s forecast is edited', async () => {
    const remembered = await dispersionInUse(db)
    expect(remembered.source).toBe('fitted')
    // A draft's edit: the same figure, not fitted again (the very object remembered).
    await db.updateTable('forecast_input').set((eb) => ({ rate_central_percent: 9, version: eb('version', '+', 1) })).where('campaign_id', '=', world.target.id).execute()
    expect(await dispersionInUse(db)).toBe(remembered)
    // A correction to a launched campaign's actual calls: fitted again, from the new figures.
    const day = await db.selectFrom('actual_calls').select(['campaign_id', 'helpline_id', 'date', 'calls']).orderBy('calls', 'desc').limit(1).executeTakeFirstOrThrow()
    await db
      .updateTable('actual_calls')
      .set({ calls: day.calls * 3, recorded_at: '2027-04-21T09:00:00.000Z' })
      .where('campaign_id', '=', day.campaign_id)
      .where('helpline_id', '=', day.helpline_id)
      .where('date', '=', day.date)
      .execute()
    const refitted = await dispersionInUse(db)
    expect(refitted).not.toBe(remembered)
    expect(refitted.value).toBeLessThan(remembered.value)
  })
})
