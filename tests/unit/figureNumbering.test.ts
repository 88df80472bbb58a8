/**
 * Figure numbers in the editor ("Figure 3.") are the numbers the report has everywhere else:
 * each section's editor numbers its own figures from the offset the page gives it
 * (composables/figures/figureOffsets.ts over the Y.Doc, composables/editor/figureNumbering.ts in
 * the editor), and together they must equal shared/reportNumbering.ts — the exporter's and the
 * cross-references' numbers — for any report (annexes after the body, figures nested in lists).
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { numberJsonReport } from '#shared/reportNumbering'
import type { JsonNode } from '#shared/reportNumbering'
import { sectionFragmentName } from '#shared/docNames'
import { countFigures, figureOffsets, watchFigureOffsets } from '~~/composables/figures/figureOffsets'
import { figureDecorations } from '~~/composables/editor/figureNumbering'

type Block = 'text' | 'figure' | 'listFigure'
const SHA = 'b'.repeat(64)
let serial = 0

function blockJson(kind: Block): JsonNode {
  const figure = (): JsonNode => ({ type: 'figure', attrs: { refId: `f${++serial}`, imageId: SHA, alt: 'x' }, content: [{ type: 'text', text: 'Caption' }] })
  if (kind === 'figure') return figure()
  if (kind === 'listFigure') return { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item' }] }, figure()] }] }
  return { type: 'paragraph', content: [{ type: 'text', text: 'Words' }] }
}

const report = fc.array(fc.record({
  countsTowardLimit: fc.boolean(),
  blocks: fc.array(fc.constantFrom<Block>('text', 'figure', 'listFigure'), { maxLength: 6 }),
}), { minLength: 1, maxLength: 6 })

describe('figure numbering', () => {
  it('numbers every figure as shared/reportNumbering does, across sections in export order', () => {
    fc.assert(fc.property(report, (spec) => {
      const schema = chorusSchema()
      const doc = new Y.Doc()
      // Every section starts with text, so none is left out as empty (that rule is the export's own).
      const sections = spec.map((s, i) => ({ id: `section${i}`, countsTowardLimit: s.countsTowardLimit, content: { type: 'doc', content: [blockJson('text'), ...s.blocks.map(blockJson)] } as JsonNode }))
      for (const s of sections) prosemirrorJSONToYXmlFragment(schema, s.content, doc.getXmlFragment(sectionFragmentName(s.id)))
      const counts = Object.fromEntries(sections.map(s => [s.id, countFigures(doc.getXmlFragment(sectionFragmentName(s.id)))]))
      const offsets = figureOffsets(sections, counts)

      const shown = new Map<string, number>()
      for (const s of sections) {
        const pmDoc = schema.nodeFromJSON(s.content)
        for (const d of figureDecorations(pmDoc, offsets[s.id]!).find()) {
          shown.set(pmDoc.nodeAt(d.from)!.attrs.refId, (d.spec as { figureNumber: number }).figureNumber)
        }
      }
      const oracle = numberJsonReport(sections, { numberedParagraphs: true, skipEmptySections: false })
      const expected = new Map([...oracle.byRefId].filter(([, t]) => t.kind === 'figure').map(([id, t]) => [id, Number(t.number)]))
      expect(shown).toEqual(expected)
      expect(shown.size).toBe(oracle.figures)
    }), { numRuns: 200 })
  })

  it('starts each section where the sections before it (annexes last) end', () => {
    const sections = [{ id: 'annex', countsTowardLimit: false }, { id: 'a', countsTowardLimit: true }, { id: 'b', countsTowardLimit: true }]
    expect(figureOffsets(sections, { annex: 2, a: 3, b: 1 })).toEqual({ a: 0, b: 3, annex: 4 })
  })

  it('follows figures added in the Y.Doc, and does not recount for typing', async () => {
    const doc = new Y.Doc()
    const sections = [{ id: 'one', countsTowardLimit: true }, { id: 'two', countsTowardLimit: true }]
    const one = doc.getXmlFragment(sectionFragmentName('one'))
    const text = new Y.XmlText('Words')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [text])
    one.insert(0, [paragraph])
    const seen: Array<Record<string, number>> = []
    const watching = watchFigureOffsets(doc, () => sections, v => seen.push(v), 5)
    const settle = () => new Promise(resolve => setTimeout(resolve, 20))
    expect(seen).toEqual([{ one: 0, two: 0 }])
    one.insert(1, [new Y.XmlElement('figure')])
    await settle()
    expect(seen.at(-1)).toEqual({ one: 0, two: 1 })
    text.insert(5, ' more words')
    await settle()
    expect(seen).toHaveLength(2)
    watching.stop()
  })
})
