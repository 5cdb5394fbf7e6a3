import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectFitsWidth } from '../support/layout'
import { expectAccessible, expectNoProblems, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'

const POLL = { timeout: 10_000 }
const LAUNCHED = 'VAT registration threshold for online sellers'

describe.skipIf(skipBrowser)('forecast accuracy and the re-forecast', () => {
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

  for (const javaScriptEnabled of [true, false]) {
    it(`a helpline manager reads the accuracy of the launched campaign and re-forecasts it (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, { javaScriptEnabled })
      const page = await openPage(context)
      await signIn(page, app.baseUrl, 'customer-services@example.gov.uk')

      // The dashboard, from the navigation.
      await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Forecast accuracy' }).click()
      await page.waitForURL('**/forecast-accuracy')
      expect(await page.locator('#accuracy-overall [data-accuracy=coverage]').textContent()).toMatch(/^\d+%$/)
      expect(await page.locator('#accuracy-by-channel').textContent()).toContain('Letter')
      expect(await page.locator('#accuracy-by-regime').textContent()).toContain('VAT')
      const row = page.locator('#accuracy-by-campaign tr', { hasText: LAUNCHED })
      expect(await row.textContent()).toMatch(/\d+%.*too low/)
      await expectAccessible(page, 'forecast accuracy page')

      // The campaign's own accuracy, on its forecast page.
      await row.getByRole('link').click()
      await page.waitForURL(/\/forecast(#accuracy)?$/)
      expect(await page.locator('[data-accuracy=wape]').textContent()).toMatch(/^\d+\.\d%$/)
      expect(await page.locator('[data-accuracy=bias]').textContent()).toMatch(/^\d+\.\d% too low$/)
      expect(await page.locator('[data-accuracy=coverage]').textContent()).toMatch(/^\d+%: \d+ of \d+ days inside the interval/)
      expect(await page.locator('#cumulative-calls tbody tr').count()).toBeGreaterThan(10)
      // The band's explanation says which day-to-day dispersion it used: one launched campaign is too few to fit it.
      expect(await page.locator('#forecast-dispersion').textContent()).toMatch(/^Calls vary from day to day by about 16% either way \(dispersion 40\).*: assumed, as there are not enough/)
      if (javaScriptEnabled) await page.locator('[data-chart=cumulative-calls] .recharts-line-curve').first().waitFor()
      else expect(await page.locator('[data-chart=cumulative-calls]').count()).toBe(0)
      await expectAccessible(page, 'forecast page with its accuracy')

      // The re-forecast: a page that shows what it will do, then a plain form.
      await page.locator('#reforecast').getByRole('button', { name: /^Re-forecast/ }).click()
      await page.waitForURL('**/forecast/reforecast')
      expect(await page.locator('[data-reforecast=rate]').textContent()).toMatch(/^\d+(\.\d+)?% \(low/)
      await expectAccessible(page, 're-forecast page')
      await submit(page, 'Re-forecast the days still to come')
      await page.waitForURL(/\/forecast\?notice=reforecast/)
      await expect.poll(() => page.locator('.govuk-notification-banner').textContent(), POLL).toContain('Re-forecast made')
      expect(await page.locator('[data-reforecast=latest]').textContent()).toMatch(/^Version \d+, made by .+ from [\d,]+ calls to /)
      // The demo's actual calls run to the end of its forecast, so no days are left to re-project: the page says so.
      // (test/integration/reforecast.test.ts checks the days still to come of a campaign part-way through.)
      const tables = await page.locator('table[data-reforecast-helpline]').count()
      if (tables === 0) expect(await page.locator('#reforecast').textContent()).toMatch(/The forecast expects no more calls after \d+ \w+ \d{4}\./)
      else {
        const first = page.locator('table[data-reforecast-helpline] tbody tr').first()
        const figure = async (cell: string) => Number((await first.locator(`[data-cell=${cell}]`).textContent())!.replace(/,/g, ''))
        // The demo's calls came above the forecast, so the re-forecast expects more than the signed-off forecast.
        expect(await figure('reforecast')).toBeGreaterThanOrEqual(await figure('original'))
      }
      await expectAccessible(page, 'forecast page with a re-forecast')
      if (!javaScriptEnabled) {
        // A helpline's briefing carries the re-forecast beside the forecast.
        await page.getByRole('link', { name: /^Printable briefing for / }).first().click()
        await page.waitForURL('**/forecast/briefing/*')
        expect(await page.locator('[data-reforecast=summary]').textContent()).toMatch(/^The campaign has launched and was re-forecast \(version \d+, .+\) from [\d,]+ calls to .+ Its central contact rate is now [\d.]+% \(P10/)
        await expectAccessible(page, 'briefing with a re-forecast')
      }
      expectNoProblems(page)
      await context.close()
    })
  }

  it('fits a 320 px screen: the dashboard, the forecast page with its accuracy and re-forecast, and the re-forecast page', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } })
    const page = await openPage(context)
    await signIn(page, app.baseUrl, 'customer-services@example.gov.uk')
    await page.goto(`${app.baseUrl}/forecast-accuracy`)
    await expectFitsWidth(page, 'forecast accuracy page at 320 px', { tablesFit: false })
    await expectAccessible(page, 'forecast accuracy page at 320 px')
    const href = (await page.locator('#accuracy-by-campaign a', { hasText: LAUNCHED }).first().getAttribute('href'))!
    await page.goto(`${app.baseUrl}${href}`)
    await page.locator('[data-chart=cumulative-calls] .recharts-line-curve').first().waitFor()
    await expectFitsWidth(page, 'forecast page with its accuracy at 320 px', { tablesFit: false })
    await page.goto(`${app.baseUrl}${href.replace(/#.*$/, '')}/reforecast`)
    await expectFitsWidth(page, 're-forecast page at 320 px', { tablesFit: false })
    await expectAccessible(page, 're-forecast page at 320 px')
    expectNoProblems(page)
    await context.close()
  })
})
