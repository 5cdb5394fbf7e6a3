// Responses thrown by guards and loaders. Plain Response objects keep these helpers free of framework imports.

export function redirectTo(location: string, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers)
  headers.set('Location', location)
  return new Response(null, { status: init.status ?? 303, headers })
}

export function httpError(status: number, message: string): Response {
  // The message travels in the body: statusText must be Latin-1, and our wording uses curly quotes.
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

export const badRequest = (message = 'Bad request') => httpError(400, message)
export const forbidden = (message = 'You do not have permission to do that') => httpError(403, message)
export const notFound = (message = 'Page not found') => httpError(404, message)

// Any origin will do: a target is resolved against it, and kept only if it stays there.
const HERE = 'http://here.invalid'
// Control characters and whitespace (browsers strip a tab or a newline from a URL, so "/\t/evil.example" becomes
// "//evil.example"), and backslashes (which browsers read as slashes).
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\\\s]/

/**
 * Only a path on this site: the target is resolved against the origin and must stay on it, so "//evil.example",
 * "https://…", "/\t/evil.example" and "/.//evil.example" all fall back to the default. What comes back is
 * percent-encoded, so it is always a valid Location header.
 */
export function safeRedirectPath(target: string | null | undefined, fallback = '/'): string {
  if (!target || target.length > 2000 || !target.startsWith('/') || UNSAFE.test(target)) return fallback
  let resolved: URL
  try {
    resolved = new URL(target, HERE)
  } catch {
    return fallback
  }
  // A path that still starts with two slashes would be read as another host when sent back in a Location header.
  if (resolved.origin !== HERE || resolved.pathname.startsWith('//')) return fallback
  return `${resolved.pathname}${resolved.search}${resolved.hash}`
}
