/**
 * A report with figures for the export benchmark and tests: the sample report's sections with
 * `count` figures spread over them, each its own photo-like PNG (a gradient with noise, so it
 * compresses like a photo, not like a flat chart) at a few sizes and alignments.
 */
import type { ExportImage, ExportInput, PMNode } from '../../server/docx/types'
import { sampleReport } from './sampleReport'
import { makePng, sha256Hex } from './testImages'

/** A PNG with seeded noise, so it compresses like a small photo rather than a flat chart. */
function photoPng(width: number, height: number, seed: number): Buffer {
  let state = seed * 7919 + 1
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) & 0x7FFFFFFF) / 0x7FFFFFFF
  return makePng(width, height, seed, () => Math.floor(next() * 48))
}

/** The sample report with `count` figures, and their pictures. */
export function figureReport(count = 30): ExportInput {
  const input = sampleReport()
  const images: Record<string, ExportImage> = {}
  const sizes = [[800, 500], [600, 600], [1000, 400]] as const
  for (let i = 0; i < count; i++) {
    const [w, h] = sizes[i % sizes.length]!
    const data = photoPng(w, h, i + 1)
    const id = sha256Hex(data)
    images[id] = { mime: 'image/png', width: w, height: h, data }
    const figure: PMNode = {
      type: 'figure',
      attrs: { refId: `fig${i}`, imageId: id, alt: `Chart ${i + 1} of the data`, width: i % 3 === 2 ? 320 : null, align: (['center', 'left', 'right'] as const)[i % 3], naturalWidth: w, naturalHeight: h },
      content: [{ type: 'text', text: `Children in residential care by region, series ${i + 1}` }],
    }
    const section = input.sections[i % input.sections.length]!
    const blocks = section.content.content ?? []
    // After the (i / sections)-th block, before the footnotes list.
    const notesAt = blocks.findIndex(b => b.type === 'footnotes')
    const end = notesAt < 0 ? blocks.length : notesAt
    blocks.splice(Math.min(end, 1 + Math.floor(i / input.sections.length) * 2), 0, figure)
    section.content = { ...section.content, content: blocks }
  }
  return { ...input, images }
}
