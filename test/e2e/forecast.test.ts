import crypto from 'node:crypto'
import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection'
import { expectAccessible, expectNoProblems, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'
import { insertMessage } from '../support/forecast'
import { expectFitsWidth } from '../support/layout'

/** A busy machine can be slow to recompute and redraw; a poll still ends as soon as it passes. */
const POLL = { timeout: 10_000 }

const CSV_HEADER =
  'date,helpline,calls_p10,calls_mean,calls_p90,fte_required,fte_available,fte_required_total,service_level_available,abandoned_available,reforecast_calls_p10,reforecast_calls_mean,reforecast_calls_p90,reforecast_fte_required,reforecast_service_level_available,staffed_to_percentile'
const INTERVALS_HEADER =
  'date,interval_start,helpline,calls_baseline,calls_campaign,agents_required_baseline,agents_required_total,binding_rule,agents_available,service_level_available,asa_seconds_available,abandonment_available,staffed_to_percentile'

/**
 * A copy of a demo campaign, without its messages or forecast, given a letter and an email straight into the app's
 * database; returns its reference.
 */
async function addMessages(app: RunningApp, campaignName: string): Promise<string> {
  const db = openDatabase(app.databaseFile)
  try {
    const demo = await db.selectFrom('campaign').selectAll().where('name', '=', campaignName).executeTakeFirstOrThrow()
    const campaign = { id: crypto.randomUUID(), ref: `OTM-2099-${String(Math.floor(Math.random() * 900) + 100)}` }
    await db.insertInto('campaign').values({ ...demo, ...campaign, name: `${demo.name} (forecast test)`, version: 1 }).execute()
    await insertMessage(db, campaign.id, {
      name: 'Nudge letter',
      channel: 'letter',
      postage: 'second',
      deadlineDays: 30,
      waves: [
        { sendDate: '2027-03-01', volume: 120_000 },
        { sendDate: '2027-03-15', volume: 60_000 },
      ],
    })
    await insertMessage(db, campaign.id, { name: 'Reminder email', channel: 'email', waves: [{ sendDate: '2027-03-22', volume: 50_000 }] })
    return campaign.ref
  } finally {
    await db.destroy()
  }
}


const summaryCalls = (page: Page) => page.locator('[data-summary=calls]').textContent()
const firstCentralCell = (page: Page) => page.locator('.app-forecast-table [data-cell=central]').first().textContent()

/** The script files a page loaded, and whether any of them is the chart library. */
function trackScripts(page: Page) {
  const scripts: { url: string; body: Promise<string> }[] = []
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) scripts.push({ url: response.url(), body: response.text().catch(() => '') })
  })
  return {
    async loadedRecharts() {
      const bodies = await Promise.all(scripts.map((s) => s.body))
      return bodies.some((body) => body.includes('recharts-surface'))
    },
    reset() {
      scripts.length = 0
    },
  }
}

describe.skipIf(skipBrowser)('forecasting with JavaScript', () => {
  let app: RunningApp
  let browser: Browser
  let ref: string

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    ref = await addMessages(app, 'Cryptoasset disposals not reported for 2024 to 2025')
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('saves a split, then recomputes the chart and table in the browser as the central rate changes, and downloads the CSV', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    const page = await openPage(context)
    const scripts = trackScripts(page)
    await signIn(page, app.baseUrl, 'designer@example.gov.uk')
    await page.waitForLoadState('networkidle')
    // The chart library loads only on pages with charts.
    expect(await scripts.loadedRecharts()).toBe(false)

    await page.goto(`${app.baseUrl}/campaigns/${ref}`)
    const task = page.locator('.govuk-task-list__item', { hasText: 'Forecast the calls' })
    expect(await task.textContent()).toContain('Incomplete')
    await expectAccessible(page, 'campaign page')
    await page.getByRole('link', { name: 'Forecast the calls' }).click()
    await page.waitForURL(`**/campaigns/${ref}/forecast`)
    await expectAccessible(page, 'forecast page before any split')

    await page.getByLabel('Share of “Nudge letter” calls for Self Assessment helpline, in %').fill('80')
    await page.getByLabel('Share of “Nudge letter” calls for Payment Support Service, in %').fill('20')
    await page.getByLabel('Share of “Reminder email” calls for Self Assessment helpline, in %').fill('100')
    // The browser forecasts before anything is saved: 230,000 customers at 8%.
    await expect.poll(() => summaryCalls(page), POLL).toBe('18,400 (P10 11,500, P90 27,600)')
    expect(await page.locator('#forecast-status').textContent()).toContain('have not been saved yet')
    await submit(page, 'Save forecast inputs')
    await page.waitForURL(`**/campaigns/${ref}/forecast?notice=saved`)
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent(), POLL).toContain('Forecast inputs saved')
    await page.locator('[data-chart=calls] .recharts-line-curve').first().waitFor()
    expect(await scripts.loadedRecharts()).toBe(true)
    await expectAccessible(page, 'forecast page with charts')

    // The page leads with what today's staff achieve on each helpline's peak day, and the staff needed.
    const leads = await page.locator('[data-outcome-lead]').allTextContents()
    expect(leads).toHaveLength(2)
    for (const lead of leads) expect(lead).toMatch(/^With today’s staff, on the peak day, \w+day \d+ \w+ 2027, (\d+%|more than 99%|less than 1%) of calls are answered within /)
    // Payment Support Service has a caller patience (Erlang A): the lead says how many hang up.
    const pssLead = await page.locator('[data-outcome]', { hasText: 'Payment Support Service' }).locator('[data-outcome-lead]').textContent()
    expect(pssLead).toMatch(/(callers hang up|caller hangs up|nobody hangs up)\. Without the campaign: /)
    expect(await page.locator('[data-staff-needed]').first().textContent()).toMatch(/^Meeting the target of 80% of calls answered within 1 minute that day needs [\d,.]+ FTE; [\d,.]+ are available/)
    // At these helplines' size the 85% occupancy cap sets the staff needed, and the page says so.
    expect(await page.locator('[data-binding-rule=occupancy]').count()).toBe(2)
    // The day-by-day tables are folded away: the page is about the answer, not 20 screens of rows.
    const details = page.locator('details[data-days]')
    expect(await details.count()).toBe(2)
    expect(await details.first().getAttribute('open')).toBeNull()
    await page.setViewportSize({ width: 1200, height: 800 })
    await expectFitsWidth(page, 'forecast page at 1,200 px')
    await details.first().locator('summary').click()
    await expectFitsWidth(page, 'forecast page with a day-by-day table open at 1,200 px')

    // The peak day simulated: refused figures get the GOV.UK error summary, with the values kept.
    const simulation = page.locator('.app-simulation').first()
    await simulation.getByLabel('Days to simulate').fill('5')
    await simulation.getByRole('button', { name: 'Simulate the peak day' }).click()
    await expect.poll(() => simulation.locator('.govuk-error-summary').textContent(), POLL).toContain('The number of simulated days must be 10 or more')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true)
    expect(await simulation.getByLabel('Days to simulate').inputValue()).toBe('5')
    await expectAccessible(page, 'simulation with an error')
    await simulation.getByLabel('Days to simulate').fill('20')
    await simulation.getByRole('button', { name: 'Simulate the peak day' }).click()
    const results = simulation.locator('[data-simulation-results]')
    await results.waitFor({ timeout: 30_000 })
    expect(await simulation.locator('[role=status]').textContent()).toBe('Simulated 20 days with each team.')
    expect(await results.locator('table').first().locator('tbody tr').count()).toBe(2)
    expect(await results.locator('details').count()).toBe(2)
    expect(await results.locator('[data-result=available-service-level]').textContent()).toMatch(/^(\d+%|more than 99%|less than 1%) \(.+ to .+ on 9 days in 10\)$/)
    await expectAccessible(page, 'forecast page with a simulated peak day')
    // An Erlang C helpline's simulation has no redial questions: nobody hangs up, so nobody rings again.
    const erlangC = page.locator('.app-simulation').nth(1)
    expect(await erlangC.getByLabel('Callers who hang up and ring again').count()).toBe(0)
    await erlangC.getByLabel('Days to simulate').fill('10')
    await erlangC.getByRole('button', { name: 'Simulate the peak day' }).click()
    await erlangC.locator('[data-simulation-results]').waitFor({ timeout: 30_000 })
    expect(await erlangC.locator('[data-result=available-abandoned]').count()).toBe(0)
    // A long run does not hold the page: typing still changes the forecast, which stops the run.
    await simulation.getByLabel('Days to simulate').fill('500')
    await simulation.getByRole('button', { name: 'Simulate the peak day' }).click()
    await expect.poll(() => simulation.locator('[role=status]').textContent(), POLL).toMatch(/^Simulating: \d+ of 1000 days done\.$/)
    await page.getByLabel('Central contact rate').fill('9')
    await expect.poll(() => summaryCalls(page), POLL).toBe('20,700 (P10 11,500, P90 27,600)')
    await expect.poll(() => simulation.locator('[role=status]').textContent(), POLL).toBe('')
    expect(await simulation.locator('[data-simulation-results]').count()).toBe(0)
    await page.getByLabel('Central contact rate').fill('8')
    await expect.poll(() => summaryCalls(page), POLL).toBe('18,400 (P10 11,500, P90 27,600)')

    // Change the central rate: the chart and the table follow without a reload or a request to the server.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true))
    const requests: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'document' || request.resourceType() === 'fetch' || request.method() !== 'GET') requests.push(`${request.method()} ${request.url()}`)
    })
    const pathBefore = await page.locator('[data-chart=calls] .recharts-line-curve').first().getAttribute('d')
    const cellBefore = await firstCentralCell(page)
    await page.getByLabel('Central contact rate').fill('10')
    await expect.poll(() => summaryCalls(page), POLL).toBe('23,000 (P10 11,500, P90 27,600)')
    expect(await firstCentralCell(page)).not.toBe(cellBefore)
    await expect.poll(() => page.locator('[data-chart=calls] .recharts-line-curve').first().getAttribute('d'), POLL).not.toBe(pathBefore)
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
    expect(requests).toEqual([])
    expect(await page.locator('#forecast-status').textContent()).toContain('Not saved')
    await expectAccessible(page, 'forecast page with unsaved figures')

    // An impossible figure keeps the last good forecast and says so; GOV.UK errors wait for a submission.
    await page.getByLabel('Central contact rate').fill('x')
    await expect.poll(() => page.locator('#forecast-status').textContent(), POLL).toContain('Some figures are not valid yet')
    expect(await summaryCalls(page)).toBe('23,000 (P10 11,500, P90 27,600)')
    await page.getByLabel('Central contact rate').fill('8')
    await expect.poll(() => summaryCalls(page), POLL).toBe('18,400 (P10 11,500, P90 27,600)')

    // The CSV is the saved forecast.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the saved forecast (CSV)' }).click()])
    expect(download.suggestedFilename()).toBe(`${ref}-forecast.csv`)
    const csv = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n')
    expect(csv[0]).toBe(CSV_HEADER)
    const rows = csv.slice(1).map((line) => line.split(','))
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['Payment Support Service', 'Self Assessment helpline']))
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[0]!))).toBe(true)
    const total = rows.reduce((sum, r) => sum + Number(r[3]), 0)
    expect(Math.round(total)).toBe(18_400)

    // And half hour by half hour.
    const [intervals] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'half hour by half hour (CSV)' }).click()])
    expect(intervals.suggestedFilename()).toBe(`${ref}-forecast-intervals.csv`)
    const halfHours = fs.readFileSync((await intervals.path())!, 'utf8').trimEnd().split('\r\n')
    expect(halfHours[0]).toBe(INTERVALS_HEADER)
    // Its half hours carry the calls each day is staffed for (the integration layer checks them against each day's
    // figure). Self Assessment staffs to the median day, a little under the mean since a day's calls lean towards
    // busy days; the demo's Payment Support Service staffs to P80, above the mean and under the P90.
    const halfHourRows = halfHours.slice(1).map((line) => line.split(','))
    const staffedFor = (helpline: string) => halfHourRows.filter((r) => r[2] === helpline).reduce((sum, r) => sum + Number(r[4]), 0)
    const daily = (helpline: string, column: 3 | 4) => rows.filter((r) => r[1] === helpline).reduce((sum, r) => sum + Number(r[column]), 0)
    expect(staffedFor('Self Assessment helpline')).toBeLessThan(daily('Self Assessment helpline', 3))
    expect(staffedFor('Self Assessment helpline')).toBeGreaterThan(0.9 * daily('Self Assessment helpline', 3))
    expect(staffedFor('Payment Support Service')).toBeGreaterThan(daily('Payment Support Service', 3))
    expect(staffedFor('Payment Support Service')).toBeLessThan(daily('Payment Support Service', 4))
    expect(new Set(halfHourRows.map((r) => `${r[2]}: ${r[12]}`))).toEqual(new Set(['Self Assessment helpline: 50', 'Payment Support Service: 80']))

    // The briefing is printable and complete without the charts.
    await page.getByRole('link', { name: 'Printable briefing for Payment Support Service' }).click()
    await page.waitForURL(/\/forecast\/briefing\//)
    await expect.poll(() => page.locator('h1').textContent(), POLL).toBe('Payment Support Service')
    expect(await page.locator('.app-briefing').textContent()).toContain('Week by week')
    // The briefing leads with the same answer as the forecast page.
    expect(await page.locator('[data-outcome-lead]').textContent()).toBe(pssLead)
    await expectFitsWidth(page, 'briefing at 1,200 px')
    await page.setViewportSize({ width: 320, height: 800 })
    await expectFitsWidth(page, 'briefing at 320 px', { tablesFit: false })
    await page.setViewportSize({ width: 1200, height: 800 })
    await expectAccessible(page, 'briefing')

    await page.goto(`${app.baseUrl}/campaigns/${ref}`)
    expect(await page.locator('.govuk-task-list__item', { hasText: 'Forecast the calls' }).textContent()).toContain('Completed')
    expectNoProblems(page)
    await context.close()
  })

  it('lets a helpline manager add a helpline, with the profile’s rows following the opening hours as they are typed', async () => {
    const context = await newContext(browser)
    const page = await openPage(context)
    await signIn(page, app.baseUrl, 'customer-services@example.gov.uk')
    await page.getByRole('link', { name: 'Helplines' }).first().click()
    await page.waitForURL('**/helplines')
    await expectAccessible(page, 'helplines')
    await page.getByRole('button', { name: 'Add a helpline' }).click()
    await page.waitForURL('**/helplines/new')
    await expectAccessible(page, 'add a helpline')

    await page.getByLabel('Helpline name').fill('Tax Credits helpline')
    await page.getByLabel('Monday closing time').fill('19:00')
    await expect.poll(() => page.getByLabel('Share of calls from 6:30pm to 7pm, in %').count(), POLL).toBe(1)
    await page.getByLabel('Share of calls from 8am to 8:30am, in %').fill('2')
    await expect.poll(() => page.locator('#profile-total').textContent(), POLL).toContain('97.5%')
    await page.getByLabel('Average handle time').fill('480')
    await page.getByLabel('Baseline calls per day').fill('3000')
    await page.getByLabel('Available FTE').fill('150')
    // A limit on hanging up needs a caller patience: with Erlang C nobody hangs up.
    await page.getByLabel('Maximum abandonment rate (optional)').fill('5')
    await submit(page, 'Add helpline')
    await expect.poll(() => page.locator('.govuk-error-summary').textContent(), POLL).toContain(
      'The intraday profile adds up to 97.5%. It must add up to 100% (2.5% short)',
    )
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the average caller patience to staff to a maximum abandonment rate')
    expect(await page.getByLabel('Maximum abandonment rate (optional)').inputValue()).toBe('5')
    expect(await page.title()).toMatch(/^Error: /)
    expect(await page.getByLabel('Share of calls from 8am to 8:30am, in %').inputValue()).toBe('2')
    await expectAccessible(page, 'helpline form with errors')

    await page.getByLabel('Share of calls from 6:30pm to 7pm, in %').fill('2.5')
    // Patience, a 100% occupancy cap and no abandonment limit: the target could be met by callers hanging up.
    await page.getByLabel('Maximum abandonment rate (optional)').fill('')
    await page.getByLabel('Average caller patience (optional)').fill('200')
    await page.getByLabel('Maximum occupancy').fill('100')
    await page.getByLabel('Maximum average speed of answer (optional)').fill('45')
    await page.getByLabel('P80: 8 days in 10').check()
    await submit(page, 'Add helpline')
    await page.waitForURL(/\/helplines\/[0-9a-f-]{36}\?notice=added/)
    await expect.poll(() => page.locator('h1').textContent(), POLL).toBe('Tax Credits helpline')
    expect(await page.locator('.govuk-warning-text').textContent()).toContain('the staffing can meet the service-level target partly by callers hanging up')
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Answered calls wait at most 45 seconds on average')
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Staffed to the 80th percentile of daily calls (P80), in every campaign’s forecast')
    await expectAccessible(page, 'helpline page')
    expectNoProblems(page)
    await context.close()
  })

  it('lets an admin check a bank holidays file before applying it', async () => {
    const context = await newContext(browser)
    const page = await openPage(context)
    await signIn(page, app.baseUrl, 'admin@example.gov.uk')
    await page.goto(`${app.baseUrl}/admin/bank-holidays`)
    await expectAccessible(page, 'bank holidays')
    const file = JSON.parse(fs.readFileSync('app/forecast/bank-holidays.json', 'utf8'))
    file['england-and-wales'].events.push({ title: 'Extra bank holiday', date: '2028-06-05', notes: '', bunting: true })
    await page.getByLabel('Bank holidays file').setInputFiles({ name: 'bank-holidays.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
    await submit(page, 'Check the file')
    await page.waitForURL(/\/admin\/bank-holidays\/[0-9a-f-]{36}$/)
    await expect.poll(() => page.locator('main').textContent(), POLL).toContain('1 added, 0 removed, 0 changed')
    await expectAccessible(page, 'check the new bank holidays')
    await submit(page, 'Apply these changes')
    await page.waitForURL('**/admin/bank-holidays?notice=applied')
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent(), POLL).toContain('now used by every call forecast')
    expectNoProblems(page)
    await context.close()
  })
})

describe.skipIf(skipBrowser)('forecasting without JavaScript', () => {
  let app: RunningApp
  let browser: Browser
  let ref: string

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    ref = await addMessages(app, 'Research and Development relief claims check')
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('recalculates on the server, refuses shares that do not add up, and saves', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false })
    const page = await openPage(context)
    await signIn(page, app.baseUrl, 'designer@example.gov.uk')
    await page.goto(`${app.baseUrl}/campaigns/${ref}/forecast`)
    await expectAccessible(page, 'forecast page (no JavaScript)')

    await page.getByLabel('Share of “Nudge letter” calls for Self Assessment helpline, in %').fill('100')
    await page.getByLabel('Share of “Reminder email” calls for Self Assessment helpline, in %').fill('100')
    await submit(page, 'Recalculate')
    expect(await summaryCalls(page)).toBe('18,400 (P10 11,500, P90 27,600)')
    const cellAt8 = await firstCentralCell(page)
    await page.getByLabel('Central contact rate').fill('10')
    await submit(page, 'Recalculate')
    expect(await summaryCalls(page)).toBe('23,000 (P10 11,500, P90 27,600)')
    expect(await firstCentralCell(page)).not.toBe(cellAt8)
    expect(await page.locator('#forecast-status').textContent()).toContain('Not saved')
    expect(await page.getByLabel('Central contact rate').inputValue()).toBe('10')
    // Charts need JavaScript; the tables carry the same figures. So does the simulation, and it says so.
    expect(await page.locator('.recharts-surface').count()).toBe(0)
    expect(await page.locator('[data-outcome-lead]').count()).toBe(1)
    expect(await page.locator('[data-simulation=needs-javascript]').first().textContent()).toContain('Simulating the peak day needs JavaScript')
    expect(await page.locator('.app-simulation form').count()).toBe(0)
    // The day-by-day tables open without JavaScript too (a native details element).
    await page.locator('details[data-days] summary').first().click()
    expect(await page.locator('details[data-days]').first().getAttribute('open')).not.toBeNull()
    expect(await page.locator('details[data-days] .app-forecast-table').first().isVisible()).toBe(true)
    await expectAccessible(page, 'recalculated forecast (no JavaScript)')
    await page.setViewportSize({ width: 320, height: 800 })
    await expectFitsWidth(page, 'forecast page at 320 px', { tablesFit: false })
    await page.setViewportSize({ width: 1200, height: 800 })

    await page.getByLabel('Share of “Nudge letter” calls for Self Assessment helpline, in %').fill('90')
    await submit(page, 'Save forecast inputs')
    expect(await page.title()).toBe('Error: Forecast the calls - OTM Campaign Planner')
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'The shares of “Nudge letter” calls add up to 90%. They must add up to 100% (10% short)',
    )
    expect(await page.getByLabel('Share of “Nudge letter” calls for Self Assessment helpline, in %').inputValue()).toBe('90')
    expect(await page.locator('#forecast-status').textContent()).toContain('uses the saved figures')
    await expectAccessible(page, 'forecast errors (no JavaScript)')

    await page.getByLabel('Share of “Nudge letter” calls for Self Assessment helpline, in %').fill('100')
    await submit(page, 'Save forecast inputs')
    expect(new URL(page.url()).search).toBe('?notice=saved')
    expect(await summaryCalls(page)).toBe('23,000 (P10 11,500, P90 27,600)')
    expect(await page.locator('#forecast-status').textContent()).toContain('Saved figures (version 1')
    expectNoProblems(page)
    await context.close()
  })
})
