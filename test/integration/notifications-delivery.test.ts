// The outbox under faults, against a real SMTP server: a relay that is down and comes back, one that refuses for good,
// a claim that runs out, and a worker process killed with SIGKILL in the middle of a delivery.
import { afterAll, describe, expect, it, vi } from 'vitest'

const mail = await vi.hoisted(async () => {
  const { startMailServer } = await import('../support/mail-server')
  const server = await startMailServer()
  process.env.SMTP_URL = server.url
  process.env.APP_ORIGIN = 'https://otm.example.gov.uk'
  return server
})

import * as adminNotifications from '../../app/routes/admin.notifications'
import { claimDueEmails, pruneOldRecords, recordAttempt } from '../../app/models/notifications/outbox.server'
import { markAllRead } from '../../app/models/notifications/inbox.server'
import { updateUser } from '../../app/models/user.server'
import { testClock } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { makeUser, type TestUser } from '../support/factories'
import { deliverNow, queueNotifications, startChildWorker } from '../support/delivery'
import { callAction, callLoader } from '../support/routes'

afterAll(() => mail.stop())

let admin: TestUser
async function people(n: number, name: string): Promise<TestUser[]> {
  admin ??= await makeUser(['admin'], 'Alex Admin')
  return Promise.all(Array.from({ length: n }, (_, i) => makeUser(['press-office'], `${name} ${i + 1}`)))
}

const outboxOf = (users: TestUser[]) =>
  db
    .selectFrom('email_outbox')
    .selectAll()
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .orderBy('to_address')
    .execute()

async function adminRows(users: TestUser[]) {
  const page = await callLoader(adminNotifications.loader, '/admin/notifications', { cookie: admin.cookie })
  expect(page.status).toBe(200)
  const addresses = users.map((u) => u.email)
  return (page.data.rows as { to: string; state: string; attemptList: { outcome: string | null; detail: string | null }[] }[]).filter((r) => addresses.includes(r.to))
}

describe('delivery faults', () => {
  it('delivers everything once a relay that was down is back, and shows every attempt', async () => {
    const users = await people(5, 'Patient Reader')
    await queueNotifications(users.map((u) => u.id))
    await mail.stop()
    const first = await deliverNow(mail.url)
    expect(first[0]).toMatchObject({ claimed: 5, sent: 0, retrying: 5 })
    for (const row of await outboxOf(users)) {
      expect(row).toMatchObject({ state: 'pending', attempts: 1 })
      expect(row.last_error).toMatch(/ECONNREFUSED/)
    }
    // Not due again before its back-off (30 s ± 20%) has passed; then still down.
    testClock.advance(20_000)
    expect((await deliverNow(mail.url))[0]).toMatchObject({ claimed: 0 })
    testClock.advance(20_000)
    expect((await deliverNow(mail.url))[0]).toMatchObject({ claimed: 5, retrying: 5 })
    await mail.start()
    testClock.advance(75_000)
    expect((await deliverNow(mail.url))[0]).toMatchObject({ claimed: 5, sent: 5 })

    const rows = await outboxOf(users)
    expect(rows.map((r) => [r.state, r.attempts])).toEqual(rows.map(() => ['sent', 3]))
    for (const user of users) {
      const received = mail.to(user.email)
      expect(received, user.name).toHaveLength(1)
      expect(received[0]!.messageId).toBe(rows.find((r) => r.user_id === user.id)!.message_id)
    }
    // The administrators' page shows each attempt and what the relay (or its absence) said.
    const shown = await adminRows(users)
    expect(shown).toHaveLength(5)
    for (const row of shown) {
      expect(row.state).toBe('sent')
      expect(row.attemptList.map((a) => a.outcome)).toEqual(['retry', 'retry', 'sent'])
      expect(row.attemptList[0]!.detail).toMatch(/ECONNREFUSED/)
      expect(row.attemptList[2]!.detail).toMatch(/^250 /)
    }
  })

  it('gives up at once on a permanent refusal, and sends again when an administrator asks', async () => {
    const [reader] = await people(1, 'Refused Reader')
    await queueNotifications([reader!.id])
    mail.refuse = { code: 550, message: 'Mailbox unavailable' }
    try {
      expect((await deliverNow(mail.url))[0]).toMatchObject({ claimed: 1, failed: 1 })
    } finally {
      mail.refuse = null
    }
    const [failed] = await outboxOf([reader!])
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 })
    expect(failed!.last_error).toMatch(/550/)
    expect((await adminRows([reader!]))[0]).toMatchObject({ state: 'failed' })

    const retried = await callAction(adminNotifications.action, '/admin/notifications', { cookie: admin.cookie, form: { intent: 'retry', id: failed!.id } })
    expect(retried).toMatchObject({ status: 303 })
    expect(retried.headers.get('Location')).toBe('/admin/notifications?notice=retried')
    // Once it is waiting again, asking twice is refused, and nothing changes.
    const twice = await callAction(adminNotifications.action, '/admin/notifications', { cookie: admin.cookie, form: { intent: 'retry', id: failed!.id } })
    expect(twice.status).toBe(409)
    expect((await deliverNow(mail.url))[0]).toMatchObject({ claimed: 1, sent: 1 })
    expect(mail.to(reader!.email)).toHaveLength(1)
    expect((await adminRows([reader!]))[0]!.attemptList.map((a) => a.outcome)).toEqual(['failed', 'sent'])
  })

  it('lets another worker take a claim that ran out, and records nothing from the first worker after that', async () => {
    const [reader] = await people(1, 'Slow Reader')
    await queueNotifications([reader!.id])
    const [held] = await claimDueEmails(db, { limit: 50, leaseMs: 1_000, worker: 'worker-a' }).then((c) => c.filter((e) => e.userId === reader!.id))
    expect(held).toBeDefined()
    // While the claim holds, nobody else takes it.
    expect((await deliverNow(mail.url, { worker: 'worker-b' }))[0]).toMatchObject({ claimed: 0 })
    testClock.advance(1_500)
    expect((await deliverNow(mail.url, { worker: 'worker-b' }))[0]).toMatchObject({ claimed: 1, sent: 1 })
    expect(await recordAttempt(db, held!, { sent: false, error: new Error('late') }, 'worker-a')).toBeNull()
    const [row] = await outboxOf([reader!])
    expect(row).toMatchObject({ state: 'sent', attempts: 2, claimed_by: null, last_error: null })
    const attempts = await db.selectFrom('email_attempt').select(['attempt', 'worker', 'outcome']).where('outbox_id', '=', row!.id).orderBy('attempt').execute()
    expect(attempts).toEqual([
      { attempt: 1, worker: 'worker-a', outcome: null },
      { attempt: 2, worker: 'worker-b', outcome: 'sent' },
    ])
  })

  it('loses nothing when a worker is killed with SIGKILL mid-delivery, and the repeat carries the same Message-ID', async () => {
    const users = await people(3, 'Crash Reader')
    await queueNotifications(users.map((u) => u.id))
    const addresses = new Set(users.map((u) => u.email))
    // The relay takes each message in full, then holds back its "250 OK": the worker dies waiting for it.
    mail.hold = () => new Promise<void>(() => undefined)
    const child = await startChildWorker({ SMTP_URL: mail.url, DELIVERY_LEASE_MS: '2000', DELIVERY_POLL_MS: '50', DELIVERY_WORKER_NAME: 'doomed-worker' })
    try {
      await mail.waitFor((m) => m.to.some((t) => addresses.has(t)), 3)
      child.process.kill('SIGKILL')
      await new Promise((resolve) => child.process.once('exit', resolve))
    } finally {
      mail.hold = null
      await child.stop()
    }
    expect(child.process.signalCode).toBe('SIGKILL')
    // Nothing was recorded as sent: the claims stand until they run out.
    expect((await outboxOf(users)).map((r) => r.state)).toEqual(['sending', 'sending', 'sending'])
    await new Promise((resolve) => setTimeout(resolve, 2_100))
    expect((await deliverNow(mail.url))[0]).toMatchObject({ claimed: 3, sent: 3 })

    const rows = await outboxOf(users)
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
      ['sent', 2],
    ])
    for (const user of users) {
      const received = mail.to(user.email)
      const row = rows.find((r) => r.user_id === user.id)!
      // Delivered at least once; the repeat is recognisable as the same message.
      expect(received.map((m) => m.messageId)).toEqual([row.message_id, row.message_id])
      expect(received[1]!.subject).toBe(received[0]!.subject)
    }
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(3)
    const attempts = await db
      .selectFrom('email_attempt')
      .select(['worker', 'outcome'])
      .where(
        'outbox_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('attempt')
      .execute()
    expect(attempts.filter((a) => a.worker === 'doomed-worker').map((a) => a.outcome)).toEqual([null, null, null])
    expect(attempts.filter((a) => a.worker !== 'doomed-worker').map((a) => a.outcome)).toEqual(['sent', 'sent', 'sent'])
  })

  it('does not send to an account disabled after the email was queued', async () => {
    const [reader] = await people(1, 'Gone Reader')
    await queueNotifications([reader!.id])
    expect(await updateUser(db, { id: reader!.id, version: 1, name: reader!.name, roles: ['press-office'], disabled: true }, admin)).toEqual({ ok: true })
    expect((await deliverNow(mail.url))[0]).toMatchObject({ claimed: 1, failed: 1 })
    const [row] = await outboxOf([reader!])
    expect(row).toMatchObject({ state: 'cancelled', last_error: 'Not sent: the account is disabled' })
    expect(mail.to(reader!.email)).toEqual([])
  })

  it('sends an administrator’s test email to their own address', async () => {
    await people(0, 'nobody')
    const sent = await callAction(adminNotifications.action, '/admin/notifications', { cookie: admin.cookie, form: { intent: 'test' } })
    expect(sent.headers.get('Location')).toBe('/admin/notifications?notice=test-queued')
    await deliverNow(mail.url)
    const [email] = mail.to(admin.email)
    expect(email!.subject).toBe('Test email from the OTM Campaign Planner')
    expect(email!.text).toContain('Alex Admin asked for this test email on ')
    expect(email!.text).toContain('https://otm.example.gov.uk/notifications/email-settings/')
  })

  it('deletes sent emails after 90 days and read notifications after a year, and keeps failed emails until dealt with', async () => {
    const [kept, gone] = await people(2, 'Old Reader')
    await queueNotifications([kept!.id])
    mail.refuse = { code: 550, message: 'Mailbox unavailable' }
    try {
      await deliverNow(mail.url)
    } finally {
      mail.refuse = null
    }
    await queueNotifications([gone!.id])
    await deliverNow(mail.url)
    await markAllRead(db, gone!.id)
    await markAllRead(db, kept!.id)
    const left = async () => ({
      emails: (await outboxOf([kept!, gone!])).map((r) => [r.user_id === kept!.id ? 'kept' : 'gone', r.state]),
      notifications: (await db.selectFrom('notification').select('user_id').where('user_id', 'in', [kept!.id, gone!.id]).execute()).length,
    })
    testClock.advance(89 * 86_400_000)
    await pruneOldRecords(db)
    expect((await left()).emails).toHaveLength(2)
    testClock.advance(2 * 86_400_000)
    await pruneOldRecords(db)
    expect(await left()).toEqual({ emails: [['kept', 'failed']], notifications: 2 })
    testClock.advance(300 * 86_400_000)
    await pruneOldRecords(db)
    // The read notification whose email was sent goes; the one a failed email still points at stays with it.
    expect(await left()).toEqual({ emails: [['kept', 'failed']], notifications: 1 })
  })
})
