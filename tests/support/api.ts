/**
 * A small HTTP client for tests and benchmarks: real requests to a running server, with one
 * cookie jar per signed-in account.
 */
export class ApiError extends Error {
  constructor(public status: number, public body: unknown, method: string, path: string) {
    super(`${method} ${path} → ${status}: ${JSON.stringify(body)}`)
  }
}

export interface Account {
  id: string
  name: string
  email: string
  password: string
  cookie: string
}

/** Requests as one account (or anonymously when `cookie` is empty). */
export class Api {
  constructor(public baseUrl: string, public cookie = '') {}

  /** A request; resolves with the parsed body, rejects with ApiError on a non-2xx status. */
  // Tests read arbitrary JSON shapes; `any` keeps them short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await this.raw(method, path, body, headers)
    const text = await res.text()
    const parsed = text ? safeJson(text) : null
    if (!res.ok) throw new ApiError(res.status, parsed, method, path)
    return parsed as T
  }

  /** The raw Response (status checks in tests). */
  async raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    // FormData and raw bytes (an image upload) are sent as they are; anything else as JSON.
    const raw = body instanceof FormData || body instanceof Uint8Array
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? body as BodyInit : JSON.stringify(body),
      redirect: 'manual',
    })
    const setCookie = res.headers.getSetCookie?.() ?? []
    for (const c of setCookie) {
      const pair = c.split(';')[0]!
      if (pair.startsWith('chorus_session=')) this.cookie = pair.endsWith('=') ? '' : pair
    }
    return res
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

let counter = 0
/** A unique email for a test account. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${Date.now().toString(36)}-${++counter}@example.org`
}

/** Set up the workspace (first account = admin) and return the admin's Api. */
export async function setupAdmin(baseUrl: string, name = 'Ada Admin'): Promise<{ api: Api, account: Account }> {
  const api = new Api(baseUrl)
  const email = uniqueEmail('admin')
  const password = 'admin-password-123'
  const { user } = await api.call('POST', '/api/setup', { name, email, password })
  return { api, account: { id: user.id, name, email, password, cookie: api.cookie } }
}

/** The admin creates an account, which then signs in. */
export async function createAccount(admin: Api, name: string): Promise<{ api: Api, account: Account }> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'))
  const password = 'member-password-123'
  const { user } = await admin.call('POST', '/api/users', { name, email, password })
  const api = new Api(admin.baseUrl)
  await api.call('POST', '/api/auth/login', { email, password })
  return { api, account: { id: user.id, name, email, password, cookie: api.cookie } }
}
