// A sign-off request, a decision, a staleness and a launch, each reaching the right people by email (a real SMTP
// server run by the test) and in their notifications in the planner; then the pages around them. Once with
// JavaScript and once without, each against its own app and demo workspace.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, expectNoProblems, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'
import { parseFeed } from '../support/ical'
import { startMailServer, type MailServer, type ReceivedMail } from '../support/mail-server'

type ProblemPage = Page & { problems: string[] }

const DRAFT = 'OTM-2027-001' // Cryptoasset disposals: a draft owned by designer@, co-owned by designer2@, for all three groups
const AWAITING = 'OTM-2027-002' // Rental income: awaiting sign-off, Customer Services has approved
const APPROVED = 'OTM-2026-001' // High Income Child Benefit Charge: approved, owned by designer2@

const pathOf = (url: string) => {
  const parsed = new URL(url)
  return `${parsed.pathname}${parsed.search}`
}

/**
 * At 320 CSS pixels wide the page must not scroll sideways. Measured on a copy of the page as it is (scripts removed,
 * so it works for pages without JavaScript too), opened on the app's own origin so its stylesheets load.
 */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '')
  const origin = new URL(page.url()).origin
  const scratch = await page.context().browser()!.newPage({ viewport: { width: 320, height: 800 } })
  await scratch.goto(`${origin}/healthz`)
  await scratch.setContent(html, { waitUntil: 'load' })
  expect(await scratch.evaluate(() => getComputedStyle(document.querySelector('.govuk-width-container')!).maxWidth), 'the stylesheets loaded').toBe('960px')
  const width = await scratch.evaluate(() => document.documentElement.scrollWidth)
  await scratch.close()
  expect(width, `${label} at 320px`).toBeLessThanOrEqual(320)
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript'

  describe.skipIf(skipBrowser)(`notifications ${mode}`, () => {
    let app: RunningApp
    let mail: MailServer
    let browser: Browser
    const contexts: BrowserContext[] = []

    beforeAll(async () => {
      mail = await startMailServer()
      app = await startApp({ SMTP_URL: mail.url, MAIL_FROM: 'OTM Campaign Planner <otm-planner@notify.example.gov.uk>' })
      browser = await launchBrowser()
    })
    afterAll(async () => {
      for (const context of contexts) await context.close()
      await browser?.close()
      await app?.stop()
      await mail?.stop()
    })

    async function person(email: string): Promise<ProblemPage> {
      const context = await newContext(browser, { javaScriptEnabled })
      contexts.push(context)
      const page = await openPage(context)
      await signIn(page, app.baseUrl, email)
      return page
    }

    const emailTo = async (address: string, subject: string): Promise<ReceivedMail> => (await mail.waitFor((m) => m.to.includes(address) && m.subject === subject))[0]!

    /** The newest notification with this title in the person's list, and whether it is read. */
    async function findInInbox(page: ProblemPage, title: string) {
      await page.goto(`${app.baseUrl}/notifications`)
      const item = page.locator('#notifications > li').filter({ has: page.getByRole('link', { name: title, exact: true }) }).first()
      expect(await item.count(), `"${title}" in the notifications of ${await page.locator('.app-signed-in-as').textContent()}`).toBe(1)
      return item
    }

    it('tells the right people of a sign-off request, a decision, a staleness and a launch, by email and in the planner', async () => {
      const designer = await person('designer@example.gov.uk')
      const designer2 = await person('designer2@example.gov.uk')
      const customerServices = await person('customer-services@example.gov.uk')
      const pressOffice = await person('press-office@example.gov.uk')

      // 1. The designer asks for sign-off: each group's member is emailed, and told in the planner.
      await designer.goto(`${app.baseUrl}/campaigns/${DRAFT}/sign-off`)
      await submit(designer, 'Ask for sign-off')
      await designer.waitForURL(`**/campaigns/${DRAFT}/sign-off?notice=asked`)
      const requested = `Sign-off needed: ${DRAFT} Cryptoasset disposals not reported for 2024 to 2025`
      for (const address of ['customer-services@example.gov.uk', 'debt-management@example.gov.uk', 'press-office@example.gov.uk']) {
        const email = await emailTo(address, requested)
        expect(email.messageId).toMatch(/^<[0-9a-f-]{36}@notify\.example\.gov\.uk>$/)
        expect(email.html).toContain('Open it in the planner')
      }
      const pressEmail = await emailTo('press-office@example.gov.uk', requested)
      const link = /Open it in the planner: (\S+)/.exec(pressEmail.text)![1]!
      expect(pathOf(link)).toBe(`/campaigns/${DRAFT}/sign-off/press-office`)

      await pressOffice.goto(`${app.baseUrl}/`)
      expect(await pressOffice.locator('#unread-count').textContent()).toMatch(/^\d+ unread$/)
      const unreadBefore = Number((await pressOffice.locator('#unread-count').textContent())!.split(' ')[0])
      const item = await findInInbox(pressOffice, requested)
      expect(await item.getAttribute('data-read')).toBe('no')
      expect(await item.textContent()).toContain('Unread')
      await expectAccessible(pressOffice, 'notifications')
      await expectNoSidewaysScroll(pressOffice, 'notifications')
      // Following it marks it read and opens the page where the Press Office decides.
      await item.getByRole('link', { name: requested }).click()
      await pressOffice.waitForURL(`**/campaigns/${DRAFT}/sign-off/press-office`)
      expect(Number((await pressOffice.locator('#unread-count').textContent())!.split(' ')[0])).toBe(unreadBefore - 1)
      expect(await (await findInInbox(pressOffice, requested)).getAttribute('data-read')).toBe('yes')

      // 2. The Press Office asks for changes: both authors hear of it.
      await pressOffice.goto(`${app.baseUrl}/campaigns/${DRAFT}/sign-off/press-office`)
      await pressOffice.getByLabel('Request changes').check()
      if (!javaScriptEnabled) expect(await pressOffice.locator('#comment').isVisible()).toBe(true)
      await pressOffice.locator('#comment').fill('Please say which tax year the letter is about.')
      await submit(pressOffice, 'Record my decision')
      await pressOffice.waitForURL(`**/campaigns/${DRAFT}/sign-off/press-office?notice=*`)
      const changes = `Changes asked for: ${DRAFT} Cryptoasset disposals not reported for 2024 to 2025`
      for (const address of ['designer@example.gov.uk', 'designer2@example.gov.uk']) {
        const email = await emailTo(address, changes)
        expect(email.text).toContain(`The Press Office asked for changes to ${DRAFT}`)
        expect(email.raw).not.toContain('which tax year')
      }
      const changed = await findInInbox(designer2, changes)
      expect(await changed.textContent()).toContain('Read their comment in the planner')
      await expectAccessible(designer2, 'notifications of a co-owner')

      // 3. A change puts Customer Services' approval of another campaign out of date: its members hear of it.
      await designer.goto(`${app.baseUrl}/campaigns/${AWAITING}/lines`)
      await designer.locator('.app-line').first().getByRole('link', { name: /^Change/ }).click()
      await designer.waitForURL(`**/campaigns/${AWAITING}/lines/*/edit`)
      await designer.getByLabel('Answer', { exact: true }).fill('We write to people whose records show rental income that is not on their return.')
      await submit(designer, 'Save changes')
      await designer.waitForURL(new RegExp(`/campaigns/${AWAITING}/lines\\?notice=saved`))
      const stale = `Approval out of date: ${AWAITING} Rental income missing from Self Assessment returns`
      const staleEmail = await emailTo('customer-services@example.gov.uk', stale)
      expect(staleEmail.text).toContain('The Customer Services approval of')
      expect(staleEmail.text).toContain('no longer counts: the helpline lines changed')
      const staleItem = await findInInbox(customerServices, stale)
      await staleItem.getByRole('button', { name: /^Mark as read/ }).click()
      await customerServices.waitForURL(/\/notifications\?notice=read/)
      expect(await (await findInInbox(customerServices, stale)).getAttribute('data-read')).toBe('yes')

      // 4. The other designer launches their approved campaign: Customer Services, who signed it and take its calls, hear of it.
      await designer2.goto(`${app.baseUrl}/campaigns/${APPROVED}/launch`)
      await submit(designer2, 'Launch the campaign')
      await designer2.waitForURL(`**/campaigns/${APPROVED}?notice=launched`)
      const launched = `Launched: ${APPROVED} High Income Child Benefit Charge awareness`
      expect((await emailTo('customer-services@example.gov.uk', launched)).text).toContain(`Priya Shah launched ${APPROVED}`)
      await findInInbox(customerServices, launched)
      await submit(customerServices, 'Mark all as read')
      await customerServices.waitForURL(/\/notifications\?notice=all-read/)
      expect(await customerServices.locator('#unread-count').count()).toBe(0)
      expect(await customerServices.locator('#unread-summary').textContent()).toBe('You have no unread notifications.')

      // Nobody else was told: not the person who acted, not the viewer, not the other groups of a one-group campaign.
      const subjects = (address: string) => mail.to(address).map((m) => m.subject)
      expect(subjects('designer@example.gov.uk')).toEqual([changes])
      expect(subjects('designer2@example.gov.uk')).toEqual([changes])
      expect(subjects('press-office@example.gov.uk')).toEqual([requested])
      expect(subjects('debt-management@example.gov.uk')).toEqual([requested])
      expect(subjects('customer-services@example.gov.uk').sort()).toEqual([requested, stale, launched].sort())
      expect(subjects('viewer@example.gov.uk')).toEqual([])
      for (const page of [designer, designer2, customerServices, pressOffice]) expectNoProblems(page)
    })

    it('lets a person choose how they are told, from the planner and from the link in an email', async () => {
      const pressOffice = await person('press-office@example.gov.uk')
      await pressOffice.goto(`${app.baseUrl}/notifications/preferences`)
      await expectAccessible(pressOffice, 'notification choices')
      await expectNoSidewaysScroll(pressOffice, 'notification choices')
      await pressOffice.locator('#launched-2').check()
      await submit(pressOffice, 'Save your choices')
      await pressOffice.waitForURL(/\/notifications\/preferences\?notice=saved/)
      expect(await pressOffice.locator('#launched-2').isChecked()).toBe(true)

      // The link in an email works without signing in: one click stops that kind of email.
      const email = mail.to('press-office@example.gov.uk')[0]!
      const settings = /Change how you get these emails \(no need to sign in\): (\S+)/.exec(email.text)![1]!
      const context = await newContext(browser, { javaScriptEnabled })
      contexts.push(context)
      const stranger = await openPage(context)
      await stranger.goto(`${app.baseUrl}${pathOf(settings)}`)
      expect(await stranger.locator('h1').textContent()).toBe('Change how you get emails')
      await expectAccessible(stranger, 'email settings from a signed link')
      await expectNoSidewaysScroll(stranger, 'email settings from a signed link')
      await submit(stranger, 'Stop these emails')
      await stranger.waitForURL(/\?notice=stopped$/)
      expect(await stranger.locator('.govuk-notification-banner').textContent()).toContain('You will not get these emails any more')
      await pressOffice.goto(`${app.baseUrl}/notifications/preferences`)
      expect(await pressOffice.locator('#sign-off-requested-3').isChecked()).toBe(true)
      expectNoProblems(pressOffice)
      expectNoProblems(stranger)
    })

    it('gives each person a calendar feed to subscribe to, and each campaign its own .ics', async () => {
      const manager = await person('customer-services@example.gov.uk')
      await manager.goto(`${app.baseUrl}/notifications/calendar-feed`)
      await expectAccessible(manager, 'calendar feed, none yet')
      await submit(manager, 'Make my feed address')
      await manager.waitForURL(/\?notice=created$/)
      const url = await manager.locator('#feed-url').inputValue()
      expect(await manager.getByRole('button', { name: 'Copy the address' }).count()).toBe(javaScriptEnabled ? 1 : 0)
      await expectAccessible(manager, 'calendar feed')
      await expectNoSidewaysScroll(manager, 'calendar feed')
      const feed = await fetch(url)
      expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
      const { events } = parseFeed(await feed.text())
      expect(events.some((e) => e.categories[0] === 'Call peak')).toBe(true)
      expect(events.some((e) => e.summary.startsWith(`Sign-off due: ${AWAITING}`) || e.summary.startsWith(`Launch: ${AWAITING}`))).toBe(true)

      await submit(manager, 'Replace the address')
      await manager.waitForURL(/\?notice=replaced$/)
      expect(await manager.locator('#feed-url').inputValue()).not.toBe(url)
      expect((await fetch(url)).status).toBe(404)

      await manager.goto(`${app.baseUrl}/campaigns/${AWAITING}`)
      const download = await manager.context().request.get(`${app.baseUrl}/campaigns/${AWAITING}/calendar.ics`)
      expect(download.headers()['content-disposition']).toBe(`attachment; filename="${AWAITING}.ics"`)
      expect(parseFeed(await download.text()).events.map((e) => e.categories[0])).toContain('Launch')
      expect(await manager.getByRole('link', { name: 'Add its dates to your calendar (.ics)' }).count()).toBe(1)
      expectNoProblems(manager)
    })

    it('shows administrators the outbox, and sends them a test email', async () => {
      const admin = await person('admin@example.gov.uk')
      await admin.goto(`${app.baseUrl}/admin/notifications`)
      expect(await admin.locator('#outbox tbody tr').count()).toBeGreaterThan(0)
      expect(await admin.locator('#outbox tbody tr[data-state="sent"]').count()).toBeGreaterThan(0)
      await expectAccessible(admin, 'admin outbox')
      await expectNoSidewaysScroll(admin, 'admin outbox')
      await submit(admin, 'Send a test email')
      await admin.waitForURL(/\?notice=test-queued$/)
      const email = await emailTo('admin@example.gov.uk', 'Test email from the OTM Campaign Planner')
      expect(email.text).toContain('Alex Morgan asked for this test email')
      await admin.goto(`${app.baseUrl}/admin/notifications`)
      const row = admin.locator(`#outbox tbody tr[data-message-id="${email.messageId}"]`)
      expect(await row.getAttribute('data-state')).toBe('sent')
      expect(await row.locator('summary').textContent()).toContain('1 attempt')
      expectNoProblems(admin)
    })
  })
}
