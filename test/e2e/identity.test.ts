// Signing in through the real identity provider (oidc-provider, over HTTPS) and with an authenticator app, in
// Chromium with JavaScript on and off, against the production build: the pages pass axe, fit 320 px, and a failed
// form puts the focus on its error summary.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totpCode } from '../../app/utils/totp.server'
import { DEMO_PASSWORD, expectAccessible, expectNoProblems, launchBrowser, newContext, openPage, type RunningApp, signIn, skipBrowser, startApp, submit } from '../support/browser'
import { CLIENT_ID, CLIENT_SECRET, freePort, makeCertificates, PROVIDER_PASSWORD, ROLE_MAP, startTestProvider, type TestProvider } from '../support/identity-provider'

/** Nothing the pages load may leave this machine: any request elsewhere fails the test. */
async function localOnly(context: BrowserContext, problems: string[]) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => {
    problems.push(`request outside this machine: ${route.request().url()}`)
    return route.abort()
  })
}

async function expectFits320(page: Page, label: string) {
  const size = page.viewportSize()
  await page.setViewportSize({ width: 320, height: 900 })
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
  expect(widths.scroll, `${label} scrolls sideways at 320 px`).toBeLessThanOrEqual(widths.client)
  if (size) await page.setViewportSize(size)
}

async function expectFocusOnErrorSummary(page: Page) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary') ?? false)).toBe(true)
}

const codeNow = (key: string, offsetMs = 0) => totpCode(key.replace(/\s+/g, ''), Date.now() + offsetMs)

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'on' : 'off'
  describe.skipIf(skipBrowser)(`signing in (JavaScript ${mode})`, () => {
    let app: RunningApp
    let provider: TestProvider
    let browser: Browser

    beforeAll(async () => {
      const certificates = makeCertificates()
      const providerPort = await freePort()
      app = await startApp({
        OIDC_ISSUER: `https://127.0.0.1:${providerPort}`,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_ROLE_MAP: ROLE_MAP,
        // The app trusts the provider's throwaway certificate authority, as a server trusts a department's own.
        NODE_EXTRA_CA_CERTS: certificates.ca,
      })
      provider = await startTestProvider({
        port: providerPort,
        tls: certificates,
        redirectUris: [`${app.baseUrl}/login/sso/callback`],
        postLogoutRedirectUris: [`${app.baseUrl}/login/signed-out`],
      })
      browser = await launchBrowser()
    })
    afterAll(async () => {
      await browser?.close()
      await provider?.stop()
      await app?.stop()
    })

    it('signs in through the organisation’s identity provider, and signs out of both', async () => {
      const context = await newContext(browser, { javaScriptEnabled, ignoreHTTPSErrors: true })
      const page = await openPage(context)
      await localOnly(context, page.problems)
      await page.goto(`${app.baseUrl}/login?redirectTo=%2Faccount`)
      await expectAccessible(page, 'sign-in page with single sign-on')
      await expectFits320(page, 'sign-in page')
      await page.getByRole('button', { name: 'Sign in with single sign-on' }).click()
      await page.waitForURL((url) => url.origin === provider.issuer)
      const username = javaScriptEnabled ? 'browser-js' : 'browser-nojs'
      await page.getByLabel('Username').fill(username)
      await page.getByLabel('Password').fill(PROVIDER_PASSWORD)
      await Promise.all([page.waitForURL(`${app.baseUrl}/account`), page.getByRole('button', { name: 'Sign in' }).click()])

      await expect.poll(() => page.locator('h1').textContent()).toBe('Your account')
      const summary = await page.locator('.govuk-summary-list').textContent()
      expect(summary).toContain('Single sign-on, with your organisation’s account')
      expect(summary).toContain(javaScriptEnabled ? 'Campaign designer' : 'Customer Services (helpline manager)')
      expect(await page.locator('.app-signed-in-as').textContent()).toContain(javaScriptEnabled ? 'Bea Browser' : 'Ben Browser')
      await expectAccessible(page, 'account page (single sign-on)')
      await expectFits320(page, 'account page')

      // Signing out ends the planner's session, then the provider's (it asks to confirm), and comes back here.
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL((url) => url.origin === provider.issuer)
      await Promise.all([page.waitForURL(`${app.baseUrl}/login/signed-out`), page.getByRole('button', { name: 'Yes, sign me out' }).click()])
      await expect.poll(() => page.locator('h1').textContent()).toBe('You have signed out')
      await expectAccessible(page, 'signed-out page')
      await page.goto(`${app.baseUrl}/account`)
      await page.waitForURL(/\/login\?redirectTo=%2Faccount$/)
      // The provider's session has ended too: single sign-on asks for the password again.
      await page.getByRole('button', { name: 'Sign in with single sign-on' }).click()
      await page.waitForURL((url) => url.origin === provider.issuer)
      expect(await page.getByLabel('Username').count()).toBe(1)
      expectNoProblems(page)
      await context.close()
    })

    it('explains a sign-in the provider’s answer cannot complete', async () => {
      const context = await newContext(browser, { javaScriptEnabled, ignoreHTTPSErrors: true })
      const page = await openPage(context)
      await localOnly(context, page.problems)
      await page.goto(`${app.baseUrl}/login/sso/callback?code=stolen&state=forged&iss=${encodeURIComponent(provider.issuer)}`)
      expect(await page.locator('h1').textContent()).toBe('Your sign-in has expired')
      await expectAccessible(page, 'single sign-on refused')
      await expectFits320(page, 'single sign-on refused')
      await Promise.all([page.waitForURL(`${app.baseUrl}/login`), page.getByRole('button', { name: 'Start again' }).click()])
      expectNoProblems(page)
      await context.close()
    })

    it('sets up an authenticator app, then signs in with a code and with a recovery code', async () => {
      const email = javaScriptEnabled ? 'viewer@example.gov.uk' : 'press-office@example.gov.uk'
      const context = await newContext(browser, { javaScriptEnabled })
      const page = await openPage(context)
      await localOnly(context, page.problems)
      await signIn(page, app.baseUrl, email, DEMO_PASSWORD)
      await page.getByRole('link', { name: /your account/ }).click()
      await page.waitForURL('**/account')
      await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click()
      await page.waitForURL('**/account/two-factor')
      await expectAccessible(page, 'two-factor sign-in (off)')
      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
      await page.waitForURL('**/account/two-factor/setup')
      expect(await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
      const key = (await page.locator('#authenticator-key').textContent())!
      expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/)
      await expectAccessible(page, 'setting up two-factor sign-in')
      await expectFits320(page, 'setting up two-factor sign-in')

      // A wrong code: the error summary takes the focus and names the field.
      await page.getByLabel('Code from your authenticator app').fill('000000' === codeNow(key) ? '111111' : '000000')
      await page.getByLabel('Your password').fill(DEMO_PASSWORD)
      await submit(page, 'Turn on two-factor sign-in')
      await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('The code is not right')
      await expectFocusOnErrorSummary(page)
      await expectAccessible(page, 'setting up two-factor sign-in, with an error')

      await page.getByLabel('Code from your authenticator app').fill(codeNow(key))
      await page.getByLabel('Your password').fill(DEMO_PASSWORD)
      await submit(page, 'Turn on two-factor sign-in')
      await expect.poll(() => page.locator('h1').textContent()).toBe('Two-factor sign-in is on')
      const recoveryCodes = (await page.locator('.app-recovery-codes code').allTextContents()).map((c) => c.trim())
      expect(recoveryCodes).toHaveLength(10)
      await expectAccessible(page, 'recovery codes')
      await expectFits320(page, 'recovery codes')

      await submit(page, 'Sign out')
      await signInAndExpectCode(page, app.baseUrl, email)
      await expectAccessible(page, 'code at sign-in')
      await expectFits320(page, 'code at sign-in')
      await page.getByLabel('Code', { exact: true }).fill('12345')
      await submit(page, 'Continue')
      await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('Enter the 6-digit code from your authenticator app')
      await expectFocusOnErrorSummary(page)
      await expectAccessible(page, 'code at sign-in, with an error')
      // The code that set the app up is spent; the app's next one is accepted (one step either side of now).
      await page.getByLabel('Code', { exact: true }).fill(codeNow(key, 30_000))
      await submit(page, 'Continue')
      await page.waitForURL(`${app.baseUrl}/`)
      await expect.poll(() => page.locator('.app-signed-in-as').count()).toBe(1)

      await page.goto(`${app.baseUrl}/account/sessions`)
      expect(await page.locator('.govuk-summary-card').first().textContent()).toContain('This browser')
      expect(await page.locator('.govuk-summary-card').first().textContent()).toContain('password and authenticator app')
      await expectAccessible(page, 'where you are signed in')
      await expectFits320(page, 'where you are signed in')

      await submit(page, 'Sign out')
      await signInAndExpectCode(page, app.baseUrl, email)
      await page.getByLabel('Code', { exact: true }).fill(recoveryCodes[0]!)
      await submit(page, 'Continue')
      await page.waitForURL(`${app.baseUrl}/`)
      await page.goto(`${app.baseUrl}/account/two-factor`)
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('9')
      await expectAccessible(page, 'two-factor sign-in (on)')
      await expectFits320(page, 'two-factor sign-in (on)')
      expectNoProblems(page)
      await context.close()
      // One journey (set up, sign in with a code, then with a recovery code): on a loaded machine it can outlast 90 s.
    }, 180_000)

    it('lets an administrator reset a password, which the person replaces at their next sign-in', async () => {
      const person = javaScriptEnabled ? 'debt-management@example.gov.uk' : 'designer2@example.gov.uk'
      const context = await newContext(browser, { javaScriptEnabled })
      const page = await openPage(context)
      await localOnly(context, page.problems)
      await signIn(page, app.baseUrl, 'admin@example.gov.uk', DEMO_PASSWORD)
      await page.goto(`${app.baseUrl}/admin/users`)
      await page.getByRole('link', { name: `Change ${person}` }).click()
      await page.getByRole('link', { name: `Sign-in and security for ${person}` }).click()
      await page.waitForURL(/\/sign-in$/)
      await expectAccessible(page, 'sign-in and security')
      await expectFits320(page, 'sign-in and security')
      await submit(page, 'Reset password')
      await expect.poll(() => page.locator('h1').textContent()).toBe('Password reset')
      const oneTime = (await page.locator('#one-time-password').textContent())!.trim()
      expect(oneTime).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
      await expectAccessible(page, 'one-time password')
      await expectFits320(page, 'one-time password')
      await submit(page, 'Sign out')

      await page.goto(`${app.baseUrl}/login`)
      await page.getByLabel('Email address').fill(person)
      await page.getByLabel('Password', { exact: true }).fill(oneTime)
      await submit(page, 'Sign in')
      await page.waitForURL('**/login/new-password')
      await expectAccessible(page, 'choose a new password')
      await expectFits320(page, 'choose a new password')
      await page.getByLabel('New password', { exact: true }).fill('password123')
      await page.getByLabel('Type the new password again').fill('password123')
      await submit(page, 'Save password and continue')
      await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('commonly used and breached')
      await expectFocusOnErrorSummary(page)
      await expectAccessible(page, 'choose a new password, with an error')
      await page.getByLabel('New password', { exact: true }).fill('lantern meadow quietly hums')
      await page.getByLabel('Type the new password again').fill('lantern meadow quietly hums')
      await submit(page, 'Save password and continue')
      await page.waitForURL(`${app.baseUrl}/`)
      await expect.poll(() => page.locator('.app-signed-in-as').count()).toBe(1)
      expectNoProblems(page)
      await context.close()
    })
  })
}

async function signInAndExpectCode(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await submit(page, 'Sign in')
  await page.waitForURL('**/login/two-factor')
}
