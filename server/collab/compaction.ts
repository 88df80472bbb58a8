/**
 * The compaction policy of a loaded room: when its stored log has grown long — 5,000 updates, or
 * more bytes than the snapshot (at least 64 KiB) — fold it into the snapshot a little later (off
 * the burst of edits that crossed the line; a room left meanwhile compacts once, at unload).
 * Tying the trigger to the snapshot's size bounds compaction's writes to at most as many bytes
 * again as the updates themselves. The fold itself is persistence.ts + compactWorker.ts.
 */
import { useStore } from '../store'
import { scheduleImageReclaim } from '../images/scheduleReclaim'
import { collabConfig } from './config'
import type { LiveRoom } from './liveRoom'
import { logCollab } from './log'
import { compactFromStore, withReportLock } from './persistence'

/** The policy (config.ts): by count, or by bytes relative to the snapshot. */
export function logIsLong({ log }: LiveRoom): boolean {
  return log.count >= collabConfig.compactAfterUpdates || log.bytes >= Math.max(collabConfig.compactAfterBytes, log.snapshotBytes)
}

/** Count a committed update, and schedule a compaction if the log is now long. */
export function noteCommitted(live: LiveRoom, bytes: number): void {
  live.log.count++
  live.log.bytes += bytes
  if (logIsLong(live)) live.compactTimer ??= setTimeout(() => {
    live.compactTimer = null
    void compact(live)
  }, collabConfig.compactDelayMs)
}

/**
 * Fold the stored log into a snapshot, off the message path; in scaled mode one instance at a
 * time (a Redis lock). `locked` when the caller already holds the report's store lock (unload).
 */
export async function compact(live: LiveRoom, locked = false): Promise<void> {
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
    // A compacted report is one whose figures may have changed: time to drop unused image bytes.
    scheduleImageReclaim(reportId)
  } catch (error) {
    logCollab('error', 'compaction failed', { reportId, message: String(error) })
  } finally {
    live.compacting = false
  }
}
