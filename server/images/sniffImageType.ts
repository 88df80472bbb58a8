/**
 * The image type the bytes themselves say, from their magic numbers. The upload's Content-Type is
 * only a claim: the bytes decide, and the two must agree (a "PNG" that is really HTML or SVG is
 * refused, so nothing served back as an image can be read as a page).
 */
import type { ImageType } from './imageConfig'

const starts = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v)
const ascii = (s: string) => [...s].map(c => c.charCodeAt(0))

/** The type of `bytes`, or null when they are none of PNG, JPEG, GIF, WebP. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (starts(bytes, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return 'image/png'
  if (starts(bytes, [0xFF, 0xD8, 0xFF])) return 'image/jpeg'
  if (starts(bytes, ascii('GIF87a')) || starts(bytes, ascii('GIF89a'))) return 'image/gif'
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8)) return 'image/webp'
  return null
}

/** Does this look like SVG (or other XML) — refused with its own message, since people will try it? */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || (head.startsWith('<!doctype svg'))
}
