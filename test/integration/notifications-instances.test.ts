// Two app instances, each with its own delivery worker in its own process, working one outbox: every email goes out
// exactly once. On PostgreSQL the claim is FOR UPDATE SKIP LOCKED; on SQLite, the write lock of BEGIN IMMEDIATE.
import { afterAll, describe, expect, it, vi } from 'vitest'

const mail = await vi.hoisted(async () => {
  const { startMailServer } = await import('../support/mail-server')
  const server = await startMailServer()
  process.env.SMTP_URL = server.url
  return server
})

import { db } from '../../app/utils/db.server'
import { queueNotifications, startChildWorker, type ChildWorker } from '../support/delivery'
import { makeUser } from '../support/factories'

afterAll(() => mail.stop())

const dialect = process.env.OTM_TEST_DIALECT === 'postgres' ? 'PostgreSQL' : 'SQLite'

describe(`two instances on ${dialect}`, () => {
  it('send each email exactly once between them', async () => {
    const users = await Promise.all(Array.from({ length: 40 }, (_, i) => makeUser(['press-office'], `Reader ${i + 1}`)))
    // A relay that takes a little while per message, so that both workers are busy at once.
    mail.hold = () => new Promise((resolve) => setTimeout(resolve, 20))
    const workers: ChildWorker[] = []
    try {
      workers.push(
        ...(await Promise.all(
          ['instance-a', 'instance-b'].map((name) => startChildWorker({ SMTP_URL: mail.url, DELIVERY_WORKER_NAME: name, DELIVERY_POLL_MS: '20', DELIVERY_BATCH: '3', DELIVERY_CONCURRENCY: '3' })),
        )),
      )
      for (let i = 0; i < users.length; i += 10) await queueNotifications(users.slice(i, i + 10).map((u) => u.id))
      const addresses = new Set(users.map((u) => u.email))
      await mail.waitFor((m) => m.to.some((t) => addresses.has(t)), 40, 60_000)
      for (let waited = 0; waited < 10_000; waited += 100) {
        const unsent = await db.selectFrom('email_outbox').select('id').where('state', '<>', 'sent').execute()
        if (unsent.length === 0) break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    } finally {
      mail.hold = null
      for (const worker of workers) await worker.stop()
    }
    for (const worker of workers) expect(worker.process.exitCode, worker.output()).toBe(0)

    const rows = await db.selectFrom('email_outbox').select(['id', 'message_id', 'state', 'attempts', 'user_id']).execute()
    expect(rows).toHaveLength(40)
    expect(rows.map((r) => [r.state, r.attempts])).toEqual(rows.map(() => ['sent', 1]))
    const received = mail.messages.map((m) => m.messageId)
    expect(received).toHaveLength(40)
    expect(new Set(received)).toEqual(new Set(rows.map((r) => r.message_id)))
    for (const user of users) expect(mail.to(user.email), user.name).toHaveLength(1)
    // Both instances took part.
    const byWorker = await db.selectFrom('email_attempt').select(['worker', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('worker').execute()
    expect(byWorker.map((w) => w.worker).sort()).toEqual(['instance-a', 'instance-b'])
    expect(byWorker.reduce((sum, w) => sum + Number(w.n), 0)).toBe(40)
  }, 120_000)
})
