import { useStore } from '../../store'
import { getSummary } from '../../repos/reports'
import { listMembers } from '../../repos/members'
import { findTemplate } from '../../templates'
import { notFound } from '../../utils/errors'
import { requireReportAccess } from '../../utils/reportAccess'
import { idParam } from '../../utils/validate'

/** One report: metadata, sections with word counts, members and my role. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { role, user } = await requireReportAccess(event, reportId, 'report.read')
  const { db } = await useStore()
  const found = await getSummary(db, reportId)
  if (!found) throw notFound('report')
  const template = findTemplate(found.templateId)
  const members = (await listMembers(db, reportId)).map(m => ({ userId: m.userId, name: m.name, color: m.color, role: m.role, ...(role === 'secretariat' || m.userId === user.id ? { email: m.email } : {}) }))
  return {
    id: reportId,
    role,
    updatedAt: found.updatedAt,
    ...found.summary,
    template: template ? { id: template.id, title: template.title, kind: template.kind, wordLimitNote: template.wordLimitNote } : null,
    members,
  }
})
