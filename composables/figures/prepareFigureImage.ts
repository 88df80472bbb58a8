/**
 * Check a picture in the browser before it becomes a figure: the type its bytes say (PNG, JPEG,
 * GIF or WebP; SVG refused, since it can carry script), its size against the server's limit, its
 * SHA-256 (the figure's `imageId`, so the node can be inserted at once and the bytes follow) and
 * its pixel size. The server checks all of it again on upload (server/images/checkImageUpload.ts);
 * this is so the person hears why at once, in their language, and nothing is inserted.
 */
import { interfaceT } from '~~/utils/interfaceI18n'

export type FigureImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'

export interface PreparedFigureImage {
  bytes: Uint8Array<ArrayBuffer>
  mime: FigureImageType
  sha256: string
  width: number
  height: number
}

/** A picture refused in the browser; `message` is in the interface language. */
export class FigureImageError extends Error {}

const starts = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v)
const ascii = (s: string) => [...s].map(c => c.charCodeAt(0))

function sniff(bytes: Uint8Array): FigureImageType | null {
  if (starts(bytes, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return 'image/png'
  if (starts(bytes, [0xFF, 0xD8, 0xFF])) return 'image/jpeg'
  if (starts(bytes, ascii('GIF87a')) || starts(bytes, ascii('GIF89a'))) return 'image/gif'
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8)) return 'image/webp'
  return null
}

function looksLikeSvg(type: string, bytes: Uint8Array): boolean {
  if (type === 'image/svg+xml') return true
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, b => b.toString(16).padStart(2, '0')).join('')
}

/** Read, check and hash a picture; throws FigureImageError with the reason. */
export async function prepareFigureImage(blob: Blob, maxBytes: number | null): Promise<PreparedFigureImage> {
  const MiB = 1024 * 1024
  if (maxBytes !== null && blob.size > maxBytes) throw new FigureImageError(interfaceT('apiErrors.imageTooLarge', { mib: Math.round((maxBytes / MiB) * 10) / 10 }))
  const bytes = new Uint8Array(await blob.arrayBuffer())
  if (looksLikeSvg(blob.type, bytes)) throw new FigureImageError(interfaceT('apiErrors.imageSvgRefused'))
  const mime = sniff(bytes)
  if (!mime) throw new FigureImageError(interfaceT('apiErrors.imageTypeNotAllowed'))
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type: mime }))
  } catch {
    throw new FigureImageError(interfaceT('apiErrors.imageUnreadable'))
  }
  const { width, height } = bitmap
  bitmap.close()
  return { bytes, mime, sha256: await sha256Hex(bytes), width, height }
}
