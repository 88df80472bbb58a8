/**
 * Judge an uploaded image before anything is stored: its size, its type (the Content-Type must
 * name one of the four allowed types AND agree with the bytes' magic numbers), that the bytes
 * hash to the SHA-256 the figure node will refer to, and that its pixel size can be read.
 * Every refusal is one of shared/apiErrors.ts' codes, so the browser can say it in the user's language.
 */
import { createHash } from 'node:crypto'
import { apiError } from '../utils/errors'
import { IMAGE_TYPES, imageConfig } from './imageConfig'
import type { ImageType } from './imageConfig'
import { imageDimensions } from './imageDimensions'
import { looksLikeSvg, sniffImageType } from './sniffImageType'

/** An upload that passed every check. */
export interface CheckedImage {
  sha256: string
  mime: ImageType
  byteSize: number
  width: number
  height: number
}

const MiB = 1024 * 1024
const mib = (bytes: number) => Math.round((bytes / MiB) * 10) / 10

/** Check `bytes` sent as `contentType` for the image `sha256`; throws an API error on the first problem. */
export function checkImageUpload(bytes: Uint8Array, contentType: string | undefined, sha256: string, maxBytes = imageConfig.maxImageBytes): CheckedImage {
  if (bytes.byteLength > maxBytes) throw apiError('imageTooLarge', { mib: mib(maxBytes) })
  const claimed = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (claimed === 'image/svg+xml' || looksLikeSvg(bytes)) throw apiError('imageSvgRefused')
  if (!(IMAGE_TYPES as readonly string[]).includes(claimed)) throw apiError('imageTypeNotAllowed')
  const actual = sniffImageType(bytes)
  if (!actual) throw apiError('imageTypeNotAllowed')
  if (actual !== claimed) throw apiError('imageTypeMismatch', { claimed, actual })
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw apiError('imageHashMismatch')
  const size = imageDimensions(bytes, actual)
  if (!size) throw apiError('imageUnreadable')
  return { sha256, mime: actual, byteSize: bytes.byteLength, ...size }
}
