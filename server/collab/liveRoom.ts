/**
 * What the hub keeps for each loaded room besides the Room itself: its scaled-mode wiring, who
 * holds it, its timers and the size of its stored log. One plain shape read by the hub's parts
 * (registry, lifecycle, compaction, change events, scaled mode), so that none of them owns another.
 */
import type { Fanout, FanoutMessage } from './fanout'
import type { Room } from './room'
import type { SeqTracker } from './seqTracker'

export interface LiveRoom {
  room: Room
  /** Scaled mode only (null otherwise): the fan-out, this room's channel handler, gap detection. */
  fanout: Fanout | null
  onFanout: ((m: FanoutMessage) => void) | null
  tracker: SeqTracker | null
  /** Holders other than connections (server-side changes and reads in progress). */
  pins: number
  unloadTimer: ReturnType<typeof setTimeout> | null
  /** `onRoomChanged` is debounced: a change is pending, and when it will be announced. */
  changed: boolean
  changeTimer: ReturnType<typeof setTimeout> | null
  /** Updates and bytes in the stored log (not yet folded into the snapshot), and the snapshot's size. */
  log: { count: number, bytes: number, snapshotBytes: number }
  compacting: boolean
  compactTimer: ReturnType<typeof setTimeout> | null
}
