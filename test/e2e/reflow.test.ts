// Every page each role can reach, on a 320 px screen (WCAG 1.4.10, reflow): the page never scrolls sideways, and
// axe-core finds nothing wrong. The pages come from the routes and the demo workspace; a page route left out of the
// list fails the test, so a new page is measured from the day it is added. A page a role is sent exactly as another
// role was (the same HTML, tokens aside) lays out the same, so the browser loads it once.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, DEMO_PASSWORD, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'
import {
  addPendingBankHolidays,
  addSignInStepAccounts,
  emailSettingsPath,
  findRevisedRecord,
  readDemoWelsh,
  readDemoWorkspace,
  SIGN_IN_STEP_ACCOUNTS,
  type DemoWelsh,
  type DemoWorkspace,
} from '../support/demo-workspace'

const NARROWEST = 320

interface PageToVisit {
  /** The route file it is served by, without its extension. */
  route: string
  path: string
  /** 404 for the page that answers an unknown address. */
  status?: number
  /** Seen only before signing in (signing in sends a signed-in user on). */
  signedOut?: boolean
  /** Seen part-way through signing in: this account's password is given first, and the sign-in stops at the page. */
  signInAs?: string
}

/** Signs the links in emails, in the app and in this test alike. */
const LINK_SIGNING_KEY = 'reflow-test-link-signing-key-0123456789abcdef'
/** Single sign-on is set up, but its provider does not answer: the sign-on pages show what went wrong. */
const UNREACHABLE_PROVIDER = { OIDC_ISSUER: 'https://127.0.0.1:9/', OIDC_CLIENT_ID: 'otm-planner', OIDC_CLIENT_SECRET: 'not-used' }

function pagesToVisit(
  demo: DemoWorkspace,
  extra: { uploadId: string; revised: { ref: string; entityType: string; entityId: string; version: number }; welsh: DemoWelsh }
): PageToVisit[] {
  const welsh = `/campaigns/${extra.welsh.ref}/welsh`
  const c = `/campaigns/${demo.awaiting.ref}`
  const launched = `/campaigns/${demo.launched.ref}`
  const history = `/campaigns/${extra.revised.ref}/history/${extra.revised.entityType}/${extra.revised.entityId}`
  const page = (route: string, path: string, status?: number): PageToVisit => ({ route, path, status })
  return [
    { route: 'login', path: '/login', signedOut: true },
    { route: 'login', path: '/login?signedOut=1', signedOut: true },
    { route: 'login_.signed-out', path: '/login/signed-out', signedOut: true },
    { route: 'login_.sso', path: '/login/sso', status: 503, signedOut: true },
    { route: 'login_.sso_.callback', path: '/login/sso/callback?code=a&state=b', status: 400, signedOut: true },
    { route: 'login_.two-factor', path: '/login/two-factor', signedOut: true, signInAs: SIGN_IN_STEP_ACCOUNTS.code },
    { route: 'login_.new-password', path: '/login/new-password', signedOut: true, signInAs: SIGN_IN_STEP_ACCOUNTS['new-password'] },
    { route: 'login_.set-up-two-factor', path: '/login/set-up-two-factor', signedOut: true, signInAs: SIGN_IN_STEP_ACCOUNTS['set-up-two-factor'] },
    {
      route: 'notifications.email-settings.$token',
      path: emailSettingsPath(demo.userIds['press-office@example.gov.uk']!, LINK_SIGNING_KEY),
      signedOut: true,
    },
    page('_index', '/'),
    page('$', '/no-such-page', 404),
    page('campaigns._index', '/campaigns'),
    page('campaigns._index', '/campaigns?sort=launch-desc&status=draft'),
    page('campaigns.new', '/campaigns/new'),
    ...[demo.awaiting, demo.approved, demo.launched, demo.closed, ...demo.drafts].map((x) => page('campaigns.$ref._index', `/campaigns/${x.ref}`)),
    page('campaigns.$ref.describe._index', `${c}/describe`),
    page('campaigns.$ref.describe.edit', `${c}/describe/edit`),
    page('campaigns.$ref.messages._index', `${c}/messages`),
    page('campaigns.$ref.messages.new', `${c}/messages/new`),
    page('campaigns.$ref.messages.fields', `${c}/messages/fields`),
    page('campaigns.$ref.messages.$id._index', `${c}/messages/${demo.letterId}`),
    page('campaigns.$ref.messages.$id.edit', `${c}/messages/${demo.letterId}/edit`),
    page('campaigns.$ref.messages.$id.preview', `${c}/messages/${demo.letterId}/preview`),
    page('campaigns.$ref.messages.$id.delete', `${c}/messages/${demo.letterId}/delete`),
    page('campaigns.$ref.forecast._index', `${c}/forecast`),
    page('campaigns.$ref.forecast.briefing.$helplineId', `${c}/forecast/briefing/${demo.helplineId}`),
    page('campaigns.$ref.lines._index', `${c}/lines`),
    page('campaigns.$ref.lines.new', `${c}/lines/new`),
    page('campaigns.$ref.lines.$lineId.edit', `${c}/lines/${demo.lineId}/edit`),
    page('campaigns.$ref.lines.$lineId.remove', `${c}/lines/${demo.lineId}/remove`),
    page('campaigns.$ref.scripts._index', `${c}/scripts`),
    page('campaigns.$ref.scripts.$callType._index', `${c}/scripts/${demo.callType}`),
    page('campaigns.$ref.scripts.$callType.remove', `${c}/scripts/${demo.callType}/remove`),
    page('campaigns.$ref.debt-management', `${c}/debt-management`),
    page('campaigns.$ref.press', `${c}/press`),
    ...['helpline', 'debt-management', 'press'].map((audience) => page('campaigns.$ref.pack.$audience', `${c}/pack/${audience}`)),
    page('campaigns.$ref.sign-off._index', `${c}/sign-off`),
    ...['customer-services', 'debt-management', 'press-office'].map((group) => page('campaigns.$ref.sign-off.$group', `${c}/sign-off/${group}`)),
    page('campaigns.$ref.sign-off.$group', `/campaigns/${demo.approved.ref}/sign-off/customer-services`),
    page('campaigns.$ref.launch', `${c}/launch`),
    page('campaigns.$ref.launch', `/campaigns/${demo.approved.ref}/launch`),
    page('campaigns.$ref.launch', `${launched}/launch`),
    page('campaigns.$ref.actuals._index', `${launched}/actuals`),
    page('campaigns.$ref.actuals.upload', `${launched}/actuals/upload`),
    page('campaigns.$ref.forecast._index', `${launched}/forecast`),
    page('campaigns.$ref.forecast.reforecast', `${launched}/forecast/reforecast`),
    page('campaigns.$ref.audit', `${c}/audit`),
    page('campaigns.$ref.history.$entityType.$entityId._index', history),
    page('campaigns.$ref.history.$entityType.$entityId.compare', `${history}/compare?from=1&to=${extra.revised.version}`),
    page('campaigns.$ref.welsh._index', welsh),
    page('campaigns.$ref.welsh.request', `${welsh}/request`),
    page('campaigns.$ref.welsh.import', `${welsh}/import`),
    page('campaigns.$ref.welsh.messages.$id', `${welsh}/messages/${extra.welsh.messageId}`),
    page('campaigns.$ref.welsh.lines.$lineId', `${welsh}/lines/${extra.welsh.lineId}`),
    page('campaigns.$ref.welsh.scripts.$callType', `${welsh}/scripts/${extra.welsh.callType}`),
    page('campaigns.$ref.welsh.$kind.$id.remove', `${welsh}/messages/${extra.welsh.messageId}/remove`),
    page('helplines._index', '/helplines'),
    page('helplines.new', '/helplines/new'),
    page('helplines.$id._index', `/helplines/${demo.helplineId}`),
    page('helplines.$id.edit', `/helplines/${demo.helplineId}/edit`),
    page('helplines.$id.calendar', `/helplines/${demo.helplineId}/calendar`),
    page('sign-off._index', '/sign-off'),
    page('forecast-accuracy._index', '/forecast-accuracy'),
    page('admin._index', '/admin'),
    page('admin.users._index', '/admin/users'),
    page('admin.users.new', '/admin/users/new'),
    page('admin.users.$id', `/admin/users/${demo.userIds['viewer@example.gov.uk']}`),
    page('admin.users.$id_.sign-in', `/admin/users/${demo.userIds['viewer@example.gov.uk']}/sign-in`),
    page('admin.notifications', '/admin/notifications'),
    page('admin.security', '/admin/security'),
    page('account._index', '/account'),
    page('account.password', '/account/password'),
    page('account.sessions', '/account/sessions'),
    page('account.two-factor._index', '/account/two-factor'),
    page('account.two-factor.setup', '/account/two-factor/setup'),
    page('notifications._index', '/notifications'),
    page('notifications.preferences', '/notifications/preferences'),
    page('notifications.calendar-feed', '/notifications/calendar-feed'),
    page('admin.bank-holidays._index', '/admin/bank-holidays'),
    page('admin.bank-holidays.$uploadId', `/admin/bank-holidays/${extra.uploadId}`),
  ]
}

/** The page routes: every route file with a default export (a page), not the downloads. */
function pageRoutes(): string[] {
  const dir = path.resolve('app/routes')
  return fs
    .readdirSync(dir)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => /export\s+default\b/.test(fs.readFileSync(path.join(dir, file), 'utf8')))
    .map((file) => file.replace(/\.tsx?$/, ''))
    .sort()
}

/**
 * Pages being rebuilt with their charts and tables, and what is still wrong with them on a 320 px screen: wider than
 * the screen, or axe-core rules they break there. Each is reported instead of failing the test; take an entry off the
 * list as soon as its page passes.
 */
const BEING_REBUILT: Record<string, { tooWide?: boolean; axeRules?: string[] }> = {}

// In this order, two at a time: the viewer, who may only read, lays out the read-only pages beside the designer's;
// the other roles then load in the browser only what looks different to them.
const ROLES = ['designer', 'viewer', 'customer-services', 'debt-management', 'press-office', 'admin'] as const

describe.skipIf(skipBrowser)('every page at 320 px, for every role', () => {
  let app: RunningApp
  let browser: Browser
  let pages: PageToVisit[]
  const reached = new Map<string, Set<string>>()
  const known: string[] = []
  const checked = new Set<string>()
  /** Parts of pages already laid out at 320 px: a page whose header and content are both among them looks the same. */
  const laidOut = new Set<string>()
  const visits = new Map<string, { inBrowser: number; alreadyLaidOut: number }>()

  beforeAll(async () => {
    app = await startApp({ LINK_SIGNING_KEY, ...UNREACHABLE_PROVIDER })
    browser = await launchBrowser()
    const demo = await readDemoWorkspace(app.databaseFile)
    const uploadId = await addPendingBankHolidays(app.databaseFile, demo.userIds['admin@example.gov.uk']!)
    await addSignInStepAccounts(app.databaseFile)
    const welsh = await readDemoWelsh(app.databaseFile)
    // A second version of a draft's description, so there are versions to compare.
    const context = await newContext(browser)
    const page = await openPage(context)
    await signIn(page, app.baseUrl, 'designer@example.gov.uk')
    await page.goto(`${app.baseUrl}/campaigns/${demo.drafts[0]!.ref}/describe/edit`)
    await page.getByLabel('Objective').fill('Prompt customers to check their Capital Gains Tax on cryptoasset disposals, and to tell us about any gains.')
    await submit(page, 'Save changes')
    await context.close()
    const revised = await findRevisedRecord(app.databaseFile)
    if (!revised) throw new Error('Saving the description made no second version')
    pages = pagesToVisit(demo, { uploadId, revised, welsh })
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    console.info(`Pages per role: loaded in the browser / already laid out for another role\n  ${[...visits].map(([who, n]) => `${who}: ${n.inBrowser} / ${n.alreadyLaidOut}`).join('\n  ')}`)
    if (known.length) console.warn(`Known problems at ${NARROWEST} px on pages being rebuilt (BEING_REBUILT):\n  ${[...new Set(known)].join('\n  ')}`)
  })

  it('lists every page route', () => {
    expect(pageRoutes().length).toBeGreaterThanOrEqual(45)
    expect([...new Set(pages.map((p) => p.route))].sort()).toEqual(pageRoutes())
  })

  /** Visits every page this browser can open; returns what is wrong, page by page. */
  async function visitAll(page: Page & { problems: string[] }, who: string): Promise<string[]> {
    const failures: string[] = []
    for (const entry of pages.filter((p) => !!p.signedOut === (who === 'signed out'))) {
      if (who === 'signed out') await page.context().clearCookies()
      if (entry.signInAs) {
        await page.goto(`${app.baseUrl}/login`)
        await page.getByLabel('Email address').fill(entry.signInAs)
        await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
        await Promise.all([page.waitForURL((url) => url.pathname === entry.path), page.getByRole('button', { name: 'Sign in', exact: true }).click()])
      }
      const count = visits.get(who) ?? { inBrowser: 0, alreadyLaidOut: 0 }
      visits.set(who, count)
      // The server's page first: when its header and its content have both been laid out already, by this role or
      // another (most pages look the same to every role that may only read them), the browser would lay out the same
      // HTML with the same style sheet again. The role still reaches the page; the page is not loaded twice.
      const parts = entry.signInAs ? null : await renderedParts(page, `${app.baseUrl}${entry.path}`)
      // Not this role's page: refused, or sent elsewhere.
      if (parts?.elsewhere) continue
      if (parts && parts.status === (entry.status ?? 200) && parts.keys.every((key) => laidOut.has(key))) {
        if (!reached.has(entry.route)) reached.set(entry.route, new Set())
        reached.get(entry.route)!.add(who)
        count.alreadyLaidOut++
        continue
      }
      count.inBrowser++
      const response = await page.goto(`${app.baseUrl}${entry.path}`)
      const status = response?.status() ?? 0
      // Not this role's page: refused, or sent elsewhere.
      if (status === 403 || new URL(page.url()).pathname !== new URL(entry.path, app.baseUrl).pathname) {
        page.problems.length = 0
        continue
      }
      if (status !== (entry.status ?? 200)) {
        failures.push(`${entry.path}: status ${status}`)
        continue
      }
      page.problems.length = 0
      // Hydrated and enhanced: GOV.UK Frontend has started on the page, so it is laid out as a person sees it.
      await page.waitForSelector('[data-govuk-skip-link-init]', { state: 'attached' })
      if (!reached.has(entry.route)) reached.set(entry.route, new Set())
      reached.get(entry.route)!.add(who)
      const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }))
      if (width.page > width.screen) {
        const line = `${entry.path} is ${width.page} px wide at ${width.screen} px (${who})`
        if (BEING_REBUILT[entry.route]?.tooWide) known.push(line)
        else failures.push(line)
      }
      // axe-core runs once on each different rendering of a page: a role that sees the same header, or the same
      // controls, headings and tables in the content, as a page already checked adds nothing but time.
      const rendering = await page.evaluate(() => {
        const shape = (selector: string) => [...document.querySelectorAll(selector)].map((e) => `${e.tagName}#${e.id}.${e.className}`).join(' ')
        return { header: shape('header a, header button'), main: shape('main a, main button, main input, main select, main textarea, main h1, main h2, main h3, main table, main [role], main .govuk-tag') }
      })
      const keys = [`header ${rendering.header}`, `${entry.path} ${rendering.main}`]
      if (keys.some((key) => !checked.has(key))) {
        keys.forEach((key) => checked.add(key))
        for (const violation of await axeViolations(page)) {
          const line = `${entry.path} (${who}): ${violation}`
          if (BEING_REBUILT[entry.route]?.axeRules?.some((rule) => violation.startsWith(`${rule} `))) known.push(line.split('\n')[0]!)
          else failures.push(line)
        }
      }
      for (const problem of page.problems) failures.push(`${entry.path} (${who}): ${problem}`)
      if (parts && !page.problems.length && width.page <= width.screen) parts.keys.forEach((key) => laidOut.add(key))
    }
    return failures
  }

  /**
   * The page as the server sends it to this browser's cookies, in two parts that lay out independently: the header
   * (with the role's navigation) and the rest of the body; the head, which holds the title, lays nothing out. Scripts
   * (they carry the loader data), nonces and hidden fields' values (tokens) are left out, so two roles shown the same
   * page give the same parts.
   */
  async function renderedParts(page: Page, url: string) {
    const response = await page.request.get(url, { maxRedirects: 0 })
    const location = response.headers()['location']
    const elsewhere = response.status() === 403 || (!!location && new URL(location, url).pathname !== new URL(url).pathname)
    const body = (await response.text())
      .replace(/<script\b[\s\S]*?<\/script>/g, '')
      .replace(/\snonce="[^"]*"/g, '')
      .replace(/(<input\b[^>]*type="hidden"[^>]*\svalue=")[^"]*"/g, '$1"')
    const at = body.indexOf('<main')
    if (at < 0) return { status: response.status(), elsewhere, keys: [body] }
    // The header, without what only marks the section the page is in (a bold link in a list of links on a phone).
    const header = body
      .slice(body.indexOf('<body'), at)
      .replace(/\saria-current="[^"]*"/g, '')
      .replace(/ govuk-service-navigation__item--active/g, '')
      .replace(/<strong class="govuk-service-navigation__active-fallback">([^<]*)<\/strong>/g, '$1')
    const keys = [header, body.slice(at)]
    return { status: response.status(), elsewhere, keys }
  }

  // The roles' passes run side by side, each in its own browser context: a page load mostly waits on the server and
  // the browser in turn, so the passes fill each other's gaps instead of leaving one long pass to run alone.
  for (const role of ROLES) {
    it.concurrent(`reflows every page ${role === 'admin' ? 'an administrator' : `the ${role} role`} can reach, with no axe-core violations`, async () => {
      const context = await browser.newContext({ viewport: { width: NARROWEST, height: 720 } })
      const page = await openPage(context)
      await signIn(page, app.baseUrl, `${role}@example.gov.uk`)
      const failures = await visitAll(page, role)
      await context.close()
      expect(failures).toEqual([])
    }, 600_000)
  }

  it.concurrent('reflows the pages seen before signing in', async () => {
    const context = await browser.newContext({ viewport: { width: NARROWEST, height: 720 } })
    const page = await openPage(context)
    const failures = await visitAll(page, 'signed out')
    await context.close()
    expect(failures).toEqual([])
  })

  it('reached every page route as one role or another', () => {
    expect(pageRoutes().filter((route) => !reached.has(route))).toEqual([])
    // Each role sees the pages meant for it, not just the ones everybody can.
    const by = (route: string) => [...(reached.get(route) ?? [])].sort()
    expect(by('campaigns.$ref.describe.edit')).toEqual(['designer'])
    expect(by('admin.users._index')).toEqual(['admin'])
    expect(by('sign-off._index')).toEqual(['customer-services', 'debt-management', 'press-office'])
  })
})
