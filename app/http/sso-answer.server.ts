// What the provider's answer means: its claims as a planner identity, and its errors as reasons a person can be
// told. No database and no requests here, so it is unit-tested on its own (sso-answer.server.test.ts).
import * as client from 'openid-client'
import type { ProviderIdentity } from '../models/sso-user.server'
import { ROLES, type Role } from '../utils/roles'

/**
 * Plain HTTP to the provider only for a provider on this machine, and never in production: the tests' provider,
 * or a developer's.
 */
export function insecureProviderAllowed(issuer: string, nodeEnv: string): boolean {
  const url = new URL(issuer)
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) && nodeEnv !== 'production'
}

export type SsoFailureReason =
  | 'provider-unreachable'
  | 'no-request'
  | 'state'
  | 'nonce'
  | 'expired-token'
  | 'provider-refused'
  | 'code-rejected'
  | 'invalid-response'
  | 'no-email'
  | 'email-taken'
  | 'disabled'
  | 'no-role'

function messages(error: unknown): string {
  const parts: string[] = []
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) parts.push(e.message)
  return parts.join(': ')
}

/** What went wrong, from the library's error: never the values it compared (the state, nonce or tokens). */
export function classify(error: unknown): { reason: SsoFailureReason; detail: string } {
  const text = messages(error)
  const code = (error as { code?: string })?.code ?? ''
  const detail = `${code ? `${code}: ` : ''}${text}`
  if (error instanceof client.AuthorizationResponseError) return { reason: 'provider-refused', detail: `${error.error}${error.error_description ? `: ${error.error_description}` : ''}` }
  if (error instanceof client.ResponseBodyError) return { reason: 'code-rejected', detail: `${error.error}${error.error_description ? `: ${error.error_description}` : ''}` }
  if (/"state"/.test(text)) return { reason: 'state', detail }
  if (/"nonce"/.test(text)) return { reason: 'nonce', detail }
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' || /"(exp|iat|nbf)"/.test(text)) return { reason: 'expired-token', detail }
  if (error instanceof TypeError || code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT' || code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON') {
    return { reason: 'provider-unreachable', detail }
  }
  return { reason: 'invalid-response', detail }
}

export function claimText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

/** The provider's groups, whether the claim is a list or a single value. */
export function groupsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').slice(0, 1000)
  return typeof value === 'string' ? [value] : []
}

export function rolesFor(groups: string[], map: Map<string, Role[]>): Role[] {
  const roles = new Set<Role>()
  for (const group of groups) for (const role of map.get(group) ?? []) roles.add(role)
  return ROLES.filter((role) => roles.has(role))
}

export function identityFrom(issuer: string, claims: Record<string, unknown>, settings: { OIDC_ROLES_CLAIM: string; OIDC_ROLE_MAP: Map<string, Role[]> }): ProviderIdentity | null {
  const username = claimText(claims.preferred_username) ?? claimText(claims.upn)
  const email = (claimText(claims.email) ?? (username?.includes('@') ? username : null))?.toLowerCase()
  if (!email || email.length > 254) return null
  const given = [claimText(claims.given_name), claimText(claims.family_name)].filter(Boolean).join(' ')
  const name = (claimText(claims.name) ?? (given || email)).slice(0, 120)
  const groups = groupsIn(claims[settings.OIDC_ROLES_CLAIM])
  return {
    issuer,
    subject: String(claims.sub),
    email,
    emailVerified: claims.email_verified === true || claims.xms_edov === true,
    name,
    roles: rolesFor(groups, settings.OIDC_ROLE_MAP),
    groups: groups.slice(0, 50),
  }
}
