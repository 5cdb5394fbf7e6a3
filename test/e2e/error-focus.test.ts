// Every form in the service, submitted so that it fails, with JavaScript on and off: the user lands on the error
// summary (focus on it, in view, "Error:" in the title), as GOV.UK Frontend's ErrorSummary does. A route with an
// action that is missing below fails the test, so a new form is checked from the day it is added.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoProblems, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'
import { addPendingBankHolidays, readDemoWorkspace, type DemoWorkspace } from '../support/demo-workspace'

type Who = 'designer' | 'customer-services' | 'press-office' | 'admin' | 'signed out'

interface FailingSubmission {
  who: Who
  path: (demo: DemoWorkspace & { uploadId: string }) => string
  /** Fills the form so that the server refuses it (or makes the page out of date), then submits it. */
  fail: (page: Page) => Promise<unknown>
  /** Only with JavaScript: why the page without it cannot be checked yet. */
  javaScriptOnly?: string
}

type FormCase = FailingSubmission | { noForm: string }

/** Makes a hidden field stale, as if someone else had saved first. */
const stale = (page: Page, name = 'version', value = '999999') =>
  page
    .locator(`input[type="hidden"][name="${name}"]`)
    .first()
    .evaluate((input, v) => ((input as HTMLInputElement).value = v), value)

const press = (name: string | RegExp) => (page: Page) => submit(page, name)

const FORMS: Record<string, FormCase> = {
  $: { noForm: 'it answers a post to an unknown address with the not-found page' },
  logout: { noForm: 'signing out cannot fail: it ends the session and shows the sign-in page' },
  login: { who: 'signed out', path: () => '/login', fail: press('Sign in') },
  'admin.users.new': { who: 'admin', path: () => '/admin/users/new', fail: press('Add user') },
  'admin.users.$id': {
    who: 'admin',
    path: (d) => `/admin/users/${d.userIds['viewer@example.gov.uk']}`,
    fail: async (page) => {
      await page.locator('#name').fill('')
      await submit(page, 'Save changes')
    },
  },
  'admin.bank-holidays._index': { who: 'admin', path: () => '/admin/bank-holidays', fail: press('Check the file') },
  'admin.bank-holidays.$uploadId': {
    who: 'admin',
    path: (d) => `/admin/bank-holidays/${d.uploadId}`,
    fail: async (page) => {
      await stale(page, 'base', 'someone-else-applied-a-file')
      await submit(page, 'Apply these changes')
    },
  },
  'campaigns.new': { who: 'designer', path: () => '/campaigns/new', fail: press('Create campaign') },
  'campaigns.$ref.describe.edit': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/describe/edit`,
    fail: async (page) => {
      await page.locator('#name').fill('')
      await submit(page, 'Save changes')
    },
  },
  'campaigns.$ref.messages.new': { who: 'designer', path: (d) => `/campaigns/${d.awaiting.ref}/messages/new`, fail: press('Save message') },
  'campaigns.$ref.messages.$id.edit': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/messages/${d.letterId}/edit`,
    fail: async (page) => {
      await page.locator('#name').fill('')
      await submit(page, 'Save changes')
    },
  },
  'campaigns.$ref.messages.$id.delete': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/messages/${d.letterId}/delete`,
    fail: async (page) => {
      await stale(page)
      await submit(page, 'Delete message')
    },
    javaScriptOnly: 'the delete page shows the plain GOV.UK error summary, which takes focus only through GOV.UK Frontend’s script',
  },
  'campaigns.$ref.messages.fields': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/messages/fields`,
    fail: async (page) => {
      await page.locator('#name').fill('Not a name!')
      await submit(page, 'Add field')
    },
  },
  'campaigns.$ref.forecast._index': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/forecast`,
    fail: async (page) => {
      await page.locator('#rateCentral').fill('eight')
      await submit(page, 'Save forecast inputs')
    },
  },
  'campaigns.$ref.lines._index': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/lines`,
    fail: async (page) => {
      await stale(page)
      await submit(page, () => page.locator('form.app-line-move').first().getByRole('button').first().click())
    },
  },
  'campaigns.$ref.lines.new': { who: 'designer', path: (d) => `/campaigns/${d.awaiting.ref}/lines/new?audience=helpline`, fail: press('Add the line') },
  'campaigns.$ref.lines.$lineId.edit': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/lines/${d.lineId}/edit`,
    fail: async (page) => {
      await page.locator('#question').fill('')
      await submit(page, 'Save changes')
    },
  },
  'campaigns.$ref.lines.$lineId.remove': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/lines/${d.lineId}/remove`,
    fail: async (page) => {
      await stale(page, 'version', 'not a version')
      await submit(page, 'Yes, remove it')
    },
  },
  'campaigns.$ref.scripts.$callType._index': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/scripts/${d.callType}`,
    fail: async (page) => {
      await stale(page, 'version', 'not a version')
      await submit(page, 'Save and check the script')
    },
  },
  'campaigns.$ref.scripts.$callType.remove': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/scripts/${d.callType}/remove`,
    fail: async (page) => {
      await stale(page)
      await submit(page, 'Yes, remove it')
    },
  },
  'campaigns.$ref.debt-management': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/debt-management`,
    fail: async (page) => {
      await stale(page, 'version', 'not a version')
      await submit(page, 'Save the special treatment')
    },
  },
  'campaigns.$ref.press': {
    who: 'designer',
    path: (d) => `/campaigns/${d.awaiting.ref}/press`,
    fail: async (page) => {
      await page.locator('#launchDateTold-day').fill('32')
      await submit(page, /^(Save the date|Confirm the launch date)$/)
    },
  },
  'campaigns.$ref.sign-off._index': {
    who: 'designer',
    path: (d) => `/campaigns/${d.drafts[0]!.ref}/sign-off`,
    fail: async (page) => {
      await stale(page, 'intent', 'something else')
      await submit(page, 'Ask for sign-off')
    },
  },
  'campaigns.$ref.sign-off.$group': {
    who: 'press-office',
    path: (d) => `/campaigns/${d.awaiting.ref}/sign-off/press-office`,
    fail: press('Record my decision'),
  },
  'campaigns.$ref.launch': { who: 'designer', path: (d) => `/campaigns/${d.awaiting.ref}/launch`, fail: press('Launch the campaign') },
  'campaigns.$ref.actuals._index': { who: 'customer-services', path: (d) => `/campaigns/${d.launched.ref}/actuals`, fail: press('Save the calls') },
  'campaigns.$ref.actuals.upload': { who: 'customer-services', path: (d) => `/campaigns/${d.launched.ref}/actuals/upload`, fail: press('Upload') },
  'campaigns.$ref.forecast.reforecast': {
    who: 'customer-services',
    path: (d) => `/campaigns/${d.launched.ref}/forecast/reforecast`,
    fail: async (page) => {
      // As if someone else had re-forecast meanwhile.
      await stale(page, 'seen', '999999')
      await submit(page, 'Re-forecast the days still to come')
    },
  },
  'helplines.new': { who: 'customer-services', path: () => '/helplines/new', fail: press('Add helpline') },
  'helplines.$id.edit': {
    who: 'customer-services',
    path: (d) => `/helplines/${d.helplineId}/edit`,
    fail: async (page) => {
      await page.locator('#name').fill('')
      await submit(page, 'Save changes')
    },
  },
}

/** Every route file that has an action, by the same rule as the hostile-input catalogue. */
function routesWithActions(): string[] {
  const dir = path.resolve('app/routes')
  return fs
    .readdirSync(dir)
    .filter((file) => /\.(tsx|ts)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => /export\s+(async\s+)?(function|const|let)\s+action\b|export\s*\{[^}]*\baction\b/.test(fs.readFileSync(path.join(dir, file), 'utf8')))
    .map((file) => file.replace(/\.tsx?$/, ''))
    .sort()
}

describe('the list of forms', () => {
  it('has every route that has an action', () => {
    expect(routesWithActions().length).toBeGreaterThanOrEqual(29)
    expect(Object.keys(FORMS).sort()).toEqual(routesWithActions())
  })
})

for (const javaScriptEnabled of [true, false]) {
  describe.skipIf(skipBrowser)(`a failed submission takes the user to the errors (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    let app: RunningApp
    let browser: Browser
    let demo: DemoWorkspace & { uploadId: string }
    const pages = new Map<Who, Page & { problems: string[] }>()

    beforeAll(async () => {
      app = await startApp()
      browser = await launchBrowser()
      const workspace = await readDemoWorkspace(app.databaseFile)
      demo = { ...workspace, uploadId: await addPendingBankHolidays(app.databaseFile, workspace.userIds['admin@example.gov.uk']!) }
    })
    afterAll(async () => {
      await browser?.close()
      await app?.stop()
    })

    /** One signed-in page per person, kept for every form they fill in. */
    async function pageFor(who: Who) {
      const known = pages.get(who)
      if (known) return known
      const page = await openPage(await newContext(browser, { javaScriptEnabled }))
      if (who !== 'signed out') await signIn(page, app.baseUrl, `${who}@example.gov.uk`)
      pages.set(who, page)
      return page
    }

    for (const [route, form] of Object.entries(FORMS)) {
      if ('noForm' in form) continue
      if (!javaScriptEnabled && form.javaScriptOnly) continue
      it(`${route}: focus is on the error summary, in view`, async () => {
        const page = await pageFor(form.who)
        await page.goto(`${app.baseUrl}${form.path(demo)}`)
        // Somewhere else first: the summary must take focus, not merely be the first thing on a new page.
        await page.locator('main').evaluate((main) => main.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select, button')?.focus())
        await form.fail(page)
        await expect.poll(() => page.title()).toMatch(/^Error: /)
        await expect
          .poll(() =>
            page.evaluate(() => {
              const summary = document.activeElement?.closest('.govuk-error-summary')
              if (!summary) return `focus is on ${document.activeElement?.tagName ?? 'nothing'}`
              const { top } = summary.getBoundingClientRect()
              return top >= 0 && top < window.innerHeight ? 'on the summary, in view' : `the summary is at ${Math.round(top)} px`
            })
          )
          .toBe('on the summary, in view')
        expect(await page.locator('.govuk-error-summary li').count()).toBeGreaterThan(0)
        expectNoProblems(page)
      })
    }
  })
}
