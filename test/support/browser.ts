// Drives the production build in Debian's Chromium: a real server, a real database file, a real browser.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect } from 'vitest'

export const DEMO_PASSWORD = 'demo-password-for-tests'

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]

export function chromiumPath(): string | null {
  return CHROMIUM_CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null
}

/** Locally, a missing Chromium skips the browser layer (loudly, in global setup). Under CI it never does. */
export const skipBrowser = process.env.OTM_E2E_SKIP === '1' && process.env.CI !== 'true'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export interface RunningApp {
  baseUrl: string
  databaseFile: string
  process: ChildProcess
  output: () => string
  /** Resolves once the server's output matches `pattern` (at once if it already does). */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<void>
  stop: () => Promise<void>
}

export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort()
  const databaseFile = env.DATABASE_URL ?? path.resolve(`tmp/e2e/${crypto.randomUUID()}.sqlite`)
  fs.mkdirSync(path.resolve('tmp/e2e'), { recursive: true })
  if (!/^postgres/.test(databaseFile)) fs.mkdirSync(path.dirname(databaseFile), { recursive: true })
  // An SQLite file's audit checkpoint sits beside it; a PostgreSQL database's would go under data/.
  const checkpointFile = env.AUDIT_CHECKPOINT_FILE ?? (/^postgres/.test(databaseFile) ? path.resolve(`tmp/e2e/${crypto.randomUUID()}.audit-checkpoint.json`) : undefined)
  let output = ''
  const waiters = new Set<() => void>()
  const child = spawn(process.execPath, ['server.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseFile,
      DEMO_PASSWORD,
      OTM_DEMO: '1',
      // The hash format and its check are the production ones; only the deliberate slowness of each hash is reduced.
      SCRYPT_COST: '1024',
      ...(checkpointFile ? { AUDIT_CHECKPOINT_FILE: checkpointFile } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const heard = (chunk: Buffer) => {
    output += chunk
    for (const check of waiters) check()
  }
  child.stdout!.on('data', heard)
  child.stderr!.on('data', heard)
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`)
    try {
      const response = await fetch(`${baseUrl}/healthz`)
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The app did not become healthy:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    baseUrl,
    databaseFile,
    process: child,
    output: () => output,
    waitForOutput: (pattern, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`The server did not print ${pattern} within ${timeoutMs} ms:\n${output}`))
        }, timeoutMs)
        const check = () => {
          if (!pattern.test(output)) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve()
        }
        waiters.add(check)
        check()
      }),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
      }
      if (!env.DATABASE_URL) for (const suffix of ['', '-wal', '-shm', '.audit-checkpoint.json']) fs.rmSync(databaseFile + suffix, { force: true })
      if (checkpointFile && !env.AUDIT_CHECKPOINT_FILE) fs.rmSync(checkpointFile, { force: true })
    },
  }
}

const scriptless = new WeakSet<BrowserContext>()

/** A browser context; with JavaScript off it behaves like a browser with scripts disabled. */
export async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean; ignoreHTTPSErrors?: boolean } = {}): Promise<BrowserContext> {
  // ignoreHTTPSErrors: for the tests' own identity provider, whose certificate comes from a throwaway authority.
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false })
  if (options.javaScriptEnabled === false) scriptless.add(context)
  return context
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath()
  if (!executablePath) throw new Error('Chromium not found')
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  })
}

/**
 * A page that fails the test on any console error, uncaught exception or CSP violation: the things a user
 * never sees but that mean a page is broken.
 */
export async function openPage(context: BrowserContext): Promise<Page & { problems: string[] }> {
  const page = (await context.newPage()) as Page & { problems: string[] }
  page.setDefaultTimeout(15_000)
  page.problems = []
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    // A refused form submission (400, 409, 429) is the app working as designed, not a fault.
    const expectedRefusal = /^Failed to load resource: the server responded with a status of 4(00|09|29)\b/.test(message.text())
    if (!expectedRefusal) page.problems.push(`console.error: ${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => page.problems.push(`uncaught: ${error.message}`))
  // The address changes before React shows the page it leads to: waiting for an address waits for the page too.
  const waitForURL = page.waitForURL.bind(page)
  page.waitForURL = async (url, options) => {
    await waitForURL(url, options)
    await routerSettled(page)
  }
  return page
}

export function expectNoProblems(page: Page & { problems: string[] }) {
  expect(page.problems, 'console errors, uncaught exceptions or CSP violations on the page').toEqual([])
}

const require = createRequire(import.meta.url)
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe-core on the page as it is now; any violation fails the test with a readable list. A page with
 * scripts disabled cannot run axe, so its DOM is copied, scripts removed, into a scratch page that can.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  expect(await axeViolations(page), `axe-core violations on ${label}`).toEqual([])
}

/**
 * One page per browser, with scripts on, where axe-core checks what a scriptless page shows: axe is loaded into it
 * once, and each check writes the page's HTML into its document (document.open keeps the window, and axe with it).
 */
const scratchPages = new WeakMap<Browser, Promise<Page>>()

function scratchPage(browser: Browser): Promise<Page> {
  let scratch = scratchPages.get(browser)
  if (!scratch) {
    scratch = (async () => {
      const page = await (await browser.newContext()).newPage()
      await page.setContent('<!DOCTYPE html><html lang="en"><head><title>axe-core</title></head><body></body></html>')
      return page
    })()
    scratchPages.set(browser, scratch)
  }
  return scratch
}

/** axe-core's violations on the page as it is now, one readable line each: for a test that checks many pages. */
export async function axeViolations(page: Page): Promise<string[]> {
  let target = page
  if (scriptless.has(page.context())) {
    // Its scripts (and the modules they would preload) are left out: what is checked is what a scriptless browser shows.
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '')
    const withBase = html.replace(/<head>/i, `<head><base href="${new URL(page.url()).origin}/">`)
    target = await scratchPage(page.context().browser()!)
    await target.evaluate((markup) => {
      document.open()
      document.write(markup)
      document.close()
    }, withBase)
    await target.waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet))
  }
  // evaluate() runs outside the page's CSP, so the strict policy stays on for the app's own scripts.
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(axeSource)
  const violations = (await target.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    })
    return result.violations
  })) as AxeViolation[]
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n    ')}`)
}

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in', exact: true }).click()])
}

/**
 * Opens a page and, with JavaScript on, waits until React has hydrated it and GOV.UK Frontend has started (the skip
 * link is marked once both have run), so what the test types next is not overtaken by hydration.
 */
export async function openReady(page: Page, url: string) {
  const response = await page.goto(url)
  if (!scriptless.has(page.context())) await page.waitForSelector('[data-govuk-skip-link-init]', { state: 'attached' })
  return response
}

/** A date `days` from now, as the three GOV.UK date-input fields take it. */
export function futureDate(days: number) {
  const date = new Date(Date.now() + days * 86_400_000)
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) }
}

/** When each page last submitted through a function, and which document it was: the double-click guard lives as long as the document. */
const lastSubmit = new WeakMap<Page, { at: number; document: number }>()
const documentsLoaded = new WeakMap<Page, number>()

function documentNumber(page: Page): number {
  if (!documentsLoaded.has(page)) {
    documentsLoaded.set(page, 0)
    page.on('load', () => documentsLoaded.set(page, (documentsLoaded.get(page) ?? 0) + 1))
  }
  return documentsLoaded.get(page)!
}

/**
 * Resolves once the page shows what a submission brought back. Remix's client posts to a `.data` address: then once
 * its router is idle again (the action answered, the loaders revalidated) and React has painted. A form posted by
 * the browser itself (scripts off, or a form that reloads the document): once the new document has loaded.
 */
async function settled(page: Page, post: { url: string; documentBefore: number }) {
  if (new URL(post.url).pathname.endsWith('.data')) return routerSettled(page)
  await expect.poll(() => documentNumber(page), { timeout: 15_000, interval: 50 }).toBeGreaterThan(post.documentBefore)
  await page.waitForLoadState('load')
}

/**
 * With JavaScript, resolves once Remix's router is idle (no navigation, revalidation or fetcher under way) and React
 * has painted its last state, which it commits in a transition after the address has already changed.
 */
async function routerSettled(page: Page) {
  if (scriptless.has(page.context())) return
  await page.waitForFunction(() => {
    type RouterState = { navigation: { state: string }; revalidation: string; fetchers: Map<string, { state: string }> }
    const router = (window as unknown as { __remixRouter?: { state: RouterState } }).__remixRouter
    // A page of this app waits until it has hydrated; any other page (the identity provider's, say) is done.
    if (!router) return !('__remixContext' in window)
    const { navigation, revalidation, fetchers } = router.state
    return navigation.state === 'idle' && revalidation === 'idle' && [...fetchers.values()].every((f) => f.state === 'idle')
  })
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

/**
 * Submits a form as a person would and waits for the answer to settle. GOV.UK's double-click guard ignores a second
 * click on the same button within a second, so pressing a button pressed less than that ago waits first; another
 * button, or the same one on a new document, has no guard yet (and without JavaScript there is none). `press` is a
 * button's name (matched exactly, unless a RegExp) or a function that presses whatever submits; as it is not known
 * which button that presses, a second one on the same document waits.
 */
export async function submit(page: Page, press: string | RegExp | (() => Promise<unknown>)) {
  const button = typeof press === 'function' ? null : page.getByRole('button', { name: press, exact: typeof press === 'string' })
  if (button && !scriptless.has(page.context())) {
    const since = await button.evaluate((element) => {
      const at = (element as { pressedByTestAt?: number }).pressedByTestAt
      ;(element as { pressedByTestAt?: number }).pressedByTestAt = Date.now()
      return at === undefined ? Infinity : Date.now() - at
    })
    if (since < 1100) {
      await page.waitForTimeout(1100 - since)
      await button.evaluate((element) => ((element as { pressedByTestAt?: number }).pressedByTestAt = Date.now()))
    }
  } else if (!button) {
    const previous = lastSubmit.get(page)
    if (previous && previous.document === documentNumber(page)) {
      const since = Date.now() - previous.at
      if (since < 1100) await page.waitForTimeout(1100 - since)
    }
  }
  const documentBefore = documentNumber(page)
  const posted = page.waitForResponse((r) => r.request().method() === 'POST')
  const pressed = typeof press === 'function' ? press() : button!.click()
  const [response] = await Promise.all([posted, pressed])
  lastSubmit.set(page, { at: Date.now(), document: documentBefore })
  await settled(page, { url: response.url(), documentBefore })
}
