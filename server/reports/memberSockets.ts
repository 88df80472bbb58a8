/**
 * Membership changes reach open websockets: a removed member's sockets close, a changed role
 * applies to the next message. Wired to the collaboration hub.
 */
import type { Role } from '#shared/permissions'

type Hooks = { disconnect: (reportId: string, userId: string) => void | Promise<void>, role: (reportId: string, userId: string, role: Role) => void | Promise<void> }
let hooks: Hooks | null = null

/** The hub registers itself here at start-up (avoids an import cycle between routes and the hub). */
export function registerMemberSocketHooks(h: Hooks): void {
  hooks = h
}

/** Close a removed member's sockets in a report. */
export async function closeMemberSockets(reportId: string, userId: string): Promise<void> {
  await hooks?.disconnect(reportId, userId)
}

/** Apply a changed role to a member's open sockets. */
export async function applyMemberRole(reportId: string, userId: string, role: Role): Promise<void> {
  await hooks?.role(reportId, userId, role)
}
