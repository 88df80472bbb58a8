/**
 * Reclaim the bytes of images no figure uses any more. An image is deleted when it is older than
 * the grace period (imageConfig.reclaimGraceMs: an upload may wait for its figure node) and
 * neither the report's stored document nor any of its versions refers to it — versions are
 * snapshots a person may restore, so their pictures stay as long as they do.
 *
 * Runs after a compaction and when a room unloads (collab/compaction.ts, roomLifecycle.ts), at
 * most once per `MIN_INTERVAL_MS` per report and process. The common case costs one indexed
 * query: no image older than the grace period, nothing to read. Versions are decoded only for
 * images the live document no longer holds, one version at a time, stopping when none is left.
 */
import type { Store } from '../store'
import { deleteImages, imagesStoredBefore } from '../repos/images'
import { listVersions, versionData } from '../repos/versions'
import { loadDoc } from '../collab/persistence'
import { figureImageIds, figureImageIdsOfState } from './figureImageIds'
import { imageConfig } from './imageConfig'

/** What one reclaim did. */
export interface ReclaimResult {
  /** Images old enough to be candidates. */
  candidates: number
  deleted: string[]
}

/** Delete the report's unused images older than `graceMs`. */
export async function reclaimUnusedImages(store: Store, reportId: string, now = Date.now(), graceMs = imageConfig.reclaimGraceMs): Promise<ReclaimResult> {
  const before = now - graceMs
  const old = await imagesStoredBefore(store.db, reportId, before)
  if (!old.length) return { candidates: 0, deleted: [] }
  const unused = new Set(old.map(i => i.sha256))
  const loaded = await loadDoc(store.docs, reportId)
  try {
    for (const id of figureImageIds(loaded.doc)) unused.delete(id)
  } finally {
    loaded.doc.destroy()
  }
  for (const version of unused.size ? await listVersions(store.db, reportId) : []) {
    const data = await versionData(store.db, reportId, version.id)
    if (data) for (const id of figureImageIdsOfState(data.data)) unused.delete(id)
    if (!unused.size) break
  }
  const ids = [...unused]
  // `before` again: an image uploaded anew meanwhile (its figure is on its way) is kept.
  const count = ids.length ? await deleteImages(store.db, reportId, ids, before) : 0
  return { candidates: old.length, deleted: count === ids.length ? ids : ids.slice(0, count) }
}
