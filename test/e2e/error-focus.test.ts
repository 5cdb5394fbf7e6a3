// Every form in the service, submitted so that it fails, with JavaScript on and off: the user lands on the error
// summary (focus on it, in view, "Error:" in the title), as GOV.UK Frontend's ErrorSummary does. A route with an
// action that is missing below fails the test, so a new form is checked from the day it is added.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, expectNoProblems, launchBrowser, newContext, openPage, openReady, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'
import { totpCode } from '../../app/utils/totp.server'
import {
  addPendingBankHolidays,
  addSignInStepAccounts,
  emailSettingsPath,
  readDemoWelsh,
  readDemoWorkspace,
  SIGN_IN_STEP_ACCOUNTS,
  SIGN_IN_STEP_SECRET,
  type DemoWelsh,
  type DemoWorkspace,
} from '../support/demo-workspace'

/** A role; someone signed out; part-way through signing in (at that step); or signed in with two-factor sign-in on. */
type Who = 'designer' | 'customer-services' | 'press-office' | 'admin' | 'signed out' | keyof typeof SIGN_IN_STEP_ACCOUNTS | 'with two-factor'

/** Signs the links in emails, in the app and in this test alike. */
const LINK_SIGNING_KEY = 'error-focus-test-link-signing-key-0123456789'

interface FailingSubmission {
  who: Who
  path: (demo: Demo) => string
  /** Fills the form so that the server refuses it (or makes the page out of date), then submits it. */
  fail: (page: Page) => Promise<unknown>
  /** Only with JavaScript: why the page without it cannot be checked yet. */
  javaScriptOnly?: string
}

type FormCase = FailingSubmission | { noForm: string }
type Demo = DemoWorkspace & { uploadId: string; welsh: DemoWelsh }

/** Makes a hidden field stale, as if someone else had saved first. */
const stale = (page: Page, name = 'version', value = '999999') =>
  page
    .locator(`input[type="hidden"][name="${name}"]`)
    .first()
    .evaluate((input, v) => ((input as HTMLInputElement).value = v), value)

const press = (name: string | RegExp) => (page: Page) => submit(page, name)

/** Gives a submit button a value the form never offers, then presses it. */
const pressWithValue = (name: string, value: string) => async (page: Page) => {
  await page
    .getByRole('button', { name, exact: true })
    .first()
    .evaluate((button, v) => ((button as HTMLButtonElement).value = v), value)
  await submit(page, name)
}

/** Gives the first checked radio a value the form never offers, then saves. */
const tamperedChoice = (buttonName: string) => async (page: Page) => {
  await page
    .locator('main input[type="radio"]:checked')
    .first()
    .evaluate((input) => ((input as HTMLInputElement).value = 'every-hour'))
  await submit(page, buttonName)
}

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
  'account.password': { who: 'designer', path: () => '/account/password', fail: press('Change password') },
  'account.sessions': {
    who: 'designer',
    path: () => '/account/sessions',
    fail: async (page) => {
      // Signed in on a second browser too, so the page has sessions to sign out.
      const elsewhere = await page.context().browser()!.newContext()
      await signIn(await elsewhere.newPage(), new URL(page.url()).origin, 'designer@example.gov.uk')
      await elsewhere.close()
      await page.reload()
      await stale(page, 'intent', 'something else')
      await submit(page, () => page.locator('main form').first().locator('button[type="submit"]').click())
    },
  },
  'account.two-factor._index': { who: 'with two-factor', path: () => '/account/two-factor', fail: press('Make new recovery codes') },
  'account.two-factor.setup': { who: 'designer', path: () => '/account/two-factor/setup', fail: press('Turn on two-factor sign-in') },
  'admin.notifications': { who: 'admin', path: () => '/admin/notifications', fail: press('Send a test email') },
  'admin.users.$id_.sign-in': {
    who: 'admin',
    path: (d) => `/admin/users/${d.userIds['viewer@example.gov.uk']}/sign-in`,
    fail: async (page) => {
      await stale(page, 'intent', 'something else')
      await submit(page, () => page.locator('main form').filter({ has: page.locator('input[name="intent"]') }).first().locator('button[type="submit"]').click())
    },
  },
  'login_.two-factor': { who: 'code', path: () => '/login/two-factor', fail: press('Continue') },
  'login_.new-password': { who: 'new-password', path: () => '/login/new-password', fail: press('Save password and continue') },
  'login_.set-up-two-factor': { who: 'set-up-two-factor', path: () => '/login/set-up-two-factor', fail: press('Turn on two-factor sign-in') },
  'notifications._index': { who: 'press-office', path: () => '/notifications', fail: pressWithValue('Mark all as read', 'something else') },
  'notifications.calendar-feed': { who: 'customer-services', path: () => '/notifications/calendar-feed', fail: pressWithValue('Make my feed address', 'something else') },
  'notifications.preferences': { who: 'press-office', path: () => '/notifications/preferences', fail: tamperedChoice('Save your choices') },
  'notifications.email-settings.$token': {
    who: 'signed out',
    path: (d) => emailSettingsPath(d.userIds['press-office@example.gov.uk']!, LINK_SIGNING_KEY),
    fail: tamperedChoice('Save your choices'),
  },
  'campaigns.$ref.welsh.request': { who: 'designer', path: (d) => `/campaigns/${d.welsh.ref}/welsh/request`, fail: press('Ask for the translation') },
  'campaigns.$ref.welsh.import': { who: 'designer', path: (d) => `/campaigns/${d.welsh.ref}/welsh/import`, fail: press('Upload') },
  'campaigns.$ref.welsh.messages.$id': {
    who: 'designer',
    path: (d) => `/campaigns/${d.welsh.ref}/welsh/messages/${d.welsh.messageId}`,
    fail: async (page) => {
      await stale(page, 'version', 'not a version')
      await submit(page, 'Save the Welsh version')
    },
  },
  'campaigns.$ref.welsh.lines.$lineId': {
    who: 'designer',
    path: (d) => `/campaigns/${d.welsh.ref}/welsh/lines/${d.welsh.lineId}`,
    fail: async (page) => {
      await stale(page, 'version', 'not a version')
      await submit(page, 'Save the Welsh version')
    },
  },
  'campaigns.$ref.welsh.scripts.$callType': {
    who: 'designer',
    path: (d) => `/campaigns/${d.welsh.ref}/welsh/scripts/${d.welsh.callType}`,
    fail: async (page) => {
      await stale(page, 'version', 'not a version')
      await submit(page, 'Save and check the Welsh script')
    },
  },
  'campaigns.$ref.welsh.$kind.$id.remove': {
    who: 'designer',
    path: (d) => `/campaigns/${d.welsh.ref}/welsh/messages/${d.welsh.messageId}/remove`,
    fail: async (page) => {
      await stale(page)
      await submit(page, 'Yes, remove the Welsh version')
    },
  },
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
    let demo: Demo
    const pages = new Map<Who, Page & { problems: string[] }>()

    beforeAll(async () => {
      app = await startApp({ LINK_SIGNING_KEY })
      browser = await launchBrowser()
      const workspace = await readDemoWorkspace(app.databaseFile)
      await addSignInStepAccounts(app.databaseFile)
      demo = {
        ...workspace,
        uploadId: await addPendingBankHolidays(app.databaseFile, workspace.userIds['admin@example.gov.uk']!),
        welsh: await readDemoWelsh(app.databaseFile),
      }
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
      if (who === 'with two-factor' || who in SIGN_IN_STEP_ACCOUNTS) {
        // Signing in stops at the step this account owes; the account with an authenticator app then gives its code.
        const step: keyof typeof SIGN_IN_STEP_ACCOUNTS = who === 'with two-factor' ? 'code' : (who as keyof typeof SIGN_IN_STEP_ACCOUNTS)
        await page.goto(`${app.baseUrl}/login`)
        await page.getByLabel('Email address').fill(SIGN_IN_STEP_ACCOUNTS[step])
        await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
        await Promise.all([page.waitForURL(`**/login/${step === 'code' ? 'two-factor' : step}`), page.getByRole('button', { name: 'Sign in', exact: true }).click()])
        if (who === 'with two-factor') {
          await page.locator('#code').fill(totpCode(SIGN_IN_STEP_SECRET, Date.now()))
          await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Continue', exact: true }).click()])
        }
      } else if (who !== 'signed out') await signIn(page, app.baseUrl, `${who}@example.gov.uk`)
      pages.set(who, page)
      return page
    }

    for (const [route, form] of Object.entries(FORMS)) {
      if ('noForm' in form) continue
      if (!javaScriptEnabled && form.javaScriptOnly) continue
      it(`${route}: focus is on the error summary, in view`, async () => {
        const page = await pageFor(form.who)
        await openReady(page, `${app.baseUrl}${form.path(demo)}`)
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
