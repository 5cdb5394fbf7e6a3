// Security events: sign-ins, failed sign-ins, sign-outs, throttled attempts and refused requests (403). They go into
// the audit trail with no campaign, actions prefixed "security.", with the address and route in the event's `after`
// JSON — never a password, a session token or a cookie. Administrators read and export them at /admin/security.
import { findLoginCandidate } from '../models/user.server'
import type { Actor } from '../utils/audit.server'
import { appendAudit } from '../utils/audit.server'
import { db, writeTransaction } from '../utils/db.server'
import { getSessionUser } from '../utils/session.server'

export interface Where {
  /** The client's address, as the server saw it (behind a trusted proxy, from X-Forwarded-For). */
  address: string
  /** The path asked for, without its query string. */
  route: string
}

export function whereFrom(request: Request, clientAddress: unknown): Where {
  return { address: typeof clientAddress === 'string' ? clientAddress.slice(0, 100) : 'unknown', route: new URL(request.url).pathname.slice(0, 300) }
}

async function record(action: `security.${string}`, actor: Actor | null, summary: string, where: Where, details: Record<string, unknown> = {}): Promise<void> {
  await writeTransaction(db, (tx) =>
    appendAudit(tx, {
      actor,
      campaignId: null,
      action,
      entityType: 'security',
      entityId: actor?.id ?? null,
      summary,
      after: { address: where.address, route: where.route, ...details },
    }),
  )
}

/**
 * A refused sign-in. The email typed is recorded only when it is an account's: what someone types in the email box
 * is sometimes their password.
 */
export async function recordSignInFailed(account: Actor | null, why: 'wrong-password' | 'disabled' | 'unknown-account', where: Where): Promise<void> {
  const summary =
    why === 'unknown-account'
      ? 'Sign-in refused: no such account'
      : why === 'disabled'
        ? `Sign-in refused for ${account!.email}: the account is disabled`
        : `Sign-in refused for ${account!.email}: wrong password`
  await record('security.sign-in-failed', account, summary, where, { reason: why })
}

export async function recordSignOut(user: Actor, where: Where): Promise<void> {
  await record('security.sign-out', user, `${user.email} signed out`, where)
}

export async function recordThrottled(email: string, where: Where, retryAfterSeconds: number): Promise<void> {
  const limit = refusals.take(where.address)
  if (!limit.allowed) return
  const candidate = await findLoginCandidate(db, email)
  const account = candidate ? { id: candidate.id, email: candidate.email } : null
  const summary = `Sign-in attempt${account ? ` for ${account.email}` : ''} refused: too many failures, wait ${retryAfterSeconds} s`
  await record('security.throttled', account, summary, where, { retryAfterSeconds, ...(limit.skipped ? { notRecordedBefore: limit.skipped } : {}) })
}

/**
 * A request refused with 403, as the HTTP server reports it once the answer has gone (server.js). Each address gets
 * a limited number of these a window, so that refused requests cannot be used to flood the audit trail.
 */
export async function recordRefusal(input: { method: string; path: string; address: string; cookie: string | null }): Promise<void> {
  const where: Where = { address: input.address.slice(0, 100), route: input.path.slice(0, 300) }
  const limit = refusals.take(where.address)
  if (!limit.allowed) return
  const request = new Request(`http://here.invalid/`, { headers: input.cookie ? { Cookie: input.cookie } : {} })
  const user = await getSessionUser(request)
  const summary = `Refused ${input.method.slice(0, 10)} ${where.route}${user ? ` for ${user.email}` : ''}: not allowed`
  await record('security.forbidden', user, summary, where, { method: input.method.slice(0, 10), ...(limit.skipped ? { notRecordedBefore: limit.skipped } : {}) })
}

/**
 * At most `perAddress` events an address per window, and `overall` in all, in each process: enough to see an attack,
 * too few to flood the trail. Events not recorded are counted, and the next recorded event says how many.
 */
export class EventLimit {
  readonly #counts = new Map<string, { windowStart: number; count: number; skipped: number }>()
  #overall = { windowStart: 0, count: 0 }

  constructor(
    readonly perAddress: number,
    readonly overall: number,
    readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  take(address: string): { allowed: boolean; skipped: number } {
    const now = this.clock()
    if (now - this.#overall.windowStart >= this.windowMs) {
      this.#overall = { windowStart: now, count: 0 }
      this.#counts.clear()
    }
    let entry = this.#counts.get(address)
    if (!entry) {
      entry = { windowStart: now, count: 0, skipped: 0 }
      this.#counts.set(address, entry)
    }
    if (entry.count >= this.perAddress || this.#overall.count >= this.overall) {
      entry.skipped++
      return { allowed: false, skipped: 0 }
    }
    entry.count++
    this.#overall.count++
    const skipped = entry.skipped
    entry.skipped = 0
    return { allowed: true, skipped }
  }
}

const refusals = new EventLimit(20, 500, 10 * 60 * 1000)
