import { findSectionMap } from '#shared/reportDoc'
import { SECTIONS, sectionFragmentName } from '#shared/docNames'
import { changeReportDoc } from '../../../../../reports/docAccess'
import { useStore } from '../../../../../store'
import { audit } from '../../../../../repos/audit'
import { notFound } from '../../../../../utils/errors'
import { requireReportAccess } from '../../../../../utils/reportAccess'
import { idParam } from '../../../../../utils/validate'

/** The secretariat removes a section (its text goes with it; named versions keep older copies). */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const sectionId = idParam(event, 'sectionId')
  const { user } = await requireReportAccess(event, reportId, 'sections.manage')
  const removed = await changeReportDoc(reportId, (doc) => {
    const found = findSectionMap(doc, sectionId)
    if (!found) return false
    doc.getArray(SECTIONS).delete(found.index, 1)
    const body = doc.getXmlFragment(sectionFragmentName(sectionId))
    if (body.length) body.delete(0, body.length)
    return true
  })
  if (!removed) throw notFound('section')
  const { db } = await useStore()
  await audit(db, { actorId: user.id, reportId, action: 'section.remove', detail: { sectionId } })
  return { ok: true }
})
