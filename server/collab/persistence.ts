/**
 * The hub's side of the document store: loading a report's Y.Doc (snapshot + update log) and
 * folding the log into a new snapshot. Compaction is computed FROM THE STORE, never from the
 * in-memory document: in scaled mode another instance may have appended updates this instance
 * has not applied yet, and a snapshot from memory would drop them.
 */
import * as Y from 'yjs'
import type { DocStore, StoredDoc } from '../store/docStore'
import { fold } from './compactWorker'

/** A store read, checked for gaps (another instance may compact between the two reads of `load`). */
async function loadContiguous(docs: DocStore, reportId: string): Promise<StoredDoc> {
  for (let attempt = 1; ; attempt++) {
    const stored = await docs.load(reportId)
    let expected = stored.snapshotSeq + 1
    const contiguous = stored.updates.every(u => (u.seq <= stored.snapshotSeq || u.seq === expected++))
    // Updates at or below the snapshot's seq are already folded in (harmless duplicates for Yjs).
    if (contiguous || attempt >= 5) {
      if (!contiguous) console.error('[collab] update log has a gap', { reportId, snapshotSeq: stored.snapshotSeq })
      return stored
    }
  }
}

export interface LoadedDoc {
  doc: Y.Doc
  /** Highest sequence number folded into `doc`. */
  seq: number
  /** Updates and bytes in the log (not yet in the snapshot). */
  logCount: number
  logBytes: number
  snapshotBytes: number
}

/** Build a report's document from the store. */
export async function loadDoc(docs: DocStore, reportId: string): Promise<LoadedDoc> {
  const stored = await loadContiguous(docs, reportId)
  const doc = new Y.Doc({ gc: true })
  let logBytes = 0
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const u of stored.updates) {
      Y.applyUpdate(doc, u.data)
      logBytes += u.data.byteLength
    }
  })
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    console.error('[collab] stored document has updates with missing dependencies', { reportId })
  }
  return {
    doc,
    seq: Math.max(stored.snapshotSeq, stored.updates.at(-1)?.seq ?? 0),
    logCount: stored.updates.length,
    logBytes,
    snapshotBytes: stored.snapshot?.byteLength ?? 0,
  }
}

/**
 * Fold the stored log into the snapshot (one `compact` transaction). Returns the new snapshot's
 * size, or null when there was nothing to fold. The fold (compactWorker.ts) rebuilds the document
 * with GC, which drops deleted text that `Y.mergeUpdates` alone would keep forever.
 */
export async function compactFromStore(docs: DocStore, reportId: string): Promise<number | null> {
  const stored = await loadContiguous(docs, reportId)
  if (stored.updates.length === 0) return null
  const { snapshot, pending } = await fold(stored.snapshot, stored.updates.map(u => u.data))
  if (pending) console.error('[collab] stored log has updates with missing dependencies; kept as they are', JSON.stringify({ reportId }))
  await docs.compact(reportId, snapshot, stored.updates.at(-1)!.seq)
  return snapshot.byteLength
}

const locks = new Map<string, Promise<unknown>>()

/**
 * Run store work for one report after the previous work for it has finished, so a room that is
 * being compacted and unloaded is not loaded again half-way (DocStore.load is two reads).
 */
export function withReportLock<T>(reportId: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(reportId) ?? Promise.resolve()
  const run = previous.then(fn, fn)
  const tail = run.catch(() => {})
  locks.set(reportId, tail)
  void tail.then(() => {
    if (locks.get(reportId) === tail) locks.delete(reportId)
  })
  return run
}
