/** Server-side session records: the sealed cookie carries only the id, so sign-out revokes it. */
import type { SqlDriver } from '../store/driver'
import { newId } from '../utils/newId'
import { SESSION_MAX_AGE_S } from '../auth/sessionConfig'
import type { PublicUser } from '#shared/types/user'
import { findUser } from './users'

/** Start a session for a user; returns its id. */
export async function createSession(db: SqlDriver, userId: string): Promise<string> {
  const id = newId() + newId()
  const now = Date.now()
  await db.run('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [id, userId, now, now + SESSION_MAX_AGE_S * 1000])
  return id
}

/** The user of a live session, or undefined when it is unknown or expired. */
export async function sessionUser(db: SqlDriver, sessionId: string): Promise<PublicUser | undefined> {
  const row = await db.get<{ user_id: string, expires_at: number }>('SELECT user_id, expires_at FROM sessions WHERE id = ?', [sessionId])
  if (!row || Number(row.expires_at) < Date.now()) return undefined
  return findUser(db, row.user_id)
}

/** End a session. */
export async function deleteSession(db: SqlDriver, sessionId: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE id = ?', [sessionId])
}
