import { hasRole, type Role, type SessionUser } from '../utils/roles'
import { forbidden, redirectTo } from './responses.server'
import { getSessionUser } from '../utils/session.server'

export { getSessionUser as getUser }

/** Every loader and action calls one of these itself: nested loaders run in parallel, so a parent's check protects nothing. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  if (!user) {
    const url = new URL(request.url)
    const here = url.pathname.replace(/\.data$/, '') + url.search
    const query = here === '/' ? '' : `?${new URLSearchParams({ redirectTo: here })}`
    throw redirectTo(`/login${query}`, { status: 302 })
  }
  return user
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!hasRole(user, ...roles)) throw forbidden()
  return user
}
