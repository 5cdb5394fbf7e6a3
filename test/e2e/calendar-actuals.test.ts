import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectFitsWidth } from '../support/layout'
import { expectAccessible, expectNoProblems, futureDate, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'

/** A busy machine can be slow to redraw; a poll still ends as soon as it passes. */
const POLL = { timeout: 10_000 }
const LAUNCHED = 'VAT registration threshold for online sellers'



/** The script files a page loaded, and whether any of them is the chart library. */
function trackScripts(page: Page) {
  const bodies: Promise<string>[] = []
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) bodies.push(response.text().catch(() => ''))
  })
  return { loadedRecharts: async () => (await Promise.all(bodies)).some((body) => body.includes('recharts-surface')) }
}

async function uploadFile(page: Page, name: string, content: string) {
  await page.getByLabel('CSV file of actual calls').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) })
  await submit(page, 'Upload')
}

describe.skipIf(skipBrowser)('the helpline calendar, actual calls and learning', () => {
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('a helpline manager sees the calendar, uploads actual calls for the launched demo campaign and sees them against the forecast', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    const page = await openPage(context)
    const scripts = trackScripts(page)
    await signIn(page, app.baseUrl, 'customer-services@example.gov.uk')

    // Home: every helpline's next 8 weeks, and the campaigns awaiting Customer Services' sign-off.
    expect(new URL(page.url()).pathname).toBe('/')
    // The demo's five helplines, the Welsh language helpline among them.
    await expect.poll(() => page.locator('#home-helplines tbody tr').count(), POLL).toBe(5)
    // Customer Services has already approved the demo campaign that is awaiting sign-off; the others have not.
    expect(await page.locator('#home-sign-off').textContent()).toContain('No campaign is waiting for your sign-off')
    await expectAccessible(page, 'home page for a helpline manager')
    expect(await scripts.loadedRecharts()).toBe(false)

    // The calendar of the VAT helpline, from the helplines list.
    await page.getByRole('link', { name: 'Helplines', exact: true }).click()
    await page.waitForURL('**/helplines')
    await expectAccessible(page, 'helplines list')
    await page.getByRole('link', { name: 'Calendar for VAT helpline' }).click()
    await page.waitForURL(/\/helplines\/[0-9a-f-]{36}\/calendar$/)
    await page.locator('[data-chart=calendar-fte] .recharts-bar-rectangle').first().waitFor()
    expect(await scripts.loadedRecharts()).toBe(true)
    await expectAccessible(page, 'helpline calendar')
    expect(await page.locator('[data-staffed-to]').textContent()).toBe('Staffed to the median (P50) of daily calls, as set for this helpline')
    // The charts can be read: the Available line is named where it is drawn, the axes say what they count, the
    // legend lists what the bars stack from the bottom up (and nothing they do not), and no tick label is cut off.
    const fte = page.locator('[data-chart=calendar-fte]')
    expect(await fte.locator('[data-direct-label]').allTextContents()).toEqual(['Available'])
    expect(await fte.locator('.recharts-label').allTextContents()).toEqual(expect.arrayContaining(['Week beginning', 'Staff (FTE)']))
    const legend = await fte.locator('.recharts-legend-item-text').allTextContents()
    expect(legend.slice(0, -1)).toEqual(['Baseline', 'Launched', 'Approved', 'Planned'].filter((name) => legend.includes(name)))
    expect(legend[0]).toBe('Baseline')
    expect(legend.at(-1)).toBe('Available')
    for (const chart of ['calendar-calls', 'calendar-fte']) {
      const clipped = await page.locator(`[data-chart=${chart}] svg.recharts-surface`).first().evaluate((svg) => {
        const box = svg.getBoundingClientRect()
        return [...svg.querySelectorAll('.recharts-cartesian-axis-tick-value, .recharts-label')]
          .filter((text) => {
            const r = text.getBoundingClientRect()
            return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5
          })
          .map((text) => text.textContent)
      })
      expect(clipped, `${chart}: labels outside the chart`).toEqual([])
    }
    // Twelve months from two months ago, chosen with the range picker.
    const start = new Date()
    start.setUTCMonth(start.getUTCMonth() - 2)
    await page.getByLabel('Start month').selectOption(`${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`)
    await page.getByLabel('Months to show').selectOption('12')
    await page.getByRole('button', { name: 'Show these months' }).click()
    await page.waitForURL(/calendar\?start=\d{4}-\d{2}&months=12$/)
    await expect.poll(() => page.locator('#calendar-weeks tbody tr').count(), POLL).toBeGreaterThanOrEqual(52)
    const launchedRow = page.locator('#calendar-campaigns tr', { hasText: LAUNCHED })
    expect(await launchedRow.textContent()).toContain('Launched')
    expect(Number((await page.locator('#calendar-weeks [data-calls=launched]').allTextContents()).map((t) => t.replace(/,/g, '')).reduce((a, b) => a + Number(b), 0))).toBeGreaterThan(1000)
    // Each week over capacity says what today's staff achieve in it.
    const overCapacity = await page.locator('#calendar-weeks .govuk-tag', { hasText: 'Over capacity' }).count()
    const outcomes = await page.locator('#calendar-weeks [data-outcome=week]').allTextContents()
    expect(outcomes).toHaveLength(overCapacity)
    for (const text of outcomes) expect(text).toMatch(/^(\d+%|more than 99%|less than 1%) answered within 1 minute(, the queue growing faster than it is answered)?$/)
    await expectAccessible(page, 'helpline calendar over 12 months')
    // A year of weeks fits the page: fewer, reflowing columns rather than a table cut off at the right.
    await page.setViewportSize({ width: 1200, height: 800 })
    await expectFitsWidth(page, 'helpline calendar at 1,200 px')
    await page.setViewportSize({ width: 320, height: 800 })
    await expectFitsWidth(page, 'helpline calendar at 320 px', { tablesFit: false })
    await page.setViewportSize({ width: 1200, height: 800 })

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download this calendar (CSV)' }).click()])
    const csv = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n')
    expect(csv[0]!.startsWith('week_start,week_end,iso_week,open_days,baseline_calls,launched_calls,approved_calls,planned_calls')).toBe(true)
    expect(csv.length - 1).toBe(await page.locator('#calendar-weeks tbody tr').count())

    // The launched campaign, from the calendar; its actual calls.
    await launchedRow.getByRole('link').click()
    await page.waitForURL(/\/campaigns\/OTM-\d{4}-\d{3}$/)
    const ref = new URL(page.url()).pathname.split('/')[2]!
    await page.getByRole('link', { name: 'Actual calls' }).click()
    await page.waitForURL(`**/campaigns/${ref}/actuals`)
    await expectAccessible(page, 'actual calls')
    const firstDate = (await page.locator('#recorded-actuals td[data-helpline="VAT helpline"]').first().getAttribute('data-date'))!

    await page.getByRole('button', { name: 'Upload a file of actual calls' }).click()
    await page.waitForURL(`**/campaigns/${ref}/actuals/upload`)
    await expectAccessible(page, 'upload page')

    // A file with a bad line is refused whole, naming the line and column.
    await uploadFile(page, 'bad.csv', `date,helpline,calls\n${firstDate},VAT helpline,4321\n${firstDate},Payment Support Service,-5\n`)
    await expect.poll(() => page.title(), POLL).toBe('Error: Upload actual calls - OTM Campaign Planner')
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Line 3, calls: Calls must be 0 or more, not -5')
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Nothing from the file has been saved.')
    await expectAccessible(page, 'upload page with errors')

    // The corrected file replaces that day.
    await uploadFile(page, 'corrected.csv', `date,helpline,calls\n${firstDate},VAT helpline,4321\n`)
    await page.waitForURL(/\/actuals\?notice=uploaded/)
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Actual calls uploaded: 0 days added, 1 day replaced, 0 days unchanged')
    expect(await page.locator(`#recorded-actuals td[data-date="${firstDate}"][data-helpline="VAT helpline"]`).textContent()).toBe('4,321')
    await expectAccessible(page, 'actual calls after an upload')

    // The forecast page sets the actual calls against the forecast.
    await page.getByRole('link', { name: 'forecast page' }).click()
    await page.waitForURL(`**/campaigns/${ref}/forecast`)
    await page.locator('[data-chart=actuals] .recharts-line-curve').first().waitFor()
    expect(await page.locator('[data-accuracy=wape]').textContent()).toMatch(/^\d+\.\d%$/)
    expect(await page.locator('[data-accuracy=coverage]').textContent()).toMatch(/^\d+%: \d+ of \d+ days inside the interval/)
    expect(await page.locator('[data-actuals=total]').textContent()).toMatch(/actual against [\d,]+ forecast on the same days/)
    const vatTable = page.locator('table.app-actuals-table', { hasText: 'Actual and forecast calls each day at VAT helpline' })
    expect(await vatTable.locator(`tr:has([data-date="${firstDate}"]) [data-cell=actual]`).textContent()).toBe('4,321')
    expect(await vatTable.locator(`tr:has([data-date="${firstDate}"])`).textContent()).toContain('Above the band')
    expect(await page.locator('[data-observed-curve=letter]').count()).toBe(1)
    await expectAccessible(page, 'forecast page with actual calls')
    expectNoProblems(page)
    await context.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    it(`a designer starting a VAT letter campaign is offered the launched campaign’s figures, names and all (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, { javaScriptEnabled })
      const page = await openPage(context)
      await signIn(page, app.baseUrl, 'designer@example.gov.uk')
      expect(new URL(page.url()).pathname).toBe('/')
      expect(await page.locator('#home-campaigns').textContent()).toContain('Cryptoasset disposals not reported for 2024 to 2025')
      await expectAccessible(page, 'home page for a designer')

      await page.goto(`${app.baseUrl}/campaigns/new`)
      await page.getByLabel('Campaign name').fill(`Marketplace sellers over the threshold ${javaScriptEnabled ? 'js' : 'nojs'}`)
      await page.getByLabel('VAT', { exact: true }).check()
      await page.getByLabel('Objective').fill('Tell sellers whose sales passed the VAT threshold to register.')
      await page.getByLabel('Target population').fill('Sellers reported by platforms with sales above £90,000.')
      await page.getByLabel('Population size').fill('30000')
      const launch = futureDate(45)
      await page.getByLabel('Day', { exact: true }).fill(launch.day)
      await page.getByLabel('Month', { exact: true }).fill(launch.month)
      await page.getByLabel('Year', { exact: true }).fill(launch.year)
      await page.getByLabel('Unique Taxpayer Reference (UTR)').check()
      await page.getByLabel('A response is sought').check()
      await page.getByLabel('Response-handling process').fill('Sellers register online; letters go to the VAT registration team.')
      await page.locator('#extraLiability-2').check()
      await submit(page, 'Create campaign')
      await page.waitForURL(/\/campaigns\/OTM-\d{4}-\d{3}\?notice=created/)
      const ref = new URL(page.url()).pathname.split('/')[2]!

      await page.goto(`${app.baseUrl}/campaigns/${ref}/messages/new`)
      await page.getByLabel('Letter', { exact: true }).check()
      await page.getByLabel('Unique Taxpayer Reference (UTR)').check()
      await page.getByLabel('Second class', { exact: true }).check()
      await page.getByLabel('Name', { exact: true }).fill('Threshold letter')
      await page.getByLabel('Address block').fill('((customer_name))\n((address_line_1))\n((postcode))')
      await page.getByLabel('Body').fill('Dear ((customer_name))\n\nYour reference: ((reference))\n\nYour sales may be over the VAT threshold.')
      const wave = futureDate(50)
      await page.locator('#waves-0-day').fill(wave.day)
      await page.locator('#waves-0-month').fill(wave.month)
      await page.locator('#waves-0-year').fill(wave.year)
      await page.locator('#waves-0-volume').fill('30000')
      await submit(page, 'Save message')
      await page.waitForURL(/\/messages\/[0-9a-f-]{36}\?notice=created$/)

      await page.goto(`${app.baseUrl}/campaigns/${ref}/forecast`)
      const panel = page.locator('#suggestion')
      expect(await panel.locator('h2').textContent()).toBe('Figures from past campaigns')
      const source = panel.locator('#suggestion-sources li')
      expect(await source.count()).toBe(1)
      expect(await source.textContent()).toContain(LAUNCHED)
      expect(await source.textContent()).toContain('its letter response curve')
      const rates = (await panel.locator('[data-suggestion=rates]').textContent())!
      const central = /Contact rates: similar campaigns ([\d.]+)% \(80% of campaigns between [\d.]+% and [\d.]+%\)/.exec(rates)![1]!
      expect(Number(central)).toBeGreaterThan(8)
      expect(await panel.locator('[data-suggestion=curve-letter]').textContent()).toMatch(/^Letter response curve: \d+ working days/)
      await expectAccessible(page, 'forecast page with a suggestion')

      await submit(page, () => panel.getByRole('button', { name: 'Use these figures' }).click())
      await expect.poll(() => page.locator('.govuk-notification-banner').textContent(), POLL).toContain('Figures from past campaigns')
      expect(await page.getByLabel('Central contact rate').inputValue()).toBe(central)
      expect(await page.locator('#suggestion').count()).toBe(0)
      await expectAccessible(page, 'forecast page with the suggested figures filled in')
      await page.getByLabel('Share of “Threshold letter” calls for VAT helpline, in %').fill('100')
      await submit(page, 'Save forecast inputs')
      await page.waitForURL(`**/campaigns/${ref}/forecast?notice=saved`)
      expect(await page.getByLabel('Central contact rate').inputValue()).toBe(central)
      expect(await page.locator('#suggestion').count()).toBe(0)

      // The new campaign is now on the VAT helpline's calendar, as planned; without JavaScript the table carries it all.
      await page.goto(`${app.baseUrl}/helplines`)
      await page.getByRole('link', { name: 'Calendar for VAT helpline' }).click()
      await page.waitForURL(/\/calendar$/)
      await page.getByLabel('Months to show').selectOption('6')
      await page.getByRole('button', { name: 'Show these months' }).click()
      await page.waitForURL(/months=6$/)
      const row = page.locator('#calendar-campaigns tr', { hasText: `Marketplace sellers over the threshold ${javaScriptEnabled ? 'js' : 'nojs'}` })
      await expect.poll(() => row.textContent(), POLL).toContain('Draft')
      expect(Number((await page.locator('#calendar-weeks [data-calls=planned]').allTextContents()).reduce((n, t) => n + Number(t.replace(/,/g, '')), 0))).toBeGreaterThan(0)
      if (!javaScriptEnabled) expect(await page.locator('[data-chart]').count()).toBe(0)
      await expectAccessible(page, 'helpline calendar with a planned campaign')
      expectNoProblems(page)
      await context.close()
    })
  }
})
