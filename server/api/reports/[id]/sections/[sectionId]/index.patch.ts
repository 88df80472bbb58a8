import { updateSectionSchema } from '#shared/schemas/report'
import { findSectionMap, readSections } from '#shared/reportDoc'
import { can, canSetSectionStatus } from '#shared/permissions'
import { changeReportDoc, loadReportDoc } from '../../../../../reports/docAccess'
import { useStore } from '../../../../../store'
import { getRole } from '../../../../../repos/members'
import { audit } from '../../../../../repos/audit'
import { badRequest, forbidden, notFound } from '../../../../../utils/errors'
import { requireReportAccess } from '../../../../../utils/reportAccess'
import { logDenial } from '../../../../../utils/logDenial'
import { idParam, validBody } from '../../../../../utils/validate'

/**
 * Change a section: the secretariat anything (title, guidance, budget, owner, status); an author
 * only the status of a section they own, and never to or from `final`.
 */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const sectionId = idParam(event, 'sectionId')
  const { user, role } = await requireReportAccess(event, reportId, 'report.read')
  const patch = await validBody(event, updateSectionSchema)
  const doc = await loadReportDoc(reportId)
  const section = readSections(doc).find(s => s.id === sectionId)
  doc.destroy()
  if (!section) throw notFound('section')
  const onlyStatus = Object.keys(patch).every(k => k === 'status')
  const allowed = can(role, 'sections.manage') || (onlyStatus && patch.status !== undefined && canSetSectionStatus(role, user.id, section, patch.status))
  if (!allowed) {
    logDenial({ reason: `role ${role} may not change section ${Object.keys(patch).join(',')}`, userId: user.id, reportId })
    throw forbidden('Your role cannot change this section')
  }
  const { db } = await useStore()
  if (patch.ownerId && !(await getRole(db, reportId, patch.ownerId))) throw badRequest('ownerId: not a member of this report', 'ownerId')
  await changeReportDoc(reportId, (d) => {
    const found = findSectionMap(d, sectionId)
    if (!found) return
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) found.map.set(key, Array.isArray(value) ? [...value] : value)
  })
  await audit(db, { actorId: user.id, reportId, action: 'section.update', detail: { sectionId, fields: Object.keys(patch), status: patch.status } })
  return { ok: true }
})
