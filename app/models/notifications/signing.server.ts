// The key behind the links in emails and the calendar feed addresses, and what is signed with it (node:crypto HMAC).
// LINK_SIGNING_KEY in the environment; for development and the demo only, a random key the service makes on first use
// and keeps in data/link-signing.key. docs/notifications.md ("Signed links") and docs/deployment.md say more.
import crypto from 'node:crypto'
import { isNotificationKind, type NotificationKind } from '../../notifications/kinds'
import { env } from '../../utils/env.server'
import { serviceKey } from '../../utils/service-key.server'

export const GENERATED_LINK_KEY_FILE = 'data/link-signing.key'

let cached: Buffer | undefined

/**
 * The signing key: LINK_SIGNING_KEY, or (development and the demo) a generated one kept in data/link-signing.key.
 * A production deployment without the demo must set it: every instance needs the same key, and the database must
 * not hold it.
 */
export function linkSigningKey(): Buffer {
  cached ??= serviceKey({
    variable: 'LINK_SIGNING_KEY',
    configured: env().LINK_SIGNING_KEY,
    purpose: 'signs links in emails and calendar feed addresses',
    generatedFile: GENERATED_LINK_KEY_FILE,
  })
  return cached
}


function mac(purpose: string, payload: string): string {
  return crypto.createHmac('sha256', linkSigningKey()).update(`${purpose}\n${payload}`).digest('base64url')
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}

const ID = /^[A-Za-z0-9-]{1,64}$/

export type EmailSettingsScope = NotificationKind | 'all'

/** The token of a link that changes how one person hears of one kind of event (or of all), without signing in. */
export function emailSettingsToken(userId: string, scope: EmailSettingsScope): string {
  return `${userId}.${scope}.${mac('otm-email-settings-v1', `${userId}\n${scope}`)}`
}

export function readEmailSettingsToken(token: string | undefined): { userId: string; scope: EmailSettingsScope } | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const [userId, scope, signature, ...rest] = token.split('.')
  if (rest.length || !userId || !scope || !signature || !ID.test(userId)) return null
  if (scope !== 'all' && !isNotificationKind(scope)) return null
  return same(signature, mac('otm-email-settings-v1', `${userId}\n${scope}`)) ? { userId, scope } : null
}

/** A calendar feed's secret token, derived from its nonce: it can be shown again, and is stored only as a hash. */
export function feedToken(userId: string, nonce: string): string {
  return mac('otm-calendar-feed-v1', `${userId}\n${nonce}`)
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex')
}
