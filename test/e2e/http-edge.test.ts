// The HTTP edge (server.js), probed as an outside attacker or a hostile client would: oversized bodies sent whole,
// redirects after sign-in, malformed requests, cached data, forged Host and Origin headers, slow clients, and refused
// requests recorded as security events.
import BetterSqlite3 from 'better-sqlite3'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, expectAccessible, expectNoProblems, launchBrowser, newContext, openPage, signIn, skipBrowser, startApp, type RunningApp } from '../support/browser'
import { HttpClient, rawExchange, statusesIn } from '../support/http'

const MB = 1024 * 1024

function post(path: string, headers: Record<string, string>, body: Buffer): (string | Buffer)[] {
  const lines = Object.entries({ ...headers, 'Content-Length': String(body.length) }).map(([k, v]) => `${k}: ${v}`)
  return [`POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, body]
}

/** Four fields of 1 MB: twice the 2 MB a form may be. */
const oversizedForm = () => Buffer.from(['name', 'objective', 'targetPopulation', 'responseProcess'].map((k) => `${k}=${'x'.repeat(MB)}`).join('&'))

describe.skipIf(skipBrowser)('the HTTP edge', () => {
  let app: RunningApp
  let browser: Browser
  let designer: HttpClient
  let host: string

  const events = (action: string) => {
    const db = new BetterSqlite3(app.databaseFile, { readonly: true })
    try {
      return db.prepare('select actor_email, summary, after_json from audit_event where action = ? order by id').all(action) as { actor_email: string | null; summary: string; after_json: string }[]
    } finally {
      db.close()
    }
  }

  beforeAll(async () => {
    // Idle connections are kept for a minute, not the default 10 s: Node's fetch pools them across these tests, and
    // one the server closed while a long test kept this process busy could be handed to the next request.
    app = await startApp({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '60000' })
    host = new URL(app.baseUrl).host
    browser = await launchBrowser()
    designer = new HttpClient(app.baseUrl)
    await designer.signIn('designer@example.gov.uk', DEMO_PASSWORD)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  // Found by probing: the server answered 413 but stopped reading, so a client sending the whole body, as a browser
  // does, was left sending for minutes; sometimes the connection was reset instead.
  it('answers an oversized form 413 and reads the rest of the body, so the same connection then serves the next request', async () => {
    const exchange = await rawExchange(
      app.baseUrl,
      [
        ...post('/campaigns/new', { Host: host, Origin: app.baseUrl, Cookie: designer.cookie!, 'Content-Type': 'application/x-www-form-urlencoded' }, oversizedForm()),
        `GET /healthz HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      ],
      { until: (received) => /\r\n\r\nok$/.test(received), timeoutMs: 60_000 },
    )
    expect({ sentAll: exchange.sentAll, timedOut: exchange.timedOut, error: exchange.error }).toEqual({ sentAll: true, timedOut: false, error: null })
    expect(statusesIn(exchange.received)).toEqual([413, 200])
    expect(exchange.received).toContain('The form was too large')
  })

  // A client that asks for the connection to be closed gets its answer, then the server's FIN, and is never reset:
  // it may stop sending once it sees the FIN, as it would with any server that has answered.
  it('answers an oversized form sent with Connection: close 413, then closes the connection without resetting it', async () => {
    const exchange = await rawExchange(
      app.baseUrl,
      post('/campaigns/new', { Host: host, Origin: app.baseUrl, Cookie: designer.cookie!, 'Content-Type': 'application/x-www-form-urlencoded', Connection: 'close' }, oversizedForm()),
      { timeoutMs: 60_000 },
    )
    expect({ closed: exchange.closed, timedOut: exchange.timedOut, error: exchange.error }).toEqual({ closed: true, timedOut: false, error: null })
    expect(statusesIn(exchange.received)).toEqual([413])
    expect(exchange.received).toContain('</html>')
  })

  it('answers a body beyond the server’s own limit 413 before reading it, and closes the connection', async () => {
    const exchange = await rawExchange(
      app.baseUrl,
      post('/campaigns/new', { Host: host, Origin: app.baseUrl, Cookie: designer.cookie!, 'Content-Type': 'application/x-www-form-urlencoded' }, Buffer.alloc(20 * MB, 0x78)),
      { timeoutMs: 60_000 },
    )
    expect(exchange.timedOut).toBe(false)
    expect(exchange.closed).toBe(true)
    expect(statusesIn(exchange.received)).toEqual([413])
  })

  it('shows a browser the 413 page when a form is far too large, instead of leaving it waiting', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false })
    const page = await openPage(context)
    await signIn(page, app.baseUrl, 'designer@example.gov.uk')
    await page.goto(`${app.baseUrl}/campaigns/new`)
    // Two fields of 1.1 MB: a little over the 2 MB a form may be. (A browser is slow to lay out much more text.)
    for (const id of ['#objective', '#targetPopulation']) await page.locator(id).evaluate((field, size) => ((field as HTMLTextAreaElement).value = 'x'.repeat(size)), 1.1 * MB)
    await page.getByRole('button', { name: 'Create campaign' }).click({ noWaitAfter: true, timeout: 60_000 })
    await expect.poll(() => page.title().catch(() => ''), { timeout: 60_000 }).toBe('The form was too large - OTM Campaign Planner')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The form was too large')
    await context.close()
  }, 120_000)

  // Found by probing: browsers strip a tab from a URL, so "/\t/evil.example/phish" became "//evil.example/phish".
  it('signs a browser in from a hostile link and keeps it on this site', async () => {
    const context = await newContext(browser)
    const page = await openPage(context)
    await page.goto(`${app.baseUrl}/login?redirectTo=/%09/evil.example/phish`)
    await page.getByLabel('Email address').fill('viewer@example.gov.uk')
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()])
    expect(new URL(page.url()).origin).toBe(app.baseUrl)
    expect(new URL(page.url()).pathname).toBe('/')
    expectNoProblems(page)
    await context.close()
  })

  // Found by probing: these gave a 500.
  it('answers any redirectTo with a redirect on this site, never a 500', async () => {
    for (const [target, location] of [
      ['/%E3%80%82evil', '/%E3%80%82evil'],
      ['/%0d%0aSet-Cookie:%20x=1', '/'],
      ['//evil.example', '/'],
      ['/%5Cevil.example', '/'],
    ] as const) {
      const client = new HttpClient(app.baseUrl)
      const response = await client.post(`/login?redirectTo=${target}`, { email: 'viewer@example.gov.uk', password: DEMO_PASSWORD })
      expect([target, response.status, response.headers.get('location')]).toEqual([target, 303, location])
      expect((await client.get(`/login?redirectTo=${target}`)).headers.get('location')).toBe(location)
    }
  })

  // Found by probing: a path that does not decode, and a Host that is not a host, gave a 500.
  it('answers malformed requests with a 400 page', async () => {
    const bad = await designer.get('/campaigns/%E0%A4%A')
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('Bad request')
    for (const name of ['[::1', 'a b', 'evil.example/x', '']) {
      const exchange = await rawExchange(app.baseUrl, [`GET / HTTP/1.1\r\nHost: ${name}\r\nConnection: close\r\n\r\n`])
      expect([name, statusesIn(exchange.received)]).toEqual([name, [400]])
    }
  })

  // Found by probing: single-fetch data carried user and campaign data with no Cache-Control.
  it('marks the data pages fetch (single fetch) no-store', async () => {
    const response = await designer.get('/campaigns.data')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  // Found by probing: a 2 MB value was echoed back in a 4.2 MB error page.
  it('shows a cut value, not the whole of an oversized field, when it sends a form back', async () => {
    const response = await designer.post('/campaigns/new', { name: 'n'.repeat(2_000_000), regime: 'SA' })
    expect(response.status).toBe(400)
    const html = await response.text()
    // Once in the field and once in the page's data: 200,000 characters each, not 2,000,000.
    expect(html.length).toBeLessThan(500_000)
    expect(html).toContain('n'.repeat(200_000))
    expect(html).not.toContain('n'.repeat(200_001))
  })

  it('records a refused request as a security event, once its answer has gone', async () => {
    const viewer = new HttpClient(app.baseUrl)
    await viewer.signIn('viewer@example.gov.uk', DEMO_PASSWORD)
    expect((await viewer.get('/admin/users')).status).toBe(403)
    expect((await viewer.post('/campaigns/new', { name: 'x' }, { origin: 'https://evil.example' })).status).toBe(403)
    await expect.poll(() => events('security.forbidden').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
    const [page, forged] = events('security.forbidden').slice(-2)
    expect([page!.actor_email, JSON.parse(page!.after_json)]).toEqual(['viewer@example.gov.uk', { address: '127.0.0.1', route: '/admin/users', method: 'GET' }])
    expect([forged!.actor_email, JSON.parse(forged!.after_json).route]).toEqual(['viewer@example.gov.uk', '/campaigns/new'])
  })

  it('shows administrators the sign-ins and other events, accessibly, and narrowed by kind, on a 320 px screen', async () => {
    const context = await newContext(browser)
    const page = await openPage(context)
    await page.setViewportSize({ width: 320, height: 800 })
    await signIn(page, app.baseUrl, 'admin@example.gov.uk')
    await page.goto(`${app.baseUrl}/admin`)
    await Promise.all([page.waitForURL(`${app.baseUrl}/admin/security`), page.getByRole('link', { name: 'Sign-ins and other events' }).click()])
    await page.getByLabel('Show').selectOption('security.')
    await Promise.all([page.waitForURL(/kind=security\./), page.getByRole('button', { name: 'Show these events' }).click()])
    const actions = await page.locator('#events tbody tr').allTextContents()
    expect(actions.length).toBeGreaterThan(0)
    expect(actions.every((row) => row.includes('security.'))).toBe(true)
    expect(actions[0]).toContain('admin@example.gov.uk signed in')
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await expectAccessible(page)
    expectNoProblems(page)
    await context.close()
  })
})

describe.skipIf(skipBrowser)('the HTTP edge, with APP_ORIGIN and short timeouts', () => {
  let app: RunningApp
  const PUBLIC = 'https://otm.example.gov.uk'

  beforeAll(async () => {
    app = await startApp({ APP_ORIGIN: PUBLIC, HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' })
  })

  afterAll(async () => {
    await app?.stop()
  })

  const ask = async (request: string) => statusesIn((await rawExchange(app.baseUrl, [request])).received)

  it('answers only to the hosts of APP_ORIGIN, except for the load balancer’s health check', async () => {
    const own = new URL(app.baseUrl).host
    expect(await ask(`GET /login HTTP/1.1\r\nHost: ${own}\r\nConnection: close\r\n\r\n`)).toEqual([400])
    expect(await ask(`GET /login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)).toEqual([400])
    expect(await ask(`GET /login HTTP/1.1\r\nHost: otm.example.gov.uk\r\nConnection: close\r\n\r\n`)).toEqual([200])
    expect(await ask(`GET /healthz HTTP/1.1\r\nHost: ${own}\r\nConnection: close\r\n\r\n`)).toEqual([200])
  })

  it('accepts only APP_ORIGIN’s origins on a form post', async () => {
    const form = 'email=viewer%40example.gov.uk&password=wrong'
    const postFrom = (origin: string) =>
      ask(`POST /login HTTP/1.1\r\nHost: otm.example.gov.uk\r\nOrigin: ${origin}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${form.length}\r\nConnection: close\r\n\r\n${form}`)
    expect(await postFrom(PUBLIC)).toEqual([400])
    expect(await postFrom('http://otm.example.gov.uk')).toEqual([403])
    expect(await postFrom(app.baseUrl)).toEqual([403])
  })

  it('closes a connection whose headers never finish, with a 408', async () => {
    const exchange = await rawExchange(app.baseUrl, [`GET / HTTP/1.1\r\nHost: otm.example.gov.uk\r\nX-Slow: `], { timeoutMs: 20_000 })
    expect(exchange.timedOut).toBe(false)
    expect(exchange.closed).toBe(true)
    expect(statusesIn(exchange.received)).toEqual([408])
  })
})
