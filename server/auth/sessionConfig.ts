/**
 * The sealed session cookie's settings. The secret comes from `NUXT_SESSION_PASSWORD`, or is
 * generated once and kept in `DATA_DIR/session-secret` so sessions survive a restart.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dataDir } from '../store'

export const SESSION_COOKIE = 'chorus_session'
/**
 * Sessions last 14 days from sign-in; `SESSION_MAX_AGE_S` overrides it (the expiry tests use a
 * few seconds). When a session expires its open websockets close too (docs/sessions.md).
 */
export const SESSION_MAX_AGE_S = maxAgeFromEnv(process.env.SESSION_MAX_AGE_S) ?? 14 * 24 * 3600

function maxAgeFromEnv(raw: string | undefined): number | null {
  const value = Number(raw)
  return raw && Number.isInteger(value) && value > 0 ? value : null
}

let secret: string | null = null

/** The sealing password (at least 32 characters). */
export function sessionSecret(): string {
  if (secret) return secret
  const fromEnv = process.env.NUXT_SESSION_PASSWORD
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('NUXT_SESSION_PASSWORD must be at least 32 characters')
    secret = fromEnv
    return secret
  }
  const file = join(dataDir(), 'session-secret')
  if (existsSync(file)) {
    secret = readFileSync(file, 'utf8').trim()
  } else {
    mkdirSync(dataDir(), { recursive: true })
    secret = randomBytes(48).toString('base64url')
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
  }
  return secret
}

/** Behind https (PUBLIC_ORIGIN starts with https) the cookie is Secure. */
export function cookieIsSecure(): boolean {
  return (process.env.PUBLIC_ORIGIN ?? '').startsWith('https://')
}

/** The h3 session config. */
export function sessionConfig() {
  return {
    name: SESSION_COOKIE,
    password: sessionSecret(),
    maxAge: SESSION_MAX_AGE_S,
    sessionHeader: false as const,
    cookie: { httpOnly: true, sameSite: 'lax' as const, secure: cookieIsSecure(), path: '/' },
  }
}
