/**
 * Who sent a request, from its Cookie header alone. Used by HTTP routes (through
 * `requireUser`) and by the websocket upgrade, which has no h3 event and keeps the session's id
 * and expiry so the socket closes when the session ends.
 */
import { parse as parseCookies } from 'cookie-es'
import { unsealSession } from 'h3'
import type { H3Event } from 'h3'
import type { PublicUser } from '#shared/types/user'
import { useStore } from '../store'
import { liveSession } from '../repos/sessions'
import type { LiveSession } from '../repos/sessions'
import { SESSION_COOKIE, sessionConfig } from './sessionConfig'

/** The session id sealed in a Cookie header, if valid. */
export async function sessionIdFromCookie(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null
  const sealed = parseCookies(cookieHeader)[SESSION_COOKIE]
  if (!sealed) return null
  try {
    const session = await unsealSession({} as H3Event, sessionConfig(), sealed)
    const sid = (session.data as { sid?: unknown } | undefined)?.sid
    return typeof sid === 'string' ? sid : null
  } catch {
    return null
  }
}

/** The live session of a Cookie header (id, user, expiry), or null. */
export async function sessionFromCookie(cookieHeader: string | null | undefined): Promise<LiveSession | null> {
  const sid = await sessionIdFromCookie(cookieHeader)
  if (!sid) return null
  const { db } = await useStore()
  return (await liveSession(db, sid)) ?? null
}

/** The signed-in user of a Cookie header, or null. */
export async function userFromCookie(cookieHeader: string | null | undefined): Promise<PublicUser | null> {
  return (await sessionFromCookie(cookieHeader))?.user ?? null
}
