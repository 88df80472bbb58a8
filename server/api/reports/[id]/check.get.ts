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
    const template = findTemplate(readMeta(doc).templateId)
    const blocks = template && { kind: template.kind, articlesRequired: template.sections.some(s => s.articles.length > 0) }
    return runChecks(checkContextFromDoc(doc, { scopes: template?.scopes, blocks: blocks ?? undefined }))
  })
  return { items }
})
