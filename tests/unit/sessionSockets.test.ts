/**
 * The registry of sockets by session (server/collab/sessionSockets.ts), for what the socket tests
 * cannot time precisely: a socket whose upgrade found its session valid just before the session
 * ended, but that registers just after, still closes; a socket of a session started after an
 * account-wide ending does not; expiry closes a socket within a second of its session's end.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { endSessions, trackSessionSocket, untrackSessionSocket } from '../../server/collab/sessionSockets'
import type { SessionSocket } from '../../server/collab/sessionSockets'

type FakeSocket = SessionSocket & { closes: Array<{ code: number, reason: string }> }
const tracked: FakeSocket[] = []

let n = 0
function socket(userId: string, options: { sessionId?: string, authenticatedAt?: number, expiresAt?: number } = {}): FakeSocket {
  const s: FakeSocket = {
    sessionId: options.sessionId ?? `session-${++n}`,
    user: { id: userId },
    sessionExpiresAt: options.expiresAt ?? Date.now() + 60_000,
    authenticatedAt: options.authenticatedAt ?? Date.now(),
    closes: [],
    close(code, reason) {
      this.closes.push({ code, reason })
    },
  }
  tracked.push(s)
  return s
}

afterEach(() => {
  for (const s of tracked.splice(0)) untrackSessionSocket(s)
})

describe('session sockets', () => {
  it('closes the open sockets of the ended session only, with 4401 and the reason', async () => {
    const ended = socket('u1')
    const sameUserOtherSession = socket('u1')
    const otherUser = socket('u2')
    for (const s of [ended, sameUserOtherSession, otherUser]) trackSessionSocket(s)
    await endSessions({ sessionIds: [ended.sessionId], reason: 'signed out' })
    expect(ended.closes).toEqual([{ code: 4401, reason: 'signed out' }])
    expect(sameUserOtherSession.closes).toEqual([])
    expect(otherUser.closes).toEqual([])
  })

  it('closes every session of an account but the one excepted (password change)', async () => {
    const kept = socket('u3')
    const others = [socket('u3'), socket('u3')]
    for (const s of [kept, ...others]) trackSessionSocket(s)
    await endSessions({ userId: 'u3', exceptSessionId: kept.sessionId, reason: 'password changed' })
    expect(kept.closes).toEqual([])
    for (const s of others) expect(s.closes).toEqual([{ code: 4401, reason: 'password changed' }])
  })

  it('closes a socket that registers after its session ended, when its upgrade checked the session before', async () => {
    const checkedBefore = Date.now() - 50
    await endSessions({ userId: 'u4', reason: 'account removed' })
    const late = socket('u4', { authenticatedAt: checkedBefore })
    trackSessionSocket(late)
    expect(late.closes).toEqual([{ code: 4401, reason: 'account removed' }])
  })

  it('leaves alone a socket of a session checked after an account-wide ending (a new sign-in)', async () => {
    await endSessions({ userId: 'u5', reason: 'signed out everywhere' })
    await new Promise(r => setTimeout(r, 5))
    const fresh = socket('u5', { authenticatedAt: Date.now() })
    trackSessionSocket(fresh)
    expect(fresh.closes).toEqual([])
  })

  it('closes a socket within a second of its session\'s expiry, and one already expired at once', async () => {
    const soon = socket('u6', { expiresAt: Date.now() + 300 })
    const expired = socket('u6', { expiresAt: Date.now() - 1 })
    trackSessionSocket(soon)
    trackSessionSocket(expired)
    expect(expired.closes).toEqual([{ code: 4401, reason: 'session expired' }])
    expect(soon.closes).toEqual([])
    await new Promise(r => setTimeout(r, 1400))
    expect(soon.closes).toEqual([{ code: 4401, reason: 'session expired' }])
  })
})
