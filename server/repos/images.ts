/**
 * The image bytes of a report's figures, keyed by (report, sha256 of the bytes). Stored in the
 * database, not on disk, so SQLite and PostgreSQL deployments and several instances behind one
 * database all serve the same images. A figure node holds only the sha256 (`imageId`).
 */
import type { SqlDriver } from '../store/driver'

/** What is known about a stored image, without its bytes. */
export interface ImageInfo {
  sha256: string
  mime: string
  byteSize: number
  width: number
  height: number
  createdAt: number
}

/** A stored image with its bytes. */
export interface StoredImage extends ImageInfo {
  data: Uint8Array
}

interface ImageRow {
  sha256: string
  mime: string
  byte_size: number | string
  width: number
  height: number
  created_at: number | string
  data?: unknown
}

const toInfo = (r: ImageRow): ImageInfo => ({
  sha256: r.sha256, mime: r.mime, byteSize: Number(r.byte_size), width: Number(r.width), height: Number(r.height), createdAt: Number(r.created_at),
})
const toBytes = (v: unknown): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array(v as ArrayBuffer))

/**
 * Store an image unless the report has it already. The same bytes uploaded again renew
 * `created_at`: whoever uploads them means to use them, so the reclaim's grace period starts again.
 * Returns whether the bytes were new.
 */
export async function putImage(db: SqlDriver, reportId: string, image: Omit<StoredImage, 'createdAt'>, uploadedBy: string, now = Date.now()): Promise<boolean> {
  const { changes } = await db.run(
    'INSERT INTO report_images (report_id, sha256, mime, byte_size, width, height, data, created_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) '
    + 'ON CONFLICT (report_id, sha256) DO NOTHING',
    [reportId, image.sha256, image.mime, image.byteSize, image.width, image.height, image.data, now, uploadedBy],
  )
  if (!changes) await db.run('UPDATE report_images SET created_at = ? WHERE report_id = ? AND sha256 = ? AND created_at < ?', [now, reportId, image.sha256, now])
  return changes > 0
}

/** Does the report hold these bytes already? */
export async function imageInfo(db: SqlDriver, reportId: string, sha256: string): Promise<ImageInfo | undefined> {
  const row = await db.get<ImageRow>('SELECT sha256, mime, byte_size, width, height, created_at FROM report_images WHERE report_id = ? AND sha256 = ?', [reportId, sha256])
  return row && toInfo(row)
}

/** One image with its bytes. */
export async function getImage(db: SqlDriver, reportId: string, sha256: string): Promise<StoredImage | undefined> {
  const row = await db.get<ImageRow>('SELECT sha256, mime, byte_size, width, height, created_at, data FROM report_images WHERE report_id = ? AND sha256 = ?', [reportId, sha256])
  return row && { ...toInfo(row), data: toBytes(row.data) }
}

/** Several images with their bytes (those the report has; missing ones are absent from the map). */
export async function getImages(db: SqlDriver, reportId: string, sha256s: string[]): Promise<Map<string, StoredImage>> {
  const out = new Map<string, StoredImage>()
  const unique = [...new Set(sha256s)]
  // In slices: SQLite allows 32,766 parameters, and a report has far fewer images than that anyway.
  for (let i = 0; i < unique.length; i += 200) {
    const slice = unique.slice(i, i + 200)
    const rows = await db.all<ImageRow>(
      `SELECT sha256, mime, byte_size, width, height, created_at, data FROM report_images WHERE report_id = ? AND sha256 IN (${slice.map(() => '?').join(', ')})`,
      [reportId, ...slice],
    )
    for (const r of rows) out.set(r.sha256, { ...toInfo(r), data: toBytes(r.data) })
  }
  return out
}

/** The bytes a report's images take in all. */
export async function reportImageBytes(db: SqlDriver, reportId: string): Promise<number> {
  const row = await db.get<{ total: number | string | null }>('SELECT SUM(byte_size) AS total FROM report_images WHERE report_id = ?', [reportId])
  return Number(row?.total ?? 0)
}

/** The images of a report stored before `before` (ms), without their bytes: candidates for the reclaim. */
export async function imagesStoredBefore(db: SqlDriver, reportId: string, before: number): Promise<ImageInfo[]> {
  const rows = await db.all<ImageRow>('SELECT sha256, mime, byte_size, width, height, created_at FROM report_images WHERE report_id = ? AND created_at < ?', [reportId, before])
  return rows.map(toInfo)
}

/**
 * Delete these images if they are still older than `before` (an upload of the same bytes in the
 * meantime renews them, and then they stay). Returns how many were deleted.
 */
export async function deleteImages(db: SqlDriver, reportId: string, sha256s: string[], before: number): Promise<number> {
  let deleted = 0
  for (const sha256 of sha256s) {
    deleted += (await db.run('DELETE FROM report_images WHERE report_id = ? AND sha256 = ? AND created_at < ?', [reportId, sha256, before])).changes
  }
  return deleted
}
