import type * as Y from 'yjs'
import { addSectionSchema } from '#shared/schemas/report'
import { findSectionMap, sectionMap } from '#shared/reportDoc'
import { SECTIONS } from '#shared/docNames'
import { changeReportDoc } from '../../../../reports/reportDocument'
import { useStore } from '../../../../store'
import { audit } from '../../../../repos/audit'
import { newId } from '../../../../utils/newId'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam, validBody } from '../../../../utils/validate'

/** The secretariat adds a section (after another one, or at the end). */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'sections.manage')
  const input = await validBody(event, addSectionSchema)
  const section = { id: newId(), title: input.title, guidance: input.guidance, articles: [], wordBudget: input.wordBudget, countsTowardLimit: input.countsTowardLimit, ownerId: null, status: 'draft' as const, generated: null, priorityList: false }
  await changeReportDoc(reportId, user, 'sections.manage', (doc) => {
    const after = input.afterId ? findSectionMap(doc, input.afterId) : null
    const sections = doc.getArray<Y.Map<unknown>>(SECTIONS)
    sections.insert(after ? after.index + 1 : sections.length, [sectionMap(section)])
  })
  const { db } = await useStore()
  await audit(db, { actorId: user.id, reportId, action: 'section.add', detail: { sectionId: section.id } })
  setResponseStatus(event, 201)
  return { section }
})
