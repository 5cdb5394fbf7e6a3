import { env } from '../../utils/env.server'

/**
 * Where links in emails and calendar feeds point: the first APP_ORIGIN; without it, the origin of the request being
 * answered, or (for email, sent with no request) this machine.
 */
export function publicOrigin(request?: Request): string {
  const first = (env().APP_ORIGIN ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .find(Boolean)
  return (first ?? (request ? new URL(request.url).origin : `http://localhost:${env().PORT}`)).replace(/\/+$/, '')
}

/** An absolute URL for a path inside the service. */
export function publicUrl(path: string): string {
  return `${publicOrigin()}${path.startsWith('/') ? path : `/${path}`}`
}
