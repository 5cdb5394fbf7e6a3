// Signing in the way a person with an authenticator app does, for tests that call loaders and actions directly.
import * as account from '../../app/routes/account.two-factor.setup'
import * as login from '../../app/routes/login'
import * as twoFactorStep from '../../app/routes/login_.two-factor'
import { now } from '../../app/utils/clock.server'
import { totpCode } from '../../app/utils/totp.server'
import { TEST_PASSWORD, type TestUser } from './factories'
import { callAction, callLoader, type RouteResult } from './routes'

/** The app as a phone sees it: the key typed from the setting-up page. */
export interface Authenticator {
  key: string
  code(offsetMs?: number): string
}

export function authenticatorFor(textKey: string): Authenticator {
  const key = textKey.replace(/\s+/g, '')
  return { key, code: (offsetMs = 0) => totpCode(key, now().getTime() + offsetMs) }
}

export const cookieOf = (result: RouteResult, name: string) =>
  result.headers.getSetCookie().find((c) => c.startsWith(`${name}=`) && !/Max-Age=0/.test(c))?.split(';')[0] ?? null

/** Sets up two-factor sign-in from the account page, as the person would: returns their app and recovery codes. */
export async function enrol(user: TestUser, password = TEST_PASSWORD): Promise<{ app: Authenticator; recoveryCodes: string[] }> {
  const page = await callLoader(account.loader, '/account/two-factor/setup', { cookie: user.cookie })
  if (page.status !== 200) throw new Error(`The setting-up page answered ${page.status}`)
  const app = authenticatorFor(page.data.textKey)
  const done = await callAction(account.action, '/account/two-factor/setup', { cookie: user.cookie, form: { current: password, code: app.code() } })
  if (done.status !== 200) throw new Error(`Setting up answered ${done.status}: ${JSON.stringify(done.data)}`)
  return { app, recoveryCodes: done.data.recoveryCodes }
}

/** The password step: returns the sign-in-in-progress cookie (or the session's, when no second step is owed). */
export async function passwordStep(email: string, password = TEST_PASSWORD, address = '10.20.0.1') {
  const result = await callAction(login.action, '/login', { form: { email, password }, clientAddress: address })
  return { result, pending: cookieOf(result, 'otm_sign_in'), session: cookieOf(result, 'otm_session') }
}

export async function codeStep(pending: string, code: string, address = '10.20.0.1') {
  const result = await callAction(twoFactorStep.action, '/login/two-factor', { cookie: pending, form: { code }, clientAddress: address })
  return { result, session: cookieOf(result, 'otm_session') }
}
