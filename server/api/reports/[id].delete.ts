import { useStore } from '../../store'
import { deleteReport } from '../../repos/reports'
import { audit } from '../../repos/audit'
import { requireReportAccess } from '../../utils/reportAccess'
import { idParam } from '../../utils/validate'

/** The secretariat deletes a report and everything stored for it. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'report.delete')
  const { db } = await useStore()
  await deleteReport(db, reportId)
  await audit(db, { actorId: user.id, reportId, action: 'report.delete' })
  return { ok: true }
})
