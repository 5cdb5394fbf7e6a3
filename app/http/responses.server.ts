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

/** Only same-site paths: "//evil.example" and "https://…" fall back to the default. */
export function safeRedirectPath(target: string | null | undefined, fallback = '/'): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback
  return target
}
