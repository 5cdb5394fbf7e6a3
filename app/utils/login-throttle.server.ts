import { db, writeTransaction } from './db.server'
import { now } from './clock.server'

// Failed logins slow down, they never lock out: after the free failures (no 15-minute pause between them), each
// further attempt must wait twice as long as the last, up to MAX_DELAY_MS. A correct password after the
// wait always works. Counters live in the database so every app instance sees them.
//
// The strict limit counts one account from one address: someone guessing at an account from their own machine is
// slowed to a guess a minute, and the account's owner, signing in from anywhere else, is not slowed at all. (Counted
// per account alone, anyone could keep anyone out with one wrong guess a minute: ADR 0070.) The looser limit counts
// every account from one address, which slows one machine trying many accounts.
export const WINDOW_MS = 15 * 60 * 1000
export const MAX_DELAY_MS = 60 * 1000

interface Policy {
  freeFailures: number
}

const ACCOUNT_FROM_ADDRESS: Policy = { freeFailures: 5 }
// An office behind one address has many honest users, so the address limit starts later.
const ADDRESS: Policy = { freeFailures: 20 }

export function throttleKeys(email: string, address: string): { key: string; policy: Policy }[] {
  const from = address.slice(0, 100)
  return [
    { key: `account:${email.trim().toLowerCase().slice(0, 320)}|address:${from}`, policy: ACCOUNT_FROM_ADDRESS },
    { key: `address:${from}`, policy: ADDRESS },
  ]
}

export function delayAfter(failures: number, policy: Policy): number {
  if (failures < policy.freeFailures) return 0
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - policy.freeFailures))
}

/** Milliseconds the caller must still wait before another attempt is even checked; 0 when allowed. */
export async function waitBeforeAttempt(email: string, address: string): Promise<number> {
  const keys = throttleKeys(email, address).map((k) => k.key)
  const rows = await db.selectFrom('login_throttle').select(['next_allowed_at']).where('key', 'in', keys).execute()
  const current = now().getTime()
  return Math.max(0, ...rows.map((row) => (row.next_allowed_at ? Date.parse(row.next_allowed_at) - current : 0)))
}

export async function recordFailure(email: string, address: string): Promise<void> {
  const current = now()
  await writeTransaction(db, async (tx) => {
    for (const { key, policy } of throttleKeys(email, address)) {
      const row = await tx
        .selectFrom('login_throttle')
        .select(['failures', 'window_started_at', 'updated_at'])
        .where('key', '=', key)
        .executeTakeFirst()
      // The count resets only after a quiet WINDOW_MS since the last failure; a steady attack never earns a
      // fresh set of free guesses.
      const fresh = !row || current.getTime() - Date.parse(row.updated_at) > WINDOW_MS
      const failures = fresh ? 1 : row.failures + 1
      const delay = delayAfter(failures, policy)
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
    }
  })
}

/** A correct password clears that account's count from that address; the address's own count stays. */
export async function recordSuccess(email: string, address: string): Promise<void> {
  const [account] = throttleKeys(email, address)
  await db.deleteFrom('login_throttle').where('key', '=', account!.key).execute()
}
