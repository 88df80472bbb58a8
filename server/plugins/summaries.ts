/**
 * Keeps each report's stored summary (titles, statuses, word counts) in step with its live
 * document, for the dashboard and the report header. The hub calls at most every few seconds
 * per report, and when a report is unloaded (HTTP changes save it themselves: reportDocument.ts).
 */
import { summarize } from '#shared/reportDoc'
import { onRoomChanged } from '../collab'
import { saveSummary } from '../repos/reports'
import { useStore } from '../store'

export default defineNitroPlugin(() => {
  onRoomChanged(async (reportId, doc) => {
    try {
      // Read the document now: at unload the hub destroys it right after this call.
      const summary = summarize(doc)
      const { db } = await useStore()
      await saveSummary(db, reportId, summary)
    } catch (error) {
      console.error('[summaries] could not save', { reportId, message: (error as Error).message })
    }
  })
})
