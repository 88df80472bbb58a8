/**
 * The checks a Word file's pictures pass before they become figures — the same as a picture
 * uploaded in the editor (server/images/checkImageUpload.ts): the bytes must be PNG, JPEG, GIF or
 * WebP by their magic numbers (Word's EMF/WMF drawings, TIFF and SVG are left out), within the
 * per-image limit, with a readable pixel size. The sha256 is the figure's `imageId`.
 */
import { createHash } from 'node:crypto'
import { imageConfig } from '../../images/imageConfig'
import type { ImageType } from '../../images/imageConfig'
import { imageDimensions } from '../../images/imageDimensions'
import { sniffImageType } from '../../images/sniffImageType'
import type { WordPicture } from './runMammoth'
import type { PlaceablePicture } from './placeFigures'

/** A picture of the file that may be stored with the report. */
export interface ImportedImage extends PlaceablePicture {
  mime: ImageType
  byteSize: number
  data: Uint8Array
}

/** Each picture checked: its stored form, or null when it cannot be a figure. */
export function importedPictures(pictures: WordPicture[], maxBytes = imageConfig.maxImageBytes): Array<ImportedImage | null> {
  return pictures.map((p) => {
    if (p.data.byteLength > maxBytes) return null
    const mime = sniffImageType(p.data)
    const size = mime && imageDimensions(p.data, mime)
    if (!mime || !size) return null
    const sha256 = createHash('sha256').update(p.data).digest('hex')
    return { sha256, mime, byteSize: p.data.byteLength, data: p.data, width: size.width, height: size.height, cx: p.cx, alt: p.alt }
  })
}
