/**
 * Scaled-mode wiring of the hub (`REDIS_URL`): a room subscribes to its report's channel BEFORE
 * it reads the store (nothing committed elsewhere falls between the two; what arrives early is
 * held and applied once the room exists), applies what other instances committed, fills a gap
 * in the sequence numbers from the store, and publishes its own commits. Membership changes made
 * on other instances arrive on the control channel. Without REDIS_URL none of this runs.
 */
import { applyAwarenessUpdate } from 'y-protocols/awareness'
import { useStore } from '../store'
import { useFanout } from './fanout'
import type { Fanout, FanoutMessage } from './fanout'
import type { LiveRoom } from './liveRoom'
import { logCollab } from './log'
import { FROM_REMOTE } from './room'
import { roomRegistry } from './roomRegistry'
import { SeqTracker } from './seqTracker'

export interface RoomSubscription {
  fanout: Fanout
  handler: (m: FanoutMessage) => void
  /** The room exists, loaded up to `seq`: track sequence numbers and apply what arrived early. */
  start(live: LiveRoom, seq: number): void
}

/** Subscribe a room about to load to its report's channel; null in single-instance mode. */
export async function subscribeRoom(reportId: string): Promise<RoomSubscription | null> {
  const fanout = await useFanout()
  if (!fanout) return null
  listenToControl(fanout)
  const early: FanoutMessage[] = []
  let live: LiveRoom | null = null
  const handler = (m: FanoutMessage) => (live ? receive(live, m) : early.push(m))
  await fanout.subscribe(reportId, handler)
  return {
    fanout,
    handler,
    start(started, seq) {
      started.tracker = new SeqTracker(seq, after => void catchUp(started, after))
      live = started
      for (const m of early) receive(started, m)
    },
  }
}

/** Tell the other instances about a commit (after it is stored). */
export function publishCommitted(live: LiveRoom, update: Uint8Array, seq: number): void {
  live.tracker?.applied(seq, seq)
  live.fanout?.publish(live.room.reportId, { kind: 'update', update, fromSeq: seq, toSeq: seq })
}

/** Stop receiving a room's channel (it unloads). */
export function unsubscribeRoom(live: LiveRoom): void {
  live.tracker?.stop()
  if (live.onFanout) live.fanout?.unsubscribe(live.room.reportId, live.onFanout)
}

function receive(live: LiveRoom, m: FanoutMessage): void {
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

/** Fill a gap in what Redis delivered from the store. */
async function catchUp(live: LiveRoom, afterSeq: number): Promise<void> {
  const { docs } = await useStore()
  const stored = await docs.load(live.room.reportId)
  if (live.room.dead) return
  if (stored.snapshot && stored.snapshotSeq > afterSeq) live.room.applyRemote(stored.snapshot)
  for (const u of stored.updates) if (u.seq > afterSeq) live.room.applyRemote(u.data)
  live.tracker?.caughtUp(Math.max(stored.snapshotSeq, stored.updates.at(-1)?.seq ?? 0))
  logCollab('warn', 'caught up from the store after missed fan-out messages', { reportId: live.room.reportId, afterSeq })
}

let listeningToControl = false
function listenToControl(fanout: Fanout): void {
  if (listeningToControl) return
  listeningToControl = true
  fanout.onControl((m) => {
    if (m.kind === 'disconnect') roomRegistry.closeUser(m.reportId, m.userId)
    else roomRegistry.setUserRole(m.reportId, m.userId, m.role)
  })
}
