// The delivery worker: sends what the outbox holds (docs/notifications.md). Every app process runs one when SMTP_URL
// is set; however many run, against SQLite or PostgreSQL, each email is claimed by one at a time
// (app/models/notifications/outbox.server.ts). An email is rendered when it is sent, from what was written in the
// transaction that queued it, and sent outside any transaction.
import nodemailer, { type Transporter } from 'nodemailer'
import {
  anyEmailDue,
  claimDueEmails,
  pruneOldRecords,
  queueDigests,
  recordAttempt,
  WORKER_NAME,
  type ClaimedEmail,
} from './outbox.server'
import { emailSettingsToken } from './signing.server'
import { publicUrl } from './links.server'
import { onOutboxWritten } from './wake.server'
import { now } from '../../utils/clock.server'
import type { Db } from '../../utils/db.server'
import { digestEmail, notificationEmail, testEmail, type EmailNotification, type RenderedEmail } from '../../notifications/email.server'
import { isNotificationKind } from '../../notifications/kinds'

export interface DeliveryOptions {
  smtpUrl: string
  from: string
  /** How often an idle worker looks for due email. */
  pollMs?: number
  /** How long a claim holds: longer than any one send can take (the SMTP timeouts below), so only a crash outlives it. */
  leaseMs?: number
  /** Emails claimed at once, and sent side by side over that many pooled connections. */
  batchSize?: number
  concurrency?: number
  /** The name claims and attempts carry; two workers in one process need different names. */
  worker?: string
  /** Queue the daily digests and prune old email; off for a worker that should only send. */
  housekeeping?: boolean
}

const DEFAULTS = { pollMs: 1000, leaseMs: 5 * 60_000, batchSize: 20, concurrency: 4 }
const DIGEST_CHECK_MS = 60_000
const PRUNE_EVERY_MS = 60 * 60_000

export interface DeliveryReport {
  claimed: number
  sent: number
  retrying: number
  failed: number
}

export class DeliveryWorker {
  readonly #db: Db
  readonly #options: Required<Omit<DeliveryOptions, 'worker'>> & { worker: string }
  readonly #transport: Transporter
  #running: Promise<void> | null = null
  #stopping = false
  #wake: (() => void) | null = null
  #nextDigestCheck = 0
  #nextPrune = 0

  constructor(db: Db, options: DeliveryOptions) {
    this.#db = db
    this.#options = {
      pollMs: options.pollMs ?? DEFAULTS.pollMs,
      leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
      batchSize: options.batchSize ?? DEFAULTS.batchSize,
      concurrency: options.concurrency ?? DEFAULTS.concurrency,
      housekeeping: options.housekeeping ?? true,
      smtpUrl: options.smtpUrl,
      from: options.from,
      worker: options.worker ?? WORKER_NAME,
    }
    this.#transport = nodemailer.createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: this.#options.concurrency,
      // A relay that does not answer is given up on well within the claim, so it is tried again, not left hanging.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    })
  }

  get name(): string {
    return this.#options.worker
  }

  /** Starts the loop: poll, claim, send, record; at once again while there is more, otherwise after pollMs. */
  start(): this {
    if (this.#running) return this
    this.#stopping = false
    this.#running = this.#loop()
    return this
  }

  /** Looks now rather than at the next poll. */
  wake(): void {
    this.#wake?.()
  }

  /**
   * Stops taking new work and waits for the emails in hand to be sent and recorded, for at most `waitMs`: a relay that
   * hangs must not hold up a shutdown. Emails still in hand then stay claimed, and are sent again once the claim runs
   * out, with the same Message-ID.
   */
  async stop(waitMs = 5_000): Promise<void> {
    this.#stopping = true
    this.wake()
    let timer: NodeJS.Timeout | undefined
    await Promise.race([this.#running, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))])
    clearTimeout(timer)
    this.#running = null
    this.#transport.close()
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      let busy = false
      try {
        busy = (await this.runOnce()).claimed > 0
      } catch (error) {
        // The database or the relay is unreachable: say so, and try again at the next poll. (While stopping, the
        // database may already be closing: what was in hand is sent again once its claim runs out.)
        if (!this.#stopping) console.error('Email delivery: could not work the outbox', error)
      }
      if (busy || this.#stopping) continue
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#options.pollMs)
        this.#wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.#wake = null
    }
  }

  /** One pass: the daily digests when due, then one batch of due email. */
  async runOnce(): Promise<DeliveryReport> {
    const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 }
    const at = now().getTime()
    if (this.#options.housekeeping && at >= this.#nextDigestCheck) {
      this.#nextDigestCheck = at + DIGEST_CHECK_MS
      await queueDigests(this.#db)
    }
    if (this.#options.housekeeping && at >= this.#nextPrune) {
      this.#nextPrune = at + PRUNE_EVERY_MS
      await pruneOldRecords(this.#db)
    }
    if (!(await anyEmailDue(this.#db))) return report
    const claimed = await claimDueEmails(this.#db, { limit: this.#options.batchSize, leaseMs: this.#options.leaseMs, worker: this.#options.worker })
    report.claimed = claimed.length
    let next = 0
    const lane = async () => {
      while (next < claimed.length) {
        const state = await this.#deliver(claimed[next++]!)
        if (state === 'sent') report.sent++
        else if (state === 'pending') report.retrying++
        else if (state === 'failed' || state === 'cancelled') report.failed++
      }
    }
    await Promise.all(Array.from({ length: Math.min(this.#options.concurrency, claimed.length) }, lane))
    return report
  }

  async #deliver(email: ClaimedEmail) {
    let rendered: SendableEmail | { cancelled: string }
    try {
      rendered = await renderOutboxEmail(this.#db, email)
    } catch (error) {
      return recordAttempt(this.#db, email, { sent: false, error }, this.#options.worker)
    }
    if ('cancelled' in rendered) return recordAttempt(this.#db, email, rendered, this.#options.worker)
    try {
      const info = await this.#transport.sendMail({
        from: this.#options.from,
        to: email.to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: email.messageId,
        headers: {
          'List-Unsubscribe': `<${rendered.settingsUrl}>`,
          // Automatic mail: out-of-office replies and the like should not answer it.
          'Auto-Submitted': 'auto-generated',
          'X-Auto-Response-Suppress': 'All',
        },
      })
      return recordAttempt(this.#db, email, { sent: true, response: String(info.response ?? 'accepted') }, this.#options.worker)
    } catch (error) {
      return recordAttempt(this.#db, email, { sent: false, error }, this.#options.worker)
    }
  }
}

function settingsUrl(email: Pick<ClaimedEmail, 'kind' | 'userId'> & { notificationKind?: string }): string {
  const scope = email.notificationKind && isNotificationKind(email.notificationKind) ? email.notificationKind : 'all'
  return publicUrl(`/notifications/email-settings/${emailSettingsToken(email.userId, scope)}`)
}

/** An email as sent, with the signed link that changes how its reader hears of what it is about. */
export type SendableEmail = RenderedEmail & { settingsUrl: string }

/** The email as it is sent, from the rows the outbox points at; cancelled when there is no one left to send it to. */
export async function renderOutboxEmail(db: Db, email: ClaimedEmail): Promise<SendableEmail | { cancelled: string }> {
  const person = await db.selectFrom('users').select(['name', 'disabled']).where('id', '=', email.userId).executeTakeFirst()
  if (!person || person.disabled) return { cancelled: 'Not sent: the account is disabled' }
  const preferencesUrl = publicUrl('/notifications/preferences')
  const asEmail = (n: { kind: string; title: string; body: string; href: string; created_at: string }): EmailNotification => ({
    kind: n.kind,
    title: n.title,
    body: n.body,
    url: publicUrl(n.href),
    createdAt: n.created_at,
  })
  if (email.kind === 'notification') {
    const n = await db.selectFrom('notification').select(['kind', 'title', 'body', 'href', 'created_at']).where('id', '=', email.notificationId ?? '').executeTakeFirst()
    if (!n) return { cancelled: 'Not sent: the notification no longer exists' }
    const links = { settingsUrl: settingsUrl({ ...email, notificationKind: n.kind }), preferencesUrl }
    return { ...notificationEmail(asEmail(n), links), settingsUrl: links.settingsUrl }
  }
  if (email.kind === 'digest') {
    const items = await db
      .selectFrom('notification')
      .select(['kind', 'title', 'body', 'href', 'created_at'])
      .where('digest_outbox_id', '=', email.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
    if (items.length === 0) return { cancelled: 'Not sent: nothing was left to summarise' }
    return { ...digestEmail(email.subject, items.map(asEmail), { settingsUrl: settingsUrl(email), preferencesUrl }), settingsUrl: settingsUrl(email) }
  }
  const queued = await db.selectFrom('email_outbox').select('created_at').where('id', '=', email.id).executeTakeFirst()
  const links = { settingsUrl: settingsUrl(email), preferencesUrl }
  return { ...testEmail(email.subject, { name: person.name, queuedAt: queued?.created_at ?? now().toISOString() }, links), settingsUrl: links.settingsUrl }
}

declare global {
  // One worker per process, across development rebuilds that re-run start-up.
  var __otmDeliveryWorker: DeliveryWorker | undefined
}

/** Starts this process's worker when email is on (SMTP_URL); a second call keeps the one running. */
export function startDeliveryWorker(db: Db, options: { smtpUrl: string | undefined; from: string }): DeliveryWorker | null {
  if (!options.smtpUrl) return null
  if (globalThis.__otmDeliveryWorker) return globalThis.__otmDeliveryWorker
  const worker = new DeliveryWorker(db, { smtpUrl: options.smtpUrl, from: options.from }).start()
  globalThis.__otmDeliveryWorker = worker
  onOutboxWritten(() => worker.wake())
  return worker
}

export async function stopDeliveryWorker(): Promise<void> {
  const worker = globalThis.__otmDeliveryWorker
  if (!worker) return
  globalThis.__otmDeliveryWorker = undefined
  onOutboxWritten(null)
  await worker.stop()
}
