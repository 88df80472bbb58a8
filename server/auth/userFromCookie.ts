/**
 * Who sent a request, from its Cookie header alone. Used by HTTP routes (through
 * `requireUser`) and by the websocket upgrade, which has no h3 event.
 */
import { parse as parseCookies } from 'cookie-es'
import { unsealSession } from 'h3'
import type { H3Event } from 'h3'
import type { PublicUser } from '#shared/types/user'
import { useStore } from '../store'
import { sessionUser } from '../repos/sessions'
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

/** The signed-in user of a Cookie header, or null. */
export async function userFromCookie(cookieHeader: string | null | undefined): Promise<PublicUser | null> {
  const sid = await sessionIdFromCookie(cookieHeader)
  if (!sid) return null
  const { db } = await useStore()
  return (await sessionUser(db, sid)) ?? null
}
