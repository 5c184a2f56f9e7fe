/** A minimal HTTP client that keeps its session cookie, like a browser would. */
export class Client {
  private cookie = ''

  constructor(readonly baseUrl: string) {}

  /** `timeoutMs` aborts the request (fetch then throws a TimeoutError) instead of waiting for ever. */
  async request(method: string, path: string, options: { json?: unknown, body?: string | Uint8Array | FormData, headers?: Record<string, string>, timeoutMs?: number } = {}) {
    const headers: Record<string, string> = { ...options.headers }
    if (this.cookie) headers.cookie = this.cookie
    let body: BodyInit | undefined = options.body as BodyInit | undefined
    if (options.json !== undefined) {
      body = JSON.stringify(options.json)
      headers['content-type'] ??= 'application/json'
    }
    const signal = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: 'manual', signal })
    const setCookie = response.headers.getSetCookie().find(value => value.startsWith('plaza-session='))
    if (setCookie) this.cookie = setCookie.split(';')[0]!
    const text = await response.text()
    let data: any = text
    try {
      data = text ? JSON.parse(text) : null
    }
    catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, data, text }
  }

  get = (path: string) => this.request('GET', path)
  post = (path: string, json?: unknown) => this.request('POST', path, { json })
  put = (path: string, json?: unknown) => this.request('PUT', path, { json })
  patch = (path: string, json?: unknown) => this.request('PATCH', path, { json })
  delete = (path: string) => this.request('DELETE', path)

  /** The session cookie as a Cookie header value. */
  get cookieHeader(): string {
    return this.cookie
  }

  /** Uses a raw cookie header value, e.g. a forged or copied session. */
  useCookie(cookie: string) {
    this.cookie = cookie
  }
}
