/**
 * How HTTP routes read and change a report's Y.Doc. Reads come from the store, which holds every
 * update anyone has seen (the hub commits before it broadcasts); changes go through the
 * collaboration hub, so they are committed, applied and broadcast like any websocket update.
 */
import * as Y from 'yjs'
import { useStore } from '../store'
import { summarize } from '#shared/reportDoc'
import { withRoomDoc } from '../collab'
import { saveSummary } from '../repos/reports'

/** A fresh copy of the report's document, from the store; the caller destroys it. */
export async function loadReportDoc(reportId: string): Promise<Y.Doc> {
  const { docs } = await useStore()
  const stored = await docs.load(reportId)
  const doc = new Y.Doc({ gc: true })
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u.data)
  return doc
}

/**
 * Change a report's document on the server: `change` runs in one Y transaction on the live
 * document; the resulting update is committed and delivered to everyone connected.
 */
export async function changeReportDoc<T>(reportId: string, change: (doc: Y.Doc) => T): Promise<T> {
  const { result, summary } = await withRoomDoc(reportId, doc => ({ result: change(doc), summary: summarize(doc) }))
  // The next page load shows the change at once (the hub's own refresh is debounced).
  await saveSummary((await useStore()).db, reportId, summary)
  return result
}
