// What people change about their own sign-in (password, sessions), and what an administrator may do for them
// (reset a password, end every session). Every change is in the audit trail, and no secret is.
import crypto from 'node:crypto'
import { appendAudit, type Actor } from '../utils/audit.server'
import { now, nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { hashPassword, isUsablePasswordHash, verifyPassword } from '../utils/password.server'
import { revokeUserSessions } from '../utils/session.server'
import { twoFactorStatus, type TwoFactorStatus } from './two-factor.server'

/** How long an administrator's one-time password works before it must be reset again. */
export const ONE_TIME_PASSWORD_TTL_MS = 3 * 24 * 60 * 60 * 1000
// 16 characters from 31 that cannot be misread: about 79 bits, in four groups of four.
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

export interface Account {
  id: string
  email: string
  name: string
  hasPassword: boolean
  singleSignOn: boolean
  mustChangePassword: boolean
  disabled: boolean
  twoFactor: TwoFactorStatus
}

export async function getAccount(db: DbOrTx, userId: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash', 'sso_subject', 'must_change_password', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    hasPassword: isUsablePasswordHash(row.password_hash),
    singleSignOn: row.sso_subject !== null,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    twoFactor: await twoFactorStatus(db, row.id),
  }
}

export async function checkCurrentPassword(db: DbOrTx, userId: string, password: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst()
  return !!row && (await verifyPassword(password, row.password_hash))
}

/**
 * Sets a new password chosen by the person: from the account page (having given the current one) or at sign-in
 * after an administrator's reset. Every session of theirs ends; the caller starts a fresh one for this browser.
 */
export async function setOwnPassword(db: DbOrTx, user: Actor, password: string, how: 'changed' | 'replaced a one-time password'): Promise<number> {
  const hash = await hashPassword(password)
  return writeTransaction(db, async (tx) => {
    await tx
      .updateTable('users')
      .set((eb) => ({ password_hash: hash, must_change_password: 0, password_expires_at: null, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('id', '=', user.id)
      .execute()
    const ended = await revokeUserSessions(tx, user.id)
    await appendAudit(tx, {
      actor: user,
      action: 'user.password-changed',
      entityType: 'user',
      entityId: user.id,
      summary: `${user.email} ${how === 'changed' ? 'changed their password' : 'replaced their one-time password with their own'}; ${ended} other session${ended === 1 ? '' : 's'} ended`,
      after: { sessionsEnded: ended },
    })
    return ended
  })
}

export function newOneTimePassword(): string {
  const chars = Array.from({ length: 16 }, () => ONE_TIME_ALPHABET[crypto.randomInt(ONE_TIME_ALPHABET.length)])
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-')
}

/**
 * An administrator's reset: a one-time password, returned once to be shown once, that works for three days and
 * must be changed at the next sign-in. The person's sessions end at once.
 */
export async function resetPassword(db: DbOrTx, target: { id: string; email: string }, admin: Actor): Promise<{ password: string; expiresAt: string }> {
  const password = newOneTimePassword()
  const hash = await hashPassword(password)
  const expiresAt = new Date(now().getTime() + ONE_TIME_PASSWORD_TTL_MS).toISOString()
  await writeTransaction(db, async (tx) => {
    await tx
      .updateTable('users')
      .set((eb) => ({ password_hash: hash, must_change_password: 1, password_expires_at: expiresAt, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('id', '=', target.id)
      .execute()
    const ended = await revokeUserSessions(tx, target.id)
    await appendAudit(tx, {
      actor: admin,
      action: 'user.password-reset',
      entityType: 'user',
      entityId: target.id,
      summary: `Reset the password of ${target.email} to a one-time password that must be changed at the next sign-in; ${ended} session${ended === 1 ? '' : 's'} ended`,
      after: { mustChangePassword: true, expiresAt, sessionsEnded: ended },
    })
  })
  return { password, expiresAt }
}

export interface AccountSession {
  /** Identifies the session on the page without being the session's own id. */
  handle: string
  current: boolean
  createdAt: string
  lastSeenAt: string
  ip: string | null
  userAgent: string | null
  method: string | null
}

function handleOf(sessionId: string): string {
  return crypto.createHash('sha256').update(`session-handle:${sessionId}`).digest('base64url').slice(0, 22)
}

export async function listSessions(db: DbOrTx, userId: string, currentId: string | null): Promise<AccountSession[]> {
  const rows = await db
    .selectFrom('session')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent', 'method'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute()
  return rows.map((row) => ({
    handle: handleOf(row.id),
    current: row.id === currentId,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    ip: row.ip,
    userAgent: row.user_agent,
    method: row.method,
  }))
}

/** Signs one of a person's own sessions out; false when there is no such session (already ended). */
export async function endSession(db: DbOrTx, user: Actor, handle: string, describe: (session: AccountSession) => string): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const rows = await tx.selectFrom('session').select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent', 'method']).where('user_id', '=', user.id).execute()
    const row = rows.find((r) => handleOf(r.id) === handle)
    if (!row) return false
    await tx.deleteFrom('session').where('id', '=', row.id).execute()
    const session: AccountSession = { handle, current: false, createdAt: row.created_at, lastSeenAt: row.last_seen_at, ip: row.ip, userAgent: row.user_agent, method: row.method }
    await appendAudit(tx, {
      actor: user,
      action: 'user.session-ended',
      entityType: 'user',
      entityId: user.id,
      summary: `${user.email} signed out a session: ${describe(session)}`,
      after: { signedInAt: row.created_at, lastUsedAt: row.last_seen_at },
    })
    return true
  })
}

/** Ends every session of a user but `keep`: the person's "sign out everywhere else", or an administrator's "end all". */
export async function endSessions(db: DbOrTx, target: { id: string; email: string }, actor: Actor, keep: string | null): Promise<number> {
  return writeTransaction(db, async (tx) => {
    const ended = await revokeUserSessions(tx, target.id, keep)
    await appendAudit(tx, {
      actor,
      action: 'user.sessions-ended',
      entityType: 'user',
      entityId: target.id,
      summary:
        actor.id === target.id
          ? `${target.email} signed out of ${ended} other session${ended === 1 ? '' : 's'}`
          : `Ended all ${ended} session${ended === 1 ? '' : 's'} of ${target.email}`,
      after: { sessionsEnded: ended },
    })
    return ended
  })
}
