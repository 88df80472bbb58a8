import { readReportDoc } from '../../../reports/reportDocument'
import { readableText } from '../../../reports/readableText'
import { requireReportAccess } from '../../../utils/reportAccess'
import { idParam } from '../../../utils/validate'

/** The report's current text, read-only, for every member (the versions page compares a version with it). */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  await requireReportAccess(event, reportId, 'report.read')
  return await readReportDoc(reportId, doc => readableText(reportId, doc))
})
