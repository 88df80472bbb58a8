/** Server-side session records: the sealed cookie carries only the id, so sign-out revokes it. */
import type { SqlDriver } from '../store/driver'
import { newId } from '../utils/newId'
import { SESSION_MAX_AGE_S } from '../auth/sessionConfig'
import type { PublicUser } from '#shared/types/user'
import { findUser } from './users'

/** A live session: whose it is and when it expires (ms since the epoch). */
export interface LiveSession {
  id: string
  user: PublicUser
  expiresAt: number
}

/** Start a session for a user; returns its id. */
export async function createSession(db: SqlDriver, userId: string): Promise<string> {
  const id = newId() + newId()
  const now = Date.now()
  await db.run('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [id, userId, now, now + SESSION_MAX_AGE_S * 1000])
  return id
}

/** A live session by id, or undefined when it is unknown, expired, or its account is gone. */
export async function liveSession(db: SqlDriver, sessionId: string): Promise<LiveSession | undefined> {
  const row = await db.get<{ user_id: string, expires_at: number }>('SELECT user_id, expires_at FROM sessions WHERE id = ?', [sessionId])
  const expiresAt = Number(row?.expires_at ?? 0)
  if (!row || expiresAt <= Date.now()) return undefined
  const user = await findUser(db, row.user_id)
  return user && { id: sessionId, user, expiresAt }
}

/** The user of a live session, or undefined when it is unknown or expired. */
export async function sessionUser(db: SqlDriver, sessionId: string): Promise<PublicUser | undefined> {
  return (await liveSession(db, sessionId))?.user
}

/** End a session. */
export async function deleteSession(db: SqlDriver, sessionId: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE id = ?', [sessionId])
}

/** End every session of a user, or every one but `exceptId` (the one changing the password). */
export async function deleteUserSessions(db: SqlDriver, userId: string, exceptId?: string): Promise<number> {
  const { changes } = exceptId
    ? await db.run('DELETE FROM sessions WHERE user_id = ? AND id <> ?', [userId, exceptId])
    : await db.run('DELETE FROM sessions WHERE user_id = ?', [userId])
  return changes
}
