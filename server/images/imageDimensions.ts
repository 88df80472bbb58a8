/**
 * Width and height in pixels, read from the header of a PNG, JPEG, GIF or WebP file — a few
 * dozen bytes per format, so no image library (and no decoder running on untrusted bytes) is needed.
 * Returns null when the header is cut short or claims a zero size.
 */
import type { ImageType } from './imageConfig'

export interface Dimensions { width: number, height: number }

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8)
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!
const tag = (b: Uint8Array, i: number) => String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!)

/** The pixel size of an image of the (sniffed) `type`. */
export function imageDimensions(bytes: Uint8Array, type: ImageType): Dimensions | null {
  const size = READERS[type](bytes)
  return size && size.width > 0 && size.height > 0 ? size : null
}

const READERS: Record<ImageType, (b: Uint8Array) => Dimensions | null> = {
  // The IHDR chunk always comes first, right after the 8-byte signature.
  'image/png': b => (b.length >= 24 && tag(b, 12) === 'IHDR' ? { width: u32be(b, 16), height: u32be(b, 20) } : null),
  // The logical screen size, right after "GIF89a".
  'image/gif': b => (b.length >= 10 ? { width: u16le(b, 6), height: u16le(b, 8) } : null),
  'image/jpeg': jpegDimensions,
  'image/webp': webpDimensions,
}

/** Walk the JPEG markers to the first start-of-frame (SOF0–SOF15, except DHT, JPG and DAC). */
function jpegDimensions(b: Uint8Array): Dimensions | null {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xFF) return null
    const marker = b[i + 1]!
    // Fill bytes, and markers without a length (RSTn, TEM).
    if (marker === 0xFF) {
      i++
      continue
    }
    if ((marker >= 0xD0 && marker <= 0xD7) || marker === 0x01) {
      i += 2
      continue
    }
    const length = u16be(b, i + 2)
    if (marker >= 0xC0 && marker <= 0xCF && marker !== 0xC4 && marker !== 0xC8 && marker !== 0xCC) {
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) }
    }
    if (marker === 0xDA || length < 2) return null // the scan began before any frame header
    i += 2 + length
  }
  return null
}

/** WebP: the first chunk says which of three encodings follows, each with its own header. */
function webpDimensions(b: Uint8Array): Dimensions | null {
  if (b.length < 30) return null
  const chunk = tag(b, 12)
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 }
  if (chunk === 'VP8 ') {
    // A key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
    if (b[23] !== 0x9D || b[24] !== 0x01 || b[25] !== 0x2A) return null
    return { width: u16le(b, 26) & 0x3FFF, height: u16le(b, 28) & 0x3FFF }
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2F) return null
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)
    return { width: (bits & 0x3FFF) + 1, height: ((bits >>> 14) & 0x3FFF) + 1 }
  }
  return null
}
