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
  send(data: Uint8Array): void
  close(code: number, reason: string): void
}
