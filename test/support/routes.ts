// Calls a route's loader or action the way Remix does, and reports what the user would get.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { createSession } from '../../app/utils/session.server'
import { db } from '../../app/utils/db.server'

export const ORIGIN = 'http://localhost:3000'

export interface RouteResult {
  status: number
  data: any
  headers: Headers
  location: string | null
}

type Loader = (args: LoaderFunctionArgs) => unknown
type Action = (args: ActionFunctionArgs) => unknown

export interface CallOptions {
  params?: Record<string, string>
  cookie?: string | null
  form?: Record<string, string | string[]> | URLSearchParams
  body?: BodyInit
  headers?: Record<string, string>
  clientAddress?: string
}

export async function sessionCookieFor(userId: string): Promise<string> {
  const setCookie = await createSession(db, userId, { ip: '127.0.0.1', userAgent: 'vitest' })
  return setCookie.split(';')[0]!
}

function toBody(form: CallOptions['form']): URLSearchParams | undefined {
  if (!form) return undefined
  if (form instanceof URLSearchParams) return form
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
  }
  return body
}

export function buildRequest(path: string, method: 'GET' | 'POST', options: CallOptions = {}): Request {
  const headers = new Headers(options.headers)
  if (options.cookie) headers.set('Cookie', options.cookie)
  let body: BodyInit | undefined = options.body
  if (method === 'POST' && !body) {
    const form = toBody(options.form) ?? new URLSearchParams()
    body = form.toString()
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/x-www-form-urlencoded')
  }
  if (method === 'POST' && typeof body === 'string' && !headers.has('Content-Length')) {
    headers.set('Content-Length', String(Buffer.byteLength(body)))
  }
  return new Request(new URL(path, ORIGIN), { method, headers, body })
}

async function settle(run: () => unknown): Promise<RouteResult> {
  let outcome: unknown
  try {
    outcome = await run()
  } catch (thrown) {
    outcome = thrown
    if (!(thrown instanceof Response)) throw thrown
  }
  if (outcome instanceof Response) {
    const type = outcome.headers.get('Content-Type') ?? ''
    const data = type.includes('json') ? await outcome.json() : await outcome.text()
    return { status: outcome.status, data, headers: outcome.headers, location: outcome.headers.get('Location') }
  }
  // data(value, init) from single fetch
  if (outcome && typeof outcome === 'object' && (outcome as { type?: string }).type === 'DataWithResponseInit') {
    const wrapped = outcome as { data: unknown; init: ResponseInit | null }
    return { status: wrapped.init?.status ?? 200, data: wrapped.data, headers: new Headers(wrapped.init?.headers), location: null }
  }
  return { status: 200, data: outcome, headers: new Headers(), location: null }
}

export function callLoader(loader: Loader, path: string, options: CallOptions = {}): Promise<RouteResult> {
  return settle(() =>
    loader({
      request: buildRequest(path, 'GET', options),
      params: options.params ?? {},
      context: { cspNonce: 'test', clientAddress: options.clientAddress ?? '127.0.0.1' },
    }),
  )
}

export function callAction(action: Action, path: string, options: CallOptions = {}): Promise<RouteResult> {
  return settle(() =>
    action({
      request: buildRequest(path, 'POST', options),
      params: options.params ?? {},
      context: { cspNonce: 'test', clientAddress: options.clientAddress ?? '127.0.0.1' },
    }),
  )
}
