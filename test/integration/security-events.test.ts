// Security events: what is recorded for sign-ins, sign-outs, throttled attempts and refused requests, that no secret
// is, and the administrators' page that lists and exports every event outside a campaign.
import { describe, expect, it } from 'vitest'
import * as login from '../../app/routes/login'
import * as logout from '../../app/routes/logout'
import * as adminUser from '../../app/routes/admin.users.$id'
import * as securityPage from '../../app/routes/admin.security'
import * as securityCsv from '../../app/routes/admin.security[.csv]'
import { EventLimit, recordRefusal } from '../../app/http/security-events.server'
import { getUserById } from '../../app/models/user.server'
import { eachServiceEvent, SERVICE_EVENTS_PAGE_SIZE } from '../../app/models/service-events.server'
import { SELF_SIGN_OFF_ERROR } from '../../app/schemas/user'
import { testClock } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { makeUser, TEST_PASSWORD } from '../support/factories'
import { callAction, callLoader } from '../support/routes'

async function securityEvents(since = 0) {
  return db.selectFrom('audit_event').selectAll().where('action', 'like', 'security.%').where('id', '>', since).orderBy('id').execute()
}

async function newestId() {
  return (await db.selectFrom('audit_event').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? 0
}

const signIn = (email: string, password: string, address: string, cookie?: string) =>
  callAction(login.action, '/login', { form: { email, password }, clientAddress: address, cookie, headers: { 'User-Agent': 'Test browser/1.0' } })

describe('security events', () => {
  it('records sign-ins, failed sign-ins and sign-outs, with the address and route, and no password, token or cookie', async () => {
    const user = await makeUser(['viewer'])
    const disabled = await makeUser(['viewer'])
    await db.updateTable('users').set({ disabled: 1 }).where('id', '=', disabled.id).execute()
    const since = await newestId()
    expect((await signIn(user.email, 'not the password', '10.20.0.1')).status).toBe(400)
    expect((await signIn('nobody@example.gov.uk', 'a password typed into the email box', '10.20.0.2')).status).toBe(400)
    expect((await signIn(disabled.email, TEST_PASSWORD, '10.20.0.3')).status).toBe(400)
    const signedIn = await signIn(user.email, TEST_PASSWORD, '10.20.0.4')
    expect(signedIn.status).toBe(303)
    const cookie = signedIn.headers.get('Set-Cookie')!.split(';')[0]!
    expect((await callAction(logout.action, '/logout', { cookie, clientAddress: '10.20.0.5' })).status).toBe(303)

    const events = await securityEvents(since)
    expect(events.map((e) => [e.action, e.actor_email, e.campaign_id, JSON.parse(e.after_json!)])).toEqual([
      ['security.sign-in-failed', user.email, null, { address: '10.20.0.1', route: '/login', reason: 'wrong-password' }],
      ['security.sign-in-failed', null, null, { address: '10.20.0.2', route: '/login', reason: 'unknown-account' }],
      ['security.sign-in-failed', disabled.email, null, { address: '10.20.0.3', route: '/login', reason: 'disabled' }],
      ['security.sign-in', user.email, null, expect.objectContaining({ method: 'password', address: '10.20.0.4', route: '/login', userAgent: 'Test browser/1.0' })],
      ['security.sign-out', user.email, null, { address: '10.20.0.5', route: '/logout' }],
    ])
    const everything = JSON.stringify(events)
    for (const secret of [TEST_PASSWORD, 'not the password', 'a password typed into the email box', cookie.split('=')[1]!, 'nobody@example.gov.uk']) {
      expect(everything).not.toContain(secret)
    }
  })

  it('records throttled attempts, a limited number from one address', async () => {
    testClock.freeze('2027-01-10T09:00:00Z')
    const user = await makeUser(['viewer'])
    const address = '10.21.0.1'
    for (let i = 0; i < 5; i++) await signIn(user.email, `guess ${i}`, address)
    const since = await newestId()
    for (let i = 0; i < 60; i++) expect((await signIn(user.email, 'guess again', address)).status).toBe(429)
    const throttled = (await securityEvents(since)).filter((e) => e.action === 'security.throttled')
    expect(throttled.length).toBeGreaterThan(0)
    expect(throttled.length).toBeLessThanOrEqual(20)
    expect(throttled[0]!.actor_email).toBe(user.email)
    expect(JSON.parse(throttled[0]!.after_json!)).toMatchObject({ address, route: '/login', retryAfterSeconds: 1 })
  })

  it('records a refused request (403) with who asked, from where, for what, and keeps one address from flooding the trail', async () => {
    const viewer = await makeUser(['viewer'])
    const since = await newestId()
    await recordRefusal({ method: 'GET', path: '/admin/users', address: '10.22.0.1', cookie: viewer.cookie })
    await recordRefusal({ method: 'POST', path: '/campaigns/new', address: '10.22.0.2', cookie: null })
    const [signedIn, anonymous] = await securityEvents(since)
    expect([signedIn!.action, signedIn!.actor_email, JSON.parse(signedIn!.after_json!)]).toEqual(['security.forbidden', viewer.email, { address: '10.22.0.1', route: '/admin/users', method: 'GET' }])
    expect(signedIn!.summary).toBe(`Refused GET /admin/users for ${viewer.email}: not allowed`)
    expect([anonymous!.actor_email, JSON.parse(anonymous!.after_json!).address]).toEqual([null, '10.22.0.2'])

    const flood = await newestId()
    for (let i = 0; i < 200; i++) await recordRefusal({ method: 'POST', path: `/x/${i}`, address: '10.22.0.3', cookie: null })
    expect((await securityEvents(flood)).length).toBeLessThanOrEqual(20)
  })

  it('counts the events it did not record, and says so in the next one', () => {
    let now = 0
    const limit = new EventLimit(2, 100, 1000, () => now)
    expect([limit.take('a'), limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([
      { allowed: true, skipped: 0 },
      { allowed: true, skipped: 0 },
      { allowed: false, skipped: 0 },
      { allowed: false, skipped: 0 },
    ])
    expect(limit.take('b').allowed).toBe(true)
    now = 999
    expect(limit.take('a').allowed).toBe(false)
    now = 1000
    expect(limit.take('a')).toEqual({ allowed: true, skipped: 0 })
    const overall = new EventLimit(10, 3, 1000, () => 0)
    expect(['a', 'b', 'c', 'd'].map((address) => overall.take(address).allowed)).toEqual([true, true, true, false])
  })
})

describe('the administrators’ list of events outside a campaign', () => {
  it('lists every event with no campaign, newest first, a page at a time, and narrows it by kind', async () => {
    const admin = await makeUser(['admin'])
    const user = await makeUser(['viewer'])
    for (let i = 0; i < SERVICE_EVENTS_PAGE_SIZE + 5; i++) await signIn(user.email, `wrong ${i}`, `10.30.${Math.floor(i / 4)}.${i}`)
    const first = await callLoader(securityPage.loader, '/admin/security?kind=security.', { cookie: admin.cookie })
    expect(first.status).toBe(200)
    expect(first.data.events).toHaveLength(SERVICE_EVENTS_PAGE_SIZE)
    expect(first.data.events.every((e: { action: string }) => e.action.startsWith('security.'))).toBe(true)
    const ids = first.data.events.map((e: { id: number }) => e.id)
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a))
    expect(first.data.events[0]).toMatchObject({ action: 'security.sign-in-failed', who: user.email, address: `10.30.${Math.floor((SERVICE_EVENTS_PAGE_SIZE + 4) / 4)}.${SERVICE_EVENTS_PAGE_SIZE + 4}`, route: '/login' })
    const second = await callLoader(securityPage.loader, '/admin/security?kind=security.&page=2', { cookie: admin.cookie })
    expect(second.data.page).toBe(2)
    expect(second.data.events[0].id).toBeLessThan(ids.at(-1))

    const users = await callLoader(securityPage.loader, '/admin/security?kind=user.', { cookie: admin.cookie })
    expect(users.data.events.length).toBeGreaterThan(0)
    expect(users.data.events.every((e: { action: string }) => e.action.startsWith('user.'))).toBe(true)
    // An unknown kind shows every kind, and a page beyond the last shows the last.
    const all = await callLoader(securityPage.loader, "/admin/security?kind=%25'&page=99999", { cookie: admin.cookie })
    expect([all.status, all.data.kind, all.data.page]).toEqual([200, null, all.data.pages])
  })

  it('exports them as CSV, with formulas defused', async () => {
    const admin = await makeUser(['admin'])
    await signIn('=HYPERLINK("http://evil.example")@example.gov.uk', 'x', '10.31.0.1')
    const hostile = await makeUser(['viewer'], '=cmd|calc')
    await signIn(hostile.email, 'wrong', '10.31.0.2')
    const csv = await callLoader(securityCsv.loader, '/admin/security.csv?kind=security.', { cookie: admin.cookie })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('Cache-Control')).toBe('no-store')
    const lines = (csv.data as string).trimEnd().split('\r\n')
    expect(lines[0]).toBe('id,at_utc,actor,action,address,route,entity_type,entity_id,summary,before,after,hash')
    expect(lines.slice(1).every((line) => line.includes(',security.'))).toBe(true)
    expect(lines.some((line) => line.includes(`${hostile.email},security.sign-in-failed,10.31.0.2,/login`))).toBe(true)
    // No cell starts a formula.
    for (const line of lines) expect(line).not.toMatch(/(^|,)[=+\-@]/)
    // Batch after batch, every event once, newest first.
    const ids: number[] = []
    for await (const batch of eachServiceEvent(db, 'security.', 7)) ids.push(...batch.map((e) => e.id))
    expect(ids.length).toBe(lines.length - 1)
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => b - a))
  })
})

describe('administrators and sign-off', () => {
  // Found by probing: an administrator could give themselves a sign-off role, then approve.
  it('refuses to let administrators give themselves a sign-off role, and keeps their form', async () => {
    const admin = await makeUser(['admin'])
    for (const role of ['customer-services', 'debt-management', 'press-office']) {
      const before = await getUserById(db, admin.id)
      const result = await callAction(adminUser.action, `/admin/users/${admin.id}`, {
        cookie: admin.cookie,
        params: { id: admin.id },
        form: { name: admin.name, roles: ['admin', role], status: 'active', version: String(before!.version) },
      })
      expect(result.status).toBe(400)
      expect(result.data.errors).toEqual({ roles: SELF_SIGN_OFF_ERROR })
      expect(result.data.values.roles).toEqual(['admin', role])
      expect((await getUserById(db, admin.id))!.roles).toEqual(['admin'])
    }
  })

  it('still lets them give sign-off roles to others, and change their own name', async () => {
    const admin = await makeUser(['admin'])
    const colleague = await makeUser(['viewer'])
    const other = await callAction(adminUser.action, `/admin/users/${colleague.id}`, {
      cookie: admin.cookie,
      params: { id: colleague.id },
      form: { name: colleague.name, roles: ['viewer', 'press-office'], status: 'active', version: String((await getUserById(db, colleague.id))!.version) },
    })
    expect(other.status).toBe(303)
    expect((await getUserById(db, colleague.id))!.roles).toContain('press-office')
    const own = await callAction(adminUser.action, `/admin/users/${admin.id}`, {
      cookie: admin.cookie,
      params: { id: admin.id },
      form: { name: 'A New Name', roles: ['admin'], status: 'active', version: String((await getUserById(db, admin.id))!.version) },
    })
    expect(own.status).toBe(303)
  })
})

describe('the sign-in form', () => {
  // Found by probing: 200,000 fields (1.8 MB) held the server for two seconds before any check.
  it('is refused whole (413) when it is far bigger than an email and a password, before it is parsed', async () => {
    const manyFields = `email=a%40b.c&password=x&${Array.from({ length: 200_000 }, (_, i) => `f${i}=v`).join('&')}`
    const started = performance.now()
    const result = await callAction(login.action, '/login', { body: manyFields, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    expect(result.status).toBe(413)
    expect(result.data).toBe('The form was too large')
    const long = await callAction(login.action, '/login', { form: { email: 'someone@example.gov.uk', password: 'p'.repeat(9_000) } })
    expect(long.status).toBe(413)
    // A dozen fields is refused too: the form has two.
    const fields = await callAction(login.action, '/login', { body: Array.from({ length: 12 }, (_, i) => `f${i}=1`).join('&'), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    expect(fields.status).toBe(413)
    expect(performance.now() - started).toBeGreaterThan(0)
  })
})
