import crypto from 'node:crypto'
import { isRole, type SessionUser } from './roles'
import { db, type DbOrTx } from './db.server'
import { env } from './env.server'
import { now } from './clock.server'

export const SESSION_COOKIE = 'otm_session'
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000
// Recording every request's time would make every read a write; a minute's slack only ever ends a
// session early, never late.
const TOUCH_AFTER_MS = 60 * 1000

export function secureCookies(): boolean {
  const setting = env().COOKIE_SECURE
  return setting ? setting === '1' : env().NODE_ENV === 'production'
}

export function tokenDigest(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

export function serializeSessionCookie(token: string, maxAgeSeconds: number): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
  ]
  if (secureCookies()) parts.push('Secure')
  return parts.join('; ')
}

export function clearSessionCookie(): string {
  return serializeSessionCookie('', 0)
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get('Cookie')
  if (!header) return null
  for (const part of header.split(';')) {
    const index = part.indexOf('=')
    if (index < 0) continue
    if (part.slice(0, index).trim() === SESSION_COOKIE) {
      const value = part.slice(index + 1).trim()
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null
    }
  }
  return null
}

/** A fresh session with a new id: called at every login, so an id planted before login is useless. */
export async function createSession(
  database: DbOrTx,
  userId: string,
  details: { ip: string | null; userAgent: string | null; method?: string; idToken?: string | null },
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url')
  const at = now().toISOString()
  await database
    .insertInto('session')
    .values({
      id: tokenDigest(token),
      user_id: userId,
      created_at: at,
      last_seen_at: at,
      ip: details.ip?.slice(0, 100) ?? null,
      user_agent: details.userAgent?.slice(0, 300) ?? null,
      method: details.method ?? null,
      id_token: details.idToken ?? null,
    })
    .execute()
  return serializeSessionCookie(token, ABSOLUTE_TIMEOUT_MS / 1000)
}

const cache = new WeakMap<Request, Promise<SessionUser | null>>()

/** The signed-in user, or null. Loaders run in parallel, so the lookup is shared per request. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  let pending = cache.get(request)
  if (!pending) {
    pending = lookUp(request)
    cache.set(request, pending)
  }
  return pending
}

async function lookUp(request: Request): Promise<SessionUser | null> {
  const token = readSessionToken(request)
  if (!token) return null
  const id = tokenDigest(token)
  // One row per role (or one with no role): the session, its user and the roles in a single query, since this
  // runs on every request.
  const rows = await db
    .selectFrom('session')
    .innerJoin('users', 'users.id', 'session.user_id')
    .leftJoin('user_role', 'user_role.user_id', 'users.id')
    .select(['session.created_at', 'session.last_seen_at', 'users.id', 'users.email', 'users.name', 'users.disabled', 'user_role.role'])
    .where('session.id', '=', id)
    .orderBy('user_role.role')
    .execute()
  const row = rows[0]
  if (!row) return null
  const current = now().getTime()
  const expired =
    row.disabled === 1 ||
    current - Date.parse(row.last_seen_at) > IDLE_TIMEOUT_MS ||
    current - Date.parse(row.created_at) > ABSOLUTE_TIMEOUT_MS
  if (expired) {
    await db.deleteFrom('session').where('id', '=', id).execute()
    return null
  }
  if (current - Date.parse(row.last_seen_at) > TOUCH_AFTER_MS) {
    await db.updateTable('session').set({ last_seen_at: new Date(current).toISOString() }).where('id', '=', id).execute()
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: rows.map((r) => r.role).filter(isRole),
  }
}

export async function destroySession(request: Request): Promise<void> {
  const token = readSessionToken(request)
  if (token) await db.deleteFrom('session').where('id', '=', tokenDigest(token)).execute()
}

/** The database id of the request's session (a digest of the cookie), or null without one. */
export function sessionIdOf(request: Request): string | null {
  const token = readSessionToken(request)
  return token ? tokenDigest(token) : null
}

/** Ends every session of a user, or every one but `keep` (the one making the change). Returns how many ended. */
export async function revokeUserSessions(database: DbOrTx, userId: string, keep?: string | null): Promise<number> {
  let query = database.deleteFrom('session').where('user_id', '=', userId)
  if (keep) query = query.where('id', '!=', keep)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}
