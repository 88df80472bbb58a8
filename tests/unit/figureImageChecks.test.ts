/**
 * The browser's checks on a picture before it becomes a figure (composables/figures/
 * prepareFigureImage.ts): too large for the server's limit, SVG (by its type or its bytes, whatever
 * it claims), or bytes that are none of PNG, JPEG, GIF and WebP are refused with the server's own
 * error message (the same locales key), before anything is decoded, hashed or inserted.
 * (Decoding and hashing real pictures is covered in the browser: tests/e2e/figures.spec.ts.)
 */
import { describe, expect, it } from 'vitest'
import { FigureImageError, prepareFigureImage } from '~~/composables/figures/prepareFigureImage'
import { makePng } from '../fixtures-gen/testImages'

/** The refusal's message (the locales key itself: no interface language in unit tests). */
async function refusal(blob: Blob, maxBytes: number | null = null): Promise<string> {
  try {
    await prepareFigureImage(blob, maxBytes)
  } catch (error) {
    expect(error).toBeInstanceOf(FigureImageError)
    return (error as Error).message
  }
  throw new Error('not refused')
}

describe('a picture checked in the browser', () => {
  it('is refused over the server\'s size limit, whatever it is', async () => {
    const png = makePng(40, 40)
    expect(await refusal(new Blob([new Uint8Array(png)], { type: 'image/png' }), png.length - 1)).toBe('apiErrors.imageTooLarge')
  })

  it('is refused as SVG by its type or by its bytes, even named a PNG', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    expect(await refusal(new Blob([svg], { type: 'image/svg+xml' }))).toBe('apiErrors.imageSvgRefused')
    expect(await refusal(new Blob(['\uFEFF  <?xml version="1.0"?>\n' + svg], { type: 'image/png' }))).toBe('apiErrors.imageSvgRefused')
  })

  it('is refused when its bytes are no PNG, JPEG, GIF or WebP, whatever its type says', async () => {
    expect(await refusal(new Blob(['%PDF-1.7 not a picture'], { type: 'image/png' }))).toBe('apiErrors.imageTypeNotAllowed')
    expect(await refusal(new Blob([new Uint8Array([0x42, 0x4D, 0, 0, 0, 0])], { type: 'image/bmp' }))).toBe('apiErrors.imageTypeNotAllowed')
  })
})
