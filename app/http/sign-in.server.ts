// A password sign-in in steps. Once the password is right, the account may still owe a code from its authenticator
// app, a new password (after an administrator's reset) or setting up two-factor sign-in (when it is required).
// Until then there is no session at all: only a short-lived "sign-in in progress" row, found by its own cookie on
// the /login paths, so nothing else in the app can be reached half-signed-in.
import crypto from 'node:crypto'
import { isEnrolled, twoFactorRequired } from '../models/two-factor.server'
import { appendAudit } from '../utils/audit.server'
import { now, nowIso } from '../utils/clock.server'
import { db, writeTransaction } from '../utils/db.server'
import { createSession, destroySession, secureCookies, tokenDigest } from '../utils/session.server'
import { redirectTo } from './responses.server'

export const SIGN_IN_COOKIE = 'otm_sign_in'
/** A sign-in left half-way for this long starts again from the password. */
export const PENDING_TTL_MS = 10 * 60 * 1000

export type SignInStep = 'code' | 'new-password' | 'set-up-two-factor'
export const STEP_PATHS: Record<SignInStep, string> = {
  code: '/login/two-factor',
  'new-password': '/login/new-password',
  'set-up-two-factor': '/login/set-up-two-factor',
}

/** second_factor_done: none yet, a code from the app, or a recovery code. */
export const SECOND_FACTOR_DONE = { none: 0, code: 1, recoveryCode: 2 } as const

export interface PendingSignIn {
  id: string
  redirectTo: string
  secondFactor: number
  user: { id: string; email: string; name: string; mustChangePassword: boolean; twoFactorRequired: boolean; enrolled: boolean }
}

function pendingCookie(token: string, maxAgeSeconds: number): string {
  const parts = [`${SIGN_IN_COOKIE}=${token}`, 'Path=/login', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`]
  if (secureCookies()) parts.push('Secure')
  return parts.join('; ')
}

export const clearPendingCookie = () => pendingCookie('', 0)

function readPendingToken(request: Request): string | null {
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const index = part.indexOf('=')
    if (index > 0 && part.slice(0, index).trim() === SIGN_IN_COOKIE) {
      const value = part.slice(index + 1).trim()
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null
    }
  }
  return null
}

async function userState(userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'disabled', 'must_change_password', 'two_factor_required', 'password_expires_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user) return null
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    disabled: user.disabled === 1,
    passwordExpiresAt: user.password_expires_at,
    mustChangePassword: user.must_change_password === 1,
    twoFactorRequired: twoFactorRequired(user.two_factor_required),
    enrolled: await isEnrolled(db, user.id),
  }
}

export function nextStep(pending: Pick<PendingSignIn, 'secondFactor' | 'user'>): SignInStep | null {
  if (pending.user.enrolled && pending.secondFactor === SECOND_FACTOR_DONE.none) return 'code'
  if (pending.user.mustChangePassword) return 'new-password'
  if (pending.user.twoFactorRequired && !pending.user.enrolled) return 'set-up-two-factor'
  return null
}

/** The sign-in in progress for this browser, if it is recent and its account is still enabled. */
export async function readPendingSignIn(request: Request): Promise<PendingSignIn | null> {
  const token = readPendingToken(request)
  if (!token) return null
  const row = await db
    .selectFrom('sign_in_pending')
    .select(['id', 'user_id', 'redirect_to', 'second_factor_done', 'created_at'])
    .where('id', '=', tokenDigest(token))
    .executeTakeFirst()
  if (!row || now().getTime() - Date.parse(row.created_at) > PENDING_TTL_MS) return null
  const user = await userState(row.user_id)
  if (!user || user.disabled) return null
  return { id: row.id, redirectTo: row.redirect_to, secondFactor: row.second_factor_done, user }
}

/** The guard of each step's page and form: the sign-in must be at this very step, or the browser is sent on. */
export async function requirePendingStep(request: Request, step: SignInStep): Promise<PendingSignIn> {
  const pending = await readPendingSignIn(request)
  if (!pending) throw redirectTo('/login?timedOut=1', { headers: { 'Set-Cookie': clearPendingCookie() } })
  const next = nextStep(pending)
  if (next !== step) throw redirectTo(next ? STEP_PATHS[next] : '/login')
  return pending
}

interface Arrival {
  address: string
  redirectTo: string
}

export type StartResult = { ok: true; response: Response } | { ok: false; message: string }

/** Called once the password is right: a session now, or the first step still owed. */
export async function startSignIn(request: Request, userId: string, arrival: Arrival): Promise<StartResult> {
  const user = await userState(userId)
  if (!user) return { ok: false, message: 'Enter a correct email address and password' }
  if (user.passwordExpiresAt && Date.parse(user.passwordExpiresAt) <= now().getTime()) {
    return { ok: false, message: 'Your one-time password has expired. Ask an administrator to reset your password again' }
  }
  const step = nextStep({ secondFactor: SECOND_FACTOR_DONE.none, user })
  if (!step) {
    const cookies = await finishSignIn(request, { userId, method: 'password', address: arrival.address, pendingId: null, audit: true })
    return { ok: true, response: redirectWithCookies(arrival.redirectTo, cookies) }
  }
  const token = crypto.randomBytes(32).toString('base64url')
  const at = now()
  await db.deleteFrom('sign_in_pending').where('created_at', '<', new Date(at.getTime() - PENDING_TTL_MS).toISOString()).execute()
  await db
    .insertInto('sign_in_pending')
    .values({ id: tokenDigest(token), user_id: userId, redirect_to: arrival.redirectTo, second_factor_done: SECOND_FACTOR_DONE.none, created_at: at.toISOString() })
    .execute()
  return { ok: true, response: redirectTo(STEP_PATHS[step], { headers: { 'Set-Cookie': pendingCookie(token, PENDING_TTL_MS / 1000) } }) }
}

export async function recordSecondFactor(pending: PendingSignIn, done: number): Promise<void> {
  await db.updateTable('sign_in_pending').set({ second_factor_done: done }).where('id', '=', pending.id).execute()
}

/** After a step: the next one, or the session. */
export async function continueSignIn(request: Request, address: string): Promise<Response> {
  const pending = await readPendingSignIn(request)
  if (!pending) return redirectTo('/login?timedOut=1', { headers: { 'Set-Cookie': clearPendingCookie() } })
  const step = nextStep(pending)
  if (step) return redirectTo(STEP_PATHS[step])
  const cookies = await finishSignIn(request, { userId: pending.user.id, method: methodOf(pending), address, pendingId: pending.id, audit: true })
  return redirectWithCookies(pending.redirectTo, cookies)
}

export function methodOf(pending: Pick<PendingSignIn, 'secondFactor'>): string {
  if (pending.secondFactor === SECOND_FACTOR_DONE.code) return 'password-and-code'
  if (pending.secondFactor === SECOND_FACTOR_DONE.recoveryCode) return 'password-and-recovery-code'
  return 'password'
}

const METHOD_WORDS: Record<string, string> = {
  password: 'a password',
  'password-and-code': 'a password and an authenticator app code',
  'password-and-recovery-code': 'a password and a recovery code',
  'single-sign-on': 'single sign-on',
}

/**
 * The session itself, with a new id (any earlier session of this browser ends): the cookies to set. Every sign-in
 * is recorded here as a security event, with how the person signed in, from where and with what browser.
 */
export async function finishSignIn(
  request: Request,
  details: { userId: string; method: string; address: string; pendingId: string | null; audit: boolean; idToken?: string | null; note?: string },
): Promise<string[]> {
  await destroySession(request)
  const cookie = await createSession(db, details.userId, {
    ip: details.address,
    userAgent: request.headers.get('User-Agent'),
    method: details.method,
    idToken: details.idToken ?? null,
  })
  await writeTransaction(db, async (tx) => {
    if (details.pendingId) await tx.deleteFrom('sign_in_pending').where('id', '=', details.pendingId).execute()
    if (!details.audit) return
    const user = await tx.selectFrom('users').select(['id', 'email']).where('id', '=', details.userId).executeTakeFirstOrThrow()
    await appendAudit(tx, {
      actor: user,
      action: 'security.sign-in',
      entityType: 'user',
      entityId: user.id,
      summary: `${user.email} signed in with ${METHOD_WORDS[details.method] ?? details.method}${details.note ? `; ${details.note}` : ''}`,
      after: {
        method: details.method,
        address: details.address.slice(0, 100),
        route: new URL(request.url).pathname.slice(0, 300),
        userAgent: request.headers.get('User-Agent')?.slice(0, 200) ?? null,
        at: nowIso(),
      },
    })
  })
  return [cookie, clearPendingCookie()]
}

export function redirectWithCookies(location: string, cookies: string[]): Response {
  const headers = new Headers()
  for (const cookie of cookies) headers.append('Set-Cookie', cookie)
  return redirectTo(location, { headers })
}
