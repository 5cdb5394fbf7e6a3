// Limits on guessing a second-factor code, or the current password on the account pages, keyed on the account.
// The approach is the sign-in limit's (login-throttle.server.ts): counters in the shared login_throttle table, so
// every app instance sees them; a few free failures, then each further attempt waits twice as long as the last.
// A right answer after the wait always works, so nobody is locked out for good.
import { db, writeTransaction } from './db.server'
import { now } from './clock.server'

export interface AttemptPolicy {
  freeFailures: number
  maxDelayMs: number
}

// The count resets only after this long with no failure.
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000

/** A code has a million values where a password has far more: after 5 misses the waits climb to 15 minutes. */
export const SECOND_FACTOR: AttemptPolicy = { freeFailures: 5, maxDelayMs: 15 * 60 * 1000 }
/** The current password asked for again on the account pages, by someone who is already signed in. */
export const PASSWORD_CHECK: AttemptPolicy = { freeFailures: 5, maxDelayMs: 60 * 1000 }

export const secondFactorKey = (userId: string) => `second-factor:${userId}`
export const passwordCheckKey = (userId: string) => `password-check:${userId}`

export function delayAfterFailures(failures: number, policy: AttemptPolicy): number {
  if (failures < policy.freeFailures) return 0
  return Math.min(policy.maxDelayMs, 1000 * 2 ** Math.min(30, failures - policy.freeFailures))
}

/** Milliseconds to wait before another attempt is even checked; 0 when one is allowed now. */
export async function waitBeforeAttempt(key: string): Promise<number> {
  const row = await db.selectFrom('login_throttle').select('next_allowed_at').where('key', '=', key).executeTakeFirst()
  if (!row?.next_allowed_at) return 0
  return Math.max(0, Date.parse(row.next_allowed_at) - now().getTime())
}

export async function recordFailedAttempt(key: string, policy: AttemptPolicy): Promise<number> {
  const current = now()
  return writeTransaction(db, async (tx) => {
    const row = await tx.selectFrom('login_throttle').select(['failures', 'window_started_at', 'updated_at']).where('key', '=', key).executeTakeFirst()
    const fresh = !row || current.getTime() - Date.parse(row.updated_at) > ATTEMPT_WINDOW_MS
    const failures = fresh ? 1 : row.failures + 1
    const delay = delayAfterFailures(failures, policy)
    const values = {
      failures,
      window_started_at: fresh ? current.toISOString() : row.window_started_at,
      next_allowed_at: delay > 0 ? new Date(current.getTime() + delay).toISOString() : null,
      updated_at: current.toISOString(),
    }
    await tx
      .insertInto('login_throttle')
      .values({ key, ...values })
      .onConflict((conflict) => conflict.column('key').doUpdateSet(values))
      .execute()
    return failures
  })
}

export async function clearAttempts(key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute()
}

/** "Wait 2 minutes" / "Wait 5 seconds", for a refusal while the limit holds. */
export function waitMessage(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minutes`
}
