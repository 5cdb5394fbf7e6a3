import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as calendarPage from '../../app/routes/helplines.$id.calendar'
import * as calendarCsv from '../../app/routes/helplines.$id.calendar[.csv]'
import * as forecastPage from '../../app/routes/campaigns.$ref.forecast._index'
import * as briefingPage from '../../app/routes/campaigns.$ref.forecast.briefing.$helplineId'
import { forecastFromSettings } from '../../app/forecast/settings'
import { DEFAULT_BANK_HOLIDAYS } from '../../app/forecast/bank-holidays'
import type { BankHolidaysFile } from '../../app/forecast/working-days'
import { applyBankHolidays, storePendingBankHolidays } from '../../app/models/bank-holidays.server'
import { getCampaignByRef, updateCampaignDescription } from '../../app/models/campaign.server'
import { inputGeneration } from '../../app/models/stored-arrivals.server'
import { computeSavedForecast, getForecastSettings, saveForecastSettings } from '../../app/models/forecast.server'
import { getHelpline, updateHelpline } from '../../app/models/helpline.server'
import { deleteMessage, getMessage, updateMessage } from '../../app/models/message.server'
import { testClock } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { campaignInput, makeUser, type TestUser } from '../support/factories'
import { makeForecastedCampaign, setStatus } from '../support/calendar'
import { makeHelpline } from '../support/forecast'
import { letterInput } from '../support/messages'
import { callLoader } from '../support/routes'

const world = {} as { admin: TestUser; owner: TestUser; manager: TestUser; viewer: TestUser; helplineId: string; otherHelplineId: string }

// Sessions are made at this time too, or the frozen clock would find them long expired.
const NOW = '2027-05-20T10:00:00Z'

beforeAll(async () => {
  testClock.freeze(NOW)
  world.admin = await makeUser(['admin'])
  world.owner = await makeUser(['designer'], 'Owner')
  world.manager = await makeUser(['customer-services'], 'Helpline manager')
  world.viewer = await makeUser(['viewer'])
  world.helplineId = (await makeHelpline(world.admin, { name: 'Calendar helpline', baselineCallsPerDay: 3_000, availableFte: 190 })).id
  world.otherHelplineId = (await makeHelpline(world.admin, { name: 'Other helpline' })).id
})

beforeEach(() => testClock.freeze(NOW))

type Week = { weekStart: string; openDays: number; peakTotalFte: number; totalFte: number; baselineCalls: number; baselineOverCapacity: boolean; serviceLevel: number; calls: Record<'launched' | 'approved' | 'planned', number>; overCapacity: boolean; causes: string[] }
type Calendar = { from: string; to: string; weeks: Week[]; campaigns: { ref: string; group: string; calls: { low: number; central: number; high: number } }[] }

async function calendarOf(query = 'start=2027-06&months=2', user = world.viewer, helplineId = world.helplineId): Promise<Calendar> {
  const result = await callLoader(calendarPage.loader, `/helplines/${helplineId}/calendar?${query}`, { cookie: user.cookie, params: { id: helplineId } })
  expect(result.status).toBe(200)
  return result.data.calendar
}


/** A second-class letter to 100,000 customers sent on Monday 7 June 2027, all calls to the calendar's helpline. */
const june = (status: 'draft' | 'approved' | 'launched' = 'approved', extra: Partial<Parameters<typeof makeForecastedCampaign>[1]> = {}) =>
  makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-06-07', volume: 100_000 }], split: { [world.helplineId]: 100 }, status, ...extra })

describe('the helpline calendar', () => {
  it('shows each campaign in its group, with the calls its own forecast page shows', async () => {
    const planned = await june('draft')
    const approved = await june('approved', { split: { [world.helplineId]: 60, [world.otherHelplineId]: 40 } })
    const launched = await june('launched', { rates: { low: 2, central: 3, high: 4 } })
    const calendar = await calendarOf()
    expect(calendar.from).toBe('2027-05-31')
    expect(calendar.to).toBe('2027-08-01')
    const byRef = Object.fromEntries(calendar.campaigns.map((c) => [c.ref, c]))
    expect(byRef[planned.ref]?.group).toBe('planned')
    expect(byRef[approved.ref]?.group).toBe('approved')
    expect(byRef[launched.ref]?.group).toBe('launched')
    // 100,000 letters at 8%: every call lands within the two months. 60% of the second campaign's; 3% of the third's.
    expect(byRef[planned.ref]!.calls.central).toBeCloseTo(8_000, 6)
    expect(byRef[approved.ref]!.calls).toMatchObject({ low: expect.closeTo(3_000, 6), central: expect.closeTo(4_800, 6), high: expect.closeTo(7_200, 6) })
    expect(byRef[launched.ref]!.calls.central).toBeCloseTo(3_000, 6)

    // Day by day, the calendar's weeks hold exactly the calls of the campaigns' own saved forecasts.
    const fromForecasts = new Map<string, number>()
    for (const ref of [planned.ref, approved.ref, launched.ref]) {
      const { forecast } = await computeSavedForecast(db, (await getCampaignByRef(db, ref))!)
      if (!forecast.ok) throw new Error('no forecast')
      const days = forecast.result.helplines.find((h) => h.helplineId === world.helplineId)!.days
      for (const day of days) {
        const week = calendar.weeks.find((w) => w.weekStart <= day.date && day.date <= addDaysIso(w.weekStart, 6))
        if (week) fromForecasts.set(week.weekStart, (fromForecasts.get(week.weekStart) ?? 0) + day.calls.central)
      }
    }
    for (const week of calendar.weeks) {
      const own = week.calls.launched + week.calls.approved + week.calls.planned
      const expected = fromForecasts.get(week.weekStart) ?? 0
      // Other tests' campaigns may share the helpline; this test's three are the only ones in June and July 2027.
      // The page gives each group's week in whole calls.
      expect(Math.abs(own - expected)).toBeLessThanOrEqual(1.5)
    }
    expect(calendar.weeks.some((w) => w.calls.planned > 0 && w.calls.approved > 0 && w.calls.launched > 0)).toBe(true)
  })

  it('names the campaigns that push a week over capacity', async () => {
    // The baseline alone needs about 13 FTE on its busiest day (Monday).
    const small = await makeHelpline(world.admin, { name: 'Small helpline', baselineCallsPerDay: 200, availableFte: 16 })
    const busy = await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-06-07', volume: 200_000 }], split: { [small.id]: 100 }, status: 'approved' })
    const quiet = await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-07-19', volume: 500 }], split: { [small.id]: 100 }, status: 'launched' })
    const calendar = await calendarOf('start=2027-06&months=2', world.manager, small.id)
    const over = calendar.weeks.filter((w) => w.overCapacity)
    expect(over.length).toBeGreaterThan(0)
    // The Spring bank holiday (Monday 31 May 2027): its usual calls come on Tuesday, when the baseline alone is short.
    expect(calendar.weeks[0]).toMatchObject({ weekStart: '2027-05-31', overCapacity: true, baselineOverCapacity: true })
    for (const week of over.slice(1)) {
      expect(week.causes).toEqual([busy.ref])
      expect(week.baselineOverCapacity).toBe(false)
      // For a week over capacity the page says what today's staff achieve: short staff miss the target.
      expect(week.serviceLevel).toBeLessThan(0.8)
    }
    expect(calendar.weeks.find((w) => w.weekStart === '2027-07-19')!.overCapacity).toBe(false)
    expect(calendar.campaigns.map((c) => c.ref)).toEqual([busy.ref, quiet.ref])
  })

  it('answers a bad range with a GOV.UK error and the default range, and an unknown helpline with 404', async () => {
    const result = await callLoader(calendarPage.loader, `/helplines/${world.helplineId}/calendar?start=1999-01&months=40`, { cookie: world.viewer.cookie, params: { id: world.helplineId } })
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual({
      start: 'Choose a start month from May 2026 to May 2029',
      months: 'Choose how many months to show, from 1 to 12',
    })
    expect(result.data.query).toEqual({ start: '2027-05', months: 3 })
    expect(result.data.calendar.from).toBe('2027-04-26')
    const twelve = await calendarOf('start=2027-01&months=12')
    expect(twelve.weeks).toHaveLength(53)
    const missing = await callLoader(calendarPage.loader, '/helplines/nope/calendar', { cookie: world.viewer.cookie, params: { id: '00000000-0000-0000-0000-000000000000' } })
    expect(missing.status).toBe(404)
    const anonymous = await callLoader(calendarPage.loader, `/helplines/${world.helplineId}/calendar`, { params: { id: world.helplineId } })
    expect(anonymous.status).toBe(302)
  })

  it('downloads the same weeks as CSV, naming the campaigns on short days', async () => {
    const small = await makeHelpline(world.admin, { name: 'CSV helpline', baselineCallsPerDay: 200, availableFte: 12 })
    const busy = await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-06-07', volume: 200_000 }], split: { [small.id]: 100 }, status: 'draft' })
    const page = await calendarOf('start=2027-06&months=1', world.viewer, small.id)
    const result = await callLoader(calendarCsv.loader, `/helplines/${small.id}/calendar.csv?start=2027-06&months=1`, { cookie: world.viewer.cookie, params: { id: small.id } })
    expect(result.status).toBe(200)
    expect(result.headers.get('Content-Disposition')).toBe('attachment; filename="csv-helpline-calendar-2027-06-1-months.csv"')
    const [header, ...lines] = (result.data as string).trimEnd().split('\r\n')
    expect(header).toBe(
      'week_start,week_end,iso_week,open_days,baseline_calls,launched_calls,approved_calls,planned_calls,campaign_calls_sum_daily_p10,campaign_calls_mean,campaign_calls_sum_daily_p90,baseline_fte,launched_fte,approved_fte,planned_fte,fte_needed,fte_needed_busiest_day,fte_available,days_over_capacity,over_capacity,campaigns_on_short_days,service_level_available,abandoned_available,staffed_to_percentile',
    )
    expect(lines).toHaveLength(page.weeks.length)
    const cells = lines.map((line) => line.split(','))
    expect(cells.map((c) => c[0])).toEqual(page.weeks.map((w) => w.weekStart))
    // The file gives calls to 0.1, the page in whole calls.
    cells.forEach((c, i) => expect(Math.abs(Number(c[7]) - page.weeks[i]!.calls.planned)).toBeLessThanOrEqual(0.5))
    const short = cells.find((c) => c[19] === 'yes' && c[20] !== '')!
    expect(short[20]).toMatch(new RegExp(`^${busy.ref} \\(planned: \\d+ calls\\)$`))
    // The page rounds to 0.1%, the file to 0.01%.
    cells.forEach((c, i) => expect(Math.abs(Number(c[21]) - page.weeks[i]!.serviceLevel)).toBeLessThanOrEqual(0.00051))
    // Erlang C: nobody hangs up in the model, so no figure.
    expect(cells.every((c) => c[22] === '')).toBe(true)
    expect(cells.every((c) => c[23] === '50')).toBe(true)
    const bad = await callLoader(calendarCsv.loader, `/helplines/${small.id}/calendar.csv?months=0`, { cookie: world.viewer.cookie, params: { id: small.id } })
    expect(bad.status).toBe(400)
  })
})

describe('the percentile a helpline staffs to', () => {
  it('moves the calendar’s staff, not its calls, when the helpline manager changes it', async () => {
    const own = await makeHelpline(world.admin, { name: 'Percentile helpline', baselineCallsPerDay: 1_000, availableFte: 150 })
    await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-06-07', volume: 100_000 }], split: { [own.id]: 100 }, status: 'approved' })
    const p50 = await calendarOf('start=2027-06&months=2', world.manager, own.id)
    const page = async () => (await callLoader(calendarPage.loader, `/helplines/${own.id}/calendar?start=2027-06&months=2`, { cookie: world.manager.cookie, params: { id: own.id } })).data
    const csvCells = async () => {
      const result = await callLoader(calendarCsv.loader, `/helplines/${own.id}/calendar.csv?start=2027-06&months=2`, { cookie: world.manager.cookie, params: { id: own.id } })
      return (result.data as string).trimEnd().split('\r\n').slice(1).map((line) => line.split(','))
    }
    expect((await page()).helpline.staffToPercentile).toBe(50)
    const csvAt50 = await csvCells()
    expect(csvAt50.every((c) => c[23] === '50')).toBe(true)
    const current = (await getHelpline(db, own.id))!
    const saved = await updateHelpline(db, { id: own.id, version: current.version, settings: { ...current, staffToPercentile: 90 } }, world.manager)
    expect(saved.ok).toBe(true)
    const p90 = await calendarOf('start=2027-06&months=2', world.manager, own.id)
    expect(p90.weeks.map((w) => w.calls)).toEqual(p50.weeks.map((w) => w.calls))
    const busy = p50.weeks.filter((w) => w.calls.approved > 100)
    expect(busy.length).toBeGreaterThan(0)
    for (const week of busy) {
      const at90 = p90.weeks.find((w) => w.weekStart === week.weekStart)!
      expect(at90.totalFte).toBeGreaterThan(week.totalFte)
      expect(at90.peakTotalFte).toBeGreaterThan(week.peakTotalFte)
    }
    // The page and the download say which percentile the staff are for, and the download's staff move with it.
    expect((await page()).helpline.staffToPercentile).toBe(90)
    const csvAt90 = await csvCells()
    expect(csvAt90.every((c) => c[23] === '90')).toBe(true)
    expect(csvAt90.map((c) => c[9])).toEqual(csvAt50.map((c) => c[9]))
    const busyRows = csvAt50.map((c, i) => [c, csvAt90[i]!] as const).filter(([c]) => Number(c[6]) > 100)
    expect(busyRows.length).toBeGreaterThan(0)
    for (const [at50, at90] of busyRows) expect(Number(at90[15])).toBeGreaterThan(Number(at50[15]))
  })
})

describe('stored arrivals never go stale', () => {
  /** A campaign alone on a helpline of its own: a letter to 100,000 customers sent on Monday 2 August 2027. */
  async function august(extra: Partial<Parameters<typeof makeForecastedCampaign>[1]> = {}) {
    const helplineId = (await makeHelpline(world.admin)).id
    const made = await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-08-02', volume: 100_000 }], split: { [helplineId]: 100 }, status: 'approved', ...extra })
    return { ...made, helplineId, weeks: async () => (await calendarOf('start=2027-08&months=2', world.viewer, helplineId)).weeks.map((w) => w.calls.launched + w.calls.approved + w.calls.planned) }
  }
  const total = (weeks: number[]) => weeks.reduce((a, b) => a + b, 0)
  /** The page gives each week's calls as whole numbers, so a sum over weeks is within half a call a week. */
  const expectTotal = (weeks: number[], calls: number) => expect(Math.abs(total(weeks) - calls)).toBeLessThanOrEqual(weeks.length / 2)
  const current = async (campaignId: string) => (await db.selectFrom('campaign_load').select('campaign_id').where('campaign_id', '=', campaignId).executeTakeFirst()) !== undefined

  it('computes a campaign’s arrivals again in the transaction that saves its forecast inputs (to compare helpline weeks), and the calendar shows them', async () => {
    const { campaignId, weeks: weeksNow } = await august()
    const before = await weeksNow()
    expectTotal(before, 8_000)
    expect(await current(campaignId)).toBe(true)
    const saved = await getForecastSettings(db, campaignId)
    const generation = await inputGeneration(db)
    const result = await saveForecastSettings(db, { campaignId, version: 1, settings: { ...saved.settings, contactRates: { low: 5, central: 10, high: 12 } } }, world.owner)
    expect(result.ok).toBe(true)
    // The save's own transaction computed the arrivals again (the notifications' capacity check compares the weeks
    // before and after: docs/notifications.md), and moved the generation on.
    expect(await current(campaignId)).toBe(true)
    expect(await inputGeneration(db)).toBeGreaterThan(generation)
    const weeks = await weeksNow()
    expect(await current(campaignId)).toBe(true)
    expectTotal(weeks, 10_000)
    weeks.forEach((calls, i) => expect(Math.abs(calls - before[i]! * 1.25)).toBeLessThanOrEqual(1.125))
  })

  it('has the database itself mark arrivals out of date when any input changes, whatever wrote it', async () => {
    const { campaignId, messageId, helplineId } = await august()
    const changes: [string, () => Promise<unknown>][] = [
      ['a wave', () => db.updateTable('wave').set({ volume: 90_000 }).where('message_id', '=', messageId).execute()],
      ['a message', () => db.updateTable('message').set({ postage: 'first' }).where('id', '=', messageId).execute()],
      ['the forecast inputs', () => db.updateTable('forecast_input').set({ rate_central_percent: 9 }).where('campaign_id', '=', campaignId).execute()],
      ['a helpline split', () => db.updateTable('forecast_split').set({ share_percent: 100 }).where('campaign_id', '=', campaignId).execute()],
      ['a delivery delay', () => db.updateTable('forecast_message').set({ delay_override_days: 2 }).where('campaign_id', '=', campaignId).execute()],
      ['the nation', () => db.updateTable('campaign').set({ nation: 'northern-ireland' }).where('id', '=', campaignId).execute()],
    ]
    for (const [what, change] of changes) {
      await calendarOf('start=2027-08&months=2', world.viewer, helplineId)
      expect(await current(campaignId), `current before changing ${what}`).toBe(true)
      const generation = await inputGeneration(db)
      await change()
      expect(await current(campaignId), `out of date after changing ${what}`).toBe(false)
      expect(await inputGeneration(db)).toBeGreaterThan(generation)
    }
    // Reading the calendar computes them again, from the inputs as they now are: 90,000 letters at 9%.
    const weeks = (await calendarOf('start=2027-08&months=2', world.viewer, helplineId)).weeks
    expect(weeks.reduce((n, w) => n + w.calls.approved, 0)).toBeCloseTo(8_100, 6)
    expect(await current(campaignId)).toBe(true)
    // A change of status does not touch the arrivals, but a calendar shows it at once: the generation moves on.
    const generation = await inputGeneration(db)
    await setStatus(campaignId, 'launched')
    expect(await current(campaignId)).toBe(true)
    expect(await inputGeneration(db)).toBeGreaterThan(generation)
    expect((await calendarOf('start=2027-08&months=2', world.viewer, helplineId)).weeks.reduce((n, w) => n + w.calls.launched, 0)).toBeCloseTo(8_100, 6)
  })

  it('follows a change of waves, a deleted message and a change of nation', async () => {
    const { ref, campaignId, messageId, weeks: weeksNow } = await august()
    const before = await weeksNow()
    // Waves: the letter now goes three weeks later.
    const moved = await updateMessage(db, { campaignId, messageId, version: 1, values: letterInput({ deadlineDays: null, waves: [{ sendDate: '2027-08-23', volume: 100_000 }] }) }, world.owner)
    expect(moved.ok).toBe(true)
    const later = await weeksNow()
    expect(later.slice(0, 3)).toEqual([0, 0, 0])
    expect(later).not.toEqual(before)
    expectTotal(later, 8_000)

    // Nation: 30 August 2027 is a bank holiday in England and Wales but not in Scotland, so Scottish customers'
    // calls arrive that Monday instead of later in the week.
    const campaign = (await getCampaignByRef(db, ref))!
    const changed = await updateCampaignDescription(db, { ref, version: campaign.version, values: campaignInput({ nation: 'scotland', launchDate: campaign.plannedLaunchDate }) }, world.owner)
    expect(changed.ok).toBe(true)
    const scottish = await weeksNow()
    expect(scottish).not.toEqual(later)
    expectTotal(scottish, 8_000)

    // A deleted message takes its calls off the calendar.
    const message = (await getMessage(db, campaignId, messageId))!
    const deleted = await deleteMessage(db, { campaignId, messageId, version: message.version }, world.owner)
    expect(deleted.ok).toBe(true)
    expect((await weeksNow()).every((n) => n === 0)).toBe(true)
  })

  it('follows a status change, a helpline’s opening hours and a write that bypassed the models', async () => {
    const { ref, campaignId, messageId, helplineId, weeks: weeksNow } = await august({ status: 'draft' })
    const groupOf = async () => (await calendarOf('start=2027-08&months=2', world.viewer, helplineId)).campaigns.find((c) => c.ref === ref)?.group
    expect(await groupOf()).toBe('planned')
    await setStatus(campaignId, 'launched')
    expect(await groupOf()).toBe('launched')

    // Closed on Fridays: Friday's calls are answered the next Monday, in the following week.
    const before = await weeksNow()
    const current = (await getHelpline(db, helplineId))!
    const hours = [...current.openingHours]
    hours[4] = null
    const updated = await updateHelpline(db, { id: current.id, version: current.version, settings: { ...current, openingHours: hours } }, world.admin)
    expect(updated.ok).toBe(true)
    const closedFridays = await calendarOf('start=2027-08&months=2', world.viewer, helplineId)
    expect(closedFridays.weeks.find((w) => w.weekStart === '2027-08-09')!.openDays).toBe(4)
    const after = await weeksNow()
    expect(after).not.toEqual(before)
    expect(Math.abs(total(after) - total(before))).toBeLessThanOrEqual(after.length)
    // The calendar starts on Monday 26 July. The letter arrives on Thursday 5 August; that week loses its Friday's calls.
    expect(before[0]).toBe(0)
    expect(after[1]!).toBeLessThan(before[1]!)
    expect(after[2]!).toBeGreaterThan(before[2]!)
    const restored = await updateHelpline(db, { id: current.id, version: current.version + 1, settings: current }, world.admin)
    expect(restored.ok).toBe(true)

    // A write that bypasses the models altogether, not even a new version: the database's triggers still notice.
    await db.updateTable('wave').set({ send_date: '2027-09-06' }).where('message_id', '=', messageId).execute()
    const weeks = await calendarOf('start=2027-08&months=2', world.viewer, helplineId)
    expect(weeks.weeks.filter((w) => w.weekStart < '2027-09-06').every((w) => w.calls.launched === 0)).toBe(true)
    expect(Math.abs(weeks.weeks.reduce((n, w) => n + w.calls.launched, 0) - 8_000)).toBeLessThanOrEqual(weeks.weeks.length / 2)
  })

  it('follows a new bank-holiday calendar put into use (checked last: it changes every campaign)', async () => {
    const { weeks: weeksNow } = await august()
    const before = await weeksNow()
    const file = structuredClone(DEFAULT_BANK_HOLIDAYS) as BankHolidaysFile
    // A new bank holiday on Thursday 5 August 2027, the day the letter arrives.
    file['england-and-wales'].events.push({ title: 'A new bank holiday', date: '2027-08-05', notes: '', bunting: true })
    const upload = await storePendingBankHolidays(db, file, world.admin)
    if (!upload.ok) throw new Error('upload refused')
    expect((await applyBankHolidays(db, { id: upload.id, baseId: 'shipped' }, world.admin)).ok).toBe(true)
    const after = await weeksNow()
    expect(after).not.toEqual(before)
    expectTotal(after, 8_000)
  })
})

function addDaysIso(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

describe('one calendar for a helpline', () => {
  it('gives the same figures on the forecast page, the briefing and the helpline calendar, for a Scottish campaign on a helpline open on Saturdays', async () => {
    const saturday = { open: '08:00', close: '12:00' }
    const weekday = { open: '08:00', close: '18:00' }
    const helpline = await makeHelpline(world.admin, {
      name: 'Saturday helpline',
      openingHours: [weekday, weekday, weekday, weekday, weekday, saturday, null],
      dayWeights: [1.2, 1, 1, 1, 0.9, 0.4, 0],
      baselineCallsPerDay: 2_000,
      availableFte: 120,
      patienceSeconds: 240,
    })
    // Sent before Easter 2027: Good Friday closes both; Easter Monday closes the helpline (England and Wales) but is a
    // working day in Scotland, where the campaign's post arrives.
    const made = await makeForecastedCampaign(world.owner, { campaign: { nation: 'scotland' }, waves: [{ sendDate: '2027-03-17', volume: 150_000 }], split: { [helpline.id]: 100 }, status: 'approved' })
    const campaign = (await getCampaignByRef(db, made.ref))!

    // The page: its loader's data, forecast as the page itself forecasts it (in the browser or on the server).
    const page = await callLoader(forecastPage.loader, '', { cookie: world.viewer.cookie, params: { ref: made.ref } })
    const onPage = forecastFromSettings(page.data.saved.settings, page.data.messages, page.data.helplines, page.data.bankHolidays, page.data.helplineBankHolidays)
    if (!onPage.ok) throw new Error('expected a forecast')
    const pageDays = onPage.result.helplines.find((h) => h.helplineId === helpline.id)!.days.filter((d) => d.open)
    expect(pageDays.find((d) => d.date === '2027-03-27')!.calls.central).toBeGreaterThan(0)
    expect(onPage.result.helplines[0]!.days.find((d) => d.date === '2027-03-29')!.open).toBe(false)

    // The briefing: the same days, figure for figure.
    const brief = await callLoader(briefingPage.loader, '', { cookie: world.viewer.cookie, params: { ref: made.ref, helplineId: helpline.id } })
    expect(brief.status).toBe(200)
    const briefDays = new Map<string, (typeof pageDays)[number]>(brief.data.forecast.days.map((d: (typeof pageDays)[number]) => [d.date, d]))
    for (const day of pageDays.filter((d) => d.calls.central > 0)) expect(briefDays.get(day.date)).toEqual(day)

    // The calendar: the same calls and staff, week by week.
    const calendar = await calendarOf('start=2027-03&months=2', world.viewer, helpline.id)
    const { forecast: saved } = await computeSavedForecast(db, campaign)
    if (!saved.ok) throw new Error('expected a saved forecast')
    // Every whole week the forecast covers (it runs from the send date to the last call).
    const dates = onPage.result.dates
    const covered = calendar.weeks.filter((w) => w.weekStart >= dates[0]! && addDaysIso(w.weekStart, 6) <= dates[dates.length - 1]!)
    expect(covered.length).toBeGreaterThanOrEqual(3)
    for (const week of covered) {
      const days = pageDays.filter((d) => d.date >= week.weekStart && d.date <= addDaysIso(week.weekStart, 6))
      expect(week.calls.approved).toBe(Math.round(days.reduce((n, d) => n + d.calls.central, 0)))
      expect(week.baselineCalls).toBe(Math.round(days.reduce((n, d) => n + d.baselineCalls, 0)))
      expect(week.openDays).toBe(days.length)
      const meanFte = days.reduce((n, d) => n + d.totalFte.central, 0) / days.length
      expect(week.totalFte).toBe(Math.round(meanFte * 10) / 10)
      const offered = days.reduce((n, d) => n + d.outcome.total.central.calls, 0)
      const within = days.reduce((n, d) => n + d.outcome.total.central.calls * d.outcome.total.central.serviceLevel, 0)
      expect(week.serviceLevel).toBeCloseTo(Math.round((within / offered) * 1000) / 1000, 9)
    }
    expect(saved.result.helplines[0]!.days.filter((d) => d.open)).toEqual(pageDays)
  })
})

describe('the helpline’s staffing rules', () => {
  it('move the calendar on when changed by any path, even plain SQL, and a tighter ASA limit needs more staff', async () => {
    const helpline = await makeHelpline(world.admin, { name: 'ASA helpline', baselineCallsPerDay: 3_000, availableFte: 150 })
    await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-06-07', volume: 50_000 }], split: { [helpline.id]: 100 }, status: 'approved' })
    const before = await calendarOf('start=2027-06&months=1', world.viewer, helpline.id)
    const generation = await inputGeneration(db)
    await db.updateTable('helpline').set({ max_asa_seconds: 2 }).where('id', '=', helpline.id).execute()
    expect(await inputGeneration(db)).toBeGreaterThan(generation)
    const after = await calendarOf('start=2027-06&months=1', world.viewer, helpline.id)
    const fte = (c: Calendar) => c.weeks.reduce((n, w) => n + w.totalFte, 0)
    expect(fte(after)).toBeGreaterThan(fte(before))
  })
})
