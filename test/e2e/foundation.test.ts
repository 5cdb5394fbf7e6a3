import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, expectNoProblems, futureDate, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'


async function fillCampaign(page: Page, values: { name: string; population: string }) {
  await page.getByLabel('Campaign name').fill(values.name)
  await page.getByLabel('Self Assessment').check()
  await page.getByLabel('Objective').fill('Prompt landlords to declare rental income they left off their return.')
  await page.getByLabel('Target population').fill('Landlords with letting-agent data and no property pages.')
  await page.getByLabel('Population size').fill(values.population)
  const date = futureDate(60)
  await page.getByLabel('Day', { exact: true }).fill(date.day)
  await page.getByLabel('Month', { exact: true }).fill(date.month)
  await page.getByLabel('Year', { exact: true }).fill(date.year)
  await page.getByLabel('Unique Taxpayer Reference (UTR)').check()
  await page.getByLabel('A response is possible').check()
  await page.getByLabel('Response-handling process').fill('Replies go to the SA compliance mailbox and are logged within 5 working days.')
  await page.locator('#extraLiability-2').check()
}


for (const javaScriptEnabled of [true, false]) {
  describe.skipIf(skipBrowser)(`the foundation journey (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    let app: RunningApp
    let browser: Browser
    let createdRef = ''

    beforeAll(async () => {
      app = await startApp()
      browser = await launchBrowser()
    })
    afterAll(async () => {
      await browser?.close()
      await app?.stop()
    })

    it('signs in, creates a campaign after correcting an error, lists it, hits a stale edit, and signs out', async () => {
      const context = await newContext(browser, { javaScriptEnabled })
      const page = await openPage(context)
      await signIn(page, app.baseUrl, 'designer@example.gov.uk')
      // Signing in lands on the home page; the campaign list is one link away.
      expect(new URL(page.url()).pathname).toBe('/')
      await expectAccessible(page, 'home page')
      await page.getByRole('link', { name: 'Campaigns', exact: true }).click()
      await page.waitForURL('**/campaigns')
      await expectAccessible(page, 'campaign list')

      await page.getByRole('button', { name: 'Create a campaign' }).click()
      await page.waitForURL('**/campaigns/new')
      await expectAccessible(page, 'new campaign form')
      const name = `Rental income ${javaScriptEnabled ? 'js' : 'nojs'}`
      await fillCampaign(page, { name: '', population: '12.5' })
      await submit(page, 'Create campaign')
      await expect.poll(() => page.title()).toBe('Error: Create a campaign - OTM Campaign Planner')
      const summary = page.locator('.govuk-error-summary')
      await expect.poll(() => summary.textContent()).toContain('Enter the campaign name')
      expect(await summary.textContent()).toContain('Population size must be a whole number')
      expect(await page.locator('#populationSize-error').textContent()).toContain('Population size must be a whole number')
      expect(await page.getByLabel('Population size').inputValue()).toBe('12.5')
      expect(await page.getByLabel('Objective').inputValue()).toContain('Prompt landlords')
      await expectAccessible(page, 'new campaign form with errors')
      // The summary links take the user to the field.
      await page.locator('.govuk-error-summary a[href="#name"]').click()
      if (javaScriptEnabled) await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('name')

      await page.getByLabel('Campaign name').fill(name)
      await page.getByLabel('Population size').fill('250,000')
      await submit(page, 'Create campaign')
      await page.waitForURL(/\/campaigns\/OTM-\d{4}-\d{3}\?notice=created/)
      const ref = new URL(page.url()).pathname.split('/')[2]!
      createdRef = ref
      // With JavaScript, the address changes as the client-side navigation starts rendering: wait for the page.
      await expect.poll(() => page.locator('h1').textContent()).toContain(name)
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Campaign created')
      expect(await page.locator('.govuk-task-list').textContent()).toContain('Describe the campaign')
      await expectAccessible(page, 'campaign task list')

      await page.goto(`${app.baseUrl}/campaigns?mine=1`)
      expect(await page.getByRole('link', { name }).count()).toBe(1)

      // Two tabs edit the same version; the second save is refused and keeps its text.
      const tabA = await openPage(context)
      const tabB = await openPage(context)
      await tabA.goto(`${app.baseUrl}/campaigns/${ref}/describe/edit`)
      await tabB.goto(`${app.baseUrl}/campaigns/${ref}/describe/edit`)
      await expectAccessible(tabA, 'edit form')
      await tabA.getByLabel('Campaign name').fill(`${name} (renamed in tab A)`)
      await submit(tabA, 'Save changes')
      await tabA.waitForURL(`**/campaigns/${ref}/describe?notice=saved`)
      await expectAccessible(tabA, 'check your answers')
      const mine = 'My objective, typed in tab B and not to be lost.'
      await tabB.getByLabel('Objective').fill(mine)
      await submit(tabB, 'Save changes')
      await expect.poll(() => tabB.locator('.govuk-error-summary').textContent()).toContain('Someone else saved changes to this campaign')
      expect(await tabB.title()).toMatch(/^Error: /)
      expect(await tabB.getByLabel('Objective').inputValue()).toBe(mine)
      expect(await tabB.locator('#conflict').textContent()).toContain('renamed in tab A')
      await expectAccessible(tabB, 'edit conflict')

      await page.goto(`${app.baseUrl}/campaigns/${ref}/describe`)
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('renamed in tab A')
      expect(await page.locator('.govuk-summary-list').textContent()).not.toContain(mine)

      // Sign out ends the session.
      await submit(page, 'Sign out')
      await page.waitForURL('**/login?signedOut=1')
      await page.goto(`${app.baseUrl}/campaigns`)
      expect(new URL(page.url()).pathname).toBe('/login')
      await expectAccessible(page, 'sign in')
      for (const p of [page, tabA, tabB]) expectNoProblems(p)
      await context.close()

      // A viewer reads but cannot edit.
      const viewerContext = await newContext(browser, { javaScriptEnabled })
      const viewer = await openPage(viewerContext)
      await signIn(viewer, app.baseUrl, 'viewer@example.gov.uk')
      await viewer.goto(`${app.baseUrl}/campaigns/${ref}/describe`)
      expect(await viewer.getByRole('link', { name: /Change/ }).count()).toBe(0)
      expect(await viewer.getByRole('button', { name: 'Create a campaign' }).count()).toBe(0)
      const forbidden = await viewer.goto(`${app.baseUrl}/campaigns/${ref}/describe/edit`)
      expect(forbidden!.status()).toBe(403)
      expect(await viewer.locator('h1').textContent()).toBe('You do not have permission to do that')
      await expectAccessible(viewer, '403 page')
      const missing = await viewer.goto(`${app.baseUrl}/campaigns/OTM-1999-999`)
      expect(missing!.status()).toBe(404)
      expect(await viewer.locator('h1').textContent()).toBe('Page not found')
      await expectAccessible(viewer, '404 page')
      await viewerContext.close()
    })

    // React 18 puts a textarea back to its server-rendered text, and a select back to its server-rendered option,
    // when the page hydrates. Someone quick (or on a slow connection) who types first must not lose their words.
    if (javaScriptEnabled) it('keeps what was typed and chosen before the page’s JavaScript started', async () => {
      expect(createdRef).not.toBe('')
      const context = await newContext(browser)
      const page = await openPage(context)
      await signIn(page, app.baseUrl, 'designer@example.gov.uk')
      let release = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      await page.route('**/build/**', async (route) => {
        await held
        await route.continue()
      })
      await page.goto(`${app.baseUrl}/campaigns/${createdRef}/describe/edit`, { waitUntil: 'domcontentloaded' })
      await page.getByLabel('Objective').fill('Typed before the scripts arrived.')
      await page.getByLabel('Bank holidays').selectOption('scotland')
      release()
      // govuk-frontend starts only after hydration has committed.
      await page.locator('[data-govuk-button-init]').first().waitFor({ state: 'attached' })
      expect(await page.getByLabel('Objective').inputValue()).toBe('Typed before the scripts arrived.')
      expect(await page.getByLabel('Bank holidays').inputValue()).toBe('scotland')
      await submit(page, 'Save changes')
      await page.waitForURL(`**/campaigns/${createdRef}/describe?notice=saved`)
      await expect.poll(() => page.locator('main').textContent()).toContain('Typed before the scripts arrived.')
      expectNoProblems(page)
      await context.close()
    })
  })
}
