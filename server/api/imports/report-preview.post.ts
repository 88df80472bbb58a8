import { readMultipartFormData } from 'h3'
import { MAX_IMPORT_PARTS, reportPreviewFieldsSchema } from '#shared/schemas/reportImport'
import { findTemplate } from '../../templates'
import { planReportImport, publicPlan } from '../../reports/import/planReportImport'
import { convertDraft, draftUpload } from '../../reports/import/draftUpload'
import { apiError, badRequest } from '../../utils/errors'
import { requireUser } from '../../utils/session'
import { validValue } from '../../utils/validate'

/**
 * "New report → from a Word file", step one: what goes where. Converts the draft (multipart
 * `file`, with `templateId` and `language`) and answers the plan; nothing is stored. Any account
 * may preview, as any account may create a report.
 */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  // The body was read (and limited) by middleware/02.bodyLimit.ts; this parses that copy.
  const { file, fields } = draftUpload(await readMultipartFormData(event).catch(() => undefined))
  const { templateId, language } = validValue(reportPreviewFieldsSchema, fields, 'body')
  const template = findTemplate(templateId, language)
  if (!template) throw badRequest('noSuchTemplate', 'templateId')
  const result = await convertDraft(file, user)
  const plan = planReportImport(file, result, template)
  // The create request carries one target per part: a plan it could not carry is refused here.
  if (plan.parts.length > MAX_IMPORT_PARTS) throw apiError('importTooManyParts', { max: MAX_IMPORT_PARTS }, { field: 'file' })
  return publicPlan(plan)
})
