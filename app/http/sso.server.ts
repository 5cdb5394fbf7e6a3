// Single sign-on with OpenID Connect, through openid-client (a certified relying party): the authorization code
// flow with PKCE (S256), state and nonce, and the ID token checked by the library. The planner only keeps what a
// request must be matched against, and turns the provider's answer into an account and a session.
// docs/decisions/0090-single-sign-on-with-openid-connect.md; docs/deployment.md explains registering the planner.
import crypto from 'node:crypto'
import * as client from 'openid-client'
import { signInFromProvider } from '../models/sso-user.server'
import { appendAudit, type Actor } from '../utils/audit.server'
import { now } from '../utils/clock.server'
import { db, writeTransaction } from '../utils/db.server'
import { env } from '../utils/env.server'
import { secureCookies, sessionIdOf, tokenDigest } from '../utils/session.server'
import { finishSignIn, redirectWithCookies } from './sign-in.server'
import { classify, identityFrom, insecureProviderAllowed, claimText, type SsoFailureReason } from './sso-answer.server'
import { redirectTo } from './responses.server'

export const SSO_COOKIE = 'otm_sso'
export const CALLBACK_PATH = '/login/sso/callback'
export const SIGNED_OUT_PATH = '/login/signed-out'
/** How long the provider has to send the person back. */
export const SSO_REQUEST_TTL_MS = 10 * 60 * 1000
// Every call to the provider gives up after this long, so a provider that hangs cannot hang the page.
const PROVIDER_TIMEOUT_SECONDS = 10

export const singleSignOnEnabled = () => !!env().OIDC_ISSUER
export const passwordSignInEnabled = () => env().LOCAL_LOGIN === '1'

let discovered: Promise<client.Configuration> | null = null

/** The provider's metadata, discovered once; a failed discovery is not remembered, so the next sign-in tries again. */
function configuration(): Promise<client.Configuration> {
  if (!discovered) {
    const settings = env()
    const issuer = settings.OIDC_ISSUER!
    discovered = client
      .discovery(new URL(issuer), settings.OIDC_CLIENT_ID!, { client_secret: settings.OIDC_CLIENT_SECRET! }, client.ClientSecretPost(settings.OIDC_CLIENT_SECRET!), {
        execute: insecureProviderAllowed(issuer, settings.NODE_ENV) ? [client.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      })
      .catch((error: unknown) => {
        discovered = null
        throw error
      })
  }
  return discovered
}

/** The planner's public origin: the first APP_ORIGIN behind a proxy, else the origin the request came to. */
export function publicOrigin(request: Request): string {
  const configured = env().APP_ORIGIN?.split(',')[0]?.trim()
  return configured ? new URL(configured).origin : new URL(request.url).origin
}

function cookie(value: string, maxAgeSeconds: number): string {
  const parts = [`${SSO_COOKIE}=${value}`, 'Path=/login/sso', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`]
  if (secureCookies()) parts.push('Secure')
  return parts.join('; ')
}

function readCookie(request: Request): string | null {
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const index = part.indexOf('=')
    if (index > 0 && part.slice(0, index).trim() === SSO_COOKIE) {
      const value = part.slice(index + 1).trim()
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null
    }
  }
  return null
}

export interface SsoFailure {
  ok: false
  status: number
  reason: SsoFailureReason
  title: string
  message: string
}

const FAILURES: Record<SsoFailureReason, { status: number; title: string; message: string; audit: string }> = {
  'provider-unreachable': {
    status: 503,
    title: 'Sorry, single sign-on is not working at the moment',
    message: 'The planner could not reach your organisation’s sign-in service. Try again in a few minutes.',
    audit: 'the identity provider could not be reached',
  },
  'no-request': {
    status: 400,
    title: 'Your sign-in has expired',
    message: 'The sign-in took too long, was finished in another tab, or the link was used twice. Start again.',
    audit: 'the answer matched no sign-in this browser started (expired, already used, or from elsewhere)',
  },
  state: {
    status: 400,
    title: 'Sorry, we could not sign you in',
    message: 'The answer from your organisation’s sign-in service did not match the sign-in this browser started, so it was refused. Start again.',
    audit: 'the state in the answer did not match the request',
  },
  nonce: {
    status: 400,
    title: 'Sorry, we could not sign you in',
    message: 'The identity token from your organisation’s sign-in service was not issued for this sign-in, so it was refused. Start again.',
    audit: 'the ID token’s nonce did not match the request',
  },
  'expired-token': {
    status: 400,
    title: 'Sorry, we could not sign you in',
    message: 'The identity token from your organisation’s sign-in service had expired or was not yet valid, so it was refused. Start again; if this keeps happening, a clock may be wrong.',
    audit: 'the ID token had expired or was not yet valid',
  },
  'provider-refused': {
    status: 400,
    title: 'Sorry, we could not sign you in',
    message: 'Your organisation’s sign-in service did not sign you in. Start again, or ask your IT service desk for help.',
    audit: 'the identity provider answered with an error',
  },
  'code-rejected': {
    status: 400,
    title: 'Sorry, we could not sign you in',
    message: 'Your organisation’s sign-in service would not confirm this sign-in (its code had been used or had expired). Start again.',
    audit: 'the identity provider rejected the authorization code',
  },
  'invalid-response': {
    status: 400,
    title: 'Sorry, we could not sign you in',
    message: 'The answer from your organisation’s sign-in service could not be checked, so it was refused. Start again.',
    audit: 'the identity provider’s answer failed validation',
  },
  'no-email': {
    status: 403,
    title: 'Sorry, we could not sign you in',
    message: 'Your organisation’s sign-in service did not give an email address for your account. Ask your IT service desk to release the email claim to the planner.',
    audit: 'the identity provider sent no email address',
  },
  'email-taken': {
    status: 403,
    title: 'Your account needs to be linked first',
    message: 'An account with your email address already exists in the planner but is not linked to your organisation’s sign-in. Ask a service administrator for help.',
    audit: 'an account with this email address exists and the provider did not vouch for the address',
  },
  disabled: {
    status: 403,
    title: 'Your account has been disabled',
    message: 'A service administrator has disabled your account in the planner. Ask them if you think this is a mistake.',
    audit: 'the account is disabled',
  },
  'no-role': {
    status: 403,
    title: 'You do not have access to the planner',
    message: 'Your organisation has not given you a role in the planner. Ask your line manager or IT service desk to add you to one of its groups.',
    audit: 'none of the person’s groups maps to a role',
  },
}

async function fail(reason: SsoFailureReason, details: { actor?: Actor | null; detail?: string; address: string }): Promise<SsoFailure> {
  const failure = FAILURES[reason]
  await writeTransaction(db, (tx) =>
    appendAudit(tx, {
      actor: details.actor ?? null,
      action: 'security.sso-failed',
      entityType: 'sign-in',
      entityId: null,
      summary: `Single sign-on refused: ${failure.audit}`,
      after: { reason, detail: details.detail?.slice(0, 200) ?? null, address: details.address.slice(0, 100) },
    }),
  )
  return { ok: false, status: failure.status, reason, title: failure.title, message: failure.message }
}

/** Sends the browser to the provider, remembering (by a cookie of its own) what the answer must match. */
export async function startSingleSignOn(request: Request, redirectAfter: string, address: string): Promise<Response | SsoFailure> {
  let config: client.Configuration
  try {
    config = await configuration()
  } catch (error) {
    return fail('provider-unreachable', { detail: classify(error).detail, address })
  }
  const codeVerifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: publicOrigin(request) + CALLBACK_PATH,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  })
  const token = crypto.randomBytes(32).toString('base64url')
  const at = now()
  await db.deleteFrom('sso_request').where('created_at', '<', new Date(at.getTime() - SSO_REQUEST_TTL_MS).toISOString()).execute()
  await db
    .insertInto('sso_request')
    .values({ id: tokenDigest(token), state, nonce, code_verifier: codeVerifier, redirect_to: redirectAfter, created_at: at.toISOString() })
    .execute()
  return redirectTo(url.href, { status: 303, headers: { 'Set-Cookie': cookie(token, SSO_REQUEST_TTL_MS / 1000) } })
}

/** The provider's answer: checked by the library, then the account, then the session. */
export async function finishSingleSignOn(request: Request, address: string): Promise<Response | SsoFailure> {
  const token = readCookie(request)
  const row = token
    ? await db.selectFrom('sso_request').select(['id', 'state', 'nonce', 'code_verifier', 'redirect_to', 'created_at']).where('id', '=', tokenDigest(token)).executeTakeFirst()
    : undefined
  // Used once, whatever happens next: an answer cannot be replayed against the same request.
  if (row) await db.deleteFrom('sso_request').where('id', '=', row.id).execute()
  if (!row || now().getTime() - Date.parse(row.created_at) > SSO_REQUEST_TTL_MS) return fail('no-request', { address })

  let config: client.Configuration
  try {
    config = await configuration()
  } catch (error) {
    return fail('provider-unreachable', { detail: classify(error).detail, address })
  }
  const callback = new URL(publicOrigin(request) + CALLBACK_PATH)
  callback.search = new URL(request.url).search
  let claims: Record<string, unknown>
  let idToken: string | undefined
  try {
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: row.code_verifier,
      expectedState: row.state,
      expectedNonce: row.nonce,
      idTokenExpected: true,
    })
    idToken = tokens.id_token
    const idClaims = tokens.claims() as Record<string, unknown> | undefined
    if (!idClaims) return fail('invalid-response', { detail: 'no ID token', address })
    claims = idClaims
    // Providers that keep profile claims out of the ID token (as OpenID Connect allows) give them at userinfo.
    const missing = !claimText(claims.email) || claims[env().OIDC_ROLES_CLAIM] === undefined
    if (missing && config.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(config, tokens.access_token, String(claims.sub))
      claims = { ...info, ...claims }
    }
  } catch (error) {
    const { reason, detail } = classify(error)
    return fail(reason, { detail, address })
  }

  const issuer = config.serverMetadata().issuer
  const identity = identityFrom(issuer, claims, env())
  if (!identity) return fail('no-email', { detail: `subject ${String(claims.sub).slice(0, 100)}`, address })
  const outcome = await signInFromProvider(db, identity)
  if (!outcome.ok) {
    const actor = outcome.userId ? { id: outcome.userId, email: identity.email } : null
    return fail(outcome.reason, { actor, detail: `${identity.email}; groups: ${identity.groups.join(', ') || 'none'}`, address })
  }
  const cookies = await finishSignIn(request, {
    userId: outcome.userId,
    method: 'single-sign-on',
    address,
    pendingId: null,
    audit: true,
    idToken,
    note: outcome.created ? 'account created at this first sign-in' : undefined,
  })
  return redirectWithCookies(row.redirect_to, [...cookies, cookie('', 0)])
}

export const clearSsoCookie = () => cookie('', 0)

/**
 * Where sign-out sends the browser: to the provider's end-session endpoint when this session came from single
 * sign-on and the provider supports RP-initiated logout, so the provider's session ends too. Null otherwise.
 */
export async function providerSignOutUrl(request: Request): Promise<string | null> {
  if (!singleSignOnEnabled()) return null
  const id = sessionIdOf(request)
  if (!id) return null
  const session = await db.selectFrom('session').select(['method', 'id_token']).where('id', '=', id).executeTakeFirst()
  if (session?.method !== 'single-sign-on') return null
  try {
    const config = await configuration()
    const endpoint = config.serverMetadata().end_session_endpoint
    // The CSP lets a form lead only to this site and the issuer's origin (server.js), so only there.
    if (!endpoint || new URL(endpoint).origin !== new URL(env().OIDC_ISSUER!).origin) return null
    const parameters: Record<string, string> = { post_logout_redirect_uri: publicOrigin(request) + SIGNED_OUT_PATH }
    if (session.id_token) parameters.id_token_hint = session.id_token
    return client.buildEndSessionUrl(config, parameters).href
  } catch {
    // The provider is unreachable: the planner's own session still ends.
    return null
  }
}
