import { reportMetaPatchSchema } from '#shared/schemas/report'
import { writeMeta } from '#shared/reportDoc'
import { changeReportDoc } from '../../reports/reportDocument'
import { useStore } from '../../store'
import { audit } from '../../repos/audit'
import { requireReportAccess } from '../../utils/reportAccess'
import { idParam, validBody } from '../../utils/validate'

/** The secretariat edits the report's metadata (cover page data, limit, confidentiality). */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'report.editMeta')
  const patch = await validBody(event, reportMetaPatchSchema)
  await changeReportDoc(reportId, user, 'report.editMeta', doc => writeMeta(doc, patch))
  const { db } = await useStore()
  await audit(db, { actorId: user.id, reportId, action: 'report.meta', detail: { fields: Object.keys(patch) } })
  return { ok: true }
})
