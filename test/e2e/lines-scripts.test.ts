import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Long journeys with axe on every page, on a machine shared with other work: more time than the default.
const JOURNEY_TIMEOUT_MS = 180_000
import { expectAccessible, expectNoProblems, futureDate, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'



async function createCampaign(page: Page, baseUrl: string, name: string): Promise<string> {
  await page.goto(`${baseUrl}/campaigns/new`)
  await page.getByLabel('Campaign name').fill(name)
  await page.getByLabel('PAYE', { exact: true }).check()
  await page.getByLabel('Objective').fill('Tell employees whose income rose above £60,000 about the High Income Child Benefit Charge.')
  await page.getByLabel('Target population').fill('PAYE employees with a partner who gets Child Benefit.')
  await page.getByLabel('Population size').fill('95000')
  const date = futureDate(60)
  await page.getByLabel('Day', { exact: true }).fill(date.day)
  await page.getByLabel('Month', { exact: true }).fill(date.month)
  await page.getByLabel('Year', { exact: true }).fill(date.year)
  await page.getByLabel('National Insurance number', { exact: true }).check()
  await page.getByLabel('A response is possible').check()
  await page.getByLabel('Response-handling process').fill('Customers update their personal tax account; letters go to PAYE compliance.')
  await page.locator('#extraLiability-2').check()
  await submit(page, 'Create campaign')
  await page.waitForURL(/\/campaigns\/OTM-\d{4}-\d{3}\?notice=created/)
  return new URL(page.url()).pathname.split('/')[2]!
}

const taskStatus = (page: Page, title: string) => page.locator('.govuk-task-list__item', { hasText: title }).locator('.govuk-task-list__status').textContent()

const LINES = [
  { tag: 'Why was I sent this?', question: 'Why have I been sent this letter?', answer: 'Your income has gone above £60,000 and your household gets Child Benefit.' },
  { tag: 'How do I act on it or change my return?', question: 'How do I pay the charge?', answer: 'Tell us in your personal tax account and we will change your tax code.' },
  { tag: 'I want to send more information', question: 'Where do I send more information?', answer: 'Write to PAYE compliance at the address in the letter.' },
  { tag: 'Is this genuine?', question: 'Is this letter really from HMRC?', answer: 'Yes. Check GOV.UK: search for <b>HMRC contact: check if it’s genuine</b>.' },
]

for (const javaScriptEnabled of [true, false]) {
  describe.skipIf(skipBrowser)(`lines to take and scripts (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
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

    it('writes scripts, catches a NINO left with a third party, covers the standard questions and prints the helpline pack', async () => {
      const context = await newContext(browser, { javaScriptEnabled })
      const page = await openPage(context)
      await signIn(page, app.baseUrl, 'designer@example.gov.uk')
      const ref = await createCampaign(page, app.baseUrl, `Child Benefit charge ${javaScriptEnabled ? 'js' : 'nojs'}`)
      expect(await taskStatus(page, 'Write lines to take')).toContain('Incomplete')
      expect(await taskStatus(page, 'Write scripts')).toContain('Not needed')
      await expectAccessible(page, 'campaign page')

      // 1. An inbound script, from the standard wording.
      await page.getByRole('link', { name: 'Write scripts' }).click()
      await page.waitForURL(`**/campaigns/${ref}/scripts`)
      await expectAccessible(page, 'scripts task')
      await page.getByRole('link', { name: 'Write inbound call script' }).click()
      await page.waitForURL(`**/campaigns/${ref}/scripts/inbound`)
      expect(await page.getByLabel('Opening', { exact: true }).inputValue()).toContain('Good morning/afternoon/evening, Revenue and Customs')
      await expectAccessible(page, 'new inbound script')
      await submit(page, 'Save and check the script')
      await page.waitForURL(`**/campaigns/${ref}/scripts/inbound?notice=saved`)
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Script saved and checked')
      expect(await page.locator('.govuk-error-summary').count()).toBe(0)
      await expectAccessible(page, 'saved inbound script')

      // 2. A third-party message that gives the NINO away.
      await page.goto(`${app.baseUrl}/campaigns/${ref}/scripts/third-party`)
      const body = page.getByLabel('Body', { exact: true })
      expect(await body.inputValue()).toContain('quoting their National Insurance Number')
      await expectAccessible(page, 'new third-party script')
      await body.fill('Could you please ask ((customer_name)) to return this call on ((helpline_number)) quoting ((nino)). Our opening hours are ((helpline_hours))')
      await submit(page, 'Save and check the script')
      await page.waitForURL(`**/campaigns/${ref}/scripts/third-party?notice=saved`)
      const summary = page.locator('.govuk-error-summary')
      expect(await summary.textContent()).toContain('There is a problem with this script')
      expect(await summary.textContent()).toContain('Never give the customer’s National Insurance number to a third party')
      expect(await page.locator('#body-findings .govuk-error-message').first().textContent()).toContain('((nino))')
      expect(await page.locator('#body').getAttribute('aria-describedby')).toContain('body-findings')
      await expectAccessible(page, 'third-party script with an error')
      await page.goto(`${app.baseUrl}/campaigns/${ref}`)
      expect(await taskStatus(page, 'Write scripts')).toContain('There is a problem')

      // 3. Fixed.
      await page.goto(`${app.baseUrl}/campaigns/${ref}/scripts/third-party`)
      await page
        .getByLabel('Body', { exact: true })
        .fill('Could you please ask ((customer_name)) to return this call on ((helpline_number)) quoting their National Insurance Number. Our opening hours are ((helpline_hours))')
      await submit(page, 'Save and check the script')
      await page.waitForURL(`**/campaigns/${ref}/scripts/third-party?notice=saved`)
      expect(await page.locator('.govuk-error-summary').count()).toBe(0)
      expect(await page.locator('.app-findings').count()).toBe(0)
      await expectAccessible(page, 'fixed third-party script')
      await page.goto(`${app.baseUrl}/campaigns/${ref}`)
      expect(await taskStatus(page, 'Write scripts')).toContain('Completed')

      // 4. Lines to take until the coverage warnings clear; an empty line is refused first.
      await page.getByRole('link', { name: 'Write lines to take' }).click()
      await page.waitForURL(`**/campaigns/${ref}/lines`)
      expect(await page.locator('#coverage li').count()).toBe(4)
      await expectAccessible(page, 'lines task with warnings')
      await page.getByRole('button', { name: 'Add a helpline line' }).click()
      await page.waitForURL(`**/campaigns/${ref}/lines/new?audience=helpline`)
      await expectAccessible(page, 'new line form')
      await submit(page, 'Add the line')
      await expect.poll(() => page.title()).toBe('Error: Add a line to take - OTM Campaign Planner')
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the question')
      expect(await page.locator('#answer-error').textContent()).toContain('Enter the answer')
      await expectAccessible(page, 'new line form with errors')
      for (const [index, line] of LINES.entries()) {
        if (index > 0) {
          await page.getByRole('button', { name: 'Add a helpline line' }).click()
          await page.waitForURL(`**/campaigns/${ref}/lines/new?audience=helpline`)
        }
        await page.getByLabel('Which standard question does it answer?').selectOption({ label: line.tag })
        await page.getByLabel('Question', { exact: true }).fill(line.question)
        await page.getByLabel('Answer', { exact: true }).fill(line.answer)
        await submit(page, 'Add the line')
        await page.waitForURL(new RegExp(`/campaigns/${ref}/lines\\?notice=added`))
        await expect.poll(() => page.locator('#coverage li').count()).toBe(LINES.length - index - 1)
      }
      expect(await page.locator('#coverage').textContent()).toBe('The lines to take answer every standard question.')
      await expectAccessible(page, 'lines task, all covered')

      // Reordering with the up and down buttons, which are ordinary form posts.
      const questions = () => page.locator('.app-line-list .govuk-summary-card__title').allTextContents()
      expect(await questions()).toEqual(LINES.map((l, i) => `Line ${i + 1}: ${l.question}`))
      await submit(page, /^Move up helpline line 4/)
      await page.waitForURL(new RegExp(`/campaigns/${ref}/lines\\?notice=moved`))
      await expectAccessible(page, 'lines task after a move')
      expect((await questions()).map((q) => q.replace(/^Line \d: /, ''))).toEqual([LINES[0]!.question, LINES[1]!.question, LINES[3]!.question, LINES[2]!.question])
      await page.goto(`${app.baseUrl}/campaigns/${ref}`)
      expect(await taskStatus(page, 'Write lines to take')).toContain('Completed')

      // 5. The helpline pack, printed to PDF.
      await page.goto(`${app.baseUrl}/campaigns/${ref}/pack/helpline`)
      expect(await page.locator('h1').textContent()).toBe('Helpline handler pack')
      const pack = page.locator('.app-pack')
      expect(await pack.locator('.app-pack-line').count()).toBe(4)
      expect(await pack.locator('.app-pack-script h3').allTextContents()).toEqual(['Inbound call', 'Message left with a third party'])
      // User text is text: the markup typed into an answer is shown, never obeyed.
      expect(await pack.textContent()).toContain('<b>HMRC contact: check if it’s genuine</b>')
      expect(await pack.locator('b').count()).toBe(0)
      await expectAccessible(page, 'helpline pack')
      expect(await page.locator('.govuk-service-navigation').evaluateAll((nodes) => nodes.filter((n) => n.checkVisibility()).length)).toBe(1)

      await page.emulateMedia({ media: 'print' })
      for (const selector of ['.govuk-header', '.govuk-service-navigation', '.govuk-footer', '.govuk-back-link', '.govuk-button', '.govuk-skip-link']) {
        const shown = await page.locator(selector).evaluateAll((nodes) => nodes.filter((n) => n.checkVisibility()).length)
        expect(shown, `${selector} is hidden in print`).toBe(0)
      }
      expect(await pack.locator('.app-pack-line').evaluateAll((nodes) => nodes.filter((n) => n.checkVisibility()).length)).toBe(4)
      const pdf = await page.pdf({ format: 'A4', printBackground: true })
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      // A4 is 595 × 842 points.
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.?\d* 84[12]\.?\d*\]/)
      await page.emulateMedia({ media: 'screen' })
      expectNoProblems(page)
      await context.close()
    }, JOURNEY_TIMEOUT_MS)
  })
}

for (const javaScriptEnabled of [true, false]) {
  describe.skipIf(skipBrowser)(`press, Debt Management and conflicts on lines (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
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

    it('shows the other task pages and packs accessibly, and refuses a move or save against a line someone else changed', async () => {
      const context = await newContext(browser, { javaScriptEnabled })
      const page = await openPage(context)
      await signIn(page, app.baseUrl, 'designer@example.gov.uk')
      // Signing in lands on the home page, whose next-step links name their campaign too: start from the list.
      await page.goto(`${app.baseUrl}/campaigns`)
      await page.getByRole('link', { name: 'Rental income missing from Self Assessment returns' }).click()
      await page.waitForURL(/\/campaigns\/OTM-\d{4}-\d{3}$/)
      const base = page.url()
      for (const title of ['Write lines to take', 'Write scripts', 'Plan Debt Management treatment', 'Prepare press lines']) {
        expect(await taskStatus(page, title)).toContain('Completed')
      }

      for (const [path, heading] of [
        ['/press', 'Prepare press lines'],
        ['/debt-management', 'Plan Debt Management treatment'],
        ['/pack/press', 'Press Office pack'],
        ['/pack/debt-management', 'Debt Management handler pack'],
      ] as const) {
        await page.goto(base + path)
        expect((await page.locator('h1').textContent())?.trim()).toBe(heading)
        await expectAccessible(page, path)
      }
      expect(await page.locator('.app-pack').textContent()).toContain('Time to pay arrangements of up to 12 months')

      await page.goto(`${base}/lines`)
      await page.getByRole('link', { name: /^Change helpline line 1,/ }).click()
      await page.waitForURL(/\/lines\/[0-9a-f-]{36}\/edit$/)
      await expectAccessible(page, 'change a line')
      await page.goto(`${base}/lines`)
      await page.getByRole('link', { name: /^Remove helpline line 1,/ }).click()
      await page.waitForURL(/\/lines\/[0-9a-f-]{36}\/remove$/)
      expect(await page.locator('h1').textContent()).toContain('Are you sure you want to remove this line to take?')
      await expectAccessible(page, 'remove a line')
      await page.getByRole('link', { name: 'No, keep it' }).click()
      await page.waitForURL(`${base}/lines`)

      // Tab B still shows line 4 when tab A removes it; B's Move up is refused with a message, not an error page.
      const tabA = await openPage(context)
      const tabB = await openPage(context)
      await tabB.goto(`${base}/lines`)
      await tabA.goto(`${base}/lines`)
      await tabA.getByRole('link', { name: /^Remove helpline line 4,/ }).click()
      await tabA.waitForURL(/\/remove$/)
      await submit(tabA, 'Yes, remove it')
      await tabA.waitForURL(/notice=removed/)
      await submit(tabB, /^Move up helpline line 4/)
      await expect.poll(() => tabB.locator('.govuk-error-summary').textContent()).toContain('has just been removed by someone else, so nothing was moved')
      expect(await tabB.title()).toMatch(/^Error: /)
      await expectAccessible(tabB, 'refused move')

      // Both tabs change line 1; the second save is refused and keeps its text.
      await tabA.goto(`${base}/lines`)
      await tabB.goto(`${base}/lines`)
      await tabA.getByRole('link', { name: /^Change helpline line 1,/ }).click()
      await tabB.getByRole('link', { name: /^Change helpline line 1,/ }).click()
      await tabA.waitForURL(/\/edit$/)
      await tabB.waitForURL(/\/edit$/)
      await tabA.getByLabel('Answer', { exact: true }).fill('Tab A’s answer.')
      await submit(tabA, 'Save changes')
      await tabA.waitForURL(/notice=saved/)
      await tabB.getByLabel('Answer', { exact: true }).fill('Tab B’s answer, not to be lost.')
      await submit(tabB, 'Save changes')
      await expect.poll(() => tabB.locator('.govuk-error-summary').textContent()).toContain('Someone else saved changes to this line to take')
      expect(await tabB.getByLabel('Answer', { exact: true }).inputValue()).toBe('Tab B’s answer, not to be lost.')
      expect(await tabB.locator('#conflict').textContent()).toContain('Tab A’s answer.')
      await expectAccessible(tabB, 'line edit conflict')
      for (const p of [page, tabA, tabB]) expectNoProblems(p)
      await context.close()

      // A viewer reads a script but has no form.
      const viewerContext = await newContext(browser, { javaScriptEnabled })
      const viewer = await openPage(viewerContext)
      await signIn(viewer, app.baseUrl, 'viewer@example.gov.uk')
      await viewer.goto(`${base}/scripts/inbound`)
      expect(await viewer.locator('textarea').count()).toBe(0)
      expect(await viewer.locator('#opening').textContent()).toBe('Opening')
      await expectAccessible(viewer, 'read-only script')
      expectNoProblems(viewer)
      // The browser logs the refused page's 403 itself, so this comes after the check for problems.
      const forbidden = await viewer.goto(`${base}/lines/new`)
      expect(forbidden!.status()).toBe(403)
      await viewerContext.close()
    }, JOURNEY_TIMEOUT_MS)
  })
}
