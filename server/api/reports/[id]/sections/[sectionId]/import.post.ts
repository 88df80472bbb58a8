import { readMultipartFormData } from 'h3'
import { z } from 'zod'
import { useStore } from '../../../../../store'
import { audit } from '../../../../../repos/audit'
import { changeReportDoc, readReportDoc } from '../../../../../reports/reportDocument'
import { requireEditableSection } from '../../../../../reports/requireEditableSection'
import { importDocx } from '../../../../../docx/import/importDocx'
import { DEFAULT_IMPORT_LIMITS } from '../../../../../docx/import/importLimits'
import { DocxImportError } from '../../../../../docx/import/DocxImportError'
import { applyJsonToFragment } from '../../../../../docx/applyJsonToFragment'
import { addImportedThreads } from '../../../../../docx/import/importedThreads'
import { storeImportedImages } from '../../../../../images/storeImportedImages'
import { badRequest, tooLarge } from '../../../../../utils/errors'
import { requireReportAccess } from '../../../../../utils/reportAccess'
import { logDenial } from '../../../../../utils/logDenial'
import { idParam, validQuery } from '../../../../../utils/validate'
import { noticeText } from '#shared/importNotices'

const querySchema = z.object({
  /** 1 (default): the server replaces the section's text. 0: only convert; the editor applies it as one undoable change. */
  apply: z.enum(['0', '1']).default('1').transform(v => v === '1'),
})

const STATUS: Record<DocxImportError['code'], number> = { 'not-docx': 400, 'corrupt': 400, 'too-large': 413, 'zip-bomb': 413, 'timeout': 422 }

/** Import a Word draft (.docx, multipart field `file`) into a section. Bad input changes nothing. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const sectionId = idParam(event, 'sectionId')
  const { user, role } = await requireReportAccess(event, reportId, 'text.edit')
  const { apply } = validQuery(event, querySchema)
  // Refuse early, before reading and converting the upload; the check that counts is made again
  // on the live document when the text is written (the section may turn final meanwhile).
  await readReportDoc(reportId, doc => requireEditableSection(doc, reportId, sectionId, { user, role }))

  // The body was read (and limited) by middleware/02.bodyLimit.ts; this parses that copy.
  const parts = await readMultipartFormData(event).catch(() => undefined)
  const file = parts?.find(p => p.name === 'file')
  if (!file?.data?.length) throw badRequest('importNoFile', 'file')
  if (file.data.length > DEFAULT_IMPORT_LIMITS.maxBytes) throw tooLarge('importTooLarge', { mib: DEFAULT_IMPORT_LIMITS.maxBytes / 1024 / 1024 })

  let result
  try {
    // Word's tracked changes arrive as suggestions of the importer (keeping the Word author's name).
    result = await importDocx(Buffer.from(file.data), {}, { id: user.id, name: user.name })
  } catch (error) {
    if (error instanceof DocxImportError) {
      logDenial({ reason: `import refused: ${error.code}`, userId: user.id, reportId })
      throw createError({ statusCode: STATUS[error.code], message: error.message, data: { field: 'file', code: error.code } })
    }
    throw error
  }
  // Word comments without a range are put at the start of the section (and said so).
  const comments = result.comments.map(c => ({ ...c, from: c.from ?? 0, to: c.to ?? c.from ?? 0 }))
  const unranged = result.comments.filter(c => c.from === null || c.to === null).length
  if (unranged) {
    const notice = { code: 'unranged-comments' as const, count: unranged }
    result.notices.push(notice)
    result.warnings.push(noticeText(notice))
  }
  const { db } = await useStore()
  // The figures' pictures first, also when the editor applies the content: its figures need them.
  await storeImportedImages(db, reportId, user.id, result.images)
  let threads = 0
  if (apply) {
    await changeReportDoc(reportId, user, 'text.edit', (doc, actor) => {
      requireEditableSection(doc, reportId, sectionId, actor)
      doc.transact(() => {
        applyJsonToFragment(doc, sectionId, result.content, `import:${user.id}`)
        threads = addImportedThreads(doc, sectionId, comments, { id: user.id, name: user.name }).length
      }, `import:${user.id}`)
    })
  }
  await audit(db, { actorId: user.id, reportId, action: 'section.import', detail: { sectionId, applied: apply, warnings: result.warnings.length, threads, pictures: result.images.length } })
  return { content: result.content, warnings: result.warnings, notices: result.notices, applied: apply, comments: apply ? undefined : comments, threads }
})
