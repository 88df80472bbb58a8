/**
 * The hub's functions for the rest of the server: connecting a client to its report's room,
 * membership changes reaching open sockets (on every instance), and the two ways to reach a
 * report's live document — a change run inside the room's queue, and a consistent copy for
 * reading — which server/reports/reportDocument.ts turns into the routes' one document API.
 * Importing this module starts nothing: server/plugins/collab.ts calls `startCollabHub()`.
 *
 * The parts: roomRegistry.ts (which rooms and connections), roomLifecycle.ts (load, unload,
 * drop), compaction.ts (when to fold the log), roomChanges.ts (change events), scaledRooms.ts
 * (Redis wiring), room.ts (one report's document, queue and commits).
 */
import type * as Y from 'yjs'
import { Doc, applyUpdate, encodeStateAsUpdate } from 'yjs'
import type { Role } from '#shared/permissions'
import { useStore } from '../store'
import type { Conn } from './conn'
import { useFanout } from './fanout'
import { loadDoc, withReportLock } from './persistence'
import { RoomGone } from './room'
import type { Room } from './room'
import { keepLoaded, unloadWhenIdle, useLiveRoom, withPinnedRoom } from './roomLifecycle'
import { roomRegistry } from './roomRegistry'
import { registerMemberSocketHooks } from '../reports/memberSockets'

export { onRoomChanged } from './roomChanges'

/** Loaded rooms and open connections of this instance (for the stats route and benchmarks). */
export const hubStats = (): { rooms: number, connections: number } => roomRegistry.stats()

/** Connect a client to its report's room (loading it if needed). */
export async function attach(conn: Conn): Promise<Room> {
  roomRegistry.addConnection(conn)
  const live = await useLiveRoom(conn.reportId)
  if (conn.closed) {
    detach(conn)
    return live.room
  }
  keepLoaded(live)
  live.room.join(conn)
  return live.room
}

/** A connection closed. */
export function detach(conn: Conn): void {
  roomRegistry.removeConnection(conn)
  void roomRegistry.get(conn.reportId)?.then((live) => {
    live.room.leave(conn)
    unloadWhenIdle(live)
  }, () => {})
}

/** Close a removed member's sockets in a report (4403), here and, in scaled mode, on every instance. */
export async function disconnectUser(reportId: string, userId: string): Promise<void> {
  roomRegistry.closeUser(reportId, userId)
  ;(await useFanout())?.publishControl({ kind: 'disconnect', reportId, userId })
}

/** Apply a member's new role to their open sockets (the next message is judged with it). */
export async function updateUserRole(reportId: string, userId: string, role: Role): Promise<void> {
  roomRegistry.setUserRole(reportId, userId, role)
  ;(await useFanout())?.publishControl({ kind: 'role', reportId, userId, role })
}

/**
 * Change a report's live document on the server (see `Room.change`): in the room's queue (loading
 * it if needed), `prepare` may wait and check, then `change` runs in one transaction; the change
 * is committed, broadcast and published like a client's. Resolves after the commit. Not guarded:
 * the caller checks permissions in `prepare` / `change`, against this same document.
 */
export function changeRoomDoc<C, T>(reportId: string, prepare: (doc: Y.Doc) => C | Promise<C>, change: (doc: Y.Doc, context: C) => T): Promise<T> {
  return withPinnedRoom(reportId, live => live.room.change(prepare, change))
}

/**
 * A copy of the report's document that the caller owns (and destroys): the live room's once its
 * pending commits are stored, or — when no room is loaded — the store's, through the same load
 * path as the rooms (a read does not load a room).
 */
export async function copyRoomDoc(reportId: string): Promise<Y.Doc> {
  const loading = roomRegistry.get(reportId)
  if (loading) {
    try {
      const state = await withPinnedRoom(reportId, live => live.room.read(doc => encodeStateAsUpdate(doc)))
      const copy = new Doc({ gc: true })
      applyUpdate(copy, state)
      return copy
    } catch (error) {
      // A room dropped meanwhile: the store (after its unload, by the report lock) is the answer.
      if (!(error instanceof RoomGone)) throw error
    }
  }
  const { docs } = await useStore()
  return (await withReportLock(reportId, () => loadDoc(docs, reportId))).doc
}

/**
 * Wire the hub to the members routes (server/reports/memberSockets.ts). Called by a Nitro plugin
 * at start-up, so that even an instance that has not opened a socket yet forwards member removals
 * and role changes to the other instances (scaled mode).
 */
export function startCollabHub(): void {
  registerMemberSocketHooks({ disconnect: disconnectUser, role: updateUserRole })
}
