/**
 * Loading and unloading rooms. A room is loaded once on first use (concurrent users share one
 * load) through the store's one load path (persistence.ts: snapshot + log, checked for gaps) under
 * the report's store lock. It stays while connections or server-side holders use it; `idleUnloadMs`
 * after the last one left, it unloads: pending commits finish, listeners hear a last change event,
 * the document and presence are released and a long log is compacted. A room whose store failed
 * (or whose server change failed half-way) is dropped at once, its clients told to reconnect.
 */
import { useStore } from '../store'
import { scheduleImageReclaim } from '../images/scheduleReclaim'
import { compact, logIsLong, noteCommitted } from './compaction'
import { collabConfig } from './config'
import { CLOSE } from './conn'
import type { LiveRoom } from './liveRoom'
import { logCollab } from './log'
import { loadDoc, withReportLock } from './persistence'
import { Room } from './room'
import type { RoomDeps } from './room'
import { announceChange, markChanged } from './roomChanges'
import { roomRegistry } from './roomRegistry'
import { HalfAppliedChange } from './serverTransaction'
import { publishCommitted, subscribeRoom, unsubscribeRoom } from './scaledRooms'

/** The report's room, loading it if needed. */
export function useLiveRoom(reportId: string): Promise<LiveRoom> {
  let load = roomRegistry.get(reportId)
  if (!load) {
    load = loadRoom(reportId)
    roomRegistry.loading(reportId, load)
    load.catch(error => logCollab('error', 'room failed to load', { reportId, message: String(error) }))
  }
  return load
}

/** Use the report's room without a connection (a server-side change or read): it stays loaded meanwhile. */
export async function withPinnedRoom<T>(reportId: string, use: (live: LiveRoom) => Promise<T>): Promise<T> {
  const live = await useLiveRoom(reportId)
  live.pins++
  keepLoaded(live)
  try {
    return await use(live)
  } finally {
    live.pins--
    unloadWhenIdle(live)
  }
}

/** Someone uses the room again: cancel a pending unload. */
export function keepLoaded(live: LiveRoom): void {
  if (live.unloadTimer) clearTimeout(live.unloadTimer)
  live.unloadTimer = null
}

/** Unload the room `idleUnloadMs` from now unless someone uses it meanwhile. */
export function unloadWhenIdle(live: LiveRoom): void {
  if (live.room.conns.size || live.pins || live.unloadTimer) return
  live.unloadTimer = setTimeout(() => {
    live.unloadTimer = null
    if (live.room.conns.size || live.pins) return
    void unload(live)
  }, collabConfig.idleUnloadMs)
}

async function loadRoom(reportId: string): Promise<LiveRoom> {
  const { docs } = await useStore()
  const subscription = await subscribeRoom(reportId)
  const loaded = await withReportLock(reportId, () => loadDoc(docs, reportId))
  let live: LiveRoom | null = null
  const deps: RoomDeps = {
    docs,
    committed: (_room, update, seq) => afterCommit(live!, update, seq),
    awarenessChanged: (_room, update) => subscription?.fanout.publish(reportId, { kind: 'awareness', update }),
    failed: (_room, error) => dropRoom(live!, error),
  }
  live = {
    room: new Room(reportId, loaded.doc, deps),
    fanout: subscription?.fanout ?? null,
    onFanout: subscription?.handler ?? null,
    tracker: null,
    pins: 0,
    unloadTimer: null,
    changed: false,
    changeTimer: null,
    log: { count: loaded.logCount, bytes: loaded.logBytes, snapshotBytes: loaded.snapshotBytes },
    compacting: false,
    compactTimer: null,
  }
  subscription?.start(live, loaded.seq)
  roomRegistry.loaded(live)
  return live
}

function afterCommit(live: LiveRoom, update: Uint8Array, seq: number): void {
  publishCommitted(live, update, seq)
  noteCommitted(live, update.byteLength)
  markChanged(live)
}

/** Drop a room: new users load afresh, after this room's last commit and compaction. */
function unload(live: LiveRoom): Promise<void> {
  const reportId = live.room.reportId
  roomRegistry.forget(live)
  unsubscribeRoom(live)
  if (live.compactTimer) clearTimeout(live.compactTimer)
  return withReportLock(reportId, async () => {
    await live.room.whenCommitted()
    if (!live.room.dead) announceChange(live)
    live.room.dispose()
    if (logIsLong(live) && !live.room.dead) await compact(live, true)
    // Everyone has left: a figure deleted in a short session is reclaimed too, not only after a long log's compaction.
    if (!live.room.dead) scheduleImageReclaim(reportId)
    logCollab('info', 'room unloaded', { reportId, logUpdates: live.log.count })
  })
}

/** The store failed to commit (or a server change failed half-way): everyone reconnects to a freshly loaded room. */
function dropRoom(live: LiveRoom, error: unknown): void {
  const reportId = live.room.reportId
  logCollab('error', 'dropping the room', { reportId, message: String(error) })
  const reason = error instanceof HalfAppliedChange ? 'document reloaded, reconnect' : 'storage unavailable, reconnect'
  for (const conn of [...live.room.conns]) conn.close(CLOSE.tryAgain, reason)
  keepLoaded(live)
  if (roomRegistry.isCurrent(live)) void unload(live)
}
