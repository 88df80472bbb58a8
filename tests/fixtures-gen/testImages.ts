/**
 * Real image files for tests, written byte by byte: a PNG of any size (zlib-compressed rows, CRCs
 * and all, so LibreOffice and Word decode it), and the smallest well-formed headers of JPEG, GIF and
 * WebP for the sniffing and size readers. No image library, no files on disk.
 */
import { createHash } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A PNG of `width` × `height`: a colour gradient (so pdfimages finds a real picture), RGB 8-bit;
 * `noise` (0–255 per sample) makes it compress like a photo.
 */
export function makePng(width: number, height: number, seed = 0, noise: () => number = () => 0): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    for (let x = 0; x < width; x++) rows.set([(x * 255 / width + seed + noise()) & 255, (y * 255 / height + noise()) & 255, (seed * 40 + noise()) & 255], row + 1 + x * 3)
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

/** The start of a baseline JPEG: SOI, a JFIF APP0 segment, then a SOF0 frame header of the given size. */
export function jpegHeader(width: number, height: number): Buffer {
  const app0 = [0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
  const sof0 = [0xFF, 0xC0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
  return Buffer.from([0xFF, 0xD8, ...app0, ...sof0, 0xFF, 0xD9])
}

/** A 1 × 1 GIF89a with a logical screen of the given size. */
export function gifHeader(width: number, height: number): Buffer {
  return Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, width & 255, width >> 8, height & 255, height >> 8, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
    0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B])
}

/** The header of a lossless WebP (VP8L) of the given size. */
export function webpHeader(width: number, height: number): Buffer {
  const bits = ((width - 1) & 0x3FFF) | (((height - 1) & 0x3FFF) << 14)
  const vp8l = Buffer.from([0x2F, bits & 255, (bits >>> 8) & 255, (bits >>> 16) & 255, (bits >>> 24) & 255, 0, 0, 0, 0, 0])
  const size = Buffer.alloc(4)
  size.writeUInt32LE(vp8l.length)
  const body = Buffer.concat([Buffer.from('WEBPVP8L', 'ascii'), size, vp8l])
  const riff = Buffer.alloc(4)
  riff.writeUInt32LE(body.length)
  return Buffer.concat([Buffer.from('RIFF', 'ascii'), riff, body])
}

/** The lowercase hex SHA-256 of bytes: a figure's `imageId`. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A real 40 × 20 WebP (VP8X, lossy, with an ICC profile), as Chromium's canvas encodes one: decodable by LibreOffice. */
export const CHROMIUM_WEBP = Buffer.from('UklGRnwCAABXRUJQVlA4WAoAAAAgAAAAJwAAEwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggjgAAAHAGAJ0BKigAFAA+MRaJQyIhIRK1mCADBLIAQeCoLxb8APyj5FDsBk1/IF4z3f8Av8/HB/Uf5IBostPtAAD++4H+Xt/Cz6Nrr//6HVYD5tX//1No0Ro6rmOwnu1sYxVo3DBebJWn0sEqHKz5b6pMMPnLBs7chei77iTxYh33RbldRaFQv4DnR1p3FAAwwAA=', 'base64')
