/**
 * Session helpers for routes: the sealed cookie holds a session id; the user is looked up on
 * every request, so a sign-out or a deleted account takes effect at once, and ending a session
 * closes its open websockets too (server/collab/sessionSockets.ts).
 */
import { clearSession, getHeader, updateSession } from 'h3'
import type { H3Event } from 'h3'
import type { PublicUser } from '#shared/types/user'
import { sessionConfig } from '../auth/sessionConfig'
import { sessionIdFromCookie, userFromCookie } from '../auth/userFromCookie'
import { createSession, deleteSession } from '../repos/sessions'
import { CLOSE_REASON } from '#shared/collabContract'
import { endSessions } from '../collab/sessionSockets'
import { useStore } from '../store'
import { unauthorized } from './errors'

/** The signed-in user, or null. Cached on the event. */
export async function currentUser(event: H3Event): Promise<PublicUser | null> {
  if (event.context.user === undefined) event.context.user = await userFromCookie(getHeader(event, 'cookie'))
  return event.context.user as PublicUser | null
}

/** The signed-in user; 401 otherwise. */
export async function requireUser(event: H3Event): Promise<PublicUser> {
  const user = await currentUser(event)
  if (!user) throw unauthorized()
  return user
}

/** The id of the session this request was sent under, or null. */
export function currentSessionId(event: H3Event): Promise<string | null> {
  return sessionIdFromCookie(getHeader(event, 'cookie'))
}

/** Sign `userId` in on this response. */
export async function startSession(event: H3Event, userId: string): Promise<void> {
  const { db } = await useStore()
  const sid = await createSession(db, userId)
  await updateSession(event, sessionConfig(), { sid })
}

/** Sign out: revoke the server-side session, close its websockets and clear the cookie. */
export async function endSession(event: H3Event): Promise<void> {
  const sid = await currentSessionId(event)
  if (sid) {
    const { db } = await useStore()
    await deleteSession(db, sid)
    await endSessions({ sessionIds: [sid], reason: CLOSE_REASON.signedOut })
  }
  await clearSession(event, sessionConfig())
}
