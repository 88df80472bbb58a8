/**
 * When the hub reclaims images: after a report's document is compacted or its room unloads, at
 * most once per report an hour in this process (a busy report unloads and compacts often; the
 * images it dropped can wait an hour) — or per grace period when that is shorter, since nothing
 * becomes reclaimable faster than that. Failures are logged, never thrown: reclaiming is
 * housekeeping and must not disturb the room.
 */
import { useStore } from '../store'
import { logCollab } from '../collab/log'
import { imageConfig } from './imageConfig'
import { reclaimUnusedImages } from './reclaimImages'

const MIN_INTERVAL_MS = Math.min(60 * 60 * 1000, imageConfig.reclaimGraceMs)
const lastRun = new Map<string, number>()

/** Reclaim the report's unused images soon, unless that was done within the hour. */
export function scheduleImageReclaim(reportId: string, now = Date.now()): void {
  const last = lastRun.get(reportId)
  if (last !== undefined && now - last < MIN_INTERVAL_MS) return
  lastRun.set(reportId, now)
  // Forget reports not seen for a while, so the map does not grow with every report ever opened.
  if (lastRun.size > 10_000) for (const [id, at] of lastRun) if (now - at >= MIN_INTERVAL_MS) lastRun.delete(id)
  void (async () => {
    try {
      const result = await reclaimUnusedImages(await useStore(), reportId)
      if (result.deleted.length) logCollab('info', 'images reclaimed', { reportId, deleted: result.deleted.length })
    } catch (error) {
      logCollab('error', 'image reclaim failed', { reportId, message: String(error) })
    }
  })()
}
