// People looking after their own account (password, sessions), and administrators resetting a password, ending
// every session and removing two-factor sign-in.
import { describe, expect, it } from 'vitest'
import * as accountPage from '../../app/routes/account._index'
import * as passwordPage from '../../app/routes/account.password'
import * as sessionsPage from '../../app/routes/account.sessions'
import * as adminSignIn from '../../app/routes/admin.users.$id_.sign-in'
import * as campaigns from '../../app/routes/campaigns._index'
import * as newPasswordStep from '../../app/routes/login_.new-password'
import { ONE_TIME_PASSWORD_TTL_MS } from '../../app/models/account.server'
import { testClock } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { createSession } from '../../app/utils/session.server'
import { makeUser, TEST_PASSWORD, type TestUser } from '../support/factories'
import { callAction, callLoader } from '../support/routes'
import { codeStep, cookieOf, enrol, passwordStep } from '../support/two-factor'

const lastAuditId = async () => (await db.selectFrom('audit_event').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? 0
const auditSince = (id: number) => db.selectFrom('audit_event').selectAll().where('id', '>', id).orderBy('id').execute()
const works = async (cookie: string | null) => (await callLoader(campaigns.loader, '/campaigns', { cookie })).status === 200

const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const SAFARI_ON_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1'

async function anotherSession(user: TestUser, userAgent: string, ip = '10.40.0.9'): Promise<string> {
  return (await createSession(db, user.id, { ip, userAgent, method: 'password' })).split(';')[0]!
}

describe('the account page', () => {
  it('shows the person’s details, how they sign in, their two-factor sign-in and their sessions', async () => {
    const user = await makeUser(['designer', 'press-office'], 'Ann Account')
    const page = await callLoader(accountPage.loader, '/account', { cookie: user.cookie })
    expect(page.status).toBe(200)
    expect(page.data.account).toMatchObject({ email: user.email, name: 'Ann Account', hasPassword: true, singleSignOn: false, twoFactor: { enrolled: false, required: false } })
    expect(page.data.roles).toEqual(['designer', 'press-office'])
    expect(page.data.sessions).toBe(1)
    expect((await callLoader(accountPage.loader, '/account')).status).toBe(302)
  })
})

describe('changing your own password', () => {
  it('needs the current password, keeps this browser signed in with a new session id, and ends every other session', async () => {
    const user = await makeUser(['viewer'])
    const elsewhere = await anotherSession(user, SAFARI_ON_IPHONE)
    const form = (values: Record<string, string>) => callAction(passwordPage.action, '/account/password', { cookie: user.cookie, form: values })

    expect((await form({ current: '', password: '', confirm: '' })).data.errors).toEqual({ current: 'Enter your current password', password: 'Enter a new password' })
    expect((await form({ current: TEST_PASSWORD, password: 'short', confirm: 'short' })).data.errors).toEqual({ password: 'Password must be 8 characters or more' })
    expect((await form({ current: TEST_PASSWORD, password: 'Password123', confirm: 'Password123' })).data.errors.password).toMatch(/commonly used and breached/)
    expect((await form({ current: TEST_PASSWORD, password: 'quiet river lamp', confirm: 'quiet river lamb' })).data.errors).toEqual({ confirm: 'Enter the same password in both boxes' })
    expect((await form({ current: 'not it', password: 'quiet river lamp', confirm: 'quiet river lamp' })).data.errors).toEqual({ current: 'Your current password is not right' })
    expect(await works(user.cookie)).toBe(true)

    const before = await lastAuditId()
    const changed = await form({ current: TEST_PASSWORD, password: 'quiet river lamp', confirm: 'quiet river lamp' })
    expect(changed.status).toBe(303)
    expect(changed.location).toBe('/account?notice=password-changed')
    const rotated = cookieOf(changed, 'otm_session')!
    expect(rotated).not.toBe(user.cookie)
    expect(await works(rotated)).toBe(true)
    expect(await works(user.cookie)).toBe(false)
    expect(await works(elsewhere)).toBe(false)
    const events = await auditSince(before)
    expect(events.map((e) => e.action)).toEqual(['user.password-changed'])
    expect(events[0]!.summary).toBe(`${user.email} changed their password; 2 other sessions ended`)
    expect(JSON.stringify(events)).not.toContain('quiet river lamp')

    expect((await passwordStep(user.email, TEST_PASSWORD)).result.status).toBe(400)
    expect((await passwordStep(user.email, 'quiet river lamp')).session).toBeTruthy()
  })

  it('slows down guesses at the current password', async () => {
    testClock.freeze('2027-03-02T09:00:00Z')
    const user = await makeUser(['viewer'])
    for (let i = 0; i < 5; i++) {
      const wrong = await callAction(passwordPage.action, '/account/password', { cookie: user.cookie, form: { current: `guess ${i}`, password: 'quiet river lamp', confirm: 'quiet river lamp' } })
      expect(wrong.status).toBe(400)
    }
    const blocked = await callAction(passwordPage.action, '/account/password', { cookie: user.cookie, form: { current: TEST_PASSWORD, password: 'quiet river lamp', confirm: 'quiet river lamp' } })
    expect(blocked.status).toBe(429)
    expect(blocked.data.errors.current).toMatch(/Wait 1 second/)
    testClock.advance(1000)
    expect((await callAction(passwordPage.action, '/account/password', { cookie: user.cookie, form: { current: TEST_PASSWORD, password: 'quiet river lamp', confirm: 'quiet river lamp' } })).status).toBe(303)
  })

  it('has nothing to change for an account that signs in with single sign-on only', async () => {
    const user = await makeUser(['viewer'])
    await db.updateTable('users').set({ password_hash: '!', sso_issuer: 'https://idp.example', sso_subject: 'x1' }).where('id', '=', user.id).execute()
    expect((await callLoader(passwordPage.loader, '/account/password', { cookie: user.cookie })).data).toEqual({ canChange: false })
    expect((await callAction(passwordPage.action, '/account/password', { cookie: user.cookie, form: { current: 'x', password: 'quiet river lamp', confirm: 'quiet river lamp' } })).status).toBe(404)
  })
})

describe('your sessions', () => {
  it('lists each signed-in browser with its device and last use, and signs any other one out', async () => {
    testClock.freeze('2027-03-03T09:00:00Z')
    const user = await makeUser(['viewer'])
    testClock.advance(5 * 60 * 1000)
    const phone = await anotherSession(user, SAFARI_ON_IPHONE, '10.40.0.7')
    testClock.advance(5 * 60 * 1000)
    const desktop = await anotherSession(user, CHROME_ON_WINDOWS, '10.40.0.8')
    const page = await callLoader(sessionsPage.loader, '/account/sessions', { cookie: user.cookie })
    // Most recently used first: this browser has just been used to look.
    expect(page.data.sessions.map((s: { device: string; current: boolean; address: string; method: string | null }) => [s.device, s.current, s.address, s.method])).toEqual([
      ['An unknown browser or device', true, '127.0.0.1', null],
      ['Chrome on Windows', false, '10.40.0.8', 'Password'],
      ['Safari on iPhone', false, '10.40.0.7', 'Password'],
    ])
    const iphone = page.data.sessions[2]
    expect(iphone.lastSeenAt).toBe('2027-03-03T09:05:00.000Z')
    expect(JSON.stringify(page.data)).not.toMatch(/[0-9a-f]{64}/) // no session id on the page

    const before = await lastAuditId()
    const ended = await callAction(sessionsPage.action, '/account/sessions', { cookie: user.cookie, form: { intent: 'end', session: iphone.handle } })
    expect(ended.location).toBe('/account/sessions?notice=ended')
    expect(await works(phone)).toBe(false)
    expect(await works(desktop)).toBe(true)
    expect(await works(user.cookie)).toBe(true)
    const events = await auditSince(before)
    expect(events.map((e) => e.action)).toEqual(['user.session-ended'])
    expect(events[0]!.summary).toBe(`${user.email} signed out a session: Safari on iPhone, last used 3 March 2027 at 9:05am`)
    // A second click on the same button: already done.
    expect((await callAction(sessionsPage.action, '/account/sessions', { cookie: user.cookie, form: { intent: 'end', session: iphone.handle } })).location).toBe('/account/sessions?notice=already-ended')
    // This browser is signed out with the header's Sign out.
    const self = page.data.sessions[0].handle
    expect((await callAction(sessionsPage.action, '/account/sessions', { cookie: user.cookie, form: { intent: 'end', session: self } })).status).toBe(400)
    // Someone else's session cannot be reached by its handle.
    const other = await makeUser(['viewer'])
    const theirs = (await callLoader(sessionsPage.loader, '/account/sessions', { cookie: other.cookie })).data.sessions[0].handle
    expect((await callAction(sessionsPage.action, '/account/sessions', { cookie: user.cookie, form: { intent: 'end', session: theirs } })).location).toBe('/account/sessions?notice=already-ended')
    expect(await works(other.cookie)).toBe(true)

    const everywhere = await callAction(sessionsPage.action, '/account/sessions', { cookie: user.cookie, form: { intent: 'end-others' } })
    expect(everywhere.location).toBe('/account/sessions?notice=others-ended&count=1')
    expect(await works(desktop)).toBe(false)
    expect(await works(user.cookie)).toBe(true)
  })
})

describe('an administrator', () => {
  it('resets a password to a one-time password shown once, which must be changed at the next sign-in', async () => {
    const admin = await makeUser(['admin'])
    const person = await makeUser(['designer'])
    const page = await callLoader(adminSignIn.loader, `/admin/users/${person.id}/sign-in`, { cookie: admin.cookie, params: { id: person.id } })
    expect(page.data).toMatchObject({ self: false, sessions: 1, account: { hasPassword: true } })

    const before = await lastAuditId()
    const reset = await callAction(adminSignIn.action, `/admin/users/${person.id}/sign-in`, { cookie: admin.cookie, params: { id: person.id }, form: { intent: 'reset-password' } })
    expect(reset.status).toBe(200)
    const oneTime: string = reset.data.oneTimePassword
    expect(oneTime).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/)
    expect(await works(person.cookie)).toBe(false)
    const events = await auditSince(before)
    expect(events.map((e) => e.action)).toEqual(['user.password-reset'])
    expect(events[0]!.actor_id).toBe(admin.id)
    expect(JSON.stringify(events)).not.toContain(oneTime)
    expect(JSON.stringify(await db.selectFrom('users').selectAll().where('id', '=', person.id).execute())).not.toContain(oneTime)

    expect((await passwordStep(person.email, TEST_PASSWORD)).result.status).toBe(400)
    const { result, pending, session } = await passwordStep(person.email, oneTime)
    expect(result.location).toBe('/login/new-password')
    expect(session).toBeNull()
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: pending })).status).toBe(302)
    const chosen = await callAction(newPasswordStep.action, '/login/new-password', { cookie: pending, form: { password: 'my very own password', confirm: 'my very own password' } })
    expect(chosen.location).toBe('/')
    expect(await works(cookieOf(chosen, 'otm_session'))).toBe(true)
    expect((await passwordStep(person.email, oneTime)).result.status).toBe(400)
    expect((await passwordStep(person.email, 'my very own password')).session).toBeTruthy()
  })

  it('gives a one-time password that stops working after three days', async () => {
    testClock.freeze('2027-03-04T09:00:00Z')
    const admin = await makeUser(['admin'])
    const person = await makeUser(['viewer'])
    const reset = await callAction(adminSignIn.action, `/admin/users/${person.id}/sign-in`, { cookie: admin.cookie, params: { id: person.id }, form: { intent: 'reset-password' } })
    testClock.advance(ONE_TIME_PASSWORD_TTL_MS + 1000)
    const late = await passwordStep(person.email, reset.data.oneTimePassword)
    expect(late.result.status).toBe(400)
    expect(late.result.data.errors.email).toMatch(/one-time password has expired/)
    expect(late.pending).toBeNull()
  })

  it('asks for the code as well when the person has two-factor sign-in, after the new password', async () => {
    testClock.freeze('2027-03-05T09:00:00Z')
    const admin = await makeUser(['admin'])
    const person = await makeUser(['viewer'])
    const { app } = await enrol(person)
    testClock.advance(30_000)
    const reset = await callAction(adminSignIn.action, `/admin/users/${person.id}/sign-in`, { cookie: admin.cookie, params: { id: person.id }, form: { intent: 'reset-password' } })
    const { result, pending } = await passwordStep(person.email, reset.data.oneTimePassword)
    expect(result.location).toBe('/login/two-factor')
    const coded = await codeStep(pending!, app.code())
    expect(coded.result.location).toBe('/login/new-password')
    expect(coded.session).toBeNull()
    const chosen = await callAction(newPasswordStep.action, '/login/new-password', { cookie: pending, form: { password: 'my very own password', confirm: 'my very own password' } })
    expect(chosen.location).toBe('/')
    expect(cookieOf(chosen, 'otm_session')).toBeTruthy()
  })

  it('ends all of a person’s sessions, and removes two-factor sign-in from someone who lost their phone', async () => {
    const admin = await makeUser(['admin'])
    const person = await makeUser(['viewer'])
    const phone = await anotherSession(person, SAFARI_ON_IPHONE)
    let before = await lastAuditId()
    const ended = await callAction(adminSignIn.action, `/admin/users/${person.id}/sign-in`, { cookie: admin.cookie, params: { id: person.id }, form: { intent: 'end-sessions' } })
    expect(ended.location).toBe(`/admin/users/${person.id}/sign-in?notice=sessions-ended&count=2`)
    expect(await works(person.cookie)).toBe(false)
    expect(await works(phone)).toBe(false)
    expect(await works(admin.cookie)).toBe(true)
    let events = await auditSince(before)
    expect(events.map((e) => [e.action, e.summary])).toEqual([['user.sessions-ended', `Ended all 2 sessions of ${person.email}`]])

    const signedIn = { ...person, cookie: (await passwordStep(person.email)).session! }
    await enrol(signedIn)
    before = await lastAuditId()
    const removed = await callAction(adminSignIn.action, `/admin/users/${person.id}/sign-in`, { cookie: admin.cookie, params: { id: person.id }, form: { intent: 'remove-two-factor' } })
    expect(removed.location).toBe(`/admin/users/${person.id}/sign-in?notice=two-factor-removed`)
    expect(await works(signedIn.cookie)).toBe(false)
    events = await auditSince(before)
    expect(events.map((e) => e.action)).toEqual(['user.two-factor-removed'])
    expect(events[0]!.summary).toBe(`Removed two-factor sign-in from ${person.email} and ended their 1 session`)
    expect((await passwordStep(person.email)).session).toBeTruthy()
  })

  it('looks after their own sign-in on their account page, not here', async () => {
    const admin = await makeUser(['admin'])
    for (const intent of ['reset-password', 'end-sessions', 'remove-two-factor']) {
      const refused = await callAction(adminSignIn.action, `/admin/users/${admin.id}/sign-in`, { cookie: admin.cookie, params: { id: admin.id }, form: { intent } })
      expect(refused.status).toBe(400)
      expect(refused.data.errors._form).toBe('Change your own sign-in from Your account')
    }
    expect(await works(admin.cookie)).toBe(true)
  })

  it('cannot reset the password of an account that signs in with single sign-on only', async () => {
    const admin = await makeUser(['admin'])
    const person = await makeUser(['viewer'])
    await db.updateTable('users').set({ password_hash: '!', sso_issuer: 'https://idp.example', sso_subject: 'y2' }).where('id', '=', person.id).execute()
    const refused = await callAction(adminSignIn.action, `/admin/users/${person.id}/sign-in`, { cookie: admin.cookie, params: { id: person.id }, form: { intent: 'reset-password' } })
    expect(refused.status).toBe(400)
    expect(refused.data.errors._form).toMatch(/signs in with single sign-on/)
    expect((await db.selectFrom('users').select('password_hash').where('id', '=', person.id).executeTakeFirst())!.password_hash).toBe('!')
  })
})
