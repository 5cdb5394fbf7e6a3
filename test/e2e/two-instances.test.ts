// Two app instances on different ports against one PostgreSQL behave as one product.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipBrowser, startApp, DEMO_PASSWORD, type RunningApp } from '../support/browser'
import { HttpClient, hiddenValue } from '../support/http'
import { freshPostgresDatabase, postgresUnavailable, type TestPostgres } from '../support/postgres'
import { campaignForm, campaignInput } from '../support/campaign-form'

const campaignFormNamed = (name: string) => campaignForm(campaignInput({ name }))

// skipBrowser: this layer needs the production build the browser layer's global setup makes.
describe.skipIf(skipBrowser || postgresUnavailable)('two app instances against one PostgreSQL', () => {
  let database: TestPostgres
  let a: RunningApp
  let b: RunningApp

  beforeAll(async () => {
    database = await freshPostgresDatabase()
    // One instance migrates and creates the demo workspace; the second finds both done.
    a = await startApp({ DATABASE_URL: database.url })
    b = await startApp({ DATABASE_URL: database.url })
  })
  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    await database?.stop()
  })

  it('shares sessions: signed in on A is signed in on B, and signing out on B ends it on A', async () => {
    const onA = new HttpClient(a.baseUrl)
    await onA.signIn('viewer@example.gov.uk', DEMO_PASSWORD)
    const onB = new HttpClient(b.baseUrl)
    onB.cookie = onA.cookie
    expect((await onB.get('/campaigns')).status).toBe(200)
    expect((await onB.post('/logout', {})).status).toBe(303)
    const afterSignOut = await onA.get('/campaigns')
    expect(afterSignOut.status).toBe(302)
    expect(afterSignOut.headers.get('location')).toMatch(/^\/login/)
  })

  it('shows a change saved on A on B, and refuses on B an edit of the version A has replaced', async () => {
    const onA = new HttpClient(a.baseUrl)
    await onA.signIn('designer@example.gov.uk', DEMO_PASSWORD)
    const onB = new HttpClient(b.baseUrl)
    onB.cookie = onA.cookie

    const created = await onA.post('/campaigns/new', campaignFormNamed('Made on instance A'))
    expect(created.status).toBe(303)
    const ref = /\/campaigns\/(OTM-\d{4}-\d{3})/.exec(created.headers.get('location')!)![1]!
    expect(await (await onB.get(`/campaigns/${ref}`)).text()).toContain('Made on instance A')

    // B opens the edit form at version 1; A saves version 2 meanwhile.
    const staleVersion = hiddenValue(await (await onB.get(`/campaigns/${ref}/describe/edit`)).text(), 'version')
    expect(staleVersion).toBe('1')
    expect((await onA.post(`/campaigns/${ref}/describe/edit`, { ...campaignFormNamed('Renamed on A'), version: '1' })).status).toBe(303)
    const describeOnB = await (await onB.get(`/campaigns/${ref}/describe`)).text()
    expect(describeOnB).toContain('Renamed on A')

    const stale = await onB.post(`/campaigns/${ref}/describe/edit`, { ...campaignFormNamed('Renamed on B'), version: staleVersion })
    expect(stale.status).toBe(409)
    const page = await stale.text()
    expect(page).toContain('Someone else saved changes to this campaign')
    expect(page).toContain('Renamed on B') // the user's text is still on screen
    expect(await (await onA.get(`/campaigns/${ref}/describe`)).text()).toContain('Renamed on A')
  })

  it('counts failed sign-ins across instances: the limit cannot be dodged by switching instance', async () => {
    const onA = new HttpClient(a.baseUrl)
    const onB = new HttpClient(b.baseUrl)
    for (let i = 0; i < 5; i++) {
      const instance = i % 2 === 0 ? onA : onB
      expect((await instance.post('/login', { email: 'press-office@example.gov.uk', password: `guess ${i}` })).status).toBe(400)
    }
    expect((await onB.post('/login', { email: 'press-office@example.gov.uk', password: DEMO_PASSWORD })).status).toBe(429)
    expect((await onA.post('/login', { email: 'press-office@example.gov.uk', password: DEMO_PASSWORD })).status).toBe(429)
  })

  it('records exactly one approval when two members of a group approve the same version on A and on B at once', async () => {
    const admin = new HttpClient(a.baseUrl)
    await admin.signIn('admin@example.gov.uk', DEMO_PASSWORD)
    const second = { email: `debt-manager-${Date.now()}@example.gov.uk`, password: 'a long temporary password' }
    expect((await admin.post('/admin/users/new', { name: 'Second Debt Manager', email: second.email, roles: 'debt-management', password: second.password })).status).toBe(303)

    const first = new HttpClient(a.baseUrl)
    await first.signIn('debt-management@example.gov.uk', DEMO_PASSWORD)
    const other = new HttpClient(b.baseUrl)
    // A temporary password from an administrator is replaced at the first sign-in.
    expect(await other.signIn(second.email, second.password)).toBe('/login/new-password')
    const own = 'a passphrase of their own'
    expect((await other.post('/login/new-password', { password: own, confirm: own })).status).toBe(303)

    const awaiting = await (await first.get('/campaigns?status=awaiting-sign-off')).text()
    const ref = /\/campaigns\/(OTM-\d{4}-\d{3})"/.exec(awaiting)![1]!
    // In the demo, Customer Services has approved this campaign; Debt Management has still to decide.
    const review = `/campaigns/${ref}/sign-off/debt-management`
    const hashOnA = hiddenValue(await (await first.get(review)).text(), 'reviewedHash')
    const hashOnB = hiddenValue(await (await other.get(review)).text(), 'reviewedHash')
    expect(hashOnB).toBe(hashOnA)

    const [onA, onB] = await Promise.all([
      first.post(review, { decision: 'approve', reviewedHash: hashOnA }),
      other.post(review, { decision: 'approve', reviewedHash: hashOnB }),
    ])
    expect([onA.status, onB.status].sort()).toEqual([303, 409])
    const loser = onA.status === 409 ? onA : onB
    expect(await loser.text()).toMatch(/approved this version for Debt Management/)

    const exported = (await (await first.get(`/campaigns/${ref}/export.json`)).json()) as { signOffs: { group: string; decision: string; scopeHash: string }[] }
    const approvals = exported.signOffs.filter((s) => s.group === 'debt-management' && s.decision === 'approved' && s.scopeHash === hashOnA)
    expect(approvals).toHaveLength(1)
  })
})
