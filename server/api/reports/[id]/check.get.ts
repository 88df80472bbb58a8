import { checkContextFromDoc, runChecks } from '#shared/submissionCheck'
import { readMeta } from '#shared/reportDoc'
import { readReportDoc } from '../../../reports/reportDocument'
import { findTemplate } from '../../../templates'
import { requireReportAccess } from '../../../utils/reportAccess'
import { idParam } from '../../../utils/validate'

/**
 * The submission check (docs/submission-check.md): what stands between the report and a clean
 * submission, computed from the stored document, for every member (non-members get 404).
 */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  await requireReportAccess(event, reportId, 'report.read')
  const items = await readReportDoc(reportId, (doc) => {
    const scopes = findTemplate(readMeta(doc).templateId)?.scopes
    return runChecks(checkContextFromDoc(doc, { scopes }))
  })
  return { items }
})
