// Single sign-on against a real OpenID Provider (oidc-provider, started by this file): signing in, accounts and
// roles from the provider's groups, and every way the answer can be wrong or missing, each refused with a clear page
// and an audit event. Password sign-in is turned off here (LOCAL_LOGIN=0), as in a real deployment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  account,
  CLIENT_ID,
  CLIENT_SECRET,
  CookieJar,
  freePort,
  ROLE_MAP,
  signInAtProvider,
  startTestProvider,
  type TestProvider,
} from '../support/identity-provider'

// The environment is read once, when the app is first imported: set it before importing anything of the app's.
const providerPort = await freePort()
process.env.OIDC_ISSUER = `http://127.0.0.1:${providerPort}`
process.env.OIDC_CLIENT_ID = CLIENT_ID
process.env.OIDC_CLIENT_SECRET = CLIENT_SECRET
process.env.OIDC_ROLE_MAP = ROLE_MAP
process.env.LOCAL_LOGIN = '0'

const { db } = await import('../../app/utils/db.server')
const { callAction, callLoader, ORIGIN } = await import('../support/routes')
const { makeUser, TEST_PASSWORD } = await import('../support/factories')
const { createUser, getUserById, updateUser } = await import('../../app/models/user.server')
const ssoStart = await import('../../app/routes/login_.sso')
const ssoCallback = await import('../../app/routes/login_.sso_.callback')
const login = await import('../../app/routes/login')
const logout = await import('../../app/routes/logout')
const campaigns = await import('../../app/routes/campaigns._index')

const CALLBACK = `${ORIGIN}/login/sso/callback`

async function auditSince(id: number) {
  return db.selectFrom('audit_event').selectAll().where('id', '>', id).orderBy('id').execute()
}
async function lastAuditId() {
  return (await db.selectFrom('audit_event').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? 0
}

/** The first half: the planner sends the browser to the provider. */
async function start(path = '/login/sso') {
  const result = await callLoader(ssoStart.loader, path)
  expect(result.status, JSON.stringify(result.data)).toBe(303)
  const cookie = result.headers.get('Set-Cookie')!
  expect(cookie).toMatch(/^otm_sso=[A-Za-z0-9_-]{43}; Path=\/login\/sso; HttpOnly; SameSite=Lax; Max-Age=600/)
  return { authorizationUrl: new URL(result.location!), cookie: cookie.split(';')[0]! }
}

/** The second half: the provider's answer arrives at the callback in the same browser. */
async function answer(callback: URL, cookie: string | null) {
  expect(callback.origin + callback.pathname).toBe(CALLBACK)
  return callLoader(ssoCallback.loader, callback.pathname + callback.search, { cookie })
}

async function signInAs(username: string) {
  const { authorizationUrl, cookie } = await start()
  const callback = await signInAtProvider(authorizationUrl.href, username)
  return { result: await answer(callback, cookie), callback, cookie }
}

const sessionCookie = (result: { headers: Headers }) => result.headers.getSetCookie().find((c) => c.startsWith('otm_session='))?.split(';')[0] ?? null
const userByEmail = (email: string) => db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
async function rolesOf(userId: string) {
  return (await db.selectFrom('user_role').select('role').where('user_id', '=', userId).orderBy('role').execute()).map((r) => r.role)
}

function expectRefused(result: { status: number; data: any; headers: Headers }, status: number, title: RegExp) {
  expect(result.status).toBe(status)
  expect(result.data.title).toMatch(title)
  expect(result.data.message.length).toBeGreaterThan(20)
  expect(sessionCookie(result)).toBeNull()
}

async function expectFailureAudited(since: number, reason: string) {
  const events = (await auditSince(since)).filter((e) => e.action === 'security.sso-failed')
  expect(events).toHaveLength(1)
  expect(JSON.parse(events[0]!.after_json!).reason).toBe(reason)
  return events[0]!
}

describe('a provider that is down', () => {
  it('gives a clear page and an audit event when the provider cannot be reached, and lets nobody in', async () => {
    const before = await lastAuditId()
    const result = await callLoader(ssoStart.loader, '/login/sso')
    expectRefused(result, 503, /single sign-on is not working/)
    const event = await expectFailureAudited(before, 'provider-unreachable')
    expect(event.summary).toBe('Single sign-on refused: the identity provider could not be reached')
    expect(await db.selectFrom('sso_request').select('id').execute()).toHaveLength(0)
  })
})

describe('single sign-on', () => {
  let provider: TestProvider

  beforeAll(async () => {
    provider = await startTestProvider({ port: providerPort, redirectUris: [CALLBACK], postLogoutRedirectUris: [`${ORIGIN}/login/signed-out`] })
  })
  afterAll(async () => {
    await provider?.stop()
  })

  it('offers only single sign-on on the sign-in page when password sign-in is off, and refuses a password', async () => {
    const page = await callLoader(login.loader, '/login')
    expect(page.data).toEqual({ singleSignOn: true, passwords: false })
    const person = await makeUser(['viewer'])
    const refused = await callAction(login.action, '/login', { form: { email: person.email, password: TEST_PASSWORD } })
    expect(refused.status).toBe(403)
    expect(refused.data.errors.email).toMatch(/Sign in with single sign-on/)
    expect(refused.headers.get('Set-Cookie')).toBeNull()
  })

  it('sends the browser to the provider with PKCE (S256), state and nonce, and remembers them only for this browser', async () => {
    const { authorizationUrl, cookie } = await start('/login/sso?redirectTo=%2Fcampaigns%3Fmine%3D1')
    expect(authorizationUrl.origin).toBe(provider.issuer)
    const query = authorizationUrl.searchParams
    expect(query.get('client_id')).toBe(CLIENT_ID)
    expect(query.get('response_type')).toBe('code')
    expect(query.get('redirect_uri')).toBe(CALLBACK)
    expect(query.get('scope')).toBe('openid email profile')
    expect(query.get('code_challenge_method')).toBe('S256')
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(query.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(query.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const stored = await db.selectFrom('sso_request').selectAll().execute()
    const mine = stored.find((row) => row.state === query.get('state'))!
    expect(mine.nonce).toBe(query.get('nonce'))
    expect(mine.redirect_to).toBe('/campaigns?mine=1')
    // The code verifier never leaves the server; the challenge is its hash.
    expect(authorizationUrl.href).not.toContain(mine.code_verifier)
    expect(cookie).not.toContain(mine.id) // the row is found by a digest of the cookie, not the cookie itself
  })

  it('creates the account at the first sign-in with roles from the groups, and starts a session that works', async () => {
    const before = await lastAuditId()
    const { authorizationUrl, cookie } = await start('/login/sso?redirectTo=%2Fcampaigns')
    const callback = await signInAtProvider(authorizationUrl.href, 'dana')
    expect(callback.searchParams.get('code')).toBeTruthy()
    expect(callback.searchParams.get('iss')).toBe(provider.issuer)
    const result = await answer(callback, cookie)
    expect(result.status).toBe(303)
    expect(result.location).toBe('/campaigns')
    const session = sessionCookie(result)!
    expect(session).toMatch(/^otm_session=/)
    expect(result.headers.getSetCookie().some((c) => /^otm_sso=;.*Max-Age=0/.test(c))).toBe(true)
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: session })).status).toBe(200)

    const user = (await userByEmail('dana.designer@example.gov.uk'))!
    expect(user.name).toBe('Dana Designer')
    expect(user.sso_issuer).toBe(provider.issuer)
    expect(user.sso_subject).toBe('dana')
    expect(user.password_hash).toBe('!')
    expect(await rolesOf(user.id)).toEqual(['designer'])
    const stored = await db.selectFrom('session').select(['method', 'id_token']).where('user_id', '=', user.id).executeTakeFirst()
    expect(stored!.method).toBe('single-sign-on')
    expect(stored!.id_token).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(await db.selectFrom('sso_request').select('id').where('state', '=', callback.searchParams.get('state')!).execute()).toHaveLength(0)

    const events = await auditSince(before)
    expect(events.map((e) => e.action)).toEqual(['user.created', 'security.sign-in'])
    expect(events[0]!.summary).toBe('Added user dana.designer@example.gov.uk at their first single sign-on, with roles from the provider: designer')
    expect(events[1]!.summary).toMatch(/^dana\.designer@example\.gov\.uk signed in with single sign-on; account created at this first sign-in$/)
  })

  it('sets the roles from the provider’s groups at every sign-in, and audits each change', async () => {
    await provider.setAccount('mover', account('mover@example.gov.uk', 'Mo Mover', ['otm-designers']))
    expect((await signInAs('mover')).result.status).toBe(303)
    const user = (await userByEmail('mover@example.gov.uk'))!
    expect(await rolesOf(user.id)).toEqual(['designer'])

    // An administrator adds a role by hand; the provider's groups still decide at the next sign-in.
    const admin = await makeUser(['admin'])
    const current = await getUserById(db, user.id)
    expect((await updateUser(db, { id: user.id, version: current!.version, name: current!.name, roles: ['designer', 'press-office'], disabled: false }, admin)).ok).toBe(true)
    let before = await lastAuditId()
    expect((await signInAs('mover')).result.status).toBe(303)
    expect(await rolesOf(user.id)).toEqual(['designer'])
    let changes = (await auditSince(before)).filter((e) => e.action === 'user.roles-from-provider')
    expect(changes).toHaveLength(1)
    expect(JSON.parse(changes[0]!.before_json!)).toEqual({ roles: ['designer', 'press-office'] })
    expect(JSON.parse(changes[0]!.after_json!)).toEqual({ roles: ['designer'], groups: ['otm-designers'] })

    // The same groups again: nothing changes, nothing is recorded but the sign-in.
    before = await lastAuditId()
    expect((await signInAs('mover')).result.status).toBe(303)
    expect((await auditSince(before)).map((e) => e.action)).toEqual(['security.sign-in'])

    // The directory moves the person to Customer Services.
    await provider.setAccount('mover', account('mover@example.gov.uk', 'Mo Mover-Smith', ['otm-cs', 'unrelated']))
    before = await lastAuditId()
    expect((await signInAs('mover')).result.status).toBe(303)
    expect(await rolesOf(user.id)).toEqual(['customer-services'])
    expect((await userByEmail('mover@example.gov.uk'))!.name).toBe('Mo Mover-Smith')
    changes = await auditSince(before)
    expect(changes.map((e) => e.action)).toEqual(['user.updated-from-provider', 'user.roles-from-provider', 'security.sign-in'])
    expect(changes[1]!.summary).toBe('Roles of mover@example.gov.uk set from the identity provider’s groups at sign-in: customer-services (were designer)')

    // Out of every planner group: the roles go, the sign-in is refused, and both are recorded.
    await provider.setAccount('mover', account('mover@example.gov.uk', 'Mo Mover-Smith', ['all-staff']))
    before = await lastAuditId()
    const { result } = await signInAs('mover')
    expectRefused(result, 403, /You do not have access/)
    expect(await rolesOf(user.id)).toEqual([])
    expect((await auditSince(before)).map((e) => e.action)).toEqual(['user.roles-from-provider', 'security.sso-failed'])
  })

  it('creates no account for someone in none of the planner’s groups', async () => {
    const before = await lastAuditId()
    const { result } = await signInAs('nobody')
    expectRefused(result, 403, /You do not have access to the planner/)
    expect(await userByEmail('nobody@example.gov.uk')).toBeUndefined()
    await expectFailureAudited(before, 'no-role')
  })

  it('keeps a disabled account out, whatever the provider says', async () => {
    expect((await signInAs('disabled')).result.status).toBe(303)
    const user = (await userByEmail('disabled.person@example.gov.uk'))!
    await db.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute()
    const before = await lastAuditId()
    const { result } = await signInAs('disabled')
    expectRefused(result, 403, /Your account has been disabled/)
    const event = await expectFailureAudited(before, 'disabled')
    expect(event.actor_id).toBe(user.id)
    expect(await rolesOf(user.id)).toEqual(['designer'])
  })

  it('links an existing account by email only when the provider vouches for the address', async () => {
    const linkerId = await createUser(db, { email: 'linker@example.gov.uk', name: 'Lin Linker', password: TEST_PASSWORD, roles: ['viewer'] }, null)
    const claimerId = await createUser(db, { email: 'claimer@example.gov.uk', name: 'Cla Claimer', password: TEST_PASSWORD, roles: ['admin'] }, null)

    let before = await lastAuditId()
    expect((await signInAs('linker')).result.status).toBe(303)
    expect((await userByEmail('linker@example.gov.uk'))!.id).toBe(linkerId)
    expect((await userByEmail('linker@example.gov.uk'))!.sso_subject).toBe('linker')
    expect((await auditSince(before)).map((e) => e.action)).toEqual(['user.linked-to-provider', 'security.sign-in'])

    before = await lastAuditId()
    const { result } = await signInAs('claimer')
    expectRefused(result, 403, /needs to be linked first/)
    expect((await userByEmail('claimer@example.gov.uk'))!.sso_subject).toBeNull()
    expect(await rolesOf(claimerId)).toEqual(['admin'])
    await expectFailureAudited(before, 'email-taken')
  })

  it('refuses an answer whose state was tampered with, and starts no session', async () => {
    const { authorizationUrl, cookie } = await start()
    const callback = await signInAtProvider(authorizationUrl.href, 'carl')
    const state = callback.searchParams.get('state')!
    callback.searchParams.set('state', `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`)
    const before = await lastAuditId()
    const result = await answer(callback, cookie)
    expectRefused(result, 400, /could not sign you in/)
    expect(result.data.message).toMatch(/did not match the sign-in this browser started/)
    await expectFailureAudited(before, 'state')
    expect(await userByEmail('carl.cs@example.gov.uk')).toBeUndefined()
  })

  it('refuses a code used twice: replayed in the same browser, or slipped into another sign-in', async () => {
    const first = await signInAs('carl')
    expect(first.result.status).toBe(303)

    // The same answer again, in the same browser: the request it answered is used up.
    let before = await lastAuditId()
    const again = await answer(first.callback, first.cookie)
    expectRefused(again, 400, /Your sign-in has expired/)
    await expectFailureAudited(before, 'no-request')

    // An attacker starts a sign-in of their own and feeds the used code into it: the provider refuses the code.
    const attacker = await start()
    const forged = new URL(first.callback)
    forged.searchParams.set('state', attacker.authorizationUrl.searchParams.get('state')!)
    before = await lastAuditId()
    const replayed = await answer(forged, attacker.cookie)
    expectRefused(replayed, 400, /could not sign you in/)
    const event = await expectFailureAudited(before, 'code-rejected')
    expect(JSON.parse(event.after_json!).detail).toMatch(/invalid_grant/)
  })

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    await provider.overrideNonce('a-nonce-from-some-other-sign-in')
    try {
      const before = await lastAuditId()
      const { result } = await signInAs('ada')
      expectRefused(result, 400, /could not sign you in/)
      expect(result.data.message).toMatch(/not issued for this sign-in/)
      const event = await expectFailureAudited(before, 'nonce')
      expect(JSON.parse(event.after_json!).detail).toMatch(/nonce/)
      expect(await userByEmail('ada.admin@example.gov.uk')).toBeUndefined()
    } finally {
      await provider.overrideNonce(null)
    }
  })

  it('refuses an ID token that has expired (the provider’s clock 20 minutes slow, its tokens last 10)', async () => {
    await provider.setClockOffset(-20 * 60 * 1000)
    try {
      const before = await lastAuditId()
      const { result } = await signInAs('ada')
      expectRefused(result, 400, /could not sign you in/)
      expect(result.data.message).toMatch(/had expired/)
      const event = await expectFailureAudited(before, 'expired-token')
      expect(JSON.parse(event.after_json!).detail).toMatch(/"exp"/)
      expect(await userByEmail('ada.admin@example.gov.uk')).toBeUndefined()
    } finally {
      await provider.setClockOffset(0)
    }
    // With the clock right again, the same person signs in.
    expect((await signInAs('ada')).result.status).toBe(303)
  })

  it('refuses an answer that says the provider did not sign the person in', async () => {
    const { authorizationUrl, cookie } = await start()
    const callback = new URL(CALLBACK)
    callback.search = new URLSearchParams({ error: 'access_denied', error_description: 'The user cancelled', state: authorizationUrl.searchParams.get('state')!, iss: provider.issuer }).toString()
    const before = await lastAuditId()
    expectRefused(await answer(callback, cookie), 400, /could not sign you in/)
    const event = await expectFailureAudited(before, 'provider-refused')
    expect(JSON.parse(event.after_json!).detail).toBe('access_denied: The user cancelled')
  })

  it('refuses an answer arriving in a browser that never started a sign-in', async () => {
    const { authorizationUrl } = await start()
    const callback = await signInAtProvider(authorizationUrl.href, 'carl')
    const before = await lastAuditId()
    expectRefused(await answer(callback, null), 400, /Your sign-in has expired/)
    expectRefused(await answer(callback, 'otm_sso=not-a-real-token-but-long-enough-1234'), 400, /Your sign-in has expired/)
    expect((await auditSince(before)).filter((e) => e.action === 'security.sso-failed')).toHaveLength(2)
  })

  it('ends the provider’s session as well at sign-out (RP-initiated logout)', async () => {
    const jar = new CookieJar()
    const { authorizationUrl, cookie } = await start()
    const result = await answer(await signInAtProvider(authorizationUrl.href, 'dana', undefined, jar), cookie)
    const session = sessionCookie(result)!
    const idToken = (await db.selectFrom('session').select('id_token').where('method', '=', 'single-sign-on').orderBy('created_at', 'desc').executeTakeFirst())!.id_token!

    const out = await callAction(logout.action, '/logout', { cookie: session })
    expect(out.status).toBe(303)
    const endSession = new URL(out.location!)
    expect(endSession.origin + endSession.pathname).toBe(`${provider.issuer}/session/end`)
    expect(endSession.searchParams.get('id_token_hint')).toBe(idToken)
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/login/signed-out`)
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: session })).status).toBe(302)

    // The provider accepts it, asks the person to confirm, and sends them back to the planner's signed-out page.
    const confirm = await fetch(endSession, { headers: { Cookie: jar.header(endSession.href) }, redirect: 'manual' })
    jar.store(endSession.href, confirm)
    const form = await confirm.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(form)![1]!.replace(/&amp;/g, '&')
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)![1]!
    const target = new URL(action, endSession).href
    const done = await fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.header(target) },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
      redirect: 'manual',
    })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`${ORIGIN}/login/signed-out`)
  })

  it('keeps every secret out of the audit trail: no code, state, nonce, token or client secret', async () => {
    const { authorizationUrl, cookie } = await start()
    const callback = await signInAtProvider(authorizationUrl.href, 'carl')
    await answer(callback, cookie)
    const tokens = await db.selectFrom('session').select('id_token').where('id_token', 'is not', null).execute()
    const secrets = [
      CLIENT_SECRET,
      callback.searchParams.get('code')!,
      callback.searchParams.get('state')!,
      authorizationUrl.searchParams.get('nonce')!,
      ...tokens.map((t) => t.id_token!),
      ...tokens.map((t) => t.id_token!.split('.')[2]!),
    ]
    const trail = JSON.stringify(await db.selectFrom('audit_event').selectAll().execute())
    for (const secret of secrets) expect(trail).not.toContain(secret)
  })

  it('explains a provider that stops answering half-way through a sign-in', async () => {
    const { authorizationUrl, cookie } = await start()
    const callback = await signInAtProvider(authorizationUrl.href, 'carl')
    await provider.stop()
    const before = await lastAuditId()
    expectRefused(await answer(callback, cookie), 503, /single sign-on is not working/)
    await expectFailureAudited(before, 'provider-unreachable')
  })
})
