/**
 * Ending a session ends its websockets. A socket is authenticated once, at the upgrade; without
 * this registry a socket opened before a sign-out kept writing under the ended session. Every
 * open socket is registered here by session id and by account (connection.ts), and every way a
 * session ends — sign-out, "sign out everywhere", a password change, the account's removal —
 * calls `endSessions`, which closes the matching sockets with 4401 here and, through Redis, on
 * every other instance. Expiry needs no message: each instance checks its own sockets' expiry
 * once a second. See docs/sessions.md.
 */
import { CLOSE_REASON } from '#shared/collabContract'
import { CLOSE } from './conn'
import { useFanout } from './fanout'
import type { SessionEndedMessage } from './fanout'
import { logCollab } from './log'

/** What the registry needs of an open socket. */
export interface SessionSocket {
  readonly sessionId: string
  readonly user: { readonly id: string }
  /** When the session expires (ms since the epoch). */
  readonly sessionExpiresAt: number
  /** When the upgrade found the session valid. */
  readonly authenticatedAt: number
  close(code: number, reason: string): void
}

/** Why sessions ended: the close reason their sockets get. */
export type SessionEndReason = (typeof CLOSE_REASON)['signedOut' | 'signedOutEverywhere' | 'passwordChanged' | 'accountRemoved']

/** Which sessions ended: these ids, or every session of an account (but `exceptSessionId`). */
export interface EndedSessions {
  sessionIds?: string[]
  userId?: string
  exceptSessionId?: string
  reason: SessionEndReason
}

/** How often expiry is checked: a socket closes at most this long after its session expired. */
const SWEEP_MS = 1000
/**
 * Endings are remembered this long, for a socket whose upgrade found its session valid just
 * before the session ended but that registers only after (the upgrade and `open` are apart).
 */
const RECENT_MS = 60_000

const bySession = new Map<string, Set<SessionSocket>>()
const byUser = new Map<string, Set<SessionSocket>>()
const recent: Array<{ ended: EndedSessions | SessionEndedMessage, at: number }> = []
let sweep: ReturnType<typeof setInterval> | null = null
let listening = false

const matches = (socket: SessionSocket, e: EndedSessions | SessionEndedMessage): boolean =>
  Boolean(e.sessionIds?.includes(socket.sessionId)) || (e.userId === socket.user.id && socket.sessionId !== e.exceptSessionId)

/** Start following an open socket; closes it at once if its session has already ended. */
export function trackSessionSocket(socket: SessionSocket): void {
  const now = Date.now()
  if (socket.sessionExpiresAt <= now) return socket.close(CLOSE.notSignedIn, CLOSE_REASON.sessionExpired)
  forgetOldEndings(now)
  const ended = recent.find(r => r.at >= socket.authenticatedAt && matches(socket, r.ended))
  if (ended) return socket.close(CLOSE.notSignedIn, ended.ended.reason)
  add(bySession, socket.sessionId, socket)
  add(byUser, socket.user.id, socket)
  sweep ??= setInterval(closeExpired, SWEEP_MS)
  sweep.unref?.()
}

/** Stop following a socket (it closed). */
export function untrackSessionSocket(socket: SessionSocket): void {
  remove(bySession, socket.sessionId, socket)
  remove(byUser, socket.user.id, socket)
  if (!bySession.size && sweep) {
    clearInterval(sweep)
    sweep = null
  }
}

/**
 * Sessions ended (their records are already deleted): close their sockets with 4401 and the
 * reason, on this instance now and on every other one through Redis (scaled mode).
 */
export async function endSessions(ended: EndedSessions): Promise<void> {
  closeEnded(ended)
  ;(await useFanout())?.publishSessionEnded({ kind: 'session-ended', ...ended })
}

/** Listen for sessions ended on other instances (scaled mode); a Nitro plugin calls it at start. */
export async function startSessionSockets(): Promise<void> {
  if (listening) return
  listening = true
  ;(await useFanout())?.onSessionEnded(closeEnded)
}

function closeEnded(ended: EndedSessions | SessionEndedMessage): void {
  const now = Date.now()
  forgetOldEndings(now)
  recent.push({ ended, at: now })
  const candidates = new Set<SessionSocket>(ended.userId ? byUser.get(ended.userId) : [])
  for (const id of ended.sessionIds ?? []) for (const s of bySession.get(id) ?? []) candidates.add(s)
  let closed = 0
  for (const socket of candidates) {
    if (!matches(socket, ended)) continue
    untrackSessionSocket(socket)
    socket.close(CLOSE.notSignedIn, ended.reason)
    closed++
  }
  if (closed) logCollab('info', 'closed the sockets of ended sessions', { reason: ended.reason, userId: ended.userId, sockets: closed })
}

function forgetOldEndings(now: number): void {
  while (recent.length && recent[0]!.at < now - RECENT_MS) recent.shift()
}

function closeExpired(): void {
  const now = Date.now()
  for (const set of [...bySession.values()]) {
    for (const socket of set) {
      if (socket.sessionExpiresAt > now) continue
      untrackSessionSocket(socket)
      socket.close(CLOSE.notSignedIn, CLOSE_REASON.sessionExpired)
    }
  }
}

function add(map: Map<string, Set<SessionSocket>>, key: string, socket: SessionSocket): void {
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  set.add(socket)
}

function remove(map: Map<string, Set<SessionSocket>>, key: string, socket: SessionSocket): void {
  const set = map.get(key)
  if (set?.delete(socket) && !set.size) map.delete(key)
}
