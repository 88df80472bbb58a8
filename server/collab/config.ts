/**
 * Settings of the collaboration hub, read once from the environment. Every number that tunes the
 * hub lives here so the trade-offs are visible in one place.
 */

const int = (name: string, fallback: number): number => {
  const raw = process.env[name]
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw)
  return Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback
}

export const collabConfig = {
  /** Largest websocket message accepted; bigger ones close the socket with 4413. */
  maxMessageBytes: int('MAX_MESSAGE_BYTES', 8 * 1024 * 1024),
  /** The only Origin a browser may open a socket from; unset means "the request's own Host". */
  publicOrigin: process.env.PUBLIC_ORIGIN || '',
  /** A room stays loaded this long after its last connection leaves (then it is compacted and dropped). */
  idleUnloadMs: int('COLLAB_IDLE_UNLOAD_MS', 5_000),
  /**
   * Fold the update log into the snapshot once it holds this many updates … (a cold open applies
   * the log update by update: 5,000 keystrokes cost ~10–40 ms on top of the snapshot) …
   */
  compactAfterUpdates: int('COLLAB_COMPACT_UPDATES', 5_000),
  /**
   * … or once its bytes exceed the snapshot's own size (and at least this much). Tying the
   * threshold to the snapshot's size bounds what compaction costs in writes: at most as many
   * bytes again as the updates themselves, however large the report.
   */
  compactAfterBytes: int('COLLAB_COMPACT_BYTES', 64 * 1024),
  /** Compaction runs this long after the log crossed a threshold (off the burst that crossed it). */
  compactDelayMs: int('COLLAB_COMPACT_DELAY_MS', 5_000),
  /**
   * A room is busy when committing each update on its own would send at least this many frames
   * a second (updates a second × connections; 0: always busy). A busy room's commits are paced …
   * (the trade-off, latency against CPU, is in commitQueue.ts)
   */
  busyFramesPerSecond: int('COLLAB_BUSY_FRAMES_PER_SECOND', 17_500),
  /** … this far apart, so one commit and one broadcast frame carry several updates. */
  busyCommitIntervalMs: int('COLLAB_BUSY_COMMIT_INTERVAL_MS', 8),
  /** `onRoomChanged` listeners hear about a room at most this often. */
  changeDebounceMs: int('COLLAB_CHANGE_DEBOUNCE_MS', 2_000),
  /** A new comment's `createdAt` may lie this far in the past … */
  commentClockPastMs: 10 * 60_000,
  /** … or this far in the future (clock skew of the browser). */
  commentClockFutureMs: 2 * 60_000,
  /** Largest awareness state (JSON) one client may publish. */
  maxAwarenessStateBytes: 16 * 1024,
  /** A socket whose send buffer grows beyond this is too slow to follow the room: it is closed. */
  maxBufferedBytes: 32 * 1024 * 1024,
  /** Redis, for fan-out between instances (scaled mode); unset means a single instance. */
  redisUrl: process.env.REDIS_URL || '',
}
