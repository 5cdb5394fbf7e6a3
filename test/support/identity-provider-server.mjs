// A real OpenID Provider for the tests: oidc-provider (a certified implementation) in a process of its own, with one
// registered client, a few accounts with a `groups` claim, and a plain sign-in page of its own that works with and
// without JavaScript and loads nothing from anywhere else. Started by test/support/identity-provider.ts.
//
// Two faults a real provider will not produce on request are made the way they happen in life, by the parent's
// messages over IPC: a clock that is wrong (so the ID tokens it signs have already expired), and an authorization
// request whose nonce is changed on the way in (so the ID token carries a nonce the planner never sent). The parent
// may also change an account (its groups, say) between sign-ins, as a directory would.
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import Provider from 'oidc-provider'

const config = JSON.parse(process.env.TEST_PROVIDER_CONFIG ?? '{}')

const realNow = Date.now.bind(Date)
let clockOffsetMs = 0
Date.now = () => realNow() + clockOffsetMs
let nonceOverride = null

const escape = (value) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])

function page(title, body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} - Test identity provider</title>
<style>body{font-family:Arial,sans-serif;margin:2em auto;max-width:30em;padding:0 1em}label{display:block;margin-top:1em;font-weight:bold}input{display:block;font-size:1.2em;width:100%;box-sizing:border-box}button{margin-top:1.5em;font-size:1.2em}.error{color:#b00}</style>
</head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`
}

function loginForm(uid, error, login = '') {
  return page(
    'Sign in to the test identity provider',
    `${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Username</label><input id="login" name="login" autocomplete="username" value="${escape(login)}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Sign in</button>
</form>`,
  )
}

const provider = new Provider(config.issuer, {
  clients: config.clients,
  async findAccount(_ctx, id) {
    const account = config.accounts[id]
    if (!account) return undefined
    return { accountId: id, async claims() { return { sub: id, ...account.claims } } }
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name', 'groups'] },
  conformIdTokenClaims: config.conformIdTokenClaims ?? true,
  cookies: { keys: ['test-identity-provider-cookies'] },
  pkce: { required: () => true },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = page('Sign out of the test identity provider?', `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`)
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Signed out', '<p>You have signed out of the test identity provider.</p>')
      },
    },
  },
  // A first-party application: no consent screen, as at a department's own provider.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId)
    if (grantId) return ctx.oidc.provider.Grant.find(grantId)
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId })
    grant.addOIDCScope('openid email profile')
    await grant.save()
    return grant
  },
  async renderError(ctx, out) {
    ctx.type = 'html'
    ctx.body = page('Sign-in error', `<p>${escape(out.error)}: ${escape(out.error_description)}</p>`)
  },
  // ID tokens last 10 minutes; the sign-in's own cookies an hour, so a clock set 20 minutes slow still lets a browser
  // through the provider's pages while every ID token it signs arrives expired.
  ttl: {
    AccessToken: 600,
    AuthorizationCode: 60,
    IdToken: 600,
    Interaction: 3600,
    Session: 3600,
    Grant: 3600,
  },
})

provider.use(async (ctx, next) => {
  if (nonceOverride && ctx.method === 'GET' && ctx.path === '/auth' && ctx.query.nonce) {
    const query = new URLSearchParams(ctx.querystring)
    query.set('nonce', nonceOverride)
    ctx.querystring = query.toString()
  }
  await next()
})

async function readBody(req) {
  let text = ''
  for await (const chunk of req) {
    text += chunk
    if (text.length > 10_000) break
  }
  return new URLSearchParams(text)
}

async function handle(req, res) {
  const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(new URL(req.url, config.issuer).pathname)
  if (!match) return callback(req, res)
  try {
    const details = await provider.interactionDetails(req, res)
    if (details.prompt.name !== 'login') {
      return await provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true })
    }
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      return res.end(loginForm(match[1]))
    }
    const body = await readBody(req)
    const login = body.get('login') ?? ''
    const account = config.accounts[login]
    if (!account || body.get('password') !== account.password) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      return res.end(loginForm(match[1], 'Enter a correct username and password', login))
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false })
  } catch (error) {
    res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(page('Sign-in error', `<p>${escape(error.message)}</p>`))
  }
}

const callback = provider.callback()
const server = config.tls
  ? https.createServer({ key: fs.readFileSync(config.tls.key), cert: fs.readFileSync(config.tls.cert) }, handle)
  : http.createServer(handle)

process.on('message', (message) => {
  if (message.type === 'clock') clockOffsetMs = message.offsetMs
  if (message.type === 'nonce') nonceOverride = message.value
  if (message.type === 'account') config.accounts[message.username] = message.account
  process.send({ type: 'done', id: message.id })
})
process.on('disconnect', () => process.exit(0))

server.listen(config.port, '127.0.0.1', () => process.send({ type: 'listening', port: server.address().port }))
