import { readMultipartFormData } from 'h3'
import { createFromWordSchema } from '#shared/schemas/reportImport'
import { findTemplate } from '../../templates'
import { createReport } from '../../reports/createReport'
import { draftLayout } from '../../reports/import/draftLayout'
import { planReportImport } from '../../reports/import/planReportImport'
import { convertDraft, draftUpload } from '../../reports/import/draftUpload'
import { apiError, badRequest, conflict } from '../../utils/errors'
import { useStore } from '../../store'
import { deleteReport } from '../../repos/reports'
import { imageConfig } from '../../images/imageConfig'
import { storeImportedImages } from '../../images/storeImportedImages'
import { requireUser } from '../../utils/session'
import { validValue } from '../../utils/validate'

/**
 * "New report → from a Word file", step two: the same file again (multipart `file`) with the
 * person's settings and one target per part of the preview (`report`, JSON). The plan is made
 * again from the file; the file's hash and the number of parts must be the preview's, so a
 * target never lands on another part than the one the person saw. One report, filled at once.
 */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  // The body was read (and limited) by middleware/02.bodyLimit.ts; this parses that copy.
  const { file, fields } = draftUpload(await readMultipartFormData(event).catch(() => undefined))
  let json: unknown
  try {
    json = JSON.parse(fields.report ?? '')
  } catch {
    throw badRequest('invalidJson', 'report')
  }
  const { fileHash, targets, ...input } = validValue(createFromWordSchema, json, 'report')
  const template = findTemplate(input.templateId, input.language)
  if (!template) throw badRequest('noSuchTemplate', 'templateId')
  const result = await convertDraft(file, user)
  const plan = planReportImport(file, result, template)
  if (plan.fileHash !== fileHash || plan.parts.length !== targets.length) throw conflict('importPlanStale')
  const keys = new Set(template.sections.map(s => s.key))
  const unknown = targets.find(t => t.startsWith('section:') && !keys.has(t.slice('section:'.length)))
  if (unknown) throw badRequest('invalidField', 'targets', { field: 'targets', detail: `no section ${unknown.slice('section:'.length)} in this template` })
  // The figures' pictures must fit the report's picture limit: refused before anything is created.
  const pictureBytes = result.images.reduce((sum, image) => sum + image.byteSize, 0)
  if (pictureBytes > imageConfig.maxReportBytes) throw apiError('reportImagesFull', { mib: Math.round(imageConfig.maxReportBytes / 1024 / 1024) })
  const id = await createReport(user, template, input, draftLayout(template, plan.parts, targets, input.language ?? 'en'))
  const { db } = await useStore()
  try {
    await storeImportedImages(db, id, user.id, result.images)
  } catch (error) {
    // A report whose figures have no pictures is not the report previewed: none at all.
    await deleteReport(db, id)
    throw error
  }
  setResponseStatus(event, 201)
  return { id, notices: plan.notices }
})
