// The email outbox (docs/notifications.md). Rows are written in the transaction of what they tell of; the delivery
// worker (app/models/notifications/delivery.server.ts) claims due rows, sends them outside any transaction and records
// what happened. Delivery is at least once: a worker that dies after the relay accepted a message but before it
// recorded so leaves its claim to run out, and the message is sent again with the same Message-ID.
import crypto from 'node:crypto'
import os from 'node:os'
import { digestCutoff, isPermanentFailure, MAX_ATTEMPTS, retryDelayMs } from '../../notifications/schedule'
import { appendAudit } from '../../utils/audit.server'
import { now, nowIso } from '../../utils/clock.server'
import { dialectOf, writeTransaction, type DbOrTx, type Tx } from '../../utils/db.server'
import { env } from '../../utils/env.server'
import type { SessionUser } from '../../utils/roles'
import { outboxWritten } from './wake.server'

import { FILTER_STATES, type OutboxFilter, type OutboxKind, type OutboxState } from '../../notifications/outbox'

export type { OutboxFilter, OutboxKind, OutboxState } from '../../notifications/outbox'

/** The address part of MAIL_FROM ("Name <a@b>" or "a@b"). */
export function mailFromAddress(from = env().MAIL_FROM): string {
  const match = /<([^<>\s]+)>\s*$/.exec(from)
  return (match ? match[1]! : from).trim()
}

/** A Message-ID fixed when the email is queued: every attempt carries it, so a repeat is recognisable as one. */
export function messageIdFor(outboxId: string, from = env().MAIL_FROM): string {
  const domain = mailFromAddress(from).split('@')[1] || 'localhost'
  return `<${outboxId}@${domain}>`
}

export interface NewEmail {
  kind: OutboxKind
  userId: string
  to: string
  subject: string
  notificationId?: string | null
  at?: string
}

/** Queues emails in the caller's transaction; returns their ids. */
export async function enqueueEmails(tx: Tx, emails: readonly NewEmail[]): Promise<string[]> {
  if (emails.length === 0) return []
  const rows = emails.map((email) => {
    const id = crypto.randomUUID()
    const at = email.at ?? nowIso()
    return {
      id,
      kind: email.kind,
      notification_id: email.notificationId ?? null,
      user_id: email.userId,
      to_address: email.to,
      subject: email.subject,
      message_id: messageIdFor(id),
      state: 'pending',
      attempts: 0,
      attempts_before_retry: 0,
      next_attempt_at: at,
      lease_until: null,
      claimed_by: null,
      last_error: null,
      created_at: at,
      sent_at: null,
    }
  })
  for (let i = 0; i < rows.length; i += 200) await tx.insertInto('email_outbox').values(rows.slice(i, i + 200)).execute()
  outboxWritten()
  return rows.map((row) => row.id)
}

export async function enqueueEmail(tx: Tx, email: NewEmail): Promise<string> {
  const [id] = await enqueueEmails(tx, [email])
  return id!
}

/** This process, as attempts and claims name it. */
export const WORKER_NAME = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`

export interface ClaimedEmail {
  id: string
  kind: OutboxKind
  notificationId: string | null
  userId: string
  to: string
  subject: string
  messageId: string
  attempt: number
  attemptsBeforeRetry: number
}

/**
 * Claims up to `limit` emails that are due (pending and due, or sending under a claim that has run out), for
 * `leaseMs`. PostgreSQL skips rows another worker is claiming at that moment (FOR UPDATE SKIP LOCKED); SQLite's
 * write transactions take the database's write lock, so there is only ever one claimer. Either way a row is claimed
 * by one worker at a time, in every process and instance.
 */
export async function claimDueEmails(db: DbOrTx, options: { limit: number; leaseMs: number; worker?: string }): Promise<ClaimedEmail[]> {
  const worker = options.worker ?? WORKER_NAME
  return writeTransaction(db, async (tx) => {
    const at = nowIso()
    let query = tx
      .selectFrom('email_outbox')
      .select(['id', 'kind', 'notification_id', 'user_id', 'to_address', 'subject', 'message_id', 'attempts', 'attempts_before_retry'])
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('state', '=', 'sending'), eb('lease_until', '<=', at)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(options.limit)
    if (dialectOf(tx) === 'postgres') query = query.forUpdate().skipLocked()
    const rows = await query.execute()
    if (rows.length === 0) return []
    const leaseUntil = new Date(now().getTime() + options.leaseMs).toISOString()
    const claimed: ClaimedEmail[] = []
    for (const row of rows) {
      const attempt = row.attempts + 1
      await tx
        .updateTable('email_outbox')
        .set({ state: 'sending', attempts: attempt, lease_until: leaseUntil, claimed_by: worker })
        .where('id', '=', row.id)
        .execute()
      await tx.insertInto('email_attempt').values({ outbox_id: row.id, attempt, worker, started_at: at, finished_at: null, outcome: null, detail: null }).execute()
      claimed.push({
        id: row.id,
        kind: row.kind as OutboxKind,
        notificationId: row.notification_id,
        userId: row.user_id,
        to: row.to_address,
        subject: row.subject,
        messageId: row.message_id,
        attempt,
        attemptsBeforeRetry: row.attempts_before_retry,
      })
    }
    return claimed
  })
}

/** Whether anything is due now: one indexed read, so an idle worker costs next to nothing. */
export async function anyEmailDue(db: DbOrTx): Promise<boolean> {
  const at = nowIso()
  const row = await db
    .selectFrom('email_outbox')
    .select('id')
    .where((eb) =>
      eb.or([eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', at)]), eb.and([eb('state', '=', 'sending'), eb('lease_until', '<=', at)])]),
    )
    .limit(1)
    .executeTakeFirst()
  return !!row
}

type Outcome = { sent: true; response: string } | { sent: false; error: unknown } | { cancelled: string }

/**
 * Records how an attempt ended, but only while this worker's claim on this attempt still holds: a worker whose claim
 * ran out (and whose email another worker has taken) records nothing over the other's work.
 */
export async function recordAttempt(db: DbOrTx, email: ClaimedEmail, outcome: Outcome, worker = WORKER_NAME): Promise<OutboxState | null> {
  return writeTransaction(db, async (tx) => {
    const at = nowIso()
    const current = await tx.selectFrom('email_outbox').select(['state', 'attempts', 'claimed_by']).where('id', '=', email.id).executeTakeFirst()
    if (!current || current.state !== 'sending' || current.attempts !== email.attempt || current.claimed_by !== worker) return null
    let state: OutboxState
    let detail: string
    let attemptOutcome: 'sent' | 'retry' | 'failed'
    const changes: { state?: OutboxState; next_attempt_at?: string; last_error?: string | null; sent_at?: string | null } = {}
    if ('cancelled' in outcome) {
      state = 'cancelled'
      attemptOutcome = 'failed'
      detail = outcome.cancelled
      changes.last_error = outcome.cancelled
    } else if (outcome.sent) {
      state = 'sent'
      attemptOutcome = 'sent'
      detail = outcome.response
      changes.sent_at = at
      changes.last_error = null
    } else {
      detail = describeError(outcome.error)
      const failures = email.attempt - email.attemptsBeforeRetry
      const giveUp = isPermanentFailure(outcome.error) || failures >= MAX_ATTEMPTS
      state = giveUp ? 'failed' : 'pending'
      attemptOutcome = giveUp ? 'failed' : 'retry'
      changes.last_error = detail
      if (!giveUp) changes.next_attempt_at = new Date(now().getTime() + retryDelayMs(failures)).toISOString()
    }
    await tx
      .updateTable('email_outbox')
      .set({ ...changes, state, lease_until: null, claimed_by: null })
      .where('id', '=', email.id)
      .execute()
    await tx
      .updateTable('email_attempt')
      .set({ finished_at: at, outcome: attemptOutcome, detail: detail.slice(0, 1000) })
      .where('outbox_id', '=', email.id)
      .where('attempt', '=', email.attempt)
      .execute()
    return state
  })
}

export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { response?: unknown; code?: unknown; message?: unknown }
    if (typeof e.response === 'string' && e.response) return e.response
    const message = typeof e.message === 'string' ? e.message : String(error)
    return typeof e.code === 'string' && !message.includes(e.code) ? `${e.code}: ${message}` : message
  }
  return String(error)
}

export type RetryResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-failed' }

/** An administrator sends a failed email again: it is due at once, with a fresh set of attempts. */
export async function retryEmail(db: DbOrTx, id: string, admin: SessionUser): Promise<RetryResult> {
  return writeTransaction(db, async (tx) => {
    const row = await tx.selectFrom('email_outbox').select(['state', 'attempts', 'to_address', 'subject']).where('id', '=', id).executeTakeFirst()
    if (!row) return { ok: false, reason: 'not-found' }
    if (row.state !== 'failed' && row.state !== 'cancelled') return { ok: false, reason: 'not-failed' }
    await tx
      .updateTable('email_outbox')
      .set({ state: 'pending', next_attempt_at: nowIso(), attempts_before_retry: row.attempts, lease_until: null, claimed_by: null })
      .where('id', '=', id)
      .execute()
    await appendAudit(tx, {
      actor: admin,
      action: 'email.retried',
      entityType: 'email',
      entityId: id,
      summary: `Sent a failed email again: “${row.subject}” to ${row.to_address}`,
      before: { state: row.state },
      after: { state: 'pending' },
    })
    outboxWritten()
    return { ok: true }
  })
}

/** An administrator's test email, to their own address, through the outbox like every other email. */
export async function queueTestEmail(db: DbOrTx, admin: SessionUser): Promise<string> {
  return writeTransaction(db, async (tx) => {
    const id = await enqueueEmail(tx, { kind: 'test', userId: admin.id, to: admin.email, subject: 'Test email from the OTM Campaign Planner' })
    await appendAudit(tx, { actor: admin, action: 'email.test-queued', entityType: 'email', entityId: id, summary: `Queued a test email to ${admin.email}` })
    return id
  })
}

export const DIGEST_SUBJECT = 'Your daily summary from the OTM Campaign Planner'

/**
 * Queues one digest email per person for everything held for the digest that was written before the latest digest
 * time (08:00 UK time). Each notification is marked with its digest in the same transaction, so whichever worker gets
 * there first sends the digest and the others find nothing to do.
 */
export async function queueDigests(db: DbOrTx, at: Date = now()): Promise<number> {
  const cutoff = digestCutoff(at).toISOString()
  return writeTransaction(db, async (tx) => {
    const due = await tx
      .selectFrom('notification')
      .innerJoin('users', 'users.id', 'notification.user_id')
      .select(['notification.id', 'notification.user_id', 'users.email'])
      .where('notification.delivery', '=', 'digest')
      .where('notification.digest_outbox_id', 'is', null)
      .where('notification.created_at', '<', cutoff)
      .where('users.disabled', '=', 0)
      .orderBy('notification.user_id')
      .limit(5000)
      .execute()
    const byUser = new Map<string, { email: string; ids: string[] }>()
    for (const row of due) {
      const entry = byUser.get(row.user_id) ?? { email: row.email, ids: [] }
      entry.ids.push(row.id)
      byUser.set(row.user_id, entry)
    }
    for (const [userId, { email, ids }] of byUser) {
      const outboxId = await enqueueEmail(tx, { kind: 'digest', userId, to: email, subject: DIGEST_SUBJECT })
      for (let i = 0; i < ids.length; i += 500) {
        await tx.updateTable('notification').set({ digest_outbox_id: outboxId }).where('id', 'in', ids.slice(i, i + 500)).where('digest_outbox_id', 'is', null).execute()
      }
    }
    return byUser.size
  })
}

/** Sent and not-sent emails older than this are deleted, with their attempts; failed ones stay until dealt with. */
export const OUTBOX_KEEP_DAYS = 90
/** Notifications that have been read are deleted this long after they were written. */
export const READ_NOTIFICATION_KEEP_DAYS = 365

/** Deletes what is no longer needed, a thousand rows at a time; returns how many emails and notifications went. */
export async function pruneOldRecords(db: DbOrTx, at: Date = now()): Promise<{ emails: number; notifications: number }> {
  const emailsBefore = new Date(at.getTime() - OUTBOX_KEEP_DAYS * 86_400_000).toISOString()
  const notificationsBefore = new Date(at.getTime() - READ_NOTIFICATION_KEEP_DAYS * 86_400_000).toISOString()
  return writeTransaction(db, async (tx) => {
    const old = await tx.selectFrom('email_outbox').select('id').where('state', 'in', ['sent', 'cancelled']).where('created_at', '<', emailsBefore).limit(1000).execute()
    const ids = old.map((r) => r.id)
    if (ids.length) {
      await tx.deleteFrom('email_attempt').where('outbox_id', 'in', ids).execute()
      await tx.deleteFrom('email_outbox').where('id', 'in', ids).execute()
    }
    const read = await tx
      .selectFrom('notification')
      .select('id')
      .where('read_at', 'is not', null)
      .where('created_at', '<', notificationsBefore)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('email_outbox').select('email_outbox.id').whereRef('email_outbox.notification_id', '=', 'notification.id'))))
      .limit(1000)
      .execute()
    if (read.length) await tx.deleteFrom('notification').where('id', 'in', read.map((r) => r.id)).execute()
    return { emails: ids.length, notifications: read.length }
  })
}

export interface OutboxRow {
  id: string
  kind: OutboxKind
  to: string
  recipientName: string
  subject: string
  messageId: string
  state: OutboxState
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  createdAt: string
  sentAt: string | null
  attemptList: { attempt: number; worker: string; startedAt: string; finishedAt: string | null; outcome: string | null; detail: string | null }[]
}


/** The outbox, newest first, a page at a time, with every attempt of each email shown. */
export async function listOutbox(db: DbOrTx, options: { filter: OutboxFilter; page: number; pageSize: number }): Promise<{ rows: OutboxRow[]; total: number }> {
  const states = FILTER_STATES[options.filter]
  let count = db.selectFrom('email_outbox').select((eb) => eb.fn.countAll<number>().as('n'))
  let query = db
    .selectFrom('email_outbox')
    .innerJoin('users', 'users.id', 'email_outbox.user_id')
    .select([
      'email_outbox.id',
      'email_outbox.kind',
      'email_outbox.to_address',
      'users.name',
      'email_outbox.subject',
      'email_outbox.message_id',
      'email_outbox.state',
      'email_outbox.attempts',
      'email_outbox.next_attempt_at',
      'email_outbox.last_error',
      'email_outbox.created_at',
      'email_outbox.sent_at',
    ])
    .orderBy('email_outbox.created_at', 'desc')
    .orderBy('email_outbox.id', 'desc')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
  if (states) {
    count = count.where('state', 'in', states)
    query = query.where('email_outbox.state', 'in', states)
  }
  const [rows, total] = await Promise.all([query.execute(), count.executeTakeFirstOrThrow()])
  const attempts = rows.length
    ? await db
        .selectFrom('email_attempt')
        .select(['outbox_id', 'attempt', 'worker', 'started_at', 'finished_at', 'outcome', 'detail'])
        .where(
          'outbox_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('outbox_id')
        .orderBy('attempt')
        .execute()
    : []
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind as OutboxKind,
      to: r.to_address,
      recipientName: r.name,
      subject: r.subject,
      messageId: r.message_id,
      state: r.state as OutboxState,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      attemptList: attempts
        .filter((a) => a.outbox_id === r.id)
        .map((a) => ({ attempt: a.attempt, worker: a.worker, startedAt: a.started_at, finishedAt: a.finished_at, outcome: a.outcome, detail: a.detail })),
    })),
  }
}

/** How many emails are in each state. */
export async function outboxCounts(db: DbOrTx): Promise<Record<OutboxState, number>> {
  const rows = await db
    .selectFrom('email_outbox')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute()
  const counts: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 }
  for (const row of rows) counts[row.state as OutboxState] = Number(row.n)
  return counts
}
