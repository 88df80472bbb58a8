/**
 * Store the pictures of an imported Word file with the report, before the figures that show them
 * are written (or handed to the editor): the same per-report limit as an upload, checked for all
 * the file's new pictures at once, so an import either brings all its pictures or fails clearly
 * and changes nothing. Pictures the report already has are only renewed (repos/images.ts).
 */
import type { SqlDriver } from '../store/driver'
import { imageInfo, putImage, reportImageBytes } from '../repos/images'
import { apiError } from '../utils/errors'
import { imageConfig } from './imageConfig'

/** A checked picture (server/docx/import/importedPictures.ts). */
interface StorableImage {
  sha256: string
  mime: string
  byteSize: number
  width: number
  height: number
  data: Uint8Array
}

/** Store `images` for `reportId`, or throw `reportImagesFull` having stored none. */
export async function storeImportedImages(db: SqlDriver, reportId: string, userId: string, images: StorableImage[]): Promise<void> {
  if (!images.length) return
  let added = 0
  for (const image of images) if (!(await imageInfo(db, reportId, image.sha256))) added += image.byteSize
  if (added && (await reportImageBytes(db, reportId)) + added > imageConfig.maxReportBytes) {
    throw apiError('reportImagesFull', { mib: Math.round(imageConfig.maxReportBytes / 1024 / 1024) })
  }
  for (const image of images) await putImage(db, reportId, image, userId)
}
