/**
 * `figure` → an inline picture in its own paragraph, then its caption: "Figure 3. <caption>" in
 * Word's Caption style, the number a `SEQ Figure` field whose cached result is the number, so
 * Word's "Insert Table of Figures" lists it and LibreOffice shows the number without updating.
 * The picture keeps its aspect ratio at the figure's width (CSS px = Word's 96-dpi px), or its
 * natural width, never wider than the text column. Its alt text is the drawing's description
 * (wp:docPr descr), which Word's accessibility checker and screen readers read.
 * A figure whose picture is missing (never uploaded, or reclaimed) becomes a placeholder
 * paragraph and a warning: never a failed export.
 */
import { D, type DocxDesc } from '../docxDesc'
import { renderInline } from '../inline'
import { bookmarkTarget } from '../crossReferences'
import { STYLE } from '../styles'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { ExportImage, PMNode } from '../../types'

/** The text column of the A4 page (exportDocx's PAGE: 11,906 − 2 × 1,418 twips) in px: 15 twips a px. */
const COLUMN_PX = Math.floor((11906 - 2 * 1418) / 15)

/**
 * The type docx is told: WebP, which docx does not know, goes as "png" and gets its real type in
 * the package afterwards (mediaSwapSource.ts), as Word 365 and LibreOffice read WebP.
 */
const DOCX_TYPES: Record<string, 'png' | 'jpg' | 'gif'> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'png' }

const ALIGNMENT = { left: 'left', center: 'center', right: 'right' } as const

/** Renders a figure node at position `pos` of the section doc. */
export function renderFigure(node: PMNode, pos: number, ctx: RenderContext, env: BlockEnv): DocxDesc[] {
  const attrs = node.attrs ?? {}
  // Placeholders are numbered too: the numbers must not shift when one picture is missing.
  const number = ++ctx.figureCount
  const alignment = ALIGNMENT[attrs.align as keyof typeof ALIGNMENT] ?? 'center'
  const alt = typeof attrs.alt === 'string' ? attrs.alt : ''
  const image = typeof attrs.imageId === 'string' ? ctx.images[attrs.imageId] : undefined
  const type = image && DOCX_TYPES[image.mime]
  // The text column, or a table cell's width, less a list's indent.
  const column = Math.max(16, Math.floor((env.widthTwips ?? COLUMN_PX * 15) / 15) - Math.round((env.indent ?? 0) / 15))

  let picture: DocxDesc
  if (image && type) {
    const size = pictureSize(image, typeof attrs.width === 'number' ? attrs.width : null, column)
    picture = D.Paragraph({
      alignment,
      // The picture and its caption stay on one page.
      keepNext: true,
      children: [D.ImageRun({ type, data: image.data, transformation: size, altText: { name: `Figure ${number}`, description: alt, title: '' } })],
    })
  } else {
    ctx.warn('A figure\'s picture is missing from the server: exported as a placeholder')
    picture = D.Paragraph({
      alignment,
      keepNext: true,
      children: [D.TextRun({ text: alt ? `${ctx.labels.missingPicture} ${alt}` : ctx.labels.missingPicture, italics: true })],
    })
  }
  const caption = D.Paragraph({
    style: STYLE.caption,
    alignment,
    children: [
      D.TextRun(`${ctx.labels.figure} `),
      // A cross-reference's REF field reads the number through this bookmark (crossReferences.ts).
      ...bookmarkTarget(ctx, node, [D.SimpleField('SEQ Figure \\* ARABIC', String(number))]),
      D.TextRun((node.content?.length ?? 0) > 0 ? '. ' : '.'),
      ...renderInline(node.content, pos + 1, ctx, env),
    ],
  })
  return [picture, caption]
}

/** Display size in px: the set width (or the natural one), capped to the column, at the picture's aspect ratio. */
export function pictureSize(image: Pick<ExportImage, 'width' | 'height'>, width: number | null, column: number): { width: number, height: number } {
  const w = Math.max(1, Math.min(width ?? image.width, column))
  return { width: w, height: Math.max(1, Math.round((w * image.height) / image.width)) }
}
