import { findSectionMap } from '#shared/reportDoc'
import { SECTIONS, sectionFragmentName } from '#shared/docNames'
import { changeReportDoc } from '../../../../../reports/reportDocument'
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
  await changeReportDoc(reportId, user, 'sections.manage', (doc) => {
    const found = findSectionMap(doc, sectionId)
    if (!found) throw notFound('section')
    doc.getArray(SECTIONS).delete(found.index, 1)
    const body = doc.getXmlFragment(sectionFragmentName(sectionId))
    if (body.length) body.delete(0, body.length)
  })
  const { db } = await useStore()
  await audit(db, { actorId: user.id, reportId, action: 'section.remove', detail: { sectionId } })
  return { ok: true }
})
