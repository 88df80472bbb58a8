/**
 * Fixed-window attempt counters in memory (per instance; behind several instances each counts
 * alone, which still bounds guessing to instances × limit). Keys are `ip:<addr>` or `account:<email>`.
 */
export interface RateLimiter {
  /** Seconds to wait when `key` is over its limit, else 0. */
  retryAfter(key: string): number
  /** Count one attempt against `key`. */
  hit(key: string): void
  /** Forget `key` (after a successful sign-in). */
  reset(key: string): void
}

/** A limiter allowing `limit` attempts per `windowMs`. */
export function rateLimiter(limit: number, windowMs: number): RateLimiter {
  const windows = new Map<string, { start: number, count: number }>()
  const current = (key: string) => {
    const now = Date.now()
    const w = windows.get(key)
    if (!w || now - w.start >= windowMs) return null
    return w
  }
  return {
    retryAfter(key) {
      const w = current(key)
      if (!w || w.count < limit) return 0
      return Math.max(1, Math.ceil((w.start + windowMs - Date.now()) / 1000))
    },
    hit(key) {
      const w = current(key)
      if (w) w.count++
      else windows.set(key, { start: Date.now(), count: 1 })
      if (windows.size > 50_000) windows.clear() // bounded memory under a flood of distinct keys
    },
    reset(key) {
      windows.delete(key)
    },
  }
}

/** Sign-in attempts: 10 failures per account and 30 attempts per IP address in 15 minutes. */
export const loginLimits = {
  account: rateLimiter(Number(process.env.LOGIN_LIMIT_ACCOUNT ?? 10), 15 * 60_000),
  ip: rateLimiter(Number(process.env.LOGIN_LIMIT_IP ?? 30), 15 * 60_000),
}
