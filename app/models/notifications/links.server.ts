import { env } from '../../utils/env.server'

/** Where links in emails and calendar feeds point: the first APP_ORIGIN, or this machine when it is not set. */
export function publicOrigin(): string {
  const first = (env().APP_ORIGIN ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .find(Boolean)
  return (first ?? `http://localhost:${env().PORT}`).replace(/\/+$/, '')
}

/** An absolute URL for a path inside the service. */
export function publicUrl(path: string): string {
  return `${publicOrigin()}${path.startsWith('/') ? path : `/${path}`}`
}
