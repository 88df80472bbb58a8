import { readMultipartFormData } from 'h3'
import { useStore } from '../../../store'
import { audit } from '../../../repos/audit'
import { changeReportDoc, readReportDoc } from '../../../reports/reportDocument'
import { importDocx } from '../../../docx/import/importDocx'
import { DEFAULT_IMPORT_LIMITS } from '../../../docx/import/importLimits'
import { DocxImportError } from '../../../docx/import/DocxImportError'
import { placeReviewed } from '../../../docx/import/placeReviewed'
import { alignReviewed } from '../../../docx/import/reviewedSections'
import { badRequest, tooLarge } from '../../../utils/errors'
import { requireReportAccess } from '../../../utils/reportAccess'
import { logDenial } from '../../../utils/logDenial'
import { idParam } from '../../../utils/validate'

const STATUS: Record<DocxImportError['code'], number> = { 'not-docx': 400, 'corrupt': 400, 'too-large': 413, 'zip-bomb': 413, 'timeout': 422 }

/**
 * Import a reviewed copy of this report's Word export (multipart field `file`): its tracked
 * changes and comments become open suggestions and threads of the importer, each in the section
 * it was made in (docs/docx.md, "Importing a reviewed Word file"). Answers what was placed and
 * lists what was not. Secretariat and authors.
 */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'text.edit')
  // The body was read (and limited) by middleware/02.bodyLimit.ts; this parses that copy.
  const parts = await readMultipartFormData(event).catch(() => undefined)
  const file = parts?.find(p => p.name === 'file')
  if (!file?.data?.length) throw badRequest('file: attach a .docx file in the field "file"', 'file')
  if (file.data.length > DEFAULT_IMPORT_LIMITS.maxBytes) throw tooLarge(`file: the file is larger than ${DEFAULT_IMPORT_LIMITS.maxBytes / 1024 / 1024} MiB`)

  const importer = { id: user.id, name: user.name }
  let result
  try {
    result = await importDocx(Buffer.from(file.data), {}, importer)
  } catch (error) {
    if (error instanceof DocxImportError) {
      logDenial({ reason: `reviewed import refused: ${error.code}`, userId: user.id, reportId })
      throw createError({ statusCode: STATUS[error.code], message: error.message, data: { field: 'file', code: error.code } })
    }
    throw error
  }
  if (!result.sectionStarts.length) {
    logDenial({ reason: 'reviewed import refused: not a Chorus export', userId: user.id, reportId })
    throw createError({ statusCode: 422, message: 'This Word file was not exported from Chorus (its sections cannot be found). Import it into one section instead.', data: { field: 'file', code: 'not-chorus-export' } })
  }
  // Compare the texts on a copy, yielding between sections; the change (which holds the room's
  // queue) reuses each comparison whose section has not changed meanwhile.
  const aligned = await readReportDoc(reportId, doc => alignReviewed(doc, result))
  const placed = await changeReportDoc(reportId, user, 'text.edit', (doc, actor) => {
    let out!: ReturnType<typeof placeReviewed>
    doc.transact(() => {
      out = placeReviewed(doc, result, importer, actor.role, aligned)
    }, `import:${user.id}`)
    return out
  })
  const { db } = await useStore()
  await audit(db, { actorId: user.id, reportId, action: 'report.importReviewed', detail: { suggestions: placed.suggestions, threads: placed.threads, replies: placed.replies, notPlaced: placed.notPlaced.length } })
  return { ...placed, warnings: result.warnings, notices: result.notices }
})
