// SIGTERM: stop taking new work, finish what is in flight, close the database, exit — within 10 seconds. Every wait
// here is for an event (a connection made, a request written, a line printed, an answer, an exit), never a sleep,
// so the test means the same on a quiet machine and a busy one.
import fs from 'node:fs'
import http from 'node:http'
import type net from 'node:net'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, skipBrowser, startApp } from '../support/browser'
import { HttpClient } from '../support/http'

/** A GET on its own connection: resolves `sent` once the request is on the wire, `answer` with its status. */
function inFlightGet(baseUrl: string, path: string, cookie: string) {
  let sent!: () => void
  const written = new Promise<void>((resolve) => (sent = resolve))
  const answer = new Promise<number | string>((resolve) => {
    const request = http.get(`${baseUrl}${path}`, { headers: { Cookie: cookie }, agent: false })
    request.once('socket', (socket: net.Socket) => socket.once('connect', () => request.once('finish', sent)))
    request.once('response', (response) => {
      response.resume()
      response.once('end', () => resolve(response.statusCode ?? 0))
      response.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    })
    request.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
  return { written, answer }
}

describe.skipIf(skipBrowser)('graceful shutdown', () => {
  // This failed now and then on a busy machine, with ECONNRESET on requests already sent: the server stopped
  // listening a fixed second after SIGTERM, while connections the kernel had completed still waited to be accepted
  // (Node takes one a turn of its event loop), and the listener's close reset them. It now stops listening only once
  // it has caught up with its queue (app/http/node-server/connections.js).
  it('drains in-flight requests, answers /healthz 503 meanwhile, and closes the database within 10 s', async () => {
    const app = await startApp()
    const client = new HttpClient(app.baseUrl)
    await client.signIn('designer@example.gov.uk', DEMO_PASSWORD)
    const list = await (await client.get('/campaigns')).text()
    const refs = [...list.matchAll(/\/campaigns\/(OTM-\d{4}-\d{3})"/g)].map((m) => m[1]!)
    expect(refs.length).toBeGreaterThan(0)

    // 24 page loads, each on its own connection and written out, then SIGTERM before they can all have been answered.
    // (Enough to be in flight together; with 60, a machine running other browser tests at the same time could not
    // finish them all within the 8 s grace, and the test measured the machine instead of the drain.)
    const inFlight = Array.from({ length: 24 }, (_, i) => inFlightGet(app.baseUrl, `/campaigns/${refs[i % refs.length]}`, client.cookie!))
    await Promise.all(inFlight.map((request) => request.written))
    const started = Date.now()
    const exited = new Promise<number | null>((resolve) => app.process.once('exit', (code) => resolve(code)))
    app.process.kill('SIGTERM')
    await app.waitForOutput(/SIGTERM received/)
    // While it drains, the load balancer's health check already sees it going.
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(503)
    const exitCode = await exited
    const tookMs = Date.now() - started

    const statuses = await Promise.all(inFlight.map((request) => request.answer))
    expect(statuses.filter((status) => status !== 200), app.output()).toEqual([])
    expect(exitCode).toBe(0)
    expect(tookMs).toBeLessThan(10_000)
    expect(app.output()).toMatch(/SIGTERM received: refusing new connections, draining \d+ in-flight request/)
    expect(app.output()).toContain('Stopped cleanly')
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    expect(fs.existsSync(`${app.databaseFile}-wal`)).toBe(false)
    // Nothing answers any more.
    await expect(fetch(`${app.baseUrl}/healthz`)).rejects.toThrow()
    await app.stop()
  })

  it('runs WEB_CONCURRENCY workers on one port, replaces one that dies, and stops them all cleanly on SIGTERM', async () => {
    const app = await startApp({ WEB_CONCURRENCY: '2' })
    const workerPids = () => [...app.output().matchAll(/Worker (\d+) started/g)].map((m) => Number(m[1]))
    await app.waitForOutput(/(Worker \d+ started[\s\S]*){2}/)
    const client = new HttpClient(app.baseUrl)
    await client.signIn('designer@example.gov.uk', DEMO_PASSWORD)
    const statuses = await Promise.all(Array.from({ length: 40 }, () => client.get('/campaigns').then((r) => r.status)))
    expect(statuses.every((status) => status === 200)).toBe(true)

    // A worker killed outright is replaced; the other goes on serving meanwhile, with the same session.
    const [victim] = workerPids()
    process.kill(victim!, 'SIGKILL')
    await app.waitForOutput(new RegExp(`Worker ${victim} stopped \\(SIGKILL\\); starting another`))
    await app.waitForOutput(/(Worker \d+ started[\s\S]*){3}/)
    expect((await client.get('/campaigns')).status).toBe(200)

    const started = Date.now()
    const exited = new Promise<number | null>((resolve) => app.process.once('exit', (code) => resolve(code)))
    app.process.kill('SIGTERM')
    const exitCode = await exited
    expect(exitCode).toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(app.output()).toContain('Every worker has stopped')
    expect(app.output().match(/Stopped cleanly/g), app.output()).toHaveLength(2)
    for (const pid of workerPids()) expect(() => process.kill(pid, 0)).toThrow()
    expect(fs.existsSync(`${app.databaseFile}-wal`)).toBe(false)
    await app.stop()
  })
})
