import { describe, expect, it } from 'vitest'
import * as login from '../../app/routes/login'
import * as logout from '../../app/routes/logout'
import * as campaigns from '../../app/routes/campaigns._index'
import * as adminUser from '../../app/routes/admin.users.$id'
import { getUserById } from '../../app/models/user.server'
import { testClock } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { MAX_DELAY_MS } from '../../app/utils/login-throttle.server'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../../app/utils/session.server'
import { makeUser, TEST_PASSWORD } from '../support/factories'
import { callAction, callLoader } from '../support/routes'

function cookieFrom(setCookie: string | null): string {
  return setCookie!.split(';')[0]!
}

async function signIn(email: string, password: string, address = '10.0.0.1', cookie?: string) {
  return callAction(login.action, '/login', { form: { email, password }, clientAddress: address, cookie })
}

describe('signing in', () => {
  it('starts a new database session with a hardened cookie, and rotates the id at every login', async () => {
    const user = await makeUser(['viewer'])
    const first = await signIn(user.email, TEST_PASSWORD)
    expect(first.status).toBe(303)
    const setCookie = first.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/^otm_session=[A-Za-z0-9_-]{43};/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')
    expect(setCookie).toContain('Path=/')
    expect(setCookie).not.toContain('Secure') // secure only in production

    const second = await signIn(user.email, TEST_PASSWORD, '10.0.0.1', cookieFrom(setCookie))
    const rotated = cookieFrom(second.headers.get('Set-Cookie'))
    expect(rotated).not.toBe(cookieFrom(setCookie))
    // The old id no longer works; the new one does.
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: cookieFrom(setCookie) })).status).toBe(302)
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: rotated })).status).toBe(200)
  })

  it('gives the same answer for an unknown account, a wrong password and a disabled account', async () => {
    const user = await makeUser(['viewer'])
    const disabled = await makeUser(['viewer'])
    await db.updateTable('users').set({ disabled: 1 }).where('id', '=', disabled.id).execute()
    const unknown = await signIn('nobody@example.gov.uk', TEST_PASSWORD, '10.0.0.2')
    const wrong = await signIn(user.email, 'not the password', '10.0.0.3')
    const off = await signIn(disabled.email, TEST_PASSWORD, '10.0.0.4')
    for (const result of [unknown, wrong, off]) {
      expect(result.status).toBe(400)
      expect(result.data.errors).toEqual({ email: 'Enter a correct email address and password' })
      expect(result.headers.get('Set-Cookie')).toBeNull()
    }
  })

  it('gives the same answer for an account that signs in with single sign-on and has no password', async () => {
    const user = await makeUser(['viewer'])
    await db.updateTable('users').set({ password_hash: '!', sso_issuer: 'https://idp.example', sso_subject: 'sso-only' }).where('id', '=', user.id).execute()
    for (const password of ['!', '', TEST_PASSWORD]) {
      const result = await signIn(user.email, password, '10.0.0.5')
      expect(result.status).toBe(400)
      expect(result.headers.get('Set-Cookie')).toBeNull()
    }
    expect((await signIn(user.email, TEST_PASSWORD, '10.0.0.5')).data.errors).toEqual({ email: 'Enter a correct email address and password' })
  })

  it('keeps the email on screen and explains what is missing', async () => {
    const result = await signIn('someone@example.gov.uk', '')
    expect(result.status).toBe(400)
    expect(result.data.errors.password).toBe('Enter your password')
    expect(result.data.values.email).toBe('someone@example.gov.uk')
  })

  it('slows repeated failures down without locking the account out', async () => {
    testClock.freeze('2027-01-10T09:00:00Z')
    const user = await makeUser(['viewer'])
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, `guess ${i}`, '10.1.1.1')).status).toBe(400)
    // The sixth attempt from the same address, even with the right password, must wait.
    const blocked = await signIn(user.email, TEST_PASSWORD, '10.1.1.1')
    expect(blocked.status).toBe(429)
    expect(blocked.data.errors.email).toMatch(/Wait 1 second/)
    expect(blocked.headers.get('Retry-After')).toBe('1')
    testClock.advance(1000)
    const allowed = await signIn(user.email, TEST_PASSWORD, '10.1.1.1')
    expect(allowed.status).toBe(303)
  })

  // Found by probing: with the strict limit counted per account alone, five wrong passwords from anywhere kept the
  // owner out too, and one wrong guess a minute kept them out for good.
  it('never slows the account’s owner, signing in from elsewhere, while another address guesses at it', async () => {
    testClock.freeze('2027-01-10T09:00:00Z')
    const user = await makeUser(['viewer'])
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, `guess ${i}`, '10.66.0.1')).status).toBe(400)
    expect((await signIn(user.email, 'guess 5', '10.66.0.1')).status).toBe(429)
    expect((await signIn(user.email, TEST_PASSWORD, '10.7.7.7')).status).toBe(303)
    // The guesser keeps going at one guess a minute, for an hour; the owner signs in every ten minutes throughout.
    for (let minute = 1; minute <= 60; minute++) {
      testClock.advance(60_000)
      expect([400, 429]).toContain((await signIn(user.email, `guess at ${minute}`, '10.66.0.1')).status)
      if (minute % 10 === 0) expect((await signIn(user.email, TEST_PASSWORD, '10.7.7.7')).status).toBe(303)
    }
    // And the guesser, even with the right password, is still made to wait.
    expect((await signIn(user.email, TEST_PASSWORD, '10.66.0.1')).status).toBe(429)
  })

  it('doubles the wait with each further failure, up to a minute', async () => {
    testClock.freeze('2027-01-10T09:00:00Z')
    const user = await makeUser(['viewer'])
    const waits: number[] = []
    for (let i = 0; i < 14; i++) {
      const result = await signIn(user.email, `guess ${i}`, '10.2.2.2')
      if (result.status === 429) {
        waits.push(Number(result.headers.get('Retry-After')))
        testClock.advance(Number(result.headers.get('Retry-After')) * 1000)
        i--
        continue
      }
      expect(result.status).toBe(400)
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60])
    expect(Math.max(...waits) * 1000).toBe(MAX_DELAY_MS)
  })

  it('limits one address trying many accounts', async () => {
    testClock.freeze('2027-01-10T09:00:00Z')
    for (let i = 0; i < 20; i++) expect((await signIn(`victim${i}@example.gov.uk`, 'guess', '10.3.3.3')).status).toBe(400)
    expect((await signIn('victim99@example.gov.uk', 'guess', '10.3.3.3')).status).toBe(429)
  })
})

describe('sessions', () => {
  it('end after 30 minutes idle', async () => {
    testClock.freeze('2027-01-10T09:00:00Z')
    const user = await makeUser(['viewer'])
    testClock.advance(IDLE_TIMEOUT_MS - 1000)
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: user.cookie })).status).toBe(200)
    // Activity resets the idle clock…
    testClock.advance(IDLE_TIMEOUT_MS - 1000)
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: user.cookie })).status).toBe(200)
    // …and a full idle period ends the session.
    testClock.advance(IDLE_TIMEOUT_MS + 1000)
    const result = await callLoader(campaigns.loader, '/campaigns', { cookie: user.cookie })
    expect(result.status).toBe(302)
    expect(result.location).toBe('/login?redirectTo=%2Fcampaigns')
  })

  it('end 12 hours after sign-in however active the user is', async () => {
    testClock.freeze('2027-01-10T09:00:00Z')
    const user = await makeUser(['viewer'])
    const step = 20 * 60 * 1000
    let elapsed = 0
    while (elapsed + step < ABSOLUTE_TIMEOUT_MS) {
      testClock.advance(step)
      elapsed += step
      expect((await callLoader(campaigns.loader, '/campaigns', { cookie: user.cookie })).status).toBe(200)
    }
    testClock.advance(ABSOLUTE_TIMEOUT_MS - elapsed + 1000)
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: user.cookie })).status).toBe(302)
  })

  it('are deleted at sign-out, so the old cookie is refused', async () => {
    const user = await makeUser(['viewer'])
    const result = await callAction(logout.action, '/logout', { cookie: user.cookie })
    expect(result.status).toBe(303)
    expect(result.headers.get('Set-Cookie')).toContain('Max-Age=0')
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: user.cookie })).status).toBe(302)
    const remaining = await db.selectFrom('session').select('id').where('user_id', '=', user.id).execute()
    expect(remaining).toHaveLength(0)
  })

  it('all die at once when an admin disables the account', async () => {
    const admin = await makeUser(['admin'])
    const target = await makeUser(['designer'])
    const other = await (await import('../support/routes')).sessionCookieFor(target.id)
    const before = await getUserById(db, target.id)
    const result = await callAction(adminUser.action, `/admin/users/${target.id}`, {
      cookie: admin.cookie,
      params: { id: target.id },
      form: { name: target.name, roles: ['designer'], status: 'disabled', version: String(before!.version) },
    })
    expect(result.status).toBe(303)
    for (const cookie of [target.cookie, other]) {
      expect((await callLoader(campaigns.loader, '/campaigns', { cookie })).status).toBe(302)
    }
    expect((await signIn(target.email, TEST_PASSWORD, '10.4.4.4')).status).toBe(400)
  })
})

describe('the login limit, measured', () => {
  it('holds a guessing loop that retries the instant it is allowed to about one guess a minute', async () => {
    testClock.freeze('2027-01-11T09:00:00Z')
    const user = await makeUser(['viewer'])
    const start = Date.parse('2027-01-11T09:00:00Z')
    const { now } = await import('../../app/utils/clock.server')
    const checkedAt: number[] = []
    // An attacker at one address guessing one account for an hour.
    for (let i = 0; ; i++) {
      const elapsed = now().getTime() - start
      if (elapsed >= 60 * 60 * 1000) break
      const result = await signIn(user.email, `guess ${i}`, '10.9.0.1')
      if (result.status === 400) checkedAt.push(elapsed)
      else if (result.status === 429) testClock.advance(Number(result.headers.get('Retry-After')) * 1000)
      else throw new Error(`unexpected ${result.status}`)
    }
    const perMinute = (from: number, to: number) => checkedAt.filter((t) => t >= from * 60_000 && t < to * 60_000).length / (to - from)
    const figures = { firstMinute: perMinute(0, 1), lastTenMinutesPerMinute: perMinute(50, 60), firstHour: checkedAt.length }
    console.log(`Login limit, one account guessed from one address for an hour: ${JSON.stringify(figures)}`)
    expect(figures.firstMinute).toBe(10) // 5 free, then waits of 1, 2, 4, 8, 16 s
    expect(figures.lastTenMinutesPerMinute).toBe(1)
    expect(figures.firstHour).toBeLessThanOrEqual(70)
  })
})
