/**
 * The secretariat loads the Committee's previous concluding observations: pasted text (JSON
 * `{ text, symbol? }`) or a file (multipart `file`, a .docx read through the section importer's
 * mammoth worker, or plain text converted from the PDF; optional field `symbol`). The text is
 * split into numbered recommendations (shared/followUp/parseConcludingObservations.ts) and
 * replaces the report's COs for everyone at once. Bad input changes nothing.
 */
import { getHeader, readMultipartFormData } from 'h3'
import { coUploadSchema } from '#shared/schemas/followUp'
import { parseConcludingObservations } from '#shared/followUp/parseConcludingObservations'
import { writeConcludingObservations } from '#shared/followUp/writeConcludingObservations'
import { coRecommendations } from '#shared/followUp/coRecommendations'
import { useStore } from '../../../../store'
import { audit } from '../../../../repos/audit'
import { changeReportDoc } from '../../../../reports/reportDocument'
import { importDocx } from '../../../../docx/import/importDocx'
import { DEFAULT_IMPORT_LIMITS } from '../../../../docx/import/importLimits'
import { DocxImportError } from '../../../../docx/import/DocxImportError'
import { importedCoText } from '../../../../followUp/importedCoText'
import { apiError, badRequest, tooLarge } from '../../../../utils/errors'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { logDenial } from '../../../../utils/logDenial'
import { idParam, validBody, validValue } from '../../../../utils/validate'

export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'report.editMeta')
  const { text, symbol } = /multipart\/form-data/i.test(getHeader(event, 'content-type') ?? '')
    ? await fromFile(event, reportId, user.id)
    : await validBody(event, coUploadSchema)
  const parsed = parseConcludingObservations(text)
  if (!parsed.paragraphs.length) throw apiError('coNoParagraphs', {}, { field: 'text' })
  const co = { ...parsed, symbol: symbol || parsed.symbol }
  await changeReportDoc(reportId, user, 'report.editMeta', doc => writeConcludingObservations(doc, co, `co:${user.id}`))
  const recommendations = coRecommendations(co)
  const { db } = await useStore()
  await audit(db, { actorId: user.id, reportId, action: 'report.concludingObservations', detail: { symbol: co.symbol, paragraphs: co.paragraphs.length } })
  return { symbol: co.symbol, paragraphs: co.paragraphs.length, recommendations: recommendations.filter(r => r.leaf).length }
})

/** The text of an uploaded file; .docx through mammoth, anything else must be UTF-8 text. */
async function fromFile(event: Parameters<typeof readMultipartFormData>[0], reportId: string, userId: string): Promise<{ text: string, symbol?: string }> {
  const parts = await readMultipartFormData(event).catch(() => undefined)
  const file = parts?.find(p => p.name === 'file')
  if (!file?.data?.length) throw badRequest('importNoFile', 'file')
  if (file.data.length > DEFAULT_IMPORT_LIMITS.maxBytes) throw tooLarge('importTooLarge', { mib: DEFAULT_IMPORT_LIMITS.maxBytes / 1024 / 1024 })
  const symbolPart = parts?.find(p => p.name === 'symbol')?.data.toString('utf8').trim()
  const { symbol } = validValue(coUploadSchema.pick({ symbol: true }), { symbol: symbolPart || undefined }, 'symbol')
  // A .docx is a zip archive: "PK\x03\x04".
  if (file.data.subarray(0, 4).equals(Buffer.from([0x50, 0x4B, 0x03, 0x04]))) {
    try {
      const result = await importDocx(Buffer.from(file.data))
      return { text: importedCoText(result.content), symbol }
    } catch (error) {
      if (!(error instanceof DocxImportError)) throw error
      logDenial({ reason: `concluding observations refused: ${error.code}`, userId, reportId })
      throw createError({ statusCode: error.code === 'too-large' || error.code === 'zip-bomb' ? 413 : 400, message: error.message, data: { field: 'file', code: error.code } })
    }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(file.data)
  // Not text: a PDF itself, an image, an old .doc. The PDF must be converted to text first.
  if (text.includes('\u0000') || text.startsWith('%PDF') || (text.match(/\uFFFD/g)?.length ?? 0) > text.length / 100) throw apiError('coFileType', {}, { field: 'file' })
  return { text, symbol }
}
