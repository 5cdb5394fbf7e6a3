// Two-factor sign-in for local accounts: an authenticator app (TOTP, RFC 6238) and ten single-use recovery codes,
// stored hashed. docs/decisions/0091-two-factor-sign-in.md explains the choices.
import crypto from 'node:crypto'
import { appendAudit, type Actor } from '../utils/audit.server'
import {
  clearAttempts,
  recordFailedAttempt,
  SECOND_FACTOR,
  secondFactorKey,
  waitBeforeAttempt,
} from '../utils/attempt-limit.server'
import { now, nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { env } from '../utils/env.server'
import { hashPassword, verifyPassword } from '../utils/password.server'
import { revokeUserSessions } from '../utils/session.server'
import { matchTotp, newTotpSecret } from '../utils/totp.server'

export const RECOVERY_CODE_COUNT = 10
// 31 letters and digits that cannot be misread for one another (no 0/o, 1/l/i).
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const RECOVERY_LENGTH = 10
// A secret shown for setting up an app stays usable this long; reloading the page within it shows the same one.
export const ENROLMENT_TTL_MS = 30 * 60 * 1000

export interface TwoFactorStatus {
  enrolled: boolean
  enrolledAt: string | null
  recoveryCodesLeft: number
  required: boolean
}

/** Everyone must use it when MFA_REQUIRED=1; otherwise the accounts an administrator or the command line marked. */
export function twoFactorRequired(flag: number | boolean): boolean {
  return env().MFA_REQUIRED === '1' || flag === 1 || flag === true
}

export async function twoFactorStatus(db: DbOrTx, userId: string): Promise<TwoFactorStatus> {
  const [row, user, left] = await Promise.all([
    db.selectFrom('two_factor').select(['secret', 'enrolled_at']).where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('users').select('two_factor_required').where('id', '=', userId).executeTakeFirst(),
    db.selectFrom('recovery_code').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirst(),
  ])
  return {
    enrolled: !!row?.secret,
    enrolledAt: row?.secret ? row.enrolled_at : null,
    recoveryCodesLeft: Number(left?.n ?? 0),
    required: twoFactorRequired(user?.two_factor_required ?? 0),
  }
}

export async function isEnrolled(db: DbOrTx, userId: string): Promise<boolean> {
  const row = await db.selectFrom('two_factor').select('secret').where('user_id', '=', userId).executeTakeFirst()
  return !!row?.secret
}

/** Marks an account as needing two-factor sign-in; if it has none yet, its sessions end so it must set one up. */
export async function requireTwoFactorFor(db: DbOrTx, userId: string): Promise<void> {
  await db.updateTable('users').set({ two_factor_required: 1 }).where('id', '=', userId).execute()
  if (!(await isEnrolled(db, userId))) await revokeUserSessions(db, userId)
}

/** The secret to show for setting up an authenticator app: the one already on screen if it is recent, else a new one. */
export async function enrolmentSecret(db: DbOrTx, userId: string): Promise<string> {
  const row = await db.selectFrom('two_factor').select(['pending_secret', 'pending_created_at']).where('user_id', '=', userId).executeTakeFirst()
  if (row?.pending_secret && row.pending_created_at && now().getTime() - Date.parse(row.pending_created_at) < ENROLMENT_TTL_MS) {
    return row.pending_secret
  }
  const secret = newTotpSecret()
  const at = nowIso()
  await db
    .insertInto('two_factor')
    .values({ user_id: userId, pending_secret: secret, pending_created_at: at })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ pending_secret: secret, pending_created_at: at }))
    .execute()
  return secret
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: RECOVERY_LENGTH }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]).join(''),
  )
}

/** How a code is shown: two groups of five. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

/** What a person typed, without spaces, hyphens or capitals. */
export function normaliseCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s\u00a0-]/g, '')
}

async function hashCodes(codes: string[]): Promise<string[]> {
  // Outside any transaction: scrypt is slow on purpose.
  return Promise.all(codes.map((code) => hashPassword(code)))
}

async function storeRecoveryCodes(tx: DbOrTx, userId: string, hashes: string[]): Promise<void> {
  await tx.deleteFrom('recovery_code').where('user_id', '=', userId).execute()
  const at = nowIso()
  await tx
    .insertInto('recovery_code')
    .values(hashes.map((code_hash) => ({ id: crypto.randomUUID(), user_id: userId, code_hash, created_at: at, used_at: null })))
    .execute()
}

export type EnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: 'expired' | 'wrong-code' | 'format' }

/**
 * Finishes setting up an authenticator app once a code from it matches the secret on screen. A first enrolment (or
 * one with no recovery codes left) also makes ten recovery codes, returned here and shown once.
 */
export async function confirmEnrolment(db: DbOrTx, user: Actor, typed: string): Promise<EnrolmentResult> {
  const code = normaliseCode(typed)
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'format' }
  const row = await db.selectFrom('two_factor').select(['pending_secret', 'pending_created_at', 'secret']).where('user_id', '=', user.id).executeTakeFirst()
  if (!row?.pending_secret || !row.pending_created_at || now().getTime() - Date.parse(row.pending_created_at) >= ENROLMENT_TTL_MS) {
    return { ok: false, reason: 'expired' }
  }
  const step = matchTotp(row.pending_secret, code, now().getTime())
  if (step === null) return { ok: false, reason: 'wrong-code' }
  const unused = await db.selectFrom('recovery_code').select('id').where('user_id', '=', user.id).where('used_at', 'is', null).execute()
  const codes = unused.length === 0 ? newRecoveryCodes() : []
  const hashes = await hashCodes(codes)
  const secret = row.pending_secret
  const replaced = !!row.secret
  const done = await writeTransaction(db, async (tx) => {
    const updated = await tx
      .updateTable('two_factor')
      .set({ secret, enrolled_at: nowIso(), last_used_step: step, pending_secret: null, pending_created_at: null })
      .where('user_id', '=', user.id)
      .where('pending_secret', '=', secret)
      .executeTakeFirst()
    if (updated.numUpdatedRows !== 1n) return false
    if (hashes.length) await storeRecoveryCodes(tx, user.id, hashes)
    await appendAudit(tx, {
      actor: user,
      action: 'user.two-factor-enrolled',
      entityType: 'user',
      entityId: user.id,
      summary: replaced ? `${user.email} moved two-factor sign-in to a new authenticator app` : `${user.email} set up two-factor sign-in with an authenticator app`,
      after: { method: 'authenticator app', newRecoveryCodes: hashes.length },
    })
    return true
  })
  // Someone else confirmed the same secret a moment earlier (a double submit): the app is set up either way.
  return done ? { ok: true, recoveryCodes: codes } : { ok: false, reason: 'expired' }
}

export type SecondFactorResult =
  | { ok: true; method: 'code' | 'recovery-code'; recoveryCodesLeft: number }
  | { ok: false; reason: 'wait'; waitMs: number }
  | { ok: false; reason: 'format' | 'wrong' | 'used' | 'not-enrolled' }

/**
 * Checks a code from the authenticator app, or a recovery code, for an enrolled account. Wrong codes count towards
 * the account's limit and are audited; a right one is used up (a code's 30-second step, or the recovery code).
 */
export async function checkSecondFactor(db: DbOrTx, user: Actor, typed: string, purpose: string): Promise<SecondFactorResult> {
  const key = secondFactorKey(user.id)
  const waitMs = await waitBeforeAttempt(key)
  if (waitMs > 0) return { ok: false, reason: 'wait', waitMs }
  const code = normaliseCode(typed)
  const isTotp = /^\d{6}$/.test(code)
  const isRecovery = new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_LENGTH}}$`).test(code)
  if (!isTotp && !isRecovery) return { ok: false, reason: 'format' }
  const row = await db.selectFrom('two_factor').select(['secret', 'last_used_step']).where('user_id', '=', user.id).executeTakeFirst()
  if (!row?.secret) return { ok: false, reason: 'not-enrolled' }

  if (isTotp) {
    const step = matchTotp(row.secret, code, now().getTime())
    if (step !== null && row.last_used_step !== null && step <= row.last_used_step) return { ok: false, reason: 'used' }
    if (step !== null) {
      // Conditional, so two requests racing with the same code cannot both succeed.
      const updated = await db
        .updateTable('two_factor')
        .set({ last_used_step: step })
        .where('user_id', '=', user.id)
        .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
        .executeTakeFirst()
      if (updated.numUpdatedRows !== 1n) return { ok: false, reason: 'used' }
      await clearAttempts(key)
      return { ok: true, method: 'code', recoveryCodesLeft: await recoveryCodesLeft(db, user.id) }
    }
  } else {
    const unused = await db.selectFrom('recovery_code').select(['id', 'code_hash']).where('user_id', '=', user.id).where('used_at', 'is', null).execute()
    const matches = await Promise.all(unused.map((candidate) => verifyPassword(code, candidate.code_hash)))
    const match = unused[matches.indexOf(true)]
    if (match) {
      const used = await writeTransaction(db, async (tx) => {
        const updated = await tx.updateTable('recovery_code').set({ used_at: nowIso() }).where('id', '=', match.id).where('used_at', 'is', null).executeTakeFirst()
        if (updated.numUpdatedRows !== 1n) return false
        const left = await recoveryCodesLeft(tx, user.id)
        await appendAudit(tx, {
          actor: user,
          action: 'user.recovery-code-used',
          entityType: 'user',
          entityId: user.id,
          summary: `${user.email} used a recovery code ${purpose}; ${left} left`,
          after: { recoveryCodesLeft: left },
        })
        return true
      })
      if (!used) return { ok: false, reason: 'used' }
      await clearAttempts(key)
      return { ok: true, method: 'recovery-code', recoveryCodesLeft: await recoveryCodesLeft(db, user.id) }
    }
  }

  const failures = await recordFailedAttempt(key, SECOND_FACTOR)
  await writeTransaction(db, (tx) =>
    appendAudit(tx, {
      actor: user,
      action: 'security.factor-failed',
      entityType: 'user',
      entityId: user.id,
      summary: `Wrong ${isTotp ? 'authenticator app code' : 'recovery code'} for ${user.email} ${purpose} (${failures} in a row)`,
      after: { kind: isTotp ? 'authenticator app code' : 'recovery code', failuresInARow: failures },
    }),
  )
  return { ok: false, reason: 'wrong' }
}

export async function recoveryCodesLeft(db: DbOrTx, userId: string): Promise<number> {
  const row = await db.selectFrom('recovery_code').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Ten new recovery codes, shown once; the old ones stop working. */
export async function replaceRecoveryCodes(db: DbOrTx, user: Actor): Promise<string[]> {
  const codes = newRecoveryCodes()
  const hashes = await hashCodes(codes)
  await writeTransaction(db, async (tx) => {
    await storeRecoveryCodes(tx, user.id, hashes)
    await appendAudit(tx, {
      actor: user,
      action: 'user.recovery-codes-replaced',
      entityType: 'user',
      entityId: user.id,
      summary: `${user.email} made ${RECOVERY_CODE_COUNT} new recovery codes; the old ones no longer work`,
      after: { recoveryCodes: RECOVERY_CODE_COUNT },
    })
  })
  return codes
}

export type RemoveResult = { ok: true } | { ok: false; reason: 'required' | 'not-enrolled' }

/**
 * Turns two-factor sign-in off: by the person themselves (not when it is required of them), or by an administrator
 * for someone who has lost their phone and their codes, which also ends that person's sessions.
 */
export async function removeTwoFactor(db: DbOrTx, target: { id: string; email: string }, actor: Actor, byAdministrator: boolean): Promise<RemoveResult> {
  return writeTransaction(db, async (tx) => {
    const row = await tx.selectFrom('two_factor').select('secret').where('user_id', '=', target.id).executeTakeFirst()
    if (!row?.secret) return { ok: false, reason: 'not-enrolled' }
    if (!byAdministrator) {
      const user = await tx.selectFrom('users').select('two_factor_required').where('id', '=', target.id).executeTakeFirst()
      if (twoFactorRequired(user?.two_factor_required ?? 0)) return { ok: false, reason: 'required' }
    }
    await tx.deleteFrom('recovery_code').where('user_id', '=', target.id).execute()
    await tx.deleteFrom('two_factor').where('user_id', '=', target.id).execute()
    const ended = byAdministrator ? await revokeUserSessions(tx, target.id) : 0
    await appendAudit(tx, {
      actor,
      action: 'user.two-factor-removed',
      entityType: 'user',
      entityId: target.id,
      summary: byAdministrator
        ? `Removed two-factor sign-in from ${target.email} and ended their ${ended} session${ended === 1 ? '' : 's'}`
        : `${target.email} turned two-factor sign-in off`,
      after: { byAdministrator, sessionsEnded: ended },
    })
    return { ok: true }
  })
}
