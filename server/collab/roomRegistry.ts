/**
 * Which rooms this instance holds and which connections, per report: only the maps and what acts
 * on all of a report's connections at once. Loading, unloading and their policy are in
 * roomLifecycle.ts. A report has at most one entry; while its room loads the entry is the pending
 * load, so concurrent first users share it.
 */
import type { Role } from '#shared/permissions'
import { CLOSE } from './conn'
import type { Conn } from './conn'
import type { LiveRoom } from './liveRoom'

const rooms = new Map<string, Promise<LiveRoom>>()
/** The settled entries of `rooms`, to tell a room being dropped from its successor. */
const settled = new Map<string, LiveRoom>()
const conns = new Map<string, Set<Conn>>()

export const roomRegistry = {
  /** The report's room, loaded or loading, if there is one. */
  get(reportId: string): Promise<LiveRoom> | undefined {
    return rooms.get(reportId)
  },

  /** Record a load in progress; it is forgotten again if it fails. */
  loading(reportId: string, load: Promise<LiveRoom>): void {
    rooms.set(reportId, load)
    load.catch(() => {
      if (rooms.get(reportId) === load) rooms.delete(reportId)
    })
  },

  loaded(live: LiveRoom): void {
    settled.set(live.room.reportId, live)
  },

  /** Forget `live` if it is still the report's room (new users then load afresh). */
  forget(live: LiveRoom): void {
    const reportId = live.room.reportId
    if (settled.get(reportId) !== live) return
    settled.delete(reportId)
    rooms.delete(reportId)
  },

  isCurrent(live: LiveRoom): boolean {
    return settled.get(live.room.reportId) === live
  },

  addConnection(conn: Conn): void {
    let set = conns.get(conn.reportId)
    if (!set) conns.set(conn.reportId, (set = new Set()))
    set.add(conn)
  },

  removeConnection(conn: Conn): void {
    const set = conns.get(conn.reportId)
    set?.delete(conn)
    if (set && !set.size) conns.delete(conn.reportId)
  },

  /** Close a removed member's connections to a report on this instance (4403). */
  closeUser(reportId: string, userId: string): void {
    for (const conn of conns.get(reportId) ?? []) if (conn.user.id === userId) conn.close(CLOSE.forbidden, 'membership-removed')
  },

  /** Judge a member's next messages on this instance with their new role; a new viewer's presence goes. */
  setUserRole(reportId: string, userId: string, role: Role): void {
    for (const conn of conns.get(reportId) ?? []) {
      if (conn.user.id !== userId) continue
      conn.role = role
      if (role === 'viewer' && conn.awarenessId !== null) void rooms.get(reportId)?.then(live => live.room.leavePresence(conn), () => {})
    }
  },

  /** Loaded rooms and open connections (for the stats route and benchmarks). */
  stats(): { rooms: number, connections: number } {
    let connections = 0
    for (const set of conns.values()) connections += set.size
    return { rooms: rooms.size, connections }
  },
}
