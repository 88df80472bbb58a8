import { setResponseHeader } from 'h3'
import { readThreads } from '#shared/commentsDoc'
import { readMeta, readSections } from '#shared/reportDoc'
import { useStore } from '../../../store'
import { listMembers } from '../../../repos/members'
import { loadReportDoc } from '../../../reports/docAccess'
import { dispositionCsv, dispositionRows } from '../../../comments/dispositionCsv'
import { requireReportAccess } from '../../../utils/reportAccess'
import { idParam } from '../../../utils/validate'

/** The secretariat downloads the comment-disposition table of the review round as CSV. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  await requireReportAccess(event, reportId, 'members.manage')
  const doc = await loadReportDoc(reportId)
  const { db } = await useStore()
  const names = new Map((await listMembers(db, reportId)).map(m => [m.userId, m.name]))
  const titles = new Map(readSections(doc).map(s => [s.id, s.title]))
  const csv = dispositionCsv(dispositionRows(readThreads(doc), titles, names))
  const slug = readMeta(doc).title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'report'
  doc.destroy()
  setResponseHeader(event, 'Content-Type', 'text/csv; charset=utf-8')
  setResponseHeader(event, 'Content-Disposition', `attachment; filename="${slug}-comment-disposition.csv"`)
  return csv
})
