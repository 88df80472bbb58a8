import { useStore } from '../../../../store'
import { listVersions } from '../../../../repos/versions'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam } from '../../../../utils/validate'

/** The named versions of a report. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  await requireReportAccess(event, reportId, 'report.read')
  const { db } = await useStore()
  return { versions: await listVersions(db, reportId) }
})
