/**
 * One client connection as the hub sees it: who is on the other end, with which role in which
 * report, and how to send to it or close it. The websocket route adapts crossws peers to this.
 */
import type { Role } from '#shared/permissions'
import type { PublicUser } from '#shared/types/user'

/** Close codes: defined once for browser and server in shared/collabContract.ts. */
export { CLOSE } from '#shared/collabContract'

export interface Conn {
  readonly id: string
  readonly reportId: string
  readonly user: PublicUser
  /** The sign-in session the socket was opened under: ending it closes the socket (sessionSockets.ts). */
  readonly sessionId: string
  /** Changes when the member's role changes (updateUserRole). */
  role: Role
  /** The awareness clientID this connection speaks for (the first one it announced). */
  awarenessId: number | null
  /** When the hub last asked this client for a resync after an update with missing dependencies. */
  lastResyncAt: number
  readonly closed: boolean
  /**
   * Send one message. `framed`, when given, is the same message already framed for the wire
   * (rawSocket.ts `binaryFrame`): a broadcast frames once for all its recipients.
   */
  send(data: Uint8Array, framed?: Uint8Array): void
  close(code: number, reason: string): void
}
