import * as Y from 'yjs'
import { reorderSectionsSchema } from '#shared/schemas/report'
import { SECTIONS } from '#shared/docNames'
import { changeReportDoc } from '../../../../reports/reportDocument'
import { useStore } from '../../../../store'
import { audit } from '../../../../repos/audit'
import { badRequest } from '../../../../utils/errors'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam, validBody } from '../../../../utils/validate'

/** The secretariat reorders the sections: `ids` lists every section once, in the new order. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'sections.manage')
  const { ids } = await validBody(event, reorderSectionsSchema)
  await changeReportDoc(reportId, user, 'sections.manage', (doc) => {
    const arr = doc.getArray<Y.Map<unknown>>(SECTIONS)
    const current = arr.toArray()
    const byId = new Map(current.map(m => [m.get('id') as string, m]))
    // Judged on the live list (a section may have been added or removed meanwhile), before any change.
    if (ids.length !== current.length || new Set(ids).size !== ids.length || !ids.every(id => byId.has(id))) {
      throw badRequest('sectionOrderIncomplete', 'ids')
    }
    // Y types cannot be moved: re-create each entry in the new order with the same fields.
    const copies = ids.map((id) => {
      const copy = new Y.Map<unknown>()
      for (const [k, v] of byId.get(id)!.entries()) copy.set(k, Array.isArray(v) ? [...v] : v)
      return copy
    })
    arr.delete(0, arr.length)
    arr.insert(0, copies)
  })
  const { db } = await useStore()
  await audit(db, { actorId: user.id, reportId, action: 'section.reorder' })
  return { ok: true }
})
