/**
 * The pictures an export needs, read from the store before the export starts: the exporter works
 * on plain data and its packing runs in a worker (docxDesc.ts), which has no database.
 */
import type { SqlDriver } from '../../store/driver'
import { getImages } from '../../repos/images'
import type { ExportImage, ExportSection, PMNode } from '../types'

function collect(node: PMNode, into: Set<string>): void {
  if (node.type === 'figure' && typeof node.attrs?.imageId === 'string') into.add(node.attrs.imageId)
  for (const child of node.content ?? []) collect(child, into)
}

/** The pictures of every figure in `sections`, by image id (missing ones are absent). */
export async function loadExportImages(db: SqlDriver, reportId: string, sections: ExportSection[]): Promise<Record<string, ExportImage>> {
  const ids = new Set<string>()
  for (const section of sections) collect(section.content, ids)
  if (!ids.size) return {}
  const found = await getImages(db, reportId, [...ids])
  const out: Record<string, ExportImage> = {}
  for (const [id, image] of found) out[id] = { mime: image.mime, width: image.width, height: image.height, data: image.data }
  return out
}
