/**
 * The two whole-report import routes take the same upload: a .docx in the multipart field `file`
 * (at most the importer's size limit; the body itself was limited by middleware/02.bodyLimit.ts)
 * and text fields beside it. The file is converted by the same importer as a section import
 * (size and zip checks, the time- and memory-limited worker), so a bad file gets the same clear
 * error, with the same codes the browser words in each language.
 */
import { createError } from 'h3'
import type { MultiPartData } from 'h3'
import type { PublicUser } from '#shared/types/user'
import { importDocx, type ImportResult } from '../../docx/import/importDocx'
import { DEFAULT_IMPORT_LIMITS } from '../../docx/import/importLimits'
import { DocxImportError } from '../../docx/import/DocxImportError'
import { badRequest, tooLarge } from '../../utils/errors'
import { logDenial } from '../../utils/logDenial'

const STATUS: Record<DocxImportError['code'], number> = { 'not-docx': 400, 'corrupt': 400, 'too-large': 413, 'zip-bomb': 413, 'timeout': 422 }
/** A text field beside the file is a few KiB at most (the report's settings and targets). */
const MAX_FIELD_BYTES = 256 * 1024

/** The uploaded file and the text fields of the form (`parts`: readMultipartFormData's, undefined when unreadable). */
export function draftUpload(parts: MultiPartData[] | undefined): { file: Buffer, fields: Record<string, string> } {
  const file = parts?.find(p => p.name === 'file' && p.filename !== undefined) ?? parts?.find(p => p.name === 'file')
  if (!file?.data?.length) throw badRequest('importNoFile', 'file')
  if (file.data.length > DEFAULT_IMPORT_LIMITS.maxBytes) throw tooLarge('importTooLarge', { mib: DEFAULT_IMPORT_LIMITS.maxBytes / 1024 / 1024 })
  const fields: Record<string, string> = {}
  for (const part of parts ?? []) {
    if (part.name && part.name !== 'file' && part.data.length <= MAX_FIELD_BYTES) fields[part.name] = part.data.toString('utf8')
  }
  return { file: Buffer.from(file.data), fields }
}

/** The converted draft; a file the importer refuses answers its status and code (nothing is created). */
export async function convertDraft(file: Buffer, user: PublicUser): Promise<ImportResult> {
  try {
    return await importDocx(file, {}, { id: user.id, name: user.name })
  } catch (error) {
    if (error instanceof DocxImportError) {
      logDenial({ reason: `report import refused: ${error.code}`, userId: user.id })
      throw createError({ statusCode: STATUS[error.code], message: error.message, data: { field: 'file', code: error.code } })
    }
    throw error
  }
}
