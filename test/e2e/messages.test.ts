import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, expectNoProblems, futureDate, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'



async function createCampaign(page: Page, baseUrl: string, name: string): Promise<string> {
  await page.goto(`${baseUrl}/campaigns/new`)
  await page.getByLabel('Campaign name').fill(name)
  await page.getByLabel('Self Assessment').check()
  await page.getByLabel('Objective').fill('Prompt landlords to declare rental income they left off their return.')
  await page.getByLabel('Target population').fill('Landlords with letting-agent data and no property pages.')
  await page.getByLabel('Population size').fill('250000')
  const date = futureDate(60)
  await page.getByLabel('Day', { exact: true }).fill(date.day)
  await page.getByLabel('Month', { exact: true }).fill(date.month)
  await page.getByLabel('Year', { exact: true }).fill(date.year)
  await page.getByLabel('Unique Taxpayer Reference (UTR)').check()
  await page.getByLabel('A response is possible').check()
  await page.getByLabel('Response-handling process').fill('Replies go to the SA compliance mailbox and are logged within 5 working days.')
  await page.locator('#extraLiability-2').check()
  await submit(page, 'Create campaign')
  await page.waitForURL(/\/campaigns\/OTM-\d{4}-\d{3}\?notice=created/)
  return new URL(page.url()).pathname.split('/')[2]!
}

// Matched on the task's own title: other tasks' hints ("Write the messages first") mention it too.
const messagesTask = (page: Page) =>
  page.locator('.govuk-task-list__item').filter({ has: page.locator('.govuk-task-list__name-and-hint > :first-child', { hasText: /^Write the messages$/ }) })

async function fillWave(page: Page, index: number, days: number, volume: string) {
  const date = futureDate(days)
  await page.locator(`#waves-${index}-day`).fill(date.day)
  await page.locator(`#waves-${index}-month`).fill(date.month)
  await page.locator(`#waves-${index}-year`).fill(date.year)
  await page.locator(`#waves-${index}-volume`).fill(volume)
}

for (const javaScriptEnabled of [true, false]) {
  describe.skipIf(skipBrowser)(`the messages journey (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
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

    it('writes a letter that leaks the NINO through the window, sees the problem, fixes it and compares the versions', async () => {
      const context = await newContext(browser, { javaScriptEnabled })
      const page = await openPage(context)
      await signIn(page, app.baseUrl, 'designer@example.gov.uk')
      const ref = await createCampaign(page, app.baseUrl, `Messages journey ${javaScriptEnabled ? 'js' : 'nojs'}`)
      expect(await messagesTask(page).textContent()).toContain('Incomplete')
      await expectAccessible(page, 'campaign page, no messages')

      await page.getByRole('link', { name: 'Write the messages' }).click()
      await page.waitForURL(`**/campaigns/${ref}/messages`)
      await expectAccessible(page, 'messages page, empty')
      await page.getByRole('button', { name: 'Add a message' }).click()
      await page.waitForURL(`**/campaigns/${ref}/messages/new`)
      await expectAccessible(page, 'new message form')

      // Nothing is chosen for the user. With JavaScript, a letter's fields appear only once the type is a letter;
      // without it, every type's fields show, as GOV.UK's conditional reveal does.
      expect(await page.locator('main input[type="radio"]:checked').count()).toBe(0)
      await expect.poll(() => page.getByLabel('Address block').isVisible()).toBe(!javaScriptEnabled)
      await submit(page, 'Save message')
      await expect.poll(() => page.title()).toBe('Error: Add a message - OTM Campaign Planner')
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select the type of message')
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the body of the message')

      // A letter with no body is refused with an error summary worded for a letter, and what was typed stays.
      await page.getByLabel('Letter', { exact: true }).check()
      await expect.poll(() => page.getByLabel('Address block').isVisible()).toBe(true)
      await page.getByLabel('Name', { exact: true }).fill('First letter')
      await submit(page, 'Save message')
      await expect.poll(() => page.title()).toBe('Error: Add a message - OTM Campaign Planner')
      const errors = await page.locator('.govuk-error-summary').textContent()
      expect(errors).toContain('Enter the body of the letter')
      expect(errors).toContain('Select the reference that identifies customers in this letter')
      expect(errors).toContain('Select the postage class of the letter')
      expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('First letter')
      await expectAccessible(page, 'new message form with errors')
      await page.getByLabel('Unique Taxpayer Reference (UTR)').check()
      await page.getByLabel('Second class', { exact: true }).check()

      // 1. The address block shows the NINO through the window.
      await page.getByLabel('Address block').fill('((customer_name))\n((address_line_1))\n((postcode))\n(( NINO ))')
      await page.getByLabel('Body').fill('Dear ((customer_name))\n\nYour reference: ((reference))\n\nPlease check your return. <script>alert(1)</script>')
      await fillWave(page, 0, 30, '120000')
      // "Add another wave" adds a row and keeps everything typed, without JavaScript too.
      await submit(page, 'Add another wave')
      await expect.poll(() => page.locator('#waves-1-day').count()).toBe(1)
      if (javaScriptEnabled) await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('waves-1-day')
      expect(await page.locator('#waves-0-volume').inputValue()).toBe('120000')
      expect(await page.getByLabel('Address block').inputValue()).toContain('(( NINO ))')
      await fillWave(page, 1, 37, '80000')
      await expectAccessible(page, 'new message form with two waves')
      // Enter in a field saves: it must not press the first wave's "Remove" button.
      await submit(page, () => page.getByLabel('Name', { exact: true }).press('Enter'))
      await page.waitForURL(/\/messages\/[0-9a-f-]{36}\?notice=created$/)
      const messageUrl = page.url().split('?')[0]!

      // 2. The window-envelope error shows in the summary and beside the address block.
      const summary = page.locator('.govuk-error-summary')
      expect(await summary.textContent()).toContain('This message fails 1 data-security check')
      expect(await summary.textContent()).toContain('Line 4 of the address block shows (( NINO ))')
      const beside = page.locator('#finding-1')
      expect(await beside.textContent()).toContain('Only the customer’s name and address may show through the envelope window')
      expect(await page.locator('.app-finding-mark').textContent()).toContain('(( NINO ))')
      expect(await page.locator('.app-letter__window').textContent()).toContain('QQ 12 34 56 C')
      // Script typed into the body is shown as text, never run.
      expect(await page.locator('.app-letter__body').textContent()).toContain('<script>alert(1)</script>')
      expect(await page.locator('.app-letter__body script').count()).toBe(0)
      expect(await page.locator('tfoot').textContent()).toContain('200,000')
      await expectAccessible(page, 'message page with a finding')

      await page.goto(`${app.baseUrl}/campaigns/${ref}`)
      expect(await messagesTask(page).textContent()).toContain('There is a problem')
      expect(await messagesTask(page).locator('.govuk-tag--red').count()).toBe(1)
      await expectAccessible(page, 'campaign page with a problem')

      // 3. Fix it.
      await page.goto(messageUrl)
      await page.getByRole('button', { name: 'Change the message' }).click()
      await page.waitForURL(`${messageUrl}/edit`)
      expect(await page.locator('#addressBlock-findings').textContent()).toContain('Line 4 of the address block')
      await expectAccessible(page, 'edit form with findings')
      await page.getByLabel('Address block').fill('((customer_name))\n((address_line_1))\n((postcode))')
      await submit(page, 'Save changes')
      await page.waitForURL(`${messageUrl}?notice=saved`)
      expect(await page.locator('#checks').textContent()).toContain('This message passes every data-security check')
      await expectAccessible(page, 'message page, fixed')

      // 4. The task is complete.
      await page.goto(`${app.baseUrl}/campaigns/${ref}`)
      expect(await messagesTask(page).textContent()).toContain('Completed')
      expect(await messagesTask(page).textContent()).toContain('1 message to 200,000 recipients')
      await expectAccessible(page, 'campaign page, messages completed')

      // 5. Compare the two versions.
      await page.goto(messageUrl)
      await page.getByRole('link', { name: 'See the history of changes' }).click()
      await page.waitForURL(/\/history\/message\/[0-9a-f-]{36}$/)
      const versions = page.locator('table', { hasText: 'Versions, newest first' })
      await expect.poll(() => versions.locator('tbody tr').count()).toBe(2)
      expect(await versions.textContent()).toContain('Changed the address block')
      await expectAccessible(page, 'message history')
      await page.getByLabel('Earlier version').selectOption('1')
      await page.getByLabel('Later version').selectOption('2')
      await page.getByRole('button', { name: 'Compare versions' }).click()
      await page.waitForURL(/\/compare\?from=1&to=2$/)
      const diff = page.locator('table.app-diff', { hasText: 'Address block' })
      expect(await diff.locator('del').textContent()).toBe('removed: “(( NINO ))”')
      expect(await diff.locator('.app-diff__line--removed').count()).toBe(1)
      expect(await diff.locator('del').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(244, 205, 198)')
      await expectAccessible(page, 'version comparison')

      // 6. Without JavaScript, the designer gives the letter its own delivery profile and the page says so.
      if (!javaScriptEnabled) {
        await page.goto(`${messageUrl}/edit`)
        expect(await page.locator('#deliveryProfile-defaults').textContent()).toContain('92.7%')
        await page.getByLabel('Your own delivery profile (optional)').fill('0, 60, 40')
        await submit(page, 'Save changes')
        await page.waitForURL(`${messageUrl}?notice=saved`)
        expect(await page.locator('.govuk-summary-list__row', { hasText: 'Delivery profile' }).textContent()).toContain('Your own: working day 2: 60%, day 3: 40%')
      }

      // The printable preview puts the address in the window position and prints on one A4 page.
      await page.goto(`${messageUrl}/preview`)
      await expectAccessible(page, 'letter preview')
      await page.emulateMedia({ media: 'print' })
      const mm = (px: number) => Math.round((px * 25.4) / 96)
      const [letterBox, windowBox] = await Promise.all([page.locator('.app-letter').boundingBox(), page.locator('.app-letter__window').boundingBox()])
      expect(mm(windowBox!.x - letterBox!.x)).toBe(20)
      expect(mm(windowBox!.y - letterBox!.y)).toBe(45)
      expect([mm(windowBox!.width), mm(windowBox!.height)]).toEqual([90, 35])
      expect(await page.locator('.govuk-template__header').isVisible()).toBe(false)
      expect(await page.locator('h1').isVisible()).toBe(false)
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1)
      await page.emulateMedia({ media: 'screen' })

      expectNoProblems(page)
      await context.close()
    })

    it('counts a text message’s length, naming characters outside GSM, as the designer types and on the server', async () => {
      const context = await newContext(browser, { javaScriptEnabled })
      const page = await openPage(context)
      await signIn(page, app.baseUrl, 'designer@example.gov.uk')
      await page.goto(`${app.baseUrl}/campaigns`)
      const ref = await createCampaign(page, app.baseUrl, `SMS journey ${javaScriptEnabled ? 'js' : 'nojs'}`)
      await page.goto(`${app.baseUrl}/campaigns/${ref}/messages/new?channel=sms`)
      const count = page.getByTestId('sms-count')
      const body = 'Hi ((customer_name)), it’s time to check your return.'
      await page.getByLabel('Unique Taxpayer Reference (UTR)').check()
      await page.getByLabel('Body').fill(body)
      if (javaScriptEnabled) {
        // The count follows the typing, and the address block, a letter's, is hidden for a text message.
        await expect.poll(() => count.textContent()).toContain('53 characters in Unicode (UCS-2): 1 text message')
        expect(await count.textContent()).toContain("right single quotation mark (’): replace it with '")
        expect(await page.getByLabel('Address block').isVisible()).toBe(false)
        await page.getByLabel('Body').fill(body.replace('’', "'"))
        await expect.poll(() => count.textContent()).toContain('53 characters in GSM: 1 text message, with room for 107 more characters')
        await expect.poll(() => page.locator('.app-sms-count [aria-live="polite"]').textContent()).toContain('53 characters in GSM')
        await page.getByLabel('Body').fill(body)
      }
      // Saved without a name, the form comes back with the server's own count of the same text.
      await submit(page, 'Save message')
      await expect.poll(() => page.title()).toMatch(/^Error: /)
      expect(await count.textContent()).toContain('53 characters in Unicode (UCS-2): 1 text message, with room for 17 more characters')
      expect(await count.textContent()).toContain('right single quotation mark (’)')
      await expectAccessible(page, 'SMS form with its count')
      expectNoProblems(page)
      await context.close()
    })
  })
}
