// Starts the tests' real OpenID Provider (identity-provider-server.mjs, oidc-provider in a child process) and signs in
// at it the way a browser would, for tests that have no browser.
import { execFileSync, fork, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

export const CLIENT_ID = 'otm-campaign-planner'
export const CLIENT_SECRET = 'a-test-client-secret-that-is-long-enough-to-be-real'
export const PROVIDER_PASSWORD = 'provider-password'

export interface ProviderAccount {
  password: string
  claims: Record<string, unknown>
}

export const account = (email: string, name: string, groups: string[], extra: Record<string, unknown> = {}): ProviderAccount => ({
  password: PROVIDER_PASSWORD,
  claims: { email, email_verified: true, name, groups, ...extra },
})

/** Usernames at the provider, and who they are. */
export const PROVIDER_ACCOUNTS: Record<string, ProviderAccount> = {
  dana: account('dana.designer@example.gov.uk', 'Dana Designer', ['otm-designers', 'all-staff']),
  carl: account('carl.cs@example.gov.uk', 'Carl Customer', ['otm-cs', 'otm-viewers']),
  ada: account('ada.admin@example.gov.uk', 'Ada Administrator', ['otm-admins']),
  nobody: account('nobody@example.gov.uk', 'Nat Nobody', ['all-staff']),
  mover: account('mover@example.gov.uk', 'Mo Mover', ['otm-designers']),
  // Has the address of an account created in the planner beforehand; one provider vouches for it, one does not.
  linker: account('linker@example.gov.uk', 'Lin Linker', ['otm-viewers']),
  claimer: account('claimer@example.gov.uk', 'Cla Claimer', ['otm-viewers'], { email_verified: false }),
  disabled: account('disabled.person@example.gov.uk', 'Di Disabled', ['otm-designers']),
  // Accounts for the browser tests, one per test, so that they never share a provider session or a planner account.
  'browser-js': account('browser.js@example.gov.uk', 'Bea Browser', ['otm-designers']),
  'browser-nojs': account('browser.nojs@example.gov.uk', 'Ben Browser', ['otm-designers', 'otm-cs']),
}

export const ROLE_MAP = 'otm-designers=designer,otm-cs=customer-services,otm-viewers=viewer,otm-admins=admin'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export interface TestCertificates {
  /** The certificate authority a client must trust (NODE_EXTRA_CA_CERTS for the app). */
  ca: string
  key: string
  cert: string
}

/** A throwaway certificate authority and a certificate for 127.0.0.1 and localhost, made with openssl. */
export function makeCertificates(): TestCertificates {
  const dir = path.resolve(`tmp/test-tls/${crypto.randomUUID()}`)
  fs.mkdirSync(dir, { recursive: true })
  const file = (name: string) => path.join(dir, name)
  const run = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' })
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=OTM test certificate authority',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign')
  run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=127.0.0.1')
  fs.writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n')
  run('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.pem'), '-days', '2', '-extfile', file('server.ext'))
  return { ca: file('ca.pem'), key: file('server.key'), cert: file('server.pem') }
}

export interface TestProvider {
  issuer: string
  port: number
  /** Moves the provider's clock, so the ID tokens it signs are already out of date (negative) or not yet valid. */
  setClockOffset(ms: number): Promise<void>
  /** Replaces the nonce of every authorization request on its way in, or stops (null). */
  overrideNonce(value: string | null): Promise<void>
  /** Adds or changes an account, as a change in the organisation's directory would. */
  setAccount(username: string, account: ProviderAccount): Promise<void>
  stop(): Promise<void>
}

export interface ProviderOptions {
  port?: number
  redirectUris: string[]
  postLogoutRedirectUris?: string[]
  tls?: TestCertificates
  accounts?: Record<string, ProviderAccount>
  /** false puts the profile claims (email, groups) in the ID token itself, as Microsoft Entra ID does. */
  conformIdTokenClaims?: boolean
}

export async function startTestProvider(options: ProviderOptions): Promise<TestProvider> {
  const port = options.port ?? (await freePort())
  const issuer = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  const config = {
    issuer,
    port,
    tls: options.tls ? { key: options.tls.key, cert: options.tls.cert } : undefined,
    accounts: options.accounts ?? PROVIDER_ACCOUNTS,
    conformIdTokenClaims: options.conformIdTokenClaims ?? true,
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
  }
  let output = ''
  const child: ChildProcess = fork(path.resolve('test/support/identity-provider-server.mjs'), [], {
    env: { ...process.env, NODE_ENV: 'test', TEST_PROVIDER_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The test identity provider did not start:\n${output}`)), 30_000)
    child.on('message', (message: { type: string }) => {
      if (message.type === 'listening') {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The test identity provider exited (${code}):\n${output}`))
    })
  })
  let next = 0
  const send = (message: Record<string, unknown>) =>
    new Promise<void>((resolve) => {
      const id = ++next
      const onMessage = (reply: { type: string; id: number }) => {
        if (reply.type === 'done' && reply.id === id) {
          child.off('message', onMessage)
          resolve()
        }
      }
      child.on('message', onMessage)
      child.send({ ...message, id })
    })
  return {
    issuer,
    port,
    setClockOffset: (ms) => send({ type: 'clock', offsetMs: ms }),
    overrideNonce: (value) => send({ type: 'nonce', value }),
    setAccount: (username, changed) => send({ type: 'account', username, account: changed }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** Cookies per origin, as a browser keeps them, for talking to the provider without one. */
export class CookieJar {
  private cookies = new Map<string, Map<string, string>>()

  header(url: string): string {
    const jar = this.cookies.get(new URL(url).origin)
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : ''
  }

  store(url: string, response: Response) {
    const origin = new URL(url).origin
    const jar = this.cookies.get(origin) ?? new Map<string, string>()
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const index = pair!.indexOf('=')
      const name = pair!.slice(0, index).trim()
      const value = pair!.slice(index + 1).trim()
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') jar.delete(name)
      else jar.set(name, value)
    }
    this.cookies.set(origin, jar)
  }
}

/**
 * Follows the authorization URL at the provider, signs in on its page, and returns the URL the provider sends the
 * browser back to (the planner's callback, with the code and state), without following it.
 */
export async function signInAtProvider(authorizationUrl: string, username: string, password = PROVIDER_PASSWORD, jar = new CookieJar()): Promise<URL> {
  const providerOrigin = new URL(authorizationUrl).origin
  let url = authorizationUrl
  for (let hop = 0; hop < 10; hop++) {
    if (new URL(url).origin !== providerOrigin) return new URL(url)
    const response = await fetch(url, { headers: { Cookie: jar.header(url) }, redirect: 'manual' })
    jar.store(url, response)
    const location = response.headers.get('location')
    if (location) {
      url = new URL(location, url).href
      continue
    }
    const html = await response.text()
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]
    if (!action) throw new Error(`The provider showed no sign-in form (${response.status}):\n${html.slice(0, 500)}`)
    const target = new URL(action.replace(/&amp;/g, '&'), url).href
    const posted = await fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.header(target) },
      body: new URLSearchParams({ login: username, password }),
      redirect: 'manual',
    })
    jar.store(target, posted)
    const next = posted.headers.get('location')
    if (!next) throw new Error(`The provider refused the sign-in of ${username} (${posted.status}):\n${(await posted.text()).slice(0, 500)}`)
    url = new URL(next, target).href
  }
  throw new Error('The provider redirected too many times')
}
