// SIGTERM: stop taking new work, finish what is in flight, close the database, exit — within 10 seconds.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, skipBrowser, startApp } from '../support/browser'
import { HttpClient } from '../support/http'

describe.skipIf(skipBrowser)('graceful shutdown', () => {
  it('drains in-flight requests, answers /healthz 503 meanwhile, and closes the database within 10 s', async () => {
    const app = await startApp()
    const client = new HttpClient(app.baseUrl)
    await client.signIn('designer@example.gov.uk', DEMO_PASSWORD)
    const list = await (await client.get('/campaigns')).text()
    const refs = [...list.matchAll(/\/campaigns\/(OTM-\d{4}-\d{3})"/g)].map((m) => m[1]!)
    expect(refs.length).toBeGreaterThan(0)

    // 60 page loads in flight at once, then SIGTERM before they can all have finished.
    const inFlight = Array.from({ length: 60 }, (_, i) => client.get(`/campaigns/${refs[i % refs.length]}`).then((r) => r.status))
    await new Promise((resolve) => setTimeout(resolve, 5))
    const started = Date.now()
    app.process.kill('SIGTERM')
    // While it drains, the load balancer's health check already sees it going.
    await expect.poll(async () => (await fetch(`${app.baseUrl}/healthz`)).status, { timeout: 900, interval: 20 }).toBe(503)
    const exitCode = await new Promise<number | null>((resolve) => app.process.once('exit', (code) => resolve(code)))
    const tookMs = Date.now() - started

    const statuses = await Promise.all(inFlight)
    expect(statuses.every((status) => status === 200)).toBe(true)
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
    await expect.poll(() => workerPids().length, { timeout: 15_000 }).toBe(2)
    const client = new HttpClient(app.baseUrl)
    await client.signIn('designer@example.gov.uk', DEMO_PASSWORD)
    const statuses = await Promise.all(Array.from({ length: 40 }, () => client.get('/campaigns').then((r) => r.status)))
    expect(statuses.every((status) => status === 200)).toBe(true)

    // A worker killed outright is replaced; the other goes on serving meanwhile, with the same session.
    const [victim] = workerPids()
    process.kill(victim!, 'SIGKILL')
    await expect.poll(() => app.output(), { timeout: 15_000 }).toMatch(new RegExp(`Worker ${victim} stopped \\(SIGKILL\\); starting another`))
    await expect.poll(() => workerPids().length, { timeout: 15_000 }).toBe(3)
    expect((await client.get('/campaigns')).status).toBe(200)

    const started = Date.now()
    app.process.kill('SIGTERM')
    const exitCode = await new Promise<number | null>((resolve) => app.process.once('exit', (code) => resolve(code)))
    expect(exitCode).toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(app.output()).toContain('Every worker has stopped')
    expect(app.output().match(/Stopped cleanly/g), app.output()).toHaveLength(2)
    for (const pid of workerPids()) expect(() => process.kill(pid, 0)).toThrow()
    expect(fs.existsSync(`${app.databaseFile}-wal`)).toBe(false)
    await app.stop()
  })
})
