/**
 * What the image upload accepts: the type the bytes say (magic numbers) must be the type sent, one
 * of PNG, JPEG, GIF, WebP; SVG is refused by name; the bytes must hash to the address; the pixel
 * size is read from the header. Each refusal carries the code the browser translates.
 */
import { describe, expect, it } from 'vitest'
import { checkImageUpload } from '../../server/images/checkImageUpload'
import { imageDimensions } from '../../server/images/imageDimensions'
import { sniffImageType } from '../../server/images/sniffImageType'
import { CHROMIUM_WEBP, gifHeader, jpegHeader, makePng, sha256Hex, webpHeader } from '../fixtures-gen/testImages'

const codeOf = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    return (error as { data?: { code?: string } }).data?.code ?? String(error)
  }
  return 'accepted'
}

describe('image bytes: type and size from the header', () => {
  it('reads the type and pixel size of PNG, JPEG, GIF and WebP', () => {
    const cases = [
      [makePng(321, 123), 'image/png'],
      [jpegHeader(321, 123), 'image/jpeg'],
      [gifHeader(321, 123), 'image/gif'],
      [webpHeader(321, 123), 'image/webp'],
    ] as const
    for (const [bytes, type] of cases) {
      expect(sniffImageType(bytes)).toBe(type)
      expect(imageDimensions(bytes, type)).toEqual({ width: 321, height: 123 })
    }
  })

  it('reads a real WebP as a browser encodes it (VP8X with an ICC profile)', () => {
    expect(sniffImageType(CHROMIUM_WEBP)).toBe('image/webp')
    expect(imageDimensions(CHROMIUM_WEBP, 'image/webp')).toEqual({ width: 40, height: 20 })
  })

  it('skips JPEG segments before the frame header (EXIF, tables) and refuses a cut header', () => {
    const exif = Buffer.from([0xFF, 0xE1, 0x00, 0x08, 1, 2, 3, 4, 5, 6])
    const plain = jpegHeader(4000, 3000)
    const withExif = Buffer.concat([plain.subarray(0, 2), exif, plain.subarray(2)])
    expect(imageDimensions(withExif, 'image/jpeg')).toEqual({ width: 4000, height: 3000 })
    expect(imageDimensions(plain.subarray(0, 15), 'image/jpeg')).toBeNull()
    expect(imageDimensions(makePng(5, 5).subarray(0, 20), 'image/png')).toBeNull()
  })

  it('knows no type for SVG, HTML or text', () => {
    for (const text of ['<svg xmlns="http://www.w3.org/2000/svg"/>', '<html><script>alert(1)</script>', 'hello']) {
      expect(sniffImageType(Buffer.from(text))).toBeNull()
    }
  })
})

describe('checkImageUpload', () => {
  const png = makePng(40, 20)
  const sha = sha256Hex(png)

  it('accepts a PNG sent as image/png under its sha256', () => {
    expect(checkImageUpload(png, 'image/png', sha)).toEqual({ sha256: sha, mime: 'image/png', byteSize: png.length, width: 40, height: 20 })
    expect(checkImageUpload(png, 'Image/PNG; charset=binary', sha).mime).toBe('image/png')
  })

  it('refuses SVG, by its type or by its bytes', () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    expect(codeOf(() => checkImageUpload(svg, 'image/svg+xml', sha256Hex(svg)))).toBe('imageSvgRefused')
    expect(codeOf(() => checkImageUpload(svg, 'image/png', sha256Hex(svg)))).toBe('imageSvgRefused')
  })

  it('refuses other types, and bytes that are not the type they claim', () => {
    const html = Buffer.from('<html><body>hi</body></html>')
    expect(codeOf(() => checkImageUpload(html, 'text/html', sha256Hex(html)))).toBe('imageTypeNotAllowed')
    expect(codeOf(() => checkImageUpload(html, 'image/png', sha256Hex(html)))).toBe('imageTypeNotAllowed')
    expect(codeOf(() => checkImageUpload(png, 'image/jpeg', sha))).toBe('imageTypeMismatch')
    expect(codeOf(() => checkImageUpload(png, undefined, sha))).toBe('imageTypeNotAllowed')
    const bmp = Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)])
    expect(codeOf(() => checkImageUpload(bmp, 'image/bmp', sha256Hex(bmp)))).toBe('imageTypeNotAllowed')
  })

  it('refuses bytes that do not hash to the address, and a damaged header', () => {
    expect(codeOf(() => checkImageUpload(png, 'image/png', sha256Hex(Buffer.from('other'))))).toBe('imageHashMismatch')
    const cut = png.subarray(0, 20)
    expect(codeOf(() => checkImageUpload(cut, 'image/png', sha256Hex(cut)))).toBe('imageUnreadable')
  })

  it('refuses a picture over the per-image limit', () => {
    expect(codeOf(() => checkImageUpload(png, 'image/png', sha, png.length - 1))).toBe('imageTooLarge')
  })
})
