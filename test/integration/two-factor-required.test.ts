// MFA_REQUIRED=1: everyone who signs in with a password sets up two-factor sign-in first, and cannot turn it off.
import { describe, expect, it } from 'vitest'

// The environment is read once, when the app is first imported.
process.env.MFA_REQUIRED = '1'

const { db } = await import('../../app/utils/db.server')
const { testClock } = await import('../../app/utils/clock.server')
const { callAction, callLoader } = await import('../support/routes')
const { makeUser } = await import('../support/factories')
const { authenticatorFor, codeStep, cookieOf, passwordStep } = await import('../support/two-factor')
const enrolStep = await import('../../app/routes/login_.set-up-two-factor')
const accountTwoFactor = await import('../../app/routes/account.two-factor._index')
const accountPage = await import('../../app/routes/account._index')

describe('with MFA_REQUIRED=1', () => {
  it('has every password account set up two-factor sign-in at its next sign-in, then use it', async () => {
    testClock.freeze('2027-03-01T09:00:00Z')
    const person = await makeUser(['viewer'])
    expect((await db.selectFrom('users').select('two_factor_required').where('id', '=', person.id).executeTakeFirst())!.two_factor_required).toBe(0)
    expect((await callLoader(accountPage.loader, '/account', { cookie: person.cookie })).data.account.twoFactor.required).toBe(true)

    const { result, pending, session } = await passwordStep(person.email)
    expect(result.location).toBe('/login/set-up-two-factor')
    expect(session).toBeNull()
    const page = await callLoader(enrolStep.loader, '/login/set-up-two-factor', { cookie: pending })
    const app = authenticatorFor(page.data.textKey)
    const done = await callAction(enrolStep.action, '/login/set-up-two-factor', { cookie: pending, form: { code: app.code() } })
    expect(done.status).toBe(200)
    const cookie = cookieOf(done, 'otm_session')!

    testClock.advance(30_000)
    const refused = await callAction(accountTwoFactor.action, '/account/two-factor', { cookie, form: { intent: 'turn-off', code: app.code() } })
    expect(refused.status).toBe(400)
    expect(refused.data.errors._form).toMatch(/must use two-factor sign-in/)

    const again = await passwordStep(person.email)
    expect(again.result.location).toBe('/login/two-factor')
    expect((await codeStep(again.pending!, app.code())).result.status).toBe(303)
  })
})
