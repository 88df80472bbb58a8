/**
 * The hub: which reports are loaded, who is connected to each, and the hub's public functions
 * for the rest of the server (membership changes, server-side changes, reads, change events).
 * A room is loaded once on first use (concurrent first connections share one load), and unloaded
 * `idleUnloadMs` after its last connection left: pending commits finish, the log is compacted.
 */
import type * as Y from 'yjs'
import { Doc, applyUpdate, encodeStateAsUpdate } from 'yjs'
import { applyAwarenessUpdate } from 'y-protocols/awareness'
import type { Role } from '#shared/permissions'
import { useStore } from '../store'
import { collabConfig } from './config'
import { CLOSE } from './conn'
import type { Conn } from './conn'
import { useFanout } from './fanout'
import type { Fanout, FanoutMessage } from './fanout'
import { logCollab } from './log'
import { compactFromStore, loadDoc, withReportLock } from './persistence'
import { FROM_REMOTE, Room } from './room'
import type { RoomDeps } from './room'
import { SeqTracker } from './seqTracker'
import { registerMemberSocketHooks } from '../reports/memberSockets'

interface Live {
  room: Room
  fanout: Fanout | null
  onFanout: (m: FanoutMessage) => void
  tracker: SeqTracker | null
  /** Holders other than connections (server-side changes in progress). */
  pins: number
  unloadTimer: ReturnType<typeof setTimeout> | null
  changeTimer: ReturnType<typeof setTimeout> | null
  changed: boolean
  log: { count: number, bytes: number, snapshotBytes: number }
  compacting: boolean
  compactTimer: ReturnType<typeof setTimeout> | null
}

type ChangeListener = (reportId: string, doc: Y.Doc) => void

const rooms = new Map<string, Promise<Live>>()
/** The settled entries of `rooms`, to tell a room being dropped from its successor. */
const loadedRooms = new Map<string, Live>()
const conns = new Map<string, Set<Conn>>()
const listeners: ChangeListener[] = []

/** Be told (debounced, ~2 s per room, and once more on unload) when a room's document changed. */
export function onRoomChanged(listener: ChangeListener): () => void {
  listeners.push(listener)
  return () => void listeners.splice(listeners.indexOf(listener), 1)
}

/** Loaded rooms and open connections of this instance (for the stats route and benchmarks). */
export function hubStats(): { rooms: number, connections: number } {
  let connections = 0
  for (const set of conns.values()) connections += set.size
  return { rooms: rooms.size, connections }
}

/** Connect a client to its report's room (loading it if needed). */
export async function attach(conn: Conn): Promise<Room> {
  let set = conns.get(conn.reportId)
  if (!set) conns.set(conn.reportId, (set = new Set()))
  set.add(conn)
  const live = await liveRoom(conn.reportId)
  if (conn.closed) {
    detach(conn)
    return live.room
  }
  cancelUnload(live)
  live.room.join(conn)
  return live.room
}

/** A connection closed. */
export function detach(conn: Conn): void {
  const set = conns.get(conn.reportId)
  set?.delete(conn)
  if (set && !set.size) conns.delete(conn.reportId)
  void rooms.get(conn.reportId)?.then((live) => {
    live.room.leave(conn)
    maybeUnload(live)
  }, () => {})
}

/** Close a removed member's sockets in a report (4403), here and, in scaled mode, on every instance. */
export async function disconnectUser(reportId: string, userId: string): Promise<void> {
  closeLocal(reportId, userId)
  ;(await useFanout())?.publishControl({ kind: 'disconnect', reportId, userId })
}

/** Apply a member's new role to their open sockets (the next message is judged with it). */
export async function updateUserRole(reportId: string, userId: string, role: Role): Promise<void> {
  setLocalRole(reportId, userId, role)
  ;(await useFanout())?.publishControl({ kind: 'role', reportId, userId, role })
}

/**
 * Change a report's document on the server (DOCX import, version restore) through the same path
 * as a client's update: `fn` runs in one transaction on the live document; the change is
 * committed, then broadcast (and published to other instances). Resolves after the commit.
 */
export async function withRoomDoc<T>(reportId: string, fn: (doc: Y.Doc) => T): Promise<T> {
  const live = await liveRoom(reportId)
  live.pins++
  cancelUnload(live)
  try {
    return await live.room.change(fn)
  } finally {
    live.pins--
    maybeUnload(live)
  }
}

/**
 * A copy of the report's document for reading (export), which the caller owns: from the live
 * room when it is loaded (after its pending commits, so nothing uncommitted is read), else from
 * the store (without loading the room).
 */
export async function getRoomDocForRead(reportId: string): Promise<Y.Doc> {
  const loaded = rooms.get(reportId)
  if (loaded) {
    const live = await loaded
    await live.room.whenCommitted()
    if (!live.room.dead && !live.room.doc.isDestroyed) {
      const copy = new Doc({ gc: true })
      applyUpdate(copy, encodeStateAsUpdate(live.room.doc))
      return copy
    }
  }
  const { docs } = await useStore()
  return (await withReportLock(reportId, () => loadDoc(docs, reportId))).doc
}

function liveRoom(reportId: string): Promise<Live> {
  let p = rooms.get(reportId)
  if (!p) {
    p = loadLive(reportId)
    rooms.set(reportId, p)
    p.catch((error) => {
      if (rooms.get(reportId) === p) rooms.delete(reportId)
      logCollab('error', 'room failed to load', { reportId, message: String(error) })
    })
  }
  return p
}

async function loadLive(reportId: string): Promise<Live> {
  const { docs } = await useStore()
  const fanout = await useFanout()
  if (fanout) listenToControl(fanout)
  // Subscribe before reading the store, so nothing committed elsewhere falls between the two.
  const early: FanoutMessage[] = []
  let live: Live | null = null
  const onFanout = (m: FanoutMessage) => (live ? receiveFanout(live, m) : early.push(m))
  if (fanout) await fanout.subscribe(reportId, onFanout)
  const loaded = await withReportLock(reportId, () => loadDoc(docs, reportId))
  const deps: RoomDeps = {
    docs,
    committed: (_room, update, seq) => committed(live!, update, seq),
    awarenessChanged: (_room, update) => fanout?.publish(reportId, { kind: 'awareness', update }),
    failed: (_room, error) => fail(live!, error),
  }
  live = {
    room: new Room(reportId, loaded.doc, deps),
    fanout,
    onFanout,
    tracker: fanout ? new SeqTracker(loaded.seq, after => void catchUp(live!, after)) : null,
    pins: 0,
    unloadTimer: null,
    changeTimer: null,
    changed: false,
    log: { count: loaded.logCount, bytes: loaded.logBytes, snapshotBytes: loaded.snapshotBytes },
    compacting: false,
    compactTimer: null,
  }
  for (const m of early) receiveFanout(live, m)
  loadedRooms.set(reportId, live)
  return live
}

function committed(live: Live, update: Uint8Array, seq: number): void {
  live.tracker?.applied(seq, seq)
  live.fanout?.publish(live.room.reportId, { kind: 'update', update, fromSeq: seq, toSeq: seq })
  live.log.count++
  live.log.bytes += update.byteLength
  // Compaction waits a little: not in the middle of a burst of edits, and a room that is left
  // meanwhile compacts once, at unload.
  if (logIsLong(live)) live.compactTimer ??= setTimeout(() => {
    live.compactTimer = null
    void compact(live)
  }, collabConfig.compactDelayMs)
  live.changed = true
  live.changeTimer ??= setTimeout(() => notifyChanged(live), collabConfig.changeDebounceMs)
}

/** The compaction policy (config.ts): by count, or by bytes relative to the snapshot. */
function logIsLong({ log }: Live): boolean {
  return log.count >= collabConfig.compactAfterUpdates || log.bytes >= Math.max(collabConfig.compactAfterBytes, log.snapshotBytes)
}

function receiveFanout(live: Live, m: FanoutMessage): void {
  if (live.room.dead) return
  if (m.kind === 'awareness') {
    applyAwarenessUpdate(live.room.awareness, m.update, FROM_REMOTE)
    return
  }
  live.room.applyRemote(m.update)
  live.tracker?.applied(m.fromSeq, m.toSeq)
  const store = live.room.doc.store
  if (store.pendingStructs || store.pendingDs) void catchUp(live, live.tracker?.seq ?? 0)
}

/** Fill a gap in what Redis delivered from the store (scaled mode). */
async function catchUp(live: Live, afterSeq: number): Promise<void> {
  const { docs } = await useStore()
  const stored = await docs.load(live.room.reportId)
  if (live.room.dead) return
  if (stored.snapshot && stored.snapshotSeq > afterSeq) live.room.applyRemote(stored.snapshot)
  for (const u of stored.updates) if (u.seq > afterSeq) live.room.applyRemote(u.data)
  live.tracker?.caughtUp(Math.max(stored.snapshotSeq, stored.updates.at(-1)?.seq ?? 0))
  logCollab('warn', 'caught up from the store after missed fan-out messages', { reportId: live.room.reportId, afterSeq })
}

/**
 * Fold the stored log into a snapshot, off the message path (one instance at a time). `locked`
 * when the caller already holds the report's store lock (unload).
 */
async function compact(live: Live, locked = false): Promise<void> {
  if (live.compacting) return
  live.compacting = true
  const reportId = live.room.reportId
  const counted = { ...live.log }
  try {
    if (live.fanout && !(await live.fanout.tryLock(`compact:${reportId}`, 30_000))) return
    const { docs } = await useStore()
    const size = locked ? await compactFromStore(docs, reportId) : await withReportLock(reportId, () => compactFromStore(docs, reportId))
    live.log.count -= counted.count
    live.log.bytes -= counted.bytes
    if (size !== null) live.log.snapshotBytes = size
    logCollab('info', 'compacted', { reportId, updates: counted.count, snapshotBytes: size })
  } catch (error) {
    logCollab('error', 'compaction failed', { reportId, message: String(error) })
  } finally {
    live.compacting = false
  }
}

function notifyChanged(live: Live): void {
  if (live.changeTimer) clearTimeout(live.changeTimer)
  live.changeTimer = null
  if (!live.changed) return
  live.changed = false
  for (const listener of listeners) {
    try {
      listener(live.room.reportId, live.room.doc)
    } catch (error) {
      logCollab('error', 'onRoomChanged listener failed', { reportId: live.room.reportId, message: String(error) })
    }
  }
}

function cancelUnload(live: Live): void {
  if (live.unloadTimer) clearTimeout(live.unloadTimer)
  live.unloadTimer = null
}

function maybeUnload(live: Live): void {
  if (live.room.conns.size || live.pins || live.unloadTimer) return
  live.unloadTimer = setTimeout(() => {
    live.unloadTimer = null
    if (live.room.conns.size || live.pins) return
    void unload(live)
  }, collabConfig.idleUnloadMs)
}

/** Drop a room: new connections load afresh, after this room's last commit and compaction. */
function unload(live: Live): Promise<void> {
  const reportId = live.room.reportId
  if (loadedRooms.get(reportId) === live) {
    loadedRooms.delete(reportId)
    rooms.delete(reportId)
  }
  live.tracker?.stop()
  if (live.compactTimer) clearTimeout(live.compactTimer)
  live.fanout?.unsubscribe(reportId, live.onFanout)
  return withReportLock(reportId, async () => {
    await live.room.whenCommitted()
    if (!live.room.dead) notifyChanged(live)
    live.room.dispose()
    if (logIsLong(live) && !live.room.dead) await compact(live, true)
    logCollab('info', 'room unloaded', { reportId, logUpdates: live.log.count })
  })
}

/** The store failed to commit: everyone reconnects and resends to a freshly loaded room. */
function fail(live: Live, error: unknown): void {
  const reportId = live.room.reportId
  logCollab('error', 'commit failed; dropping the room', { reportId, message: String(error) })
  for (const conn of [...live.room.conns]) conn.close(CLOSE.tryAgain, 'storage unavailable, reconnect')
  cancelUnload(live)
  if (loadedRooms.get(reportId) === live) void unload(live)
}

function closeLocal(reportId: string, userId: string): void {
  for (const conn of conns.get(reportId) ?? []) if (conn.user.id === userId) conn.close(CLOSE.forbidden, 'membership-removed')
}

function setLocalRole(reportId: string, userId: string, role: Role): void {
  for (const conn of conns.get(reportId) ?? []) {
    if (conn.user.id !== userId) continue
    conn.role = role
    if (role === 'viewer' && conn.awarenessId !== null) void rooms.get(reportId)?.then(live => live.room.leavePresence(conn))
  }
}

/**
 * Wire the hub to the members routes (server/reports/memberSockets.ts). Runs when this module
 * loads; call it from a Nitro plugin too, so that an instance that has not opened a socket yet
 * still forwards member removals to the other instances (scaled mode).
 */
export function startCollabHub(): void {
  registerMemberSocketHooks({ disconnect: disconnectUser, role: updateUserRole })
}
startCollabHub()

let listeningToControl = false
function listenToControl(fanout: Fanout): void {
  if (listeningToControl) return
  listeningToControl = true
  fanout.onControl((m) => {
    if (m.kind === 'disconnect') closeLocal(m.reportId, m.userId)
    else setLocalRole(m.reportId, m.userId, m.role)
  })
}
