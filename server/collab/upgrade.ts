/**
 * Authentication of a websocket upgrade: the Origin must be ours (else HTTP 403, so a page on
 * another site cannot open a socket with the user's cookie), then session → membership → role.
 * An anonymous or non-member socket is accepted and closed at once with 4401 / 4403, because a
 * browser cannot read the status of a refused upgrade but does see a close code. The decision
 * keeps the session's id and expiry: the socket closes when that session ends (sessionSockets.ts).
 */
import type { Role } from '#shared/permissions'
import { parseCollabPath } from '#shared/collabContract'
import type { PublicUser } from '#shared/types/user'
import { sessionFromCookie } from '../auth/userFromCookie'
import { getRole } from '../repos/members'
import { useStore } from '../store'
import { collabConfig } from './config'
import { CLOSE } from './conn'
import { logCollab } from './log'

/** What the upgrade decided, kept in the peer's context for `open`. */
export type UpgradeDecision =
  | { ok: true, reportId: string, user: PublicUser, role: Role, session: { id: string, expiresAt: number, authenticatedAt: number } }
  | { ok: false, code: number, reason: string }

interface UpgradeRequest { url: string, headers: Headers }

/** True when the request's Origin is PUBLIC_ORIGIN, or (when unset) the host the request was sent to. */
export function originAllowed(headers: Headers): boolean {
  const origin = headers.get('origin')
  if (!origin) return false
  try {
    const url = new URL(origin)
    if (collabConfig.publicOrigin) return url.origin === new URL(collabConfig.publicOrigin).origin
    return url.host === headers.get('host')
  } catch {
    return false
  }
}

/** Decide on an upgrade: a Response refuses it; otherwise the decision is returned for `open`. */
export async function decideUpgrade(request: UpgradeRequest): Promise<Response | UpgradeDecision> {
  const reportId = parseCollabPath(new URL(request.url).pathname)
  if (!reportId) return new Response('Not found', { status: 404 })
  if (!originAllowed(request.headers)) {
    logCollab('warn', 'upgrade refused: origin', { reportId, origin: request.headers.get('origin') ?? '(none)' })
    return new Response('Forbidden origin', { status: 403 })
  }
  const authenticatedAt = Date.now()
  const session = await sessionFromCookie(request.headers.get('cookie'))
  if (!session) return { ok: false, code: CLOSE.notSignedIn, reason: 'not signed in' }
  const { user } = session
  const { db } = await useStore()
  const role = await getRole(db, reportId, user.id)
  if (!role) {
    logCollab('warn', 'denied', { reportId, userId: user.id, reason: 'not a member' })
    return { ok: false, code: CLOSE.forbidden, reason: 'not a member' }
  }
  return { ok: true, reportId, user, role, session: { id: session.id, expiresAt: session.expiresAt, authenticatedAt } }
}
