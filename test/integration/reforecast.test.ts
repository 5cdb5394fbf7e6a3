import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as forecastPage from '../../app/routes/campaigns.$ref.forecast._index'
import * as reforecastPage from '../../app/routes/campaigns.$ref.forecast.reforecast'
import * as briefingPage from '../../app/routes/campaigns.$ref.forecast.briefing.$helplineId'
import * as csvRoute from '../../app/routes/campaigns.$ref.forecast[.csv]'
import { computeSavedForecast } from '../../app/models/forecast.server'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { refreshStaleAtHelpline, storedArrivals } from '../../app/models/stored-arrivals.server'
import { toDayNumber } from '../../app/forecast/dates'
import { testClock } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { makeUser, type TestUser } from '../support/factories'
import { makeForecastedCampaign } from '../support/calendar'
import { makeHelpline } from '../support/forecast'
import { callAction, callLoader } from '../support/routes'

const NOW = '2027-04-20T10:00:00.000Z'

const world = {} as { owner: TestUser; manager: TestUser; alpha: { id: string }; beta: { id: string } }

beforeAll(async () => {
  testClock.freeze(NOW)
  const admin = await makeUser(['admin'])
  world.owner = await makeUser(['designer'], 'Owner')
  world.manager = await makeUser(['customer-services'], 'Helen Marsh')
  world.alpha = { id: (await makeHelpline(admin, { name: 'Alpha helpline' })).id }
  world.beta = { id: (await makeHelpline(admin, { name: 'Beta helpline' })).id }
})

beforeEach(() => testClock.freeze(NOW))

/** Second-class letters to 100,000 customers sent on Monday 1 March 2027, at 5%, 8% and 12%, split 80/20. */
async function launchedWithActuals(dates: string[], calls: (date: string, helplineId: string, expected: number) => number) {
  const made = await makeForecastedCampaign(world.owner, {
    waves: [{ sendDate: '2027-03-01', volume: 100_000 }],
    split: { [world.alpha.id]: 80, [world.beta.id]: 20 },
    status: 'launched',
  })
  const campaign = (await getCampaignByRef(db, made.ref))!
  const { forecast } = await computeSavedForecast(db, campaign)
  if (!forecast.ok) throw new Error('no forecast')
  const expectedOn = (helplineId: string, date: string) => forecast.result.helplines.find((h) => h.helplineId === helplineId)!.days.find((d) => d.date === date)!.calls.central
  const rows = dates.flatMap((date) =>
    [world.alpha.id, world.beta.id].map((helplineId) => ({ campaign_id: campaign.id, helpline_id: helplineId, date, calls: calls(date, helplineId, expectedOn(helplineId, date)), recorded_by: world.manager.id, recorded_at: NOW })),
  )
  await db.insertInto('actual_calls').values(rows).execute()
  return { ...made, campaign, forecast: forecast.result, rows, expectedOn }
}

const post = (ref: string, user: TestUser, form: Record<string, string>) => callAction(reforecastPage.action, `/campaigns/${ref}/forecast/reforecast`, { cookie: user.cookie, params: { ref }, form })

describe('re-forecasting a launched campaign', () => {
  it('moves the rate towards the calls so far and narrows it, keeps the original beside it, and records who and when', async () => {
    // 50% more calls than forecast on the first three working days.
    const dates = ['2027-03-04', '2027-03-05', '2027-03-08']
    const { ref, campaignId, rows, expectedOn } = await launchedWithActuals(dates, (_d, _h, expected) => Math.round(expected * 1.5))
    const actual = rows.reduce((n, r) => n + r.calls, 0)
    const expected = dates.reduce((n, d) => n + expectedOn(world.alpha.id, d) + expectedOn(world.beta.id, d), 0)
    const factor = actual / expected
    expect(factor).toBeGreaterThan(1.45)
    expect(factor).toBeLessThan(1.55)

    const preview = await callLoader(reforecastPage.loader, '', { cookie: world.manager.cookie, params: { ref } })
    expect(preview.status).toBe(200)
    expect(preview.data.proposal).toMatchObject({ ok: true, workingDays: 3, throughDate: '2027-03-08' })
    // The Beta the 5% and 12% rates describe, updated with the calls so far: three days of a 100,000-letter campaign
    // outweigh it, so the central rate comes most of the way to the observed 8% × factor, and the band narrows.
    const proposed = preview.data.proposal.rates
    // Three days of calls count for less than as many independent answers: the design effect is above 1.
    expect(preview.data.proposal.evidence.designEffect).toBeGreaterThan(1)
    expect(preview.data.proposal.evidence.exposure).toBeCloseTo(expected / 0.08, 3)
    expect(proposed.central).toBeGreaterThan(8 + 0.8 * (8 * factor - 8))
    expect(proposed.central).toBeLessThan(8 * factor)
    expect(proposed.high - proposed.low).toBeLessThan(0.5 * (12 - 5) * factor)
    expect(proposed.low).toBeLessThan(proposed.central)
    expect(proposed.high).toBeGreaterThan(proposed.central)

    const made = await post(ref, world.manager, { seen: '0' })
    expect(made.status).toBe(303)
    expect(made.location).toBe(`/campaigns/${ref}/forecast?notice=reforecast#reforecast`)

    const saved = await db.selectFrom('reforecast').selectAll().where('campaign_id', '=', campaignId).execute()
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ version: 1, forecast_version: 1, through_date: '2027-03-08', working_days: 3, actual_calls: actual, made_by: world.manager.id, made_at: NOW })
    expect({ low: saved[0]!.rate_low, central: saved[0]!.rate_central, high: saved[0]!.rate_high }).toEqual(proposed)
    const audit = await db.selectFrom('audit_event').select(['action', 'actor_email', 'summary']).where('campaign_id', '=', campaignId).where('action', '=', 'forecast.reforecast').execute()
    expect(audit).toEqual([{ action: 'forecast.reforecast', actor_email: expect.stringContaining('@'), summary: expect.stringMatching(/^Re-forecast from [\d,]+ actual calls to 2027-03-08 .* central contact rate 8% to [\d.]+% \(version 1\)$/) }])

    // The forecast page shows both, for the days after the calls so far: the re-forecast's calls are the original's
    // scaled by the change in the central rate (a day's expected calls are proportional to it).
    const rateRatio = proposed.central / 8
    const page = await callLoader(forecastPage.loader, '', { cookie: world.owner.cookie, params: { ref } })
    const view = page.data.reforecast
    expect(view.saved).toMatchObject({ version: 1, madeBy: 'Helen Marsh', throughDate: '2027-03-08' })
    const alpha = view.helplines.find((h: { helplineId: string }) => h.helplineId === world.alpha.id)
    expect(alpha.days[0].date > '2027-03-08').toBe(true)
    // Both sets of staff are for the percentile the helpline staffs to, which the view names.
    expect(alpha.staffToPercentile).toBe(50)
    for (const d of alpha.days.slice(0, 5)) {
      expect(d.reforecast.calls.central).toBeCloseTo(d.original.calls.central * rateRatio, 3)
      // The narrower rate band narrows each day's band, relative to its mean.
      expect((d.reforecast.calls.high - d.reforecast.calls.low) / d.reforecast.calls.central).toBeLessThan((d.original.calls.high - d.original.calls.low) / d.original.calls.central)
      expect(d.reforecast.requiredFte).toBeGreaterThanOrEqual(d.original.requiredFte)
    }
    // The saved, signed-off forecast is untouched.
    expect(page.data.saved.settings.contactRates).toEqual({ low: 5, central: 8, high: 12 })
  })

  it('refuses a re-forecast made against a version someone else has replaced, and saves nothing', async () => {
    const { ref, campaignId } = await launchedWithActuals(['2027-03-04', '2027-03-05'], (_d, _h, e) => Math.round(e))
    expect((await post(ref, world.owner, { seen: '0' })).status).toBe(303)
    const stale = await post(ref, world.manager, { seen: '0' })
    expect(stale.status).toBe(409)
    expect(stale.data.errors._form).toMatch(/^Someone else re-forecast this campaign by Owner at /)
    expect(await db.selectFrom('reforecast').select('version').where('campaign_id', '=', campaignId).execute()).toEqual([{ version: 1 }])
    expect((await post(ref, world.manager, { seen: '1' })).status).toBe(303)
    expect((await db.selectFrom('reforecast').select('version').where('campaign_id', '=', campaignId).orderBy('version').execute()).map((r) => r.version)).toEqual([1, 2])
  })

  it('needs two working days of actual calls', async () => {
    // Friday 5 March and the weekend after it: one working day.
    const { ref, campaignId } = await launchedWithActuals(['2027-03-05', '2027-03-06', '2027-03-07'], () => 40)
    const preview = await callLoader(reforecastPage.loader, '', { cookie: world.manager.cookie, params: { ref } })
    expect(preview.data.proposal).toMatchObject({ ok: false, reason: 'too-few-days', workingDays: 1 })
    const page = await callLoader(forecastPage.loader, '', { cookie: world.manager.cookie, params: { ref } })
    expect(page.data.canReforecast).toBe(false)
    const refused = await post(ref, world.manager, { seen: '0' })
    expect(refused.status).toBe(409)
    expect(refused.data.errors._form).toBe('A re-forecast needs actual calls for at least 2 working days. Record the calls so far first.')
    expect(await db.selectFrom('reforecast').select('version').where('campaign_id', '=', campaignId).execute()).toEqual([])
  })

  it('turns away a post with no version seen, and anyone who may not re-forecast', async () => {
    const { ref } = await launchedWithActuals(['2027-03-04', '2027-03-05'], () => 40)
    expect((await post(ref, world.manager, {})).status).toBe(400)
    const stranger = await makeUser(['designer'], 'Someone else')
    expect((await post(ref, stranger, { seen: '0' })).status).toBe(403)
  })
})

describe('the re-forecast in the forecast CSV and the helpline briefing', () => {
  it('adds the re-forecast beside the forecast for each day after the calls so far, and nothing before', async () => {
    const { ref } = await launchedWithActuals(['2027-03-04', '2027-03-05', '2027-03-08'], (_d, _h, e) => Math.round(e * 0.6))
    const before = await callLoader(csvRoute.loader, '', { cookie: world.owner.cookie, params: { ref } })
    const header = (before.data as string).split('\r\n')[0]!.split(',')
    const col = (name: string) => header.indexOf(name)
    expect(col('reforecast_calls_mean')).toBeGreaterThan(col('calls_mean'))
    // No re-forecast yet: the columns are there, and blank.
    const blankRows = (before.data as string).trim().split('\r\n').slice(1).map((l) => l.split(','))
    expect(blankRows.every((r) => r[col('reforecast_calls_mean')] === '' && r[col('reforecast_calls_p10')] === '')).toBe(true)

    expect((await post(ref, world.manager, { seen: '0' })).status).toBe(303)
    const page = await callLoader(forecastPage.loader, '', { cookie: world.owner.cookie, params: { ref } })
    const alphaView = page.data.reforecast.helplines.find((h: { helplineId: string }) => h.helplineId === world.alpha.id)
    const csv = await callLoader(csvRoute.loader, '', { cookie: world.owner.cookie, params: { ref } })
    const rows = (csv.data as string).trim().split('\r\n').slice(1).map((l) => l.split(','))
    const alphaRows = rows.filter((r) => r[1] === 'Alpha helpline')
    // Up to the last day of actual calls the re-forecast columns stay blank: those days are past.
    for (const r of alphaRows.filter((r) => r[0]! <= '2027-03-08')) {
      expect(r.slice(col('reforecast_calls_p10'), col('reforecast_service_level_available') + 1)).toEqual(['', '', '', '', ''])
      expect(r[col('staffed_to_percentile')]).toBe('50')
    }
    // After it, each day's re-forecast is the page's, to the CSV's two places; the forecast's own columns are unchanged.
    const later = alphaRows.filter((r) => r[0]! > '2027-03-08' && Number(r[col('calls_mean')]) > 0)
    expect(later.length).toBeGreaterThan(5)
    for (const d of alphaView.days.slice(0, 10)) {
      const r = later.find((row) => row[0] === d.date)!
      expect(Number(r[col('calls_mean')])).toBeCloseTo(d.original.calls.central, 2)
      expect(Number(r[col('reforecast_calls_mean')])).toBeCloseTo(d.reforecast.calls.central, 2)
      expect(Number(r[col('reforecast_calls_p10')])).toBeCloseTo(d.reforecast.calls.low, 2)
      expect(Number(r[col('reforecast_calls_p90')])).toBeCloseTo(d.reforecast.calls.high, 2)
      expect(Number(r[col('reforecast_fte_required')])).toBeCloseTo(d.reforecast.requiredFte, 2)
      expect(Number(r[col('reforecast_service_level_available')])).toBeCloseTo(d.reforecast.serviceLevel, 4)
      // Fewer calls came than forecast: the re-forecast is lower.
      expect(Number(r[col('reforecast_calls_mean')])).toBeLessThan(Number(r[col('calls_mean')]))
    }

    // The briefing for a helpline: the re-forecast for its days still to come, with the forecast to compare.
    const brief = await callLoader(briefingPage.loader, '', { cookie: world.owner.cookie, params: { ref, helplineId: world.beta.id } })
    expect(brief.status).toBe(200)
    const betaView = page.data.reforecast.helplines.find((h: { helplineId: string }) => h.helplineId === world.beta.id)
    expect(brief.data.reforecast.saved).toMatchObject({ version: 1, throughDate: '2027-03-08', madeBy: 'Helen Marsh' })
    expect(brief.data.reforecast.forecastRates).toEqual({ low: 5, central: 8, high: 12 })
    expect(brief.data.reforecast.days).toEqual(betaView.days)
    expect(brief.data.reforecast.days[0].date > '2027-03-08').toBe(true)
    // The rest of the briefing is the forecast as saved.
    expect(brief.data.saved.settings.contactRates).toEqual({ low: 5, central: 8, high: 12 })
  })

  it('leaves the briefing without a re-forecast when there is none', async () => {
    const { ref } = await launchedWithActuals(['2027-03-04', '2027-03-05'], (_d, _h, e) => Math.round(e))
    const brief = await callLoader(briefingPage.loader, '', { cookie: world.owner.cookie, params: { ref, helplineId: world.alpha.id } })
    expect(brief.status).toBe(200)
    expect(brief.data.reforecast).toBeNull()
  })
})

describe('the helpline calendar of a re-forecast campaign', () => {
  it('takes the re-forecast after the last day of actual calls, and the forecast up to it', async () => {
    const { ref, campaignId } = await launchedWithActuals(['2027-03-04', '2027-03-05'], (_d, _h, e) => Math.round(e * 2))
    await refreshStaleAtHelpline(db, world.alpha.id)
    const before = (await storedArrivals(db, world.alpha.id, '2027-03-01', '2027-04-30')).find((a) => a.campaign.id === campaignId)!.arrivals
    expect((await post(ref, world.manager, { seen: '0' })).status).toBe(303)
    const rates = await db.selectFrom('reforecast').select('rate_central').where('campaign_id', '=', campaignId).executeTakeFirstOrThrow()
    const factor = rates.rate_central / 8
    expect(factor).toBeGreaterThan(1.9)
    // The save dropped the stored arrivals, so the calendar computes them again.
    expect(await refreshStaleAtHelpline(db, world.alpha.id)).toBeGreaterThanOrEqual(1)
    const after = (await storedArrivals(db, world.alpha.id, '2027-03-01', '2027-04-30')).find((a) => a.campaign.id === campaignId)!.arrivals
    const on = (series: typeof before, date: string) => series.central[toDayNumber(date) - series.start] ?? 0
    expect(on(after, '2027-03-05')).toBeCloseTo(on(before, '2027-03-05'), 6)
    expect(on(before, '2027-03-09')).toBeGreaterThan(0)
    expect(on(after, '2027-03-09')).toBeCloseTo(on(before, '2027-03-09') * factor, 3)
  })
})
