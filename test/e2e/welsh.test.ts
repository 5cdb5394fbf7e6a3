import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, expectNoProblems, futureDate, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'

// A Welsh-language campaign from creation to launch, in five browsers (two without JavaScript), with axe on every
// page it visits, on a machine shared with other work.
const JOURNEY_TIMEOUT_MS = 360_000
const POLL = { timeout: 10_000 }

type ProblemPage = Page & { problems: string[] }

const taskStatus = (page: Page, title: string) =>
  page
    .locator('.govuk-task-list__item')
    .filter({ has: page.locator('.govuk-task-list__name-and-hint > :first-child', { hasText: new RegExp(`^${title}$`) }) })
    .locator('.govuk-task-list__status')
    .textContent()

const WELSH_LETTER = 'Annwyl ((customer_name))\n\nEich Cyfeirnod Unigryw y Trethdalwr: ((reference))\n\nMae ein cofnodion yn dangos incwm rhent nad yw ar eich Ffurflen Dreth.'
const WELSH_TEXT = 'CThEF: ysgrifennon ni atoch am incwm rhent. Cysylltwch â ni os oes gennych gwestiwn.'

describe.skipIf(skipBrowser)('a Welsh-language campaign', () => {
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

  async function approve(page: ProblemPage, ref: string, group: string, label: string) {
    await page.goto(`${app.baseUrl}/sign-off`)
    await page.locator('#inbox tbody tr', { hasText: ref }).getByRole('link').click()
    await page.waitForURL(`**/campaigns/${ref}/sign-off/${group}`)
    await expectAccessible(page, `${label} review page`)
    await page.getByLabel('Approve this version').check()
    await submit(page, 'Record my decision')
    await page.waitForURL(`**/campaigns/${ref}/sign-off/${group}?notice=approved`)
  }

  it('goes from creation to launch with Welsh letters and text messages, a Welsh helpline forecast and Welsh lines, and catches an English edit', async () => {
    const base = app.baseUrl
    // 1. A designer describes a campaign in which 2,000 of 40,000 customers asked for Welsh.
    const designer = await person('designer@example.gov.uk')
    await designer.goto(`${base}/campaigns/new`)
    await designer.getByLabel('Campaign name').fill('Rental income: Welsh journey')
    await designer.getByLabel('Self Assessment').check()
    await designer.getByLabel('Objective').fill('Prompt landlords to declare rental income they left off their return.')
    await designer.getByLabel('Target population').fill('Landlords with letting-agent data and no property pages.')
    await designer.getByLabel('Population size').fill('40000')
    await designer.getByLabel('How many of these customers asked HMRC to write to them in Welsh? (optional)').fill('2000')
    const launch = futureDate(60)
    await designer.getByLabel('Day', { exact: true }).fill(launch.day)
    await designer.getByLabel('Month', { exact: true }).fill(launch.month)
    await designer.getByLabel('Year', { exact: true }).fill(launch.year)
    await designer.getByLabel('Unique Taxpayer Reference (UTR)').check()
    await designer.getByLabel('A response is possible').check()
    await designer.getByLabel('Response-handling process').fill('Replies go to the SA compliance mailbox and are logged within 5 working days.')
    await designer.locator('#extraLiability-2').check()
    await designer.locator('#pressInform-2').check()
    await designer.getByLabel('Why does the Press Office not need to be informed?').fill('A routine reminder.')
    await submit(designer, 'Create campaign')
    await designer.waitForURL(/\/campaigns\/OTM-\d{4}-\d{3}\?notice=created/)
    const ref = new URL(designer.url()).pathname.split('/')[2]!
    expect(await taskStatus(designer, 'Translate the messages into Welsh')).toContain('Cannot start yet')
    await expectAccessible(designer, 'campaign page with Welsh tasks')

    // 2. A letter and a text message, with a wave each.
    const wave = futureDate(40)
    const addMessage = async (channel: string, name: string, body: string) => {
      await designer.goto(`${base}/campaigns/${ref}/messages/new`)
      await designer.getByLabel(channel, { exact: true }).check()
      await designer.getByLabel('Unique Taxpayer Reference (UTR)').check()
      if (channel === 'Letter') await designer.getByLabel('Second class', { exact: true }).check()
      await designer.getByLabel('Name', { exact: true }).fill(name)
      if (channel === 'Letter') await designer.getByLabel('Address block').fill('((customer_name))\n((address_line_1))\n((postcode))')
      await designer.getByLabel('Body').fill(body)
      await designer.locator('#waves-0-day').fill(wave.day)
      await designer.locator('#waves-0-month').fill(wave.month)
      await designer.locator('#waves-0-year').fill(wave.year)
      await designer.locator('#waves-0-volume').fill('20000')
      await submit(designer, 'Save message')
      await designer.waitForURL(/\/messages\/[0-9a-f-]{36}\?notice=created$/)
      return new URL(designer.url()).pathname.split('/')[4]!
    }
    const letterId = await addMessage('Letter', 'Rental letter', 'Dear ((customer_name))\n\nYour Unique Taxpayer Reference: ((reference))\n\nOur records show rental income that is not on your return.')
    const textId = await addMessage('Text message (SMS)', 'Rental text', 'HMRC: we wrote to you about rental income. Call us if you have a question.')

    // 3. The forecast: every call to the Self Assessment helpline, but the Welsh share goes to the Welsh helpline.
    await designer.goto(`${base}/campaigns/${ref}/forecast`)
    await designer.getByLabel('Share of “Rental letter” calls for Self Assessment helpline, in %').fill('100')
    await designer.getByLabel('Share of “Rental text” calls for Self Assessment helpline, in %').fill('100')
    await submit(designer, 'Save forecast inputs')
    await designer.waitForURL(`**/campaigns/${ref}/forecast?notice=saved`)
    expect(await designer.locator('main').textContent()).toContain('Welsh language helpline')
    await designer.goto(`${base}/campaigns/${ref}`)
    expect(await taskStatus(designer, 'Forecast calls to the Welsh helpline')).toContain('Completed')

    // 4. A helpline line, then the Welsh page: nothing is translated yet.
    await designer.goto(`${base}/campaigns/${ref}/lines/new?audience=helpline`)
    await designer.getByLabel('Which standard question does it answer?').selectOption('why-sent')
    await designer.getByLabel('Question', { exact: true }).fill('Why have I been sent this letter?')
    await designer.getByLabel('Answer', { exact: true }).fill('Letting agents tell us about the rent they collect.')
    await submit(designer, 'Add the line')
    await designer.waitForURL(new RegExp(`/campaigns/${ref}/lines\\?notice=added`))
    await designer.goto(`${base}/campaigns/${ref}/welsh`)
    expect(await designer.locator('#welsh-customers').textContent()).toContain('2,000 of the campaign’s 40,000 customers (5%)')
    await expectAccessible(designer, 'Welsh page, nothing translated')

    // 5. The Welsh letter, bilingual: the preview has the Welsh page first, then the English.
    await designer.getByRole('link', { name: 'Add the Welsh for the message Rental letter' }).click()
    await designer.waitForURL(`**/campaigns/${ref}/welsh/messages/${letterId}`)
    await designer.getByLabel('Welsh body').fill(WELSH_LETTER)
    await submit(designer, 'Save the Welsh version')
    await designer.waitForURL(`**/welsh/messages/${letterId}?notice=saved`)
    await expect.poll(() => designer.locator('#translation-state').textContent(), POLL).toContain('Up to date')
    expect(await designer.locator('.app-letter').count()).toBe(2)
    expect(await designer.locator('.app-letter').first().getAttribute('lang')).toBe('cy')
    expect(await designer.locator('.app-letter--continued').textContent()).toContain('Our records show rental income')
    await expectAccessible(designer, 'Welsh letter saved')

    // 6. The Welsh line, and the Welsh text message through the translation file, without JavaScript.
    await designer.goto(`${base}/campaigns/${ref}/welsh`)
    await designer.getByRole('link', { name: /^Add the Welsh for the line / }).click()
    await designer.getByLabel('Welsh question').fill('Pam ydw i wedi cael y llythyr hwn?')
    await designer.getByLabel('Welsh answer').fill('Mae asiantau gosod yn rhoi gwybod i ni am y rhent y maen nhw’n ei gasglu.')
    await submit(designer, 'Save the Welsh version')
    await designer.waitForURL(/\/welsh\/lines\/[0-9a-f-]{36}\?notice=saved$/)
    await expectAccessible(designer, 'Welsh line saved')

    const offline = await person('designer@example.gov.uk', false)
    await offline.goto(`${base}/campaigns/${ref}/welsh/import`)
    await expectAccessible(offline, 'translation upload (no JavaScript)')
    const file = (welsh: string) => `\uFEFFitem,what,part,english_version,english,translated_from,welsh\r\nmessage:${textId},Text message (SMS): Rental text,body,1,HMRC,,"${welsh}"\r\n`
    // A placeholder the English has not got is named, and nothing is saved.
    await offline.locator('#file').setInputFiles({ name: 'welsh.csv', mimeType: 'text/csv', buffer: Buffer.from(file(`${WELSH_TEXT} ((enw))`)) })
    await submit(offline, 'Upload')
    expect(await offline.locator('.govuk-error-summary').textContent()).toContain('Row 2 (the text message “Rental text”, body): The Welsh body has the placeholder ((enw))')
    await expectAccessible(offline, 'translation upload refused')
    await offline.locator('#file').setInputFiles({ name: 'welsh.csv', mimeType: 'text/csv', buffer: Buffer.from(file(WELSH_TEXT)) })
    await submit(offline, 'Upload')
    await offline.waitForURL(`**/campaigns/${ref}/welsh?notice=imported&count=1`)
    await offline.goto(`${base}/campaigns/${ref}/welsh/messages/${textId}`)
    // The Welsh letter â makes it Unicode: the count says so without JavaScript.
    expect(await offline.locator('.app-sms-count__summary').first().textContent()).toContain('in Unicode (UCS-2)')
    expect(await offline.locator('.app-sms-count__welsh').first().textContent()).toContain('The Welsh letters â are not in the GSM alphabet')
    expect(await offline.locator('#body').getAttribute('lang')).toBe('cy')
    await expectAccessible(offline, 'Welsh text message (no JavaScript)')
    // With JavaScript the count follows the typing.
    await designer.goto(`${base}/campaigns/${ref}/welsh/messages/${textId}`)
    await designer.getByLabel('Welsh body').fill(`${WELSH_TEXT} ${'ŵ'.repeat(20)}`)
    await expect.poll(() => designer.locator('.app-sms-count__summary').first().textContent(), POLL).toContain('2 text messages of up to 67 characters each')

    // 7. Sign-off: Customer Services (no JavaScript) and Welsh Language Services approve.
    await designer.goto(`${base}/campaigns/${ref}/sign-off`)
    expect(await designer.locator('#sign-off-groups [data-group=welsh-language-services]').textContent()).toContain('Welsh Language Services')
    await submit(designer, 'Ask for sign-off')
    await designer.waitForURL(`**/campaigns/${ref}/sign-off?notice=asked`)
    const customerServices = await person('customer-services@example.gov.uk', false)
    await approve(customerServices, ref, 'customer-services', 'Customer Services (no JavaScript)')
    const welshServices = await person('welsh-language-services@example.gov.uk')
    await welshServices.goto(`${base}/campaigns/${ref}/sign-off/welsh-language-services`)
    expect(await welshServices.locator('.app-scope [lang=cy]').first().textContent()).toContain('Annwyl')
    await approve(welshServices, ref, 'welsh-language-services', 'Welsh Language Services')
    await designer.goto(`${base}/campaigns/${ref}`)
    expect(await taskStatus(designer, 'Get sign-off')).toContain('Completed')

    // 8. The English letter changes: the Welsh is marked out of date, shows the diff, and launch is blocked.
    await designer.goto(`${base}/campaigns/${ref}/messages/${letterId}/edit`)
    await designer.getByLabel('Body').fill('Dear ((customer_name))\n\nYour Unique Taxpayer Reference: ((reference))\n\nOur records show rental income that is not on your return. Please act within 30 days.')
    await submit(designer, 'Save changes')
    await designer.waitForURL(new RegExp(`/messages/${letterId}\\?notice=saved`))
    await expect.poll(() => designer.locator('#welsh-version').textContent(), POLL).toContain('Out of date')
    await designer.goto(`${base}/campaigns/${ref}`)
    expect(await taskStatus(designer, 'Translate the messages into Welsh')).toContain('There is a problem')
    await designer.goto(`${base}/campaigns/${ref}/welsh/messages/${letterId}`)
    expect(await designer.locator('#translation-state').textContent()).toContain('Out of date')
    expect((await designer.locator('#english-changes ins').allTextContents()).join(' ')).toContain('Please act within 30 days.')
    await expectAccessible(designer, 'Welsh letter out of date, with the English diff')

    // Both groups approve the new version, but the Welsh still translates the old English: launch says so.
    await approve(customerServices, ref, 'customer-services', 'Customer Services again')
    await welshServices.goto(`${base}/campaigns/${ref}/sign-off/welsh-language-services`)
    expect(await welshServices.locator('.app-translation-stale').count()).toBe(1)
    await approve(welshServices, ref, 'welsh-language-services', 'Welsh Language Services on the out-of-date Welsh')
    await designer.goto(`${base}/campaigns/${ref}/launch`)
    expect(await designer.locator('#launch-problems').textContent()).toContain('The Welsh version of the letter “Rental letter” is out of date')
    await expectAccessible(designer, 'launch blocked by an out-of-date translation')
    await submit(designer, 'Launch the campaign')
    await expect.poll(() => designer.locator('.govuk-error-summary').textContent(), POLL).toContain('The Welsh version of the letter “Rental letter” is out of date')

    // 9. The Welsh is brought up to date (without JavaScript), Welsh Language Services approves it, and it launches.
    await offline.goto(`${base}/campaigns/${ref}/welsh/messages/${letterId}`)
    await offline.getByLabel('Welsh body').fill(`${WELSH_LETTER} Gweithredwch cyn pen 30 diwrnod.`)
    await submit(offline, 'Save the Welsh version')
    await offline.waitForURL(`**/welsh/messages/${letterId}?notice=saved`)
    expect(await offline.locator('#translation-state').textContent()).toContain('Up to date')
    await expectAccessible(offline, 'Welsh letter brought up to date (no JavaScript)')
    // Customer Services signs the Welsh messages too, so both groups see the new Welsh.
    await designer.goto(`${base}/campaigns/${ref}/launch`)
    expect(await designer.locator('#launch-problems').textContent()).toContain('The Welsh Language Services approval is out of date')
    await approve(customerServices, ref, 'customer-services', 'Customer Services on the current Welsh')
    await approve(welshServices, ref, 'welsh-language-services', 'Welsh Language Services on the current Welsh')
    await designer.goto(`${base}/campaigns/${ref}/launch`)
    expect(await designer.locator('#launch-problems').count()).toBe(0)
    await submit(designer, 'Launch the campaign')
    await designer.waitForURL(`**/campaigns/${ref}?notice=launched`)
    await designer.goto(`${base}/campaigns/${ref}/pack/welsh-helpline`)
    expect(await designer.locator('h1').textContent()).toBe('Welsh helpline handler pack')
    expect(await designer.locator('.app-pack-line [lang=cy]').first().textContent()).toContain('Pam ydw i wedi cael y llythyr hwn?')
    await expectAccessible(designer, 'Welsh helpline pack')

    // At 320 px wide no Welsh page scrolls sideways (the letter preview scrolls inside its own box).
    await designer.setViewportSize({ width: 320, height: 800 })
    for (const path of ['/welsh', `/welsh/messages/${letterId}`, `/welsh/messages/${textId}`, `/sign-off/welsh-language-services`]) {
      await designer.goto(`${base}/campaigns/${ref}${path}`)
      expect(await designer.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320)
    }

    for (const page of [designer, offline, customerServices, welshServices]) expectNoProblems(page)
  }, JOURNEY_TIMEOUT_MS)
})
