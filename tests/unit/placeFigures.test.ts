/**
 * Where Word's pictures land (server/docx/import/placeFigures.ts), on the JSON htmlToDoc makes:
 * a figure wherever a block may stand (top level, table cell, list item, quote), none in a heading
 * or a note (counted instead), captions taken from after — or, when labelled, before — the figure,
 * and the worker's caption mark never left in the text.
 */
import { describe, expect, it } from 'vitest'
import { chorusSchema } from '#shared/editor/extensions'
import { PICTURE_PLACEHOLDER, placeFigures } from '../../server/docx/import/placeFigures'
import type { PlaceablePicture } from '../../server/docx/import/placeFigures'
import type { PMNode } from '../../server/docx/types'

const CAPTION_MARK = '\uFDDA'
const pic = (index: number): PMNode => ({ type: PICTURE_PLACEHOLDER, attrs: { index } })
const text = (t: string): PMNode => ({ type: 'text', text: t })
const p = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content })
const picture = (n: number, cx = 0): PlaceablePicture => ({ sha256: String(n).repeat(64).slice(0, 64), width: 800, height: 400, cx, alt: ` Alt ${n} ` })
const captionOf = (f: PMNode) => (f.content ?? []).map(n => n.text).join('')

describe('placeFigures', () => {
  it('splits a paragraph around its pictures, keeping the shown size and the alt text', () => {
    const doc: PMNode = { type: 'doc', content: [p(text('See '), pic(0), { type: 'hardBreak' }, text(' below.'))] }
    const { doc: out, used, leftOut } = placeFigures(doc, [picture(1, 1905000)])
    expect(out.content!.map(b => b.type)).toEqual(['paragraph', 'figure', 'paragraph'])
    // 1,905,000 EMU = 200 px; the alt text trimmed.
    expect(out.content![1]!.attrs).toMatchObject({ width: 200, alt: 'Alt 1', naturalWidth: 800, naturalHeight: 400, align: 'center' })
    expect(out.content![0]!.content).toEqual([text('See ')])
    expect(out.content![2]!.content).toEqual([text(' below.')])
    expect([...used, leftOut]).toEqual([0, 0])
  })

  it('takes a labelled caption from right before the figure when none follows; a picture as wide as the column fits it', () => {
    const doc: PMNode = { type: 'doc', content: [p(text('Figure 2 – Schools by region')), p(pic(0)), p(text('After.'))] }
    const { doc: out } = placeFigures(doc, [picture(2, 604 * 9525)])
    expect(out.content!.map(b => b.type)).toEqual(['figure', 'paragraph'])
    expect(captionOf(out.content![0]!)).toBe('Schools by region')
    expect(out.content![0]!.attrs!.width).toBeNull()
  })

  it('puts figures in table cells, list items and quotes; leaves pictures in headings and notes out, counted', () => {
    const doc: PMNode = { type: 'doc', content: [
      { type: 'heading', attrs: { level: 2 }, content: [text('Title'), pic(0)] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(pic(1))] }] }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('Item')), p(pic(2))] }] },
      { type: 'blockquote', content: [p(pic(3)), p(text(`${CAPTION_MARK}Quoted chart`))] },
      p(text('Body'), { type: 'footnoteReference', attrs: { id: 'n1' } }),
      { type: 'footnotes', content: [{ type: 'footnote', attrs: { id: 'n1' }, content: [p(text('Source'), pic(4))] }] },
    ] }
    const { doc: out, used, leftOut } = placeFigures(doc, [0, 1, 2, 3, 4].map(n => picture(n)))
    expect(() => chorusSchema().nodeFromJSON(out).check()).not.toThrow()
    expect([...used].sort()).toEqual([1, 2, 3])
    expect(leftOut).toBe(2)
    const quote = out.content![3]!
    expect(quote.content!.map(b => b.type)).toEqual(['figure'])
    expect(captionOf(quote.content![0]!)).toBe('Quoted chart')
  })

  it('counts a refused picture, and takes the caption mark out of paragraphs that are no caption', () => {
    const doc: PMNode = { type: 'doc', content: [
      p(pic(0)),
      p(text(`${CAPTION_MARK}A caption-styled line far from any picture`)),
      p(text('Between.')),
      p(text(`${CAPTION_MARK}Another`)),
    ] }
    const { doc: out, leftOut } = placeFigures(doc, [null])
    expect(leftOut).toBe(1)
    expect(JSON.stringify(out)).not.toContain(CAPTION_MARK)
    expect(out.content!.map(b => b.content?.map(n => n.text).join(''))).toEqual(['A caption-styled line far from any picture', 'Between.', 'Another'])
  })

  it('keeps "Figures show…" as text: only a numbered label, or a caption style, is a caption', () => {
    const doc: PMNode = { type: 'doc', content: [p(pic(0)), p(text('Figures show a rise.'))] }
    const { doc: out } = placeFigures(doc, [picture(5)])
    expect(out.content!.map(b => b.type)).toEqual(['figure', 'paragraph'])
    expect(captionOf(out.content![0]!)).toBe('')
  })
})
