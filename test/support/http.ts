// A minimal HTTP client for tests that talk to a running server without a browser: keeps one session cookie
// and sends the Origin header the server's CSRF check expects.
export class HttpClient {
  cookie: string | null = null
  constructor(public baseUrl: string) {}

  async get(path: string): Promise<Response> {
    return fetch(this.baseUrl + path, { headers: this.cookie ? { Cookie: this.cookie } : {}, redirect: 'manual' })
  }

  async post(path: string, form: Record<string, string | string[]>, options: { origin?: string } = {}): Promise<Response> {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(form)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: options.origin ?? this.baseUrl,
        ...(this.cookie ? { Cookie: this.cookie } : {}),
      },
      body,
      redirect: 'manual',
    })
    const setCookie = response.headers.get('set-cookie')
    if (setCookie?.startsWith('otm_session=')) {
      const value = setCookie.split(';')[0]!
      this.cookie = value === 'otm_session=' ? null : value
    }
    return response
  }

  async signIn(email: string, password: string): Promise<void> {
    const response = await this.post('/login', { email, password })
    if (response.status !== 303) throw new Error(`Sign-in as ${email} failed with ${response.status}`)
  }
}

/** The value of a hidden input in a page's HTML. */
export function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="${name}"`).exec(html)
  if (!match) throw new Error(`No hidden field ${name} on the page`)
  return match[1] ?? match[2]!
}
