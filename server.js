// The production (and development) HTTP server: security headers, CSP nonces, the Origin check, body
// limits, static assets, /healthz and graceful shutdown sit here, in front of the Remix request handler.
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import url from 'node:url'
import express from 'express'
import { createRequestHandler } from '@remix-run/express'
import { trackConnections } from './app/http/node-server/connections.js'
import { finishUnreadBody } from './app/http/node-server/unread-body.js'

const here = path.dirname(url.fileURLToPath(import.meta.url))
const MODE = process.env.NODE_ENV === 'production' ? 'production' : 'development'
const PORT = Number(process.env.PORT || 3000)
const HOST = process.env.HOST || '0.0.0.0'
const BUILD_PATH = path.join(here, 'build', 'index.js')
// Forms stay far below this; CSV and bank-holiday uploads are checked again, more tightly, by their routes.
const MAX_BODY_BYTES = Number(process.env.MAX_BODY_BYTES || 16 * 1024 * 1024)
// A body the app refused without reading is read and discarded up to this much, for this long (app/http/node-server/unread-body.js).
const DRAIN_BOUNDS = { maxBytes: MAX_BODY_BYTES, maxMs: 15_000 }
// Node's defaults (60 s for the headers, 300 s for the whole request) let a slow client hold a connection for
// minutes. No page needs more than these; the proxy in front should time out first (docs/deployment.md).
const HEADERS_TIMEOUT_MS = Number(process.env.HTTP_HEADERS_TIMEOUT_MS || 10_000)
const REQUEST_TIMEOUT_MS = Number(process.env.HTTP_REQUEST_TIMEOUT_MS || 30_000)
// Longer than the idle timeout of the proxy's connections to the app, so the app never closes one the proxy is
// about to reuse.
const KEEP_ALIVE_TIMEOUT_MS = Number(process.env.HTTP_KEEP_ALIVE_TIMEOUT_MS || 10_000)
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS || 8000)
// After SIGTERM, keep accepting this long (answering /healthz with 503) before closing the listener, so that
// connections the kernel has already queued, and requests a load balancer sends before it notices, are served.
const SHUTDOWN_LISTEN_MS = Number(process.env.SHUTDOWN_LISTEN_MS || 1000)
const TRUST_PROXY = process.env.TRUST_PROXY === '1'
// Node runs JavaScript on one core. WEB_CONCURRENCY > 1 forks that many copies sharing the port (docs/deployment.md):
// every piece of state they share lives in the database, so they behave as separate instances would.
const WORKERS = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY || 1)) || 1)
// Signing out of a single sign-on session ends at the identity provider (RP-initiated logout): the one other origin
// a form on these pages may lead to.
const SSO_ORIGIN = (() => {
  try {
    return process.env.OIDC_ISSUER ? new URL(process.env.OIDC_ISSUER).origin : ''
  } catch {
    return ''
  }
})()
const PUBLIC_ORIGINS = (process.env.APP_ORIGIN || '')
  .split(',')
  .map((origin) => origin.trim().replace(/\/+$/, ''))
  .filter(Boolean)
// With APP_ORIGIN set, a request must be addressed to one of its hosts: a forged Host header cannot make the app
// build links, redirects or the CSRF check around another name.
const PUBLIC_HOSTS = new Set(PUBLIC_ORIGINS.map((origin) => new URL(origin).host.toLowerCase()))
// A Host header is a name or an IPv4 or bracketed IPv6 address, and an optional port; anything else is malformed.
const HOST_PATTERN = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?$/

async function loadBuild() {
  // In development, re-import after every rebuild (the query string defeats the module cache).
  const stamp = MODE === 'production' ? '' : `?t=${Date.now()}`
  return import(url.pathToFileURL(BUILD_PATH).href + stamp)
}

/**
 * The primary of a cluster: migrates (and seeds the demo) once, then forks the workers that serve, replaces any that
 * dies, and on SIGTERM or SIGINT passes the signal on and waits for every worker to drain and close its database.
 */
async function runPrimary() {
  const build = await loadBuild()
  await build.entry.module.startup()
  await build.entry.module.shutdown()
  let stopping = false
  const fork = () => {
    const worker = cluster.fork()
    worker.once('listening', () => {
      worker.listened = true
      console.log(`Worker ${worker.process.pid} started`)
    })
  }
  // A worker that dies before it ever listened points at a fault no restart will mend (a bad DATABASE_URL, say).
  let failedStarts = 0
  cluster.on('listening', () => (failedStarts = 0))
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    if (!worker.listened && ++failedStarts >= 5) {
      console.error(`Worker ${worker.process.pid} stopped before it could serve, ${failedStarts} times running: giving up`)
      process.exit(1)
    }
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another`)
    setTimeout(fork, 500)
  })
  for (let i = 0; i < WORKERS; i++) fork()
  const stop = async (signal) => {
    if (stopping) return
    stopping = true
    console.log(`${signal} received: stopping ${Object.keys(cluster.workers ?? {}).length} worker(s)`)
    const workers = Object.values(cluster.workers ?? {}).filter(Boolean)
    const exited = workers.map((worker) => new Promise((resolve) => (worker.isDead() ? resolve() : worker.once('exit', resolve))))
    for (const worker of workers) worker.process.kill('SIGTERM')
    const deadline = setTimeout(() => {
      for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL')
    }, SHUTDOWN_GRACE_MS + 1500)
    await Promise.all(exited)
    clearTimeout(deadline)
    console.log('Every worker has stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

/** One server: in a cluster, each worker runs this (the primary has already migrated). */
async function serve() {
  let build = await loadBuild()
  await build.entry.module.startup()

  const app = express()
  app.disable('x-powered-by')
  if (TRUST_PROXY) app.set('trust proxy', true)

  let shuttingDown = false

  app.use((req, res, next) => {
    res.on('finish', () => {
      finishUnreadBody(req, DRAIN_BOUNDS)
      if (res.statusCode === 403) recordRefusal(req)
    })
    if (shuttingDown) res.setHeader('Connection', 'close')
    const nonce = crypto.randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        MODE === 'production' ? "connect-src 'self'" : "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
        "object-src 'none'",
        "base-uri 'none'",
        SSO_ORIGIN ? `form-action 'self' ${SSO_ORIGIN}` : "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    )
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'same-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    if (MODE === 'production' && process.env.COOKIE_SECURE !== '0') {
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    }
    next()
  })

  app.get('/healthz', async (_req, res) => {
    try {
      await build.entry.module.healthCheck()
      res.status(shuttingDown ? 503 : 200).type('text/plain').send(shuttingDown ? 'shutting down' : 'ok')
    } catch {
      res.status(503).type('text/plain').send('database unreachable')
    }
  })

  function ownOrigins(req) {
    if (PUBLIC_ORIGINS.length) return new Set(PUBLIC_ORIGINS)
    return new Set([`${req.protocol}://${req.get('host')}`])
  }

  /** A Host (or, behind a trusted proxy, X-Forwarded-Host) that is malformed, or not ours when APP_ORIGIN says what is. */
  function hostProblem(req) {
    const names = [req.get('host'), ...(TRUST_PROXY && req.get('x-forwarded-host') ? [req.get('x-forwarded-host').split(',')[0].trim()] : [])]
    for (const name of names) {
      if (!name || !HOST_PATTERN.test(name)) return 'malformed'
      try {
        new URL(`http://${name}/`)
      } catch {
        return 'malformed'
      }
    }
    const addressed = names[names.length - 1].toLowerCase()
    if (PUBLIC_HOSTS.size && !PUBLIC_HOSTS.has(addressed)) return 'not ours'
    return null
  }

  // Malformed requests are answered 400 here, before anything parses them into a URL and fails with a 500.
  app.use((req, res, next) => {
    const problem = hostProblem(req)
    if (problem) return sendPlainError(res, 400, 'Bad request', problem === 'not ours' ? 'This service does not answer to that name.' : 'The request was malformed.')
    try {
      decodeURIComponent(req.path)
    } catch {
      return sendPlainError(res, 400, 'Bad request', 'The address is not a valid web address. Check it and try again.')
    }
    next()
  })

  function originOf(value) {
    try {
      return new URL(value).origin
    } catch {
      return null
    }
  }

  // CSRF defence: a state-changing request must come from one of our own pages. Browsers always send
  // Origin on form posts; Referer is the fallback for older ones. Neither means "not from us".
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const origin = req.get('origin') ?? originOf(req.get('referer') ?? '')
    if (!origin || origin === 'null' || !ownOrigins(req).has(origin)) {
      return sendPlainError(res, 403, 'Forbidden', 'This request did not come from this service, so it was refused.')
    }
    const declared = req.get('content-length')
    if (declared === undefined && req.get('transfer-encoding')) {
      return sendPlainError(res, 411, 'Length required', 'Send the form again from the page.')
    }
    if (declared !== undefined && !(Number(declared) <= MAX_BODY_BYTES)) {
      return sendPlainError(res, 413, 'The form was too large', 'What you sent was too large. Nothing was saved.')
    }
    next()
  })

  const assetOptions = { immutable: MODE === 'production', maxAge: MODE === 'production' ? '1y' : 0 }
  app.use('/build', express.static(path.join(here, 'public', 'build'), assetOptions))
  // GOV.UK Frontend's CSS, JS and images, copied from the package at build time (scripts/copy-govuk-assets.js),
  // without the GDS Transport font, which is licensed for GOV.UK domains only.
  app.use('/assets/govuk', express.static(path.join(here, 'public', 'govuk'), { maxAge: '1h', index: false }))
  app.use('/assets/images', express.static(path.join(here, 'public', 'govuk', 'images'), { maxAge: '1d', index: false }))
  // Files at the top of public/ (app.css) all have an extension; pages never do. Asking the disk about every page
  // request cost 3% of the server's time under load (bench/load).
  const publicFiles = express.static(path.join(here, 'public'), { maxAge: '1h', index: false })
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()))

  const makeHandler = (currentBuild) =>
    createRequestHandler({
      build: currentBuild,
      mode: MODE,
      getLoadContext: (request, response) => ({
        cspNonce: response.locals.cspNonce,
        clientAddress: request.ip || request.socket.remoteAddress || 'unknown',
      }),
    })
  let remixHandler = makeHandler(build)

  if (MODE === 'development') {
    const { watch } = await import('node:fs')
    let timer
    watch(path.dirname(BUILD_PATH), () => {
      clearTimeout(timer)
      timer = setTimeout(async () => {
        build = await loadBuild()
        await build.entry.module.startup()
        remixHandler = makeHandler(build)
        if (process.env.REMIX_DEV_ORIGIN) {
          const { broadcastDevReady } = await import('@remix-run/node')
          await broadcastDevReady(build)
        }
      }, 200)
    })
  }

  app.all('*', (req, res, next) => remixHandler(req, res, next))

  // Last resort: anything Remix itself did not handle must still not leak a stack trace. Express marks the errors
  // that are the client's (a malformed body, a path it cannot decode) with a 4xx status.
  app.use((error, _req, res, _next) => {
    const status = Number(error?.status ?? error?.statusCode)
    const clientError = Number.isInteger(status) && status >= 400 && status < 500
    if (!clientError) console.error(error)
    if (res.headersSent) return res.end()
    if (clientError) return sendPlainError(res, status, 'Bad request', 'The request could not be read.')
    sendPlainError(res, 500, 'Sorry, there is a problem with the service', 'Try again later.')
  })

  // Refused requests (403) are security events (app/http/security-events.server.ts): the CSRF check above refuses
  // some, the guards in every route the rest. Recorded after the answer, so it never delays it.
  function recordRefusal(req) {
    build.entry.module
      .recordRefusal({
        method: req.method,
        path: req.path,
        address: req.ip || req.socket.remoteAddress || 'unknown',
        cookie: req.get('cookie') ?? null,
      })
      .catch((error) => console.error('Could not record a refused request', error))
  }

  function sendPlainError(res, status, title, body) {
    res
      .status(status)
      .type('html')
      .send(
        `<!DOCTYPE html><html lang="en-GB" class="govuk-template"><head><meta charset="utf-8"><title>${title} - OTM Campaign Planner</title>` +
          `<link rel="stylesheet" href="/assets/govuk/govuk-frontend.min.css"></head><body class="govuk-template__body">` +
          `<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content"><h1 class="govuk-heading-l">${title}</h1>` +
          `<p class="govuk-body">${body}</p><p class="govuk-body"><a class="govuk-link" href="/">Go to the start page</a></p></main></div></body></html>`,
      )
  }

  const server = http.createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      // How often the two timeouts above are checked (Node's default, 30 s, would let them run that much over).
      connectionsCheckingInterval: 1000,
    },
    app,
  )
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  const connections = trackConnections(server)
  server.listen(PORT, HOST, async () => {
    console.log(`OTM Campaign Planner (${MODE}) listening on http://localhost:${PORT}`)
    if (MODE === 'development' && process.env.REMIX_DEV_ORIGIN) {
      const { broadcastDevReady } = await import('@remix-run/node')
      await broadcastDevReady(build)
    }
  })

  async function shutdown(signal) {
    if (shuttingDown) return
    shuttingDown = true
    console.log(`${signal} received: refusing new connections, draining ${connections.inFlight()} in-flight request(s)`)
    const deadline = Date.now() + SHUTDOWN_GRACE_MS
    await new Promise((resolve) => setTimeout(resolve, Math.min(SHUTDOWN_LISTEN_MS, SHUTDOWN_GRACE_MS)))
    await connections.stopListening(deadline)
    const drained = await connections.drain(deadline)
    const cutOff = connections.inFlight()
    if (!drained) connections.closeAll()
    try {
      await build.entry.module.shutdown()
    } catch (error) {
      console.error('Error while closing the database', error)
    }
    console.log(cutOff > 0 ? `Stopped with ${cutOff} request(s) cut off` : 'Stopped cleanly')
    process.exit(0)
  }

  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

if (WORKERS > 1 && cluster.isPrimary && MODE === 'production') await runPrimary()
else await serve()
