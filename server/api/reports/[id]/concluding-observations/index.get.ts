/**
 * The report's previous concluding observations as parsed (members only): for the settings page
 * and for scripts. The editor reads them live from the Y.Doc.
 */
import { readConcludingObservations } from '#shared/followUp/readConcludingObservations'
import { readReportDoc } from '../../../../reports/reportDocument'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam } from '../../../../utils/validate'

export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  await requireReportAccess(event, reportId, 'report.read')
  return { concludingObservations: await readReportDoc(reportId, readConcludingObservations) }
})
