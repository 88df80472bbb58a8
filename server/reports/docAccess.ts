/**
 * How HTTP routes read and change a report's Y.Doc. Changes go through the collaboration hub
 * when it is wired (commit → apply → broadcast); this module is the one place routes call.
 */
import * as Y from 'yjs'
import { summarize } from '#shared/reportDoc'
import { useStore } from '../store'
import { saveSummary } from '../repos/reports'

/** A fresh copy of the report's document, from the store. */
export async function loadReportDoc(reportId: string): Promise<Y.Doc> {
  const { docs } = await useStore()
  const stored = await docs.load(reportId)
  const doc = new Y.Doc({ gc: true })
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u.data)
  return doc
}

/**
 * Change a report's document on the server: `change` runs in one Y transaction on the current
 * document; the resulting update is committed and delivered to everyone connected.
 */
export async function changeReportDoc<T>(reportId: string, change: (doc: Y.Doc) => T): Promise<T> {
  const { docs } = await useStore()
  const doc = await loadReportDoc(reportId)
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  let result!: T
  doc.transact(() => {
    result = change(doc)
  }, 'server')
  if (updates.length) {
    await docs.append(reportId, [Y.mergeUpdates(updates)])
    await saveSummary((await useStore()).db, reportId, summarize(doc))
  }
  doc.destroy()
  return result
}
