import { updateSectionSchema } from '#shared/schemas/report'
import { findSectionMap, readSections } from '#shared/reportDoc'
import { can, canSetSectionStatus } from '#shared/permissions'
import { changeReportDoc } from '../../../../../reports/reportDocument'
import { useStore } from '../../../../../store'
import { getRole } from '../../../../../repos/members'
import { audit } from '../../../../../repos/audit'
import { badRequest, forbidden, notFound } from '../../../../../utils/errors'
import { requireReportAccess } from '../../../../../utils/reportAccess'
import { logDenial } from '../../../../../utils/logDenial'
import { idParam, validBody } from '../../../../../utils/validate'
import { sectionFragmentName } from '#shared/docNames'
import { countFragmentWords } from '#shared/wordCount'
import { recommendationBlockWords } from '#shared/recommendationBlockWords'
import type * as Y from 'yjs'

/** Words, or a recommendation block (even empty), in a section body. */
const hasText = (fragment: Y.XmlFragment) => countFragmentWords(fragment) > 0 || recommendationBlockWords(fragment).length > 0

/**
 * Change a section: the secretariat anything (title, guidance, budget, owner, status); an author
 * only the status of a section they own, and never to or from `final`. Judged on the live
 * document in the change itself: a section made final over the websocket a moment ago is final.
 */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const sectionId = idParam(event, 'sectionId')
  const { user } = await requireReportAccess(event, reportId, 'report.read')
  const patch = await validBody(event, updateSectionSchema)
  const onlyStatus = Object.keys(patch).every(k => k === 'status')
  const { db } = await useStore()
  await changeReportDoc(reportId, user, 'report.read', (doc, { role }) => {
    const found = findSectionMap(doc, sectionId)
    const section = readSections(doc).find(s => s.id === sectionId)
    if (!found || !section) throw notFound('section')
    const allowed = can(role, 'sections.manage') || (onlyStatus && patch.status !== undefined && canSetSectionStatus(role, user.id, section, patch.status))
    if (!allowed) {
      logDenial({ reason: `role ${role} may not change section ${Object.keys(patch).join(',')} (status ${section.status})`, userId: user.id, reportId })
      throw forbidden('sectionRoleForbidden')
    }
    // A generated section shows no text of its own: made generated only while it has none, so
    // nothing anyone wrote is hidden (docs/recommendations.md).
    if (patch.generated && !section.generated && hasText(doc.getXmlFragment(sectionFragmentName(sectionId)))) throw badRequest('generatedSectionHasText', 'generated')
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) found.map.set(key, Array.isArray(value) ? [...value] : value)
  }, {
    before: async (_doc, { role }) => {
      // Only for those who may set an owner at all: everyone else gets the 403 below.
      if (patch.ownerId && can(role, 'sections.manage') && !(await getRole(db, reportId, patch.ownerId))) throw badRequest('ownerNotMember', 'ownerId')
    },
  })
  await audit(db, { actorId: user.id, reportId, action: 'section.update', detail: { sectionId, fields: Object.keys(patch), status: patch.status } })
  return { ok: true }
})
