import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, expectNoProblems, futureDate, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'

// A long journey in four browsers, with axe on every page, on a machine shared with other work.
const JOURNEY_TIMEOUT_MS = 300_000
const POLL = { timeout: 10_000 }


type ProblemPage = Page & { problems: string[] }

const taskStatus = (page: Page, title: string) =>
  page
    .locator('.govuk-task-list__item')
    .filter({ has: page.locator('.govuk-task-list__name-and-hint > :first-child', { hasText: new RegExp(`^${title}$`) }) })
    .locator('.govuk-task-list__status')
    .textContent()

const groupRow = (page: Page, group: string) => page.locator(`#sign-off-groups [data-group=${group}]`)

async function buildCampaign(page: ProblemPage, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/campaigns/new`)
  await page.getByLabel('Campaign name').fill('Undeclared property income: sign-off journey')
  await page.getByLabel('Self Assessment').check()
  await page.getByLabel('Objective').fill('Prompt landlords to declare rental income they left off their return.')
  await page.getByLabel('Target population').fill('Landlords with letting-agent data and no property pages.')
  await page.getByLabel('Population size').fill('40000')
  const launch = futureDate(60)
  await page.getByLabel('Day', { exact: true }).fill(launch.day)
  await page.getByLabel('Month', { exact: true }).fill(launch.month)
  await page.getByLabel('Year', { exact: true }).fill(launch.year)
  await page.getByLabel('Unique Taxpayer Reference (UTR)').check()
  await page.getByLabel('A response is possible').check()
  await page.getByLabel('Response-handling process').fill('Replies go to the SA compliance mailbox and are logged within 5 working days.')
  await page.locator('#extraLiability').check()
  await page.getByLabel('Estimated number of customers with extra liability').fill('9000')
  await page.getByLabel('Average extra liability per customer').fill('850')
  await page.locator('#pressInform').check()
  await submit(page, 'Create campaign')
  await page.waitForURL(/\/campaigns\/OTM-\d{4}-\d{3}\?notice=created/)
  const ref = new URL(page.url()).pathname.split('/')[2]!
  expect(await taskStatus(page, 'Get sign-off')).toContain('Cannot start yet')
  expect(await taskStatus(page, 'Launch')).toContain('Cannot start yet')
  await expectAccessible(page, 'new campaign page')

  // A letter with one wave.
  await page.goto(`${baseUrl}/campaigns/${ref}/messages/new`)
  await page.getByLabel('Letter', { exact: true }).check()
  await page.getByLabel('Unique Taxpayer Reference (UTR)').check()
  await page.getByLabel('Second class', { exact: true }).check()
  await page.getByLabel('Name', { exact: true }).fill('Property income letter')
  await page.getByLabel('Address block').fill('((customer_name))\n((address_line_1))\n((postcode))')
  await page.getByLabel('Body').fill('Dear ((customer_name))\n\nYour Unique Taxpayer Reference: ((reference))\n\nOur records show rental income that is not on your return.')
  const wave = futureDate(40)
  await page.locator('#waves-0-day').fill(wave.day)
  await page.locator('#waves-0-month').fill(wave.month)
  await page.locator('#waves-0-year').fill(wave.year)
  await page.locator('#waves-0-volume').fill('40000')
  await submit(page, 'Save message')
  await page.waitForURL(/\/messages\/[0-9a-f-]{36}\?notice=created$/)

  // The forecast: every call to the Self Assessment helpline.
  await page.goto(`${baseUrl}/campaigns/${ref}/forecast`)
  await page.getByLabel('Share of “Property income letter” calls for Self Assessment helpline, in %').fill('100')
  await submit(page, 'Save forecast inputs')
  await page.waitForURL(`**/campaigns/${ref}/forecast?notice=saved`)

  // Press: the launch date told, and a press line.
  await page.goto(`${baseUrl}/campaigns/${ref}/press`)
  await submit(page, 'Confirm the launch date')
  await page.waitForURL(`**/campaigns/${ref}/press?notice=date-saved`)
  await page.getByRole('button', { name: 'Add a press line' }).click()
  await page.waitForURL(`**/campaigns/${ref}/lines/new?audience=press`)
  await page.getByLabel('Question', { exact: true }).fill('Is HMRC targeting landlords?')
  await page.getByLabel('Answer', { exact: true }).fill('HMRC is writing to some landlords whose records suggest income is missing from their return.')
  await submit(page, 'Add the line')
  await page.waitForURL(new RegExp(`/campaigns/${ref}/press\\?notice=added`))

  // Debt Management: the special treatment and a time-to-pay line.
  await page.goto(`${baseUrl}/campaigns/${ref}/debt-management`)
  await page.getByLabel('What special treatment will customers with extra liability get?').fill('Payment plans of up to 12 months without an income and expenditure check.')
  await submit(page, 'Save the special treatment')
  await page.waitForURL(new RegExp(`/campaigns/${ref}/debt-management\\?notice=`))
  await page.getByRole('button', { name: 'Add a Debt Management line' }).click()
  await page.waitForURL(`**/campaigns/${ref}/lines/new?audience=debt-management`)
  await page.getByLabel('Question', { exact: true }).fill('I cannot pay all of it at once.')
  await page.getByLabel('Answer', { exact: true }).fill('You may be able to set up a payment plan online.')
  await submit(page, 'Add the line')
  await page.waitForURL(new RegExp(`/campaigns/${ref}/debt-management\\?notice=added`))
  return ref
}

/** A group member finds the campaign in their inbox, reads what they sign and approves it. */
async function approveFromInbox(page: ProblemPage, baseUrl: string, ref: string, group: string, label: string) {
  await page.goto(`${baseUrl}/sign-off`)
  await expectAccessible(page, `${label} inbox`)
  const row = page.locator('#inbox tbody tr', { hasText: ref })
  await row.getByRole('link').click()
  await page.waitForURL(`**/campaigns/${ref}/sign-off/${group}`)
  expect(await page.locator('.app-scope').getAttribute('data-group')).toBe(group)
  await expectAccessible(page, `${label} review page`)
  await page.getByLabel('Approve this version').check()
  await submit(page, 'Record my decision')
  await page.waitForURL(`**/campaigns/${ref}/sign-off/${group}?notice=approved`)
  expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Your approval has been recorded')
  expect(await page.locator('#latest-decision').textContent()).toMatch(/ approved this version on /)
  await expectAccessible(page, `${label} after approving`)
}

describe.skipIf(skipBrowser)('sign-off and launch', () => {
  let app: RunningApp
  let browser: Browser
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await app?.stop()
  })

  async function person(email: string, javaScriptEnabled = true): Promise<ProblemPage> {
    const context = await newContext(browser, { javaScriptEnabled })
    contexts.push(context)
    const page = await openPage(context)
    await signIn(page, app.baseUrl, email)
    return page
  }

  it('is asked for, approved by each group in its own browser, goes out of date for the Press Office alone, and launches', async () => {
    // 1. A designer builds a campaign with extra liability and press interest, and asks for sign-off.
    const designer = await person('designer@example.gov.uk')
    const ref = await buildCampaign(designer, app.baseUrl)
    await designer.goto(`${app.baseUrl}/campaigns/${ref}`)
    expect(await taskStatus(designer, 'Get sign-off')).toContain('Incomplete')
    await designer.getByRole('link', { name: 'Get sign-off' }).click()
    await designer.waitForURL(`**/campaigns/${ref}/sign-off`)
    for (const group of ['customer-services', 'debt-management', 'press-office']) expect(await groupRow(designer, group).textContent()).toContain('Not yet asked')
    await expectAccessible(designer, 'sign-off page before asking')
    await submit(designer, 'Ask for sign-off')
    await designer.waitForURL(`**/campaigns/${ref}/sign-off?notice=asked`)
    for (const group of ['customer-services', 'debt-management', 'press-office']) await expect.poll(() => groupRow(designer, group).textContent(), POLL).toContain('Awaiting decision')
    await expectAccessible(designer, 'sign-off page, asked')

    // 2. Customer Services, Debt Management and the Press Office each approve in their own browser. The Press Office
    // browser has JavaScript turned off: deciding works without it.
    const customerServices = await person('customer-services@example.gov.uk')
    await approveFromInbox(customerServices, app.baseUrl, ref, 'customer-services', 'Customer Services')
    expect(await customerServices.locator('.app-scope').textContent()).toContain('Self Assessment helpline 100%')

    const debtManagement = await person('debt-management@example.gov.uk')
    // Asking for changes needs a comment; the error is shown and nothing is recorded.
    await debtManagement.goto(`${app.baseUrl}/campaigns/${ref}/sign-off/debt-management`)
    await debtManagement.getByLabel('Request changes').check()
    await submit(debtManagement, 'Record my decision')
    await expect.poll(() => debtManagement.title(), POLL).toBe('Error: Debt Management sign-off - OTM Campaign Planner')
    expect(await debtManagement.locator('.govuk-error-summary').textContent()).toContain('Say what needs to change')
    expect(await debtManagement.locator('#comment-error').textContent()).toContain('Say what needs to change')
    await expectAccessible(debtManagement, 'Debt Management decision with an error')
    await approveFromInbox(debtManagement, app.baseUrl, ref, 'debt-management', 'Debt Management')
    expect(await debtManagement.locator('.app-scope').textContent()).toContain('£850')

    const pressOffice = await person('press-office@example.gov.uk', false)
    await approveFromInbox(pressOffice, app.baseUrl, ref, 'press-office', 'Press Office (no JavaScript)')

    await designer.goto(`${app.baseUrl}/campaigns/${ref}`)
    expect(await taskStatus(designer, 'Get sign-off')).toContain('Completed')
    expect(await taskStatus(designer, 'Launch')).toContain('Incomplete')
    await expectAccessible(designer, 'campaign page, approved')

    // 3. The designer edits one press line: only the Press Office approval goes out of date, and launch is blocked.
    await designer.goto(`${app.baseUrl}/campaigns/${ref}/press`)
    await designer.getByRole('link', { name: /^Change press line 1,/ }).click()
    await designer.getByLabel('Answer', { exact: true }).fill('HMRC writes to landlords every year to help them get their tax right.')
    await submit(designer, 'Save changes')
    await designer.waitForURL(new RegExp(`/campaigns/${ref}/press\\?notice=saved`))
    await designer.goto(`${app.baseUrl}/campaigns/${ref}/sign-off`)
    expect(await groupRow(designer, 'customer-services').textContent()).toContain('Approved')
    expect(await groupRow(designer, 'debt-management').textContent()).toContain('Approved')
    expect(await groupRow(designer, 'press-office').textContent()).toContain('Out of date')
    expect(await groupRow(designer, 'press-office').textContent()).toContain('Since then, the press lines changed')
    await expectAccessible(designer, 'sign-off page, Press Office out of date')
    await designer.goto(`${app.baseUrl}/campaigns/${ref}`)
    expect(await taskStatus(designer, 'Launch')).toContain('Cannot start yet')
    await designer.goto(`${app.baseUrl}/campaigns/${ref}/launch`)
    expect(await designer.locator('#launch-problems').textContent()).toContain('The Press Office approval is out of date: the press lines changed after')
    await expectAccessible(designer, 'launch page, blocked')
    await submit(designer, 'Launch the campaign')
    await expect.poll(() => designer.locator('.govuk-error-summary').textContent(), POLL).toContain('The Press Office approval is out of date: the press lines changed after Aisha Khan approved it')
    expect(await designer.locator('.govuk-error-summary__title').textContent()).toBe('The campaign cannot launch')
    await expectAccessible(designer, 'launch refused')

    // 4. The Press Office sees what changed, and approves the new version.
    await pressOffice.goto(`${app.baseUrl}/sign-off`)
    expect(await pressOffice.locator('#inbox tbody tr', { hasText: ref }).textContent()).toContain('Approval out of date')
    await pressOffice.locator('#inbox tbody tr', { hasText: ref }).getByRole('link').click()
    await pressOffice.waitForURL(`**/campaigns/${ref}/sign-off/press-office`)
    const changes = pressOffice.locator('#changes table')
    expect(await changes.count()).toBe(1)
    expect(await changes.locator('caption').textContent()).toContain('Press lines › “Is HMRC targeting landlords?” › Answer')
    // The signed answer on the left with its removed words struck through; the answer now on the right.
    expect(await changes.locator('td.app-diff__line--removed').textContent()).toContain('records')
    expect(await changes.locator('del').allTextContents()).toContain('removed: “suggest”')
    expect(await changes.locator('td.app-diff__line--added').textContent()).toContain('every')
    expect(await changes.locator('ins').allTextContents()).toContain('added: “every”')
    await expectAccessible(pressOffice, 'Press Office review with the diff')
    await pressOffice.getByLabel('Approve this version').check()
    await submit(pressOffice, 'Record my decision')
    await pressOffice.waitForURL(`**/campaigns/${ref}/sign-off/press-office?notice=approved`)
    await expectAccessible(pressOffice, 'Press Office approved again')

    // 5. The designer launches.
    await designer.goto(`${app.baseUrl}/campaigns/${ref}/launch`)
    expect(await designer.locator('#launch-problems').count()).toBe(0)
    expect(await designer.locator('#launch-summary').textContent()).toContain('Approved by Aisha Khan')
    await expectAccessible(designer, 'launch page, ready')
    await submit(designer, 'Launch the campaign')
    await designer.waitForURL(`**/campaigns/${ref}?notice=launched`)
    expect(await designer.locator('.govuk-notification-banner').textContent()).toContain('The campaign has been launched')
    expect(await designer.locator('h1 .govuk-tag').textContent()).toBe('Launched')
    expect(await taskStatus(designer, 'Launch')).toContain('Completed')
    await expectAccessible(designer, 'campaign page, launched')
    await designer.goto(`${app.baseUrl}/campaigns/${ref}/launch`)
    expect(await designer.locator('#launch-hash').textContent()).toMatch(/^[0-9a-f]{64}$/)
    await expectAccessible(designer, 'launch record')

    // 6. An edit after launch is refused, saying why.
    await designer.goto(`${app.baseUrl}/campaigns/${ref}/press`)
    expect(await designer.getByRole('link', { name: /^Change press line 1,/ }).count()).toBe(0)
    const lineEdit = (await designer.locator('.app-line').first().getAttribute('id'))!.replace('line-', '')
    const refused = await designer.goto(`${app.baseUrl}/campaigns/${ref}/lines/${lineEdit}/edit`)
    expect(refused!.status()).toBe(403)
    // The browser logs the 403 it was just shown on purpose; nothing else may be logged.
    const expected403 = `Failed to load resource: the server responded with a status of 403 (Forbidden) (${app.baseUrl}/campaigns/${ref}/lines/${lineEdit}/edit)`
    expect(designer.problems.filter((p) => p.includes('status of 403'))).toEqual([`console.error: ${expected403}`])
    designer.problems = designer.problems.filter((p) => !p.includes(expected403))
    expect(await designer.locator('main').textContent()).toContain('This campaign has been launched, so its content can no longer be changed')
    await expectAccessible(designer, 'edit refused after launch')

    // The records: the audit trail shows every step and downloads as CSV.
    await designer.goto(`${app.baseUrl}/campaigns/${ref}/audit`)
    const trail = await designer.locator('table').textContent()
    for (const step of ['Asked for sign-off', 'Customer Services approved the current version', 'Press Office approval went out of date: the press lines changed', 'Launched the campaign']) {
      expect(trail).toContain(step)
    }
    await expectAccessible(designer, 'audit trail')

    for (const page of [designer, customerServices, debtManagement, pressOffice]) expectNoProblems(page)
  }, JOURNEY_TIMEOUT_MS)
})
