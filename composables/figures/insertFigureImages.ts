/**
 * Turn pictures (files picked, pasted or dropped, or fetched from a pasted web page) into figure
 * nodes at the caret: each is checked and hashed in the browser (prepareFigureImage), inserted at
 * once with its SHA-256 as `imageId`, and its bytes handed to the uploads, which keep them until
 * the server has them. A refused picture inserts nothing and says why.
 */
import type { Editor } from '@tiptap/core'
import { FIGURE } from '#shared/editor/figure'
import { newRefId } from '#shared/editor/newRefId'
import { interfaceT } from '~~/utils/interfaceI18n'
import { FigureImageError, prepareFigureImage } from './prepareFigureImage'
import type { PreparedFigureImage } from './prepareFigureImage'
import type { FigureUploads } from './figureUploads'

export interface FigureLimits { maxImageBytes: number, maxReportBytes: number, usedBytes: number }

export interface InsertFiguresInput {
  editor: Editor
  blobs: Blob[]
  /** Alt text for every picture ('' = still to be written: the figure shows it is missing). */
  alt?: string
  caption?: string
  limits: FigureLimits | null
  uploads: FigureUploads
  /** Say why a picture was refused (a toast). */
  refuse: (message: string) => void
}

/** A figure just inserted. */
export interface InsertedFigure { imageId: string, refId: string, alt: string }

/** Insert the pictures that pass the checks; returns the figures inserted, in order. */
export async function insertFigureImages(input: InsertFiguresInput): Promise<InsertedFigure[]> {
  const prepared: PreparedFigureImage[] = []
  let added = 0
  for (const blob of input.blobs) {
    try {
      const image = await prepareFigureImage(blob, input.limits?.maxImageBytes ?? null)
      const limits = input.limits
      if (limits && limits.usedBytes + added + image.bytes.byteLength > limits.maxReportBytes) {
        throw new FigureImageError(interfaceT('apiErrors.reportImagesFull', { mib: Math.round(limits.maxReportBytes / 1024 / 1024) }))
      }
      added += image.bytes.byteLength
      prepared.push(image)
    } catch (error) {
      input.refuse(error instanceof FigureImageError ? error.message : interfaceT('apiErrors.imageUnreadable'))
    }
  }
  if (!prepared.length || input.editor.isDestroyed) return []
  const caption = input.caption?.trim()
  const nodes = prepared.map(image => ({
    type: FIGURE,
    attrs: { refId: newRefId('f'), imageId: image.sha256, alt: input.alt?.trim() ?? '', width: null, align: 'center', naturalWidth: image.width, naturalHeight: image.height },
    ...(caption ? { content: [{ type: 'text', text: caption }] } : {}),
  }))
  // In a caption the figure goes after the one whose caption it is: inserting a block there would
  // split that figure, and the half after the caret would be a copy of its picture.
  const { $from } = input.editor.state.selection
  const chain = input.editor.chain().focus()
  const done = $from.parent.type.name === FIGURE ? chain.insertContentAt($from.after(), nodes).run() : chain.insertContent(nodes).run()
  if (!done) {
    input.refuse(interfaceT('figures.cannotInsertHere'))
    return []
  }
  for (const image of prepared) void input.uploads.add(image)
  return nodes.map(n => ({ imageId: n.attrs.imageId, refId: n.attrs.refId, alt: n.attrs.alt }))
}
