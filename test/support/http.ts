// A minimal HTTP client for tests that talk to a running server without a browser: keeps one session cookie
// and sends the Origin header the server's CSRF check expects.
export class HttpClient {
  /** The session cookie. */
  cookie: string | null = null
  /** A sign-in part-way through (a code, a new password or setting up two-factor still owed). */
  signInCookie: string | null = null
  constructor(public baseUrl: string) {}

  private cookies(): Record<string, string> {
    const header = [this.cookie, this.signInCookie].filter(Boolean).join('; ')
    return header ? { Cookie: header } : {}
  }

  async get(path: string): Promise<Response> {
    return fetch(this.baseUrl + path, { headers: this.cookies(), redirect: 'manual' })
  }

  async post(path: string, form: Record<string, string | string[]>, options: { origin?: string } = {}): Promise<Response> {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(form)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: options.origin ?? this.baseUrl,
        ...this.cookies(),
      },
      body,
      redirect: 'manual',
    })
    for (const setCookie of response.headers.getSetCookie()) {
      const value = setCookie.split(';')[0]!
      if (value.startsWith('otm_session=')) this.cookie = value === 'otm_session=' ? null : value
      if (value.startsWith('otm_sign_in=')) this.signInCookie = value === 'otm_sign_in=' ? null : value
    }
    return response
  }

  /** Signs in with a password: where the sign-in went next (the home page, or a step still owed such as a new password). */
  async signIn(email: string, password: string): Promise<string> {
    const response = await this.post('/login', { email, password })
    if (response.status !== 303) throw new Error(`Sign-in as ${email} failed with ${response.status}`)
    return response.headers.get('location') ?? '/'
  }
}

/** The value of a hidden input in a page's HTML. */
export function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="${name}"`).exec(html)
  if (!match) throw new Error(`No hidden field ${name} on the page`)
  return match[1] ?? match[2]!
}
