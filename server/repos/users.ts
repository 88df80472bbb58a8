/**
 * Accounts. Emails are stored lower-cased; password hashes never leave this module's callers.
 * A removed account keeps its row (and name) for what it wrote, but no email, password or
 * session: the finders below never return it (docs/sessions.md).
 */
import type { SqlDriver } from '../store/driver'
import { newId } from '../utils/newId'
import { hashPassword } from '../auth/password'
import type { PublicUser } from '#shared/types/user'
import { readableColor } from '#shared/readableColor'

interface UserRow {
  id: string
  email: string
  name: string
  password_hash: string
  is_admin: number | boolean
  color: string
  created_at: number
  removed_at?: number | null
  locale?: string | null
}

const LIVE = 'removed_at IS NULL'

// Calm, distinguishable caret colours with enough contrast for white labels.
/** People's colours: each carries white text at 4.5:1 or better (caret labels, avatars). */
const COLORS = ['#1d4ed8', '#be185d', '#047857', '#b45309', '#6d28d9', '#b91c1c', '#0e7490', '#4d7c0f', '#a21caf', '#c2410c']

const toPublic = (r: UserRow): PublicUser => ({ id: r.id, email: r.email, name: r.name, isAdmin: Boolean(r.is_admin), color: readableColor(r.color), locale: r.locale ?? null })

/** How many accounts exist (0 means the workspace needs its setup). */
export async function countUsers(db: SqlDriver): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM users')
  return Number(row?.n ?? 0)
}

/** Create an account; throws on a duplicate email (unique constraint). */
export async function createUser(db: SqlDriver, input: { name: string, email: string, password: string, isAdmin?: boolean }): Promise<PublicUser> {
  const count = await countUsers(db)
  const row: UserRow = {
    id: newId(),
    email: input.email.toLowerCase(),
    name: input.name,
    password_hash: await hashPassword(input.password),
    is_admin: input.isAdmin ? 1 : 0,
    color: COLORS[count % COLORS.length]!,
    created_at: Date.now(),
  }
  await db.run(
    'INSERT INTO users (id, email, name, password_hash, is_admin, color, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [row.id, row.email, row.name, row.password_hash, row.is_admin, row.color, row.created_at],
  )
  return toPublic(row)
}

/** An account with its password hash, for signing in. */
export async function findUserForLogin(db: SqlDriver, email: string): Promise<(PublicUser & { passwordHash: string }) | undefined> {
  const row = await db.get<UserRow>(`SELECT * FROM users WHERE email = ? AND ${LIVE}`, [email.toLowerCase()])
  return row && { ...toPublic(row), passwordHash: row.password_hash }
}

/** An account by id. */
export async function findUser(db: SqlDriver, id: string): Promise<PublicUser | undefined> {
  const row = await db.get<UserRow>(`SELECT * FROM users WHERE id = ? AND ${LIVE}`, [id])
  return row && toPublic(row)
}

/** An account by email. */
export async function findUserByEmail(db: SqlDriver, email: string): Promise<PublicUser | undefined> {
  const row = await db.get<UserRow>(`SELECT * FROM users WHERE email = ? AND ${LIVE}`, [email.toLowerCase()])
  return row && toPublic(row)
}

/** Every account (administration page). */
export async function listUsers(db: SqlDriver): Promise<PublicUser[]> {
  return (await db.all<UserRow>(`SELECT * FROM users WHERE ${LIVE} ORDER BY name`)).map(toPublic)
}

/** Store a new password hash (hashed by the caller, outside any transaction: it takes ~100 ms). */
export async function setPasswordHash(db: SqlDriver, id: string, passwordHash: string): Promise<void> {
  await db.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, id])
}

/** Remember the account's interface language. */
export async function setUserLocale(db: SqlDriver, id: string, locale: string): Promise<void> {
  await db.run(`UPDATE users SET locale = ? WHERE id = ? AND ${LIVE}`, [locale, id])
}

/**
 * Mark an account removed: its email is freed (replaced by an address that cannot be typed) and
 * its password can never match; its name stays on what it wrote. Returns whether it was live.
 */
export async function markUserRemoved(db: SqlDriver, id: string): Promise<boolean> {
  const { changes } = await db.run(`UPDATE users SET removed_at = ?, email = ?, password_hash = '' WHERE id = ? AND ${LIVE}`, [Date.now(), `removed:${id}`, id])
  return changes > 0
}
