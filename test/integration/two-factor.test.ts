// Two-factor sign-in for local accounts: setting up an authenticator app, signing in with its codes or a recovery
// code, the limit on guessing, and the accounts that must use it.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import * as accountTwoFactor from '../../app/routes/account.two-factor._index'
import * as setupPage from '../../app/routes/account.two-factor.setup'
import * as adminUserNew from '../../app/routes/admin.users.new'
import * as adminUser from '../../app/routes/admin.users.$id'
import * as campaigns from '../../app/routes/campaigns._index'
import * as newPasswordStep from '../../app/routes/login_.new-password'
import * as enrolStep from '../../app/routes/login_.set-up-two-factor'
import * as codePage from '../../app/routes/login_.two-factor'
import { createUser, getUserById } from '../../app/models/user.server'
import { RECOVERY_CODE_COUNT } from '../../app/models/two-factor.server'
import { SECOND_FACTOR } from '../../app/utils/attempt-limit.server'
import { testClock } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { sessionCookieFor, callAction, callLoader } from '../support/routes'
import { makeUser, TEST_PASSWORD } from '../support/factories'
import { authenticatorFor, codeStep, cookieOf, enrol, passwordStep } from '../support/two-factor'

const lastAuditId = async () => (await db.selectFrom('audit_event').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? 0
const auditSince = (id: number) => db.selectFrom('audit_event').selectAll().where('id', '>', id).orderBy('id').execute()

describe('setting up an authenticator app', () => {
  it('shows a QR code and the same key as text, and turns on after the password and a code from the app', async () => {
    const user = await makeUser(['designer'])
    const page = await callLoader(setupPage.loader, '/account/two-factor/setup', { cookie: user.cookie })
    expect(page.status).toBe(200)
    expect(page.data.qrCode).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(page.data.textKey).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/) // 160 bits in base32, in groups of four
    // Reloading the page within half an hour shows the same key, so a key already scanned still works.
    expect((await callLoader(setupPage.loader, '/account/two-factor/setup', { cookie: user.cookie })).data.textKey).toBe(page.data.textKey)
    const app = authenticatorFor(page.data.textKey)

    const wrongPassword = await callAction(setupPage.action, '/account/two-factor/setup', { cookie: user.cookie, form: { current: 'not my password', code: app.code() } })
    expect(wrongPassword.status).toBe(400)
    expect(wrongPassword.data.errors).toEqual({ current: 'Your password is not right' })
    const wrongCode = await callAction(setupPage.action, '/account/two-factor/setup', { cookie: user.cookie, form: { current: TEST_PASSWORD, code: app.code(-120_000) } })
    expect(wrongCode.status).toBe(400)
    expect(wrongCode.data.errors.code).toMatch(/The code is not right/)
    expect(await db.selectFrom('two_factor').select('secret').where('user_id', '=', user.id).executeTakeFirst()).toEqual({ secret: null })

    const before = await lastAuditId()
    const done = await callAction(setupPage.action, '/account/two-factor/setup', { cookie: user.cookie, form: { current: TEST_PASSWORD, code: app.code() } })
    expect(done.status).toBe(200)
    const codes: string[] = done.data.recoveryCodes
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT)
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/)
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT)

    // Stored hashed: no code appears in the database, in the audit trail or anywhere else.
    const stored = await db.selectFrom('recovery_code').select(['code_hash', 'used_at']).where('user_id', '=', user.id).execute()
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT)
    for (const row of stored) expect(row.code_hash).toMatch(/^scrypt\$/)
    const everything = JSON.stringify([stored, await db.selectFrom('audit_event').selectAll().execute()])
    for (const code of codes) expect(everything).not.toContain(code.replace('-', ''))
    expect(everything).not.toContain(app.key)
    const events = await auditSince(before)
    expect(events.map((e) => e.action)).toEqual(['user.two-factor-enrolled'])
    expect(events[0]!.summary).toBe(`${user.email} set up two-factor sign-in with an authenticator app`)

    const status = await callLoader(accountTwoFactor.loader, '/account/two-factor', { cookie: user.cookie })
    expect(status.data.twoFactor).toMatchObject({ enrolled: true, recoveryCodesLeft: 10, required: false })
  })

  it('refuses a code from a key that has expired, and shows a new one', async () => {
    testClock.freeze('2027-02-01T09:00:00Z')
    const user = await makeUser(['viewer'])
    const page = await callLoader(setupPage.loader, '/account/two-factor/setup', { cookie: user.cookie })
    testClock.advance(29 * 60 * 1000) // keep the session alive past the key's half hour
    await callLoader(campaigns.loader, '/campaigns', { cookie: user.cookie })
    testClock.advance(2 * 60 * 1000)
    const late = await callAction(setupPage.action, '/account/two-factor/setup', { cookie: user.cookie, form: { current: TEST_PASSWORD, code: authenticatorFor(page.data.textKey).code() } })
    expect(late.status).toBe(400)
    expect(late.data.errors.code).toMatch(/has expired/)
    expect(late.data.fresh.textKey).not.toBe(page.data.textKey)
    const retried = await callAction(setupPage.action, '/account/two-factor/setup', { cookie: user.cookie, form: { current: TEST_PASSWORD, code: authenticatorFor(late.data.fresh.textKey).code() } })
    expect(retried.status).toBe(200)
  })
})

describe('signing in with two-factor', () => {
  it('asks for a code after the password, and gives no session until it is right', async () => {
    testClock.freeze('2027-02-01T12:00:00Z')
    const user = await makeUser(['designer'])
    const { app } = await enrol(user)
    testClock.advance(30_000) // the code used to set the app up is spent
    const first = await passwordStep(user.email, TEST_PASSWORD)
    expect(first.result.status).toBe(303)
    expect(first.result.location).toBe('/login/two-factor')
    expect(first.session).toBeNull()
    expect(first.result.headers.get('Set-Cookie')).toMatch(/^otm_sign_in=[A-Za-z0-9_-]{43}; Path=\/login; HttpOnly; SameSite=Lax; Max-Age=600/)
    const pending = first.pending!
    // Half-signed-in is not signed in: nothing else in the app opens.
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: pending })).status).toBe(302)
    expect((await callLoader(codePage.loader, '/login/two-factor', { cookie: pending })).data).toEqual({ email: user.email })

    const before = await lastAuditId()
    const wrong = await codeStep(pending, '000000' === app.code() ? '111111' : '000000')
    expect(wrong.result.status).toBe(400)
    expect(wrong.result.data.errors.code).toMatch(/The code is not right/)
    expect(wrong.session).toBeNull()
    const failed = await auditSince(before)
    expect(failed.map((e) => e.action)).toEqual(['security.factor-failed'])
    expect(failed[0]!.summary).toBe(`Wrong authenticator app code for ${user.email} at sign-in (1 in a row)`)

    const right = await codeStep(pending, ` ${app.code().slice(0, 3)} ${app.code().slice(3)} `)
    expect(right.result.status).toBe(303)
    expect(right.result.location).toBe('/')
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: right.session! })).status).toBe(200)
    expect(right.result.headers.getSetCookie().some((c) => /^otm_sign_in=;.*Max-Age=0/.test(c))).toBe(true)
    const session = await db.selectFrom('session').select('method').where('user_id', '=', user.id).orderBy('created_at', 'desc').executeTakeFirst()
    expect(session!.method).toBe('password-and-code')
    const signIn = (await auditSince(before)).find((e) => e.action === 'security.sign-in')!
    expect(signIn.summary).toBe(`${user.email} signed in with a password and an authenticator app code`)
    // The sign-in in progress is used up.
    expect((await codeStep(pending, app.code(30_000))).result.location).toBe('/login?timedOut=1')
  })

  it('never accepts the same code twice', async () => {
    testClock.freeze('2027-02-02T09:00:10Z')
    const user = await makeUser(['viewer'])
    const { app } = await enrol(user) // uses this step's code
    const { pending } = await passwordStep(user.email)
    const reused = await codeStep(pending!, app.code())
    expect(reused.result.status).toBe(400)
    expect(reused.result.data.errors.code).toMatch(/already been used/)
    testClock.advance(30_000)
    expect((await codeStep(pending!, app.code())).result.status).toBe(303)
  })

  it('accepts each recovery code once, and records its use', async () => {
    const user = await makeUser(['viewer'])
    const { recoveryCodes } = await enrol(user)
    const { pending } = await passwordStep(user.email)
    const before = await lastAuditId()
    const used = await codeStep(pending!, recoveryCodes[3]!.toUpperCase())
    expect(used.result.status).toBe(303)
    expect(used.session).toBeTruthy()
    const events = await auditSince(before)
    expect(events.map((e) => e.action)).toEqual(['user.recovery-code-used', 'security.sign-in'])
    expect(events[0]!.summary).toBe(`${user.email} used a recovery code at sign-in; 9 left`)
    expect(events[1]!.summary).toMatch(/signed in with a password and a recovery code$/)

    const again = await passwordStep(user.email)
    const twice = await codeStep(again.pending!, recoveryCodes[3]!)
    expect(twice.result.status).toBe(400)
    expect(twice.result.data.errors.code).toMatch(/not right/)
    expect((await codeStep(again.pending!, recoveryCodes[4]!)).result.status).toBe(303)
  })

  it('slows guessing down on the account, across sign-ins and addresses, without locking the person out', async () => {
    testClock.freeze('2027-02-03T09:00:00Z')
    const user = await makeUser(['viewer'])
    const { app } = await enrol(user)
    testClock.advance(30_000)
    const { pending } = await passwordStep(user.email)
    for (let i = 0; i < SECOND_FACTOR.freeFailures; i++) {
      expect((await codeStep(pending!, `12345${i}` === app.code() ? '999999' : `12345${i}`, `10.30.0.${i}`)).result.status).toBe(400)
    }
    // Even the right code waits now, from any address and from a fresh sign-in.
    const blocked = await codeStep(pending!, app.code(), '10.31.0.1')
    expect(blocked.result.status).toBe(429)
    expect(blocked.result.data.errors.code).toMatch(/Wait 1 second/)
    expect(blocked.result.headers.get('Retry-After')).toBe('1')
    const fresh = await passwordStep(user.email, TEST_PASSWORD, '10.32.0.1')
    expect((await codeStep(fresh.pending!, app.code(), '10.32.0.1')).result.status).toBe(429)
    // The waits double with each further miss, up to 15 minutes.
    const waits: number[] = []
    for (let i = 0; i < 12; i++) {
      const refused = await codeStep(fresh.pending!, '000001', '10.33.0.1')
      if (refused.result.status === 429) {
        const seconds = Number(refused.result.headers.get('Retry-After'))
        waits.push(seconds)
        testClock.advance(seconds * 1000)
        // A sign-in lasts 10 minutes: start again when a wait outlasts it.
        continue
      }
      expect(refused.result.status === 400 || refused.result.status === 302 || refused.result.status === 303).toBe(true)
    }
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8])
    const row = await db.selectFrom('login_throttle').select(['failures', 'next_allowed_at']).where('key', '=', `second-factor:${user.id}`).executeTakeFirst()
    expect(row!.failures).toBeGreaterThan(SECOND_FACTOR.freeFailures)
    // After the wait, the right code works.
    testClock.advance(SECOND_FACTOR.maxDelayMs)
    const later = await passwordStep(user.email, TEST_PASSWORD, '10.34.0.1')
    expect((await codeStep(later.pending!, app.code(), '10.34.0.1')).result.status).toBe(303)
  })

  it('holds a guessing loop that retries the instant it is allowed to about four codes an hour', async () => {
    testClock.freeze('2027-02-06T09:00:00Z')
    const user = await makeUser(['viewer'])
    await enrol(user)
    const { checkSecondFactor } = await import('../../app/models/two-factor.server')
    const { now } = await import('../../app/utils/clock.server')
    const start = now().getTime()
    const checkedAt: number[] = []
    // Someone who has the password guesses codes for a day, retrying the moment each wait ends.
    while (now().getTime() - start < 24 * 60 * 60 * 1000) {
      const result = await checkSecondFactor(db, user, '000000', 'at sign-in')
      if (result.ok) throw new Error('a guess was right')
      if (result.reason === 'wait') testClock.advance(result.waitMs)
      else checkedAt.push(now().getTime() - start)
    }
    const inHour = (from: number) => checkedAt.filter((t) => t >= from * 3_600_000 && t < (from + 1) * 3_600_000).length
    const figures = { firstMinute: checkedAt.filter((t) => t < 60_000).length, firstHour: inHour(0), lastHour: inHour(23), day: checkedAt.length }
    console.info(`Second-factor limit, one account guessed for a day: ${JSON.stringify(figures)}`)
    expect(figures.firstMinute).toBe(10) // 5 free, then waits of 1, 2, 4, 8, 16 s
    expect(figures.lastHour).toBe(4) // one every 15 minutes
    expect(figures.day).toBeLessThanOrEqual(110)
    // Each guess matches one of three codes (a step either side of now) in a million: the chance in a day.
    console.info(`Chance of a right guess in a day: ${((figures.day * 3) / 1_000_000).toExponential(1)}`)
  }, 120_000)

  it('caps the wait at 15 minutes', async () => {
    testClock.freeze('2027-02-04T09:00:00Z')
    const user = await makeUser(['viewer'])
    await enrol(user)
    const { recordFailedAttempt, waitBeforeAttempt, secondFactorKey } = await import('../../app/utils/attempt-limit.server')
    for (let i = 0; i < 30; i++) await recordFailedAttempt(secondFactorKey(user.id), SECOND_FACTOR)
    expect(await waitBeforeAttempt(secondFactorKey(user.id))).toBe(15 * 60 * 1000)
  })

  it('forgets a sign-in left half-way for more than 10 minutes', async () => {
    testClock.freeze('2027-02-05T09:00:00Z')
    const user = await makeUser(['viewer'])
    const { app } = await enrol(user)
    testClock.advance(30_000)
    const { pending } = await passwordStep(user.email)
    testClock.advance(10 * 60 * 1000 + 1000)
    const late = await codeStep(pending!, app.code())
    expect(late.result.status).toBe(303)
    expect(late.result.location).toBe('/login?timedOut=1')
    expect(late.session).toBeNull()
    expect((await callLoader(codePage.loader, '/login/two-factor', { cookie: pending })).location).toBe('/login?timedOut=1')
  })

  it('sends a browser with no sign-in in progress back to the start', async () => {
    expect((await callLoader(codePage.loader, '/login/two-factor')).location).toBe('/login?timedOut=1')
    expect((await callAction(codePage.action, '/login/two-factor', { form: { code: '123456' } })).location).toBe('/login?timedOut=1')
    expect((await callLoader(enrolStep.loader, '/login/set-up-two-factor', { cookie: 'otm_sign_in=forged-forged-forged-forged-forged' })).location).toBe('/login?timedOut=1')
  })
})

describe('accounts that must use two-factor sign-in', () => {
  it('makes an administrator added from the command line set it up before they get in', async () => {
    const email = `cli-admin-${Date.now()}@example.gov.uk`
    await createUser(db, { email, name: 'Cli Admin', password: TEST_PASSWORD, roles: ['admin'] }, null, { requireTwoFactor: true })
    const { result, pending, session } = await passwordStep(email)
    expect(result.location).toBe('/login/set-up-two-factor')
    expect(session).toBeNull()
    // The other steps send it back to the one it owes.
    expect((await callLoader(codePage.loader, '/login/two-factor', { cookie: pending })).location).toBe('/login/set-up-two-factor')
    const page = await callLoader(enrolStep.loader, '/login/set-up-two-factor', { cookie: pending })
    expect(page.status).toBe(200)
    const app = authenticatorFor(page.data.textKey)
    expect((await callAction(enrolStep.action, '/login/set-up-two-factor', { cookie: pending, form: { code: '' } })).data.errors.code).toBe('Enter the code from your authenticator app')
    const before = await lastAuditId()
    const done = await callAction(enrolStep.action, '/login/set-up-two-factor', { cookie: pending, form: { code: app.code() } })
    expect(done.status).toBe(200)
    expect(done.data.recoveryCodes).toHaveLength(10)
    expect(done.data.continueTo).toBe('/')
    const cookie = cookieOf(done, 'otm_session')!
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie })).status).toBe(200)
    expect((await auditSince(before)).map((e) => e.action)).toEqual(['user.two-factor-enrolled', 'security.sign-in'])
    // From now on: password, then code.
    expect((await passwordStep(email)).result.location).toBe('/login/two-factor')
  })

  it('is what npm run user:add makes of an administrator: a generated password to change, then two-factor to set up', async () => {
    const email = `cli-${Date.now()}@example.gov.uk`
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli/user-add.ts', ...args], { env: process.env, encoding: 'utf8' })
    const added = run('--email', email, '--name', 'Cli Person', '--role', 'admin')
    expect(added.status, added.stderr).toBe(0)
    expect(added.stdout).toContain('must set up two-factor sign-in')
    const password = /Password \(shown once; it must be changed at the first sign-in\): (\S+)/.exec(added.stdout)![1]!
    const { result, pending } = await passwordStep(email, password)
    expect(result.location).toBe('/login/new-password')
    const chosen = await callAction(newPasswordStep.action, '/login/new-password', { cookie: pending, form: { password: 'a long passphrase of mine', confirm: 'a long passphrase of mine' } })
    expect(chosen.location).toBe('/login/set-up-two-factor')

    // A password chosen on the command line need not be changed, but must pass the policy.
    const weak = run('--email', `weak-${email}`, '--name', 'Weak Person', '--role', 'viewer', '--password', 'password123456')
    expect(weak.status).toBe(2)
    expect(weak.stderr).toContain('--password: Choose a different password: this one is on a list of commonly used and breached passwords')
    const chosenHere = run('--email', `own-${email}`, '--name', 'Own Person', '--role', 'viewer', '--password', 'a long passphrase of mine')
    expect(chosenHere.status, chosenHere.stderr).toBe(0)
    expect((await passwordStep(`own-${email}`, 'a long passphrase of mine')).session).toBeTruthy()
  }, 60_000)

  it('makes an administrator added by another administrator choose a password, then set it up', async () => {
    const admin = await makeUser(['admin'])
    const email = `new-admin-${Date.now()}@example.gov.uk`
    const added = await callAction(adminUserNew.action, '/admin/users/new', {
      cookie: admin.cookie,
      form: { name: 'New Admin', email, roles: ['admin'], password: 'a temporary password to share' },
    })
    expect(added.status).toBe(303)
    const { result, pending } = await passwordStep(email, 'a temporary password to share')
    expect(result.location).toBe('/login/new-password')
    const weak = await callAction(newPasswordStep.action, '/login/new-password', { cookie: pending, form: { password: 'password1', confirm: 'password1' } })
    expect(weak.data.errors.password).toMatch(/commonly used and breached/)
    const same = await callAction(newPasswordStep.action, '/login/new-password', { cookie: pending, form: { password: 'a temporary password to share', confirm: 'a temporary password to share' } })
    expect(same.data.errors.password).toMatch(/not the one-time password/)
    const chosen = await callAction(newPasswordStep.action, '/login/new-password', { cookie: pending, form: { password: 'my own long passphrase', confirm: 'my own long passphrase' } })
    expect(chosen.status).toBe(303)
    expect(chosen.location).toBe('/login/set-up-two-factor')
    expect(cookieOf(chosen, 'otm_session')).toBeNull()
    const page = await callLoader(enrolStep.loader, '/login/set-up-two-factor', { cookie: pending })
    const done = await callAction(enrolStep.action, '/login/set-up-two-factor', { cookie: pending, form: { code: authenticatorFor(page.data.textKey).code() } })
    expect(done.status).toBe(200)
    expect(cookieOf(done, 'otm_session')).toBeTruthy()
  })

  it('does not require it of other people an administrator adds, who still choose their own password', async () => {
    const admin = await makeUser(['admin'])
    const email = `new-designer-${Date.now()}@example.gov.uk`
    await callAction(adminUserNew.action, '/admin/users/new', { cookie: admin.cookie, form: { name: 'New Designer', email, roles: ['designer'], password: 'a temporary password to share' } })
    const { pending } = await passwordStep(email, 'a temporary password to share')
    const chosen = await callAction(newPasswordStep.action, '/login/new-password', { cookie: pending, form: { password: 'my own long passphrase', confirm: 'my own long passphrase' } })
    expect(chosen.location).toBe('/')
    expect(cookieOf(chosen, 'otm_session')).toBeTruthy()
  })

  it('requires it, and ends the sessions, of someone an administrator makes an administrator', async () => {
    const admin = await makeUser(['admin'])
    const person = await makeUser(['designer'])
    const current = await getUserById(db, person.id)
    const result = await callAction(adminUser.action, `/admin/users/${person.id}`, {
      cookie: admin.cookie,
      params: { id: person.id },
      form: { name: person.name, roles: ['designer', 'admin'], status: 'active', version: String(current!.version) },
    })
    expect(result.status).toBe(303)
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie: person.cookie })).status).toBe(302)
    expect((await passwordStep(person.email)).result.location).toBe('/login/set-up-two-factor')
  })

  it('keeps a required two-factor sign-in on, and lets others turn theirs off with a code', async () => {
    const required = await makeUser(['admin'])
    await db.updateTable('users').set({ two_factor_required: 1 }).where('id', '=', required.id).execute()
    const { app } = await enrol(required)
    testClock.advance(30_000)
    const refused = await callAction(accountTwoFactor.action, '/account/two-factor', { cookie: required.cookie, form: { intent: 'turn-off', code: app.code() } })
    expect(refused.status).toBe(400)
    expect(refused.data.errors._form).toMatch(/must use two-factor sign-in/)

    const optional = await makeUser(['viewer'])
    const mine = await enrol(optional)
    testClock.advance(30_000)
    const wrong = await callAction(accountTwoFactor.action, '/account/two-factor', { cookie: optional.cookie, form: { intent: 'turn-off', code: '' } })
    expect(wrong.data.errors).toEqual({ turnOffCode: 'Enter a code from your authenticator app' })
    const before = await lastAuditId()
    const off = await callAction(accountTwoFactor.action, '/account/two-factor', { cookie: optional.cookie, form: { intent: 'turn-off', code: mine.app.code() } })
    expect(off.status).toBe(303)
    expect((await auditSince(before)).map((e) => e.action)).toEqual(['user.two-factor-removed'])
    expect(await db.selectFrom('recovery_code').select('id').where('user_id', '=', optional.id).execute()).toHaveLength(0)
    expect((await passwordStep(optional.email)).session).toBeTruthy()
  })

  it('makes new recovery codes with a code from the app, and the old ones stop working', async () => {
    const user = await makeUser(['viewer'])
    const { app, recoveryCodes } = await enrol(user)
    testClock.advance(30_000)
    const before = await lastAuditId()
    const made = await callAction(accountTwoFactor.action, '/account/two-factor', { cookie: user.cookie, form: { intent: 'new-codes', code: app.code() } })
    expect(made.status).toBe(200)
    expect(made.data.recoveryCodes).toHaveLength(10)
    expect(made.data.recoveryCodes).not.toContain(recoveryCodes[0])
    expect((await auditSince(before)).map((e) => e.action)).toEqual(['user.recovery-codes-replaced'])
    const { pending } = await passwordStep(user.email)
    expect((await codeStep(pending!, recoveryCodes[0]!)).result.status).toBe(400)
    expect((await codeStep(pending!, made.data.recoveryCodes[0])).result.status).toBe(303)
  })
})

describe('accounts that need not use two-factor sign-in', () => {
  it('sign in with the password alone, as the demo workspace’s people do', async () => {
    const user = await makeUser(['admin'])
    const { result, session, pending } = await passwordStep(user.email)
    expect(result.status).toBe(303)
    expect(result.location).toBe('/')
    expect(session).toBeTruthy()
    expect(pending).toBeNull()
    const cookie = await sessionCookieFor(user.id)
    expect((await callLoader(campaigns.loader, '/campaigns', { cookie })).status).toBe(200)
  })
})

