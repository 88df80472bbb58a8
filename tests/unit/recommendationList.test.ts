import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { priorityGroups, recommendationList } from '#shared/recommendationList'
import type { BlockJson, ListedSection } from '#shared/recommendationList'
import { numberJsonReport } from '#shared/reportNumbering'
import { generatedWords } from '#shared/generatedWords'
import { chorusSchema } from '#shared/editor/extensions'

/** A recommendation block as the editor inserts it. */
const block = (refId: string, kind: 'recommendation' | 'question', priority: boolean, text: string): BlockJson => ({
  type: 'recommendation',
  attrs: { refId, kind, articles: '3', priority },
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})
const para = (text: string): BlockJson => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** What a generated section's block may be: a paragraph, a block, or a block inside a quote. */
const arbBlock = fc.oneof(
  fc.constant<'p'>('p'),
  fc.record({ kind: fc.constantFrom<'recommendation' | 'question'>('recommendation', 'question'), priority: fc.boolean(), quoted: fc.boolean() }),
)
const arbReport = fc.array(fc.record({
  annex: fc.boolean(),
  generated: fc.boolean(),
  blocks: fc.array(arbBlock, { maxLength: 6 }),
}), { minLength: 1, maxLength: 8 })

/** Builds the sections; every block gets a unique refId and its own text. */
function build(spec: Array<{ annex: boolean, generated: boolean, blocks: Array<'p' | { kind: 'recommendation' | 'question', priority: boolean, quoted: boolean }> }>) {
  let n = 0
  const sections: ListedSection[] = spec.map((s, i) => ({
    id: `sec-${i}`,
    title: `Section ${i}`,
    countsTowardLimit: !s.annex,
    generated: s.generated ? 'recommendations' : null,
    content: { type: 'doc', content: [para(`Opening ${i}`), ...s.blocks.map((b) => {
      if (b === 'p') return para(`Text ${n++}`)
      const rec = block(`r${n}`, b.kind, b.priority, `Block ${n++}`)
      return b.quoted ? { type: 'blockquote', content: [rec] } : rec
    })] },
  }))
  return sections
}

/** The oracle: every block's text in export order (body sections, then annexes), generated sections skipped. */
function expectedBlocks(sections: ListedSection[]) {
  const order = [...sections.filter(s => s.countsTowardLimit), ...sections.filter(s => !s.countsTowardLimit)].filter(s => !s.generated)
  const out: Array<{ sectionId: string, text: string, kind: string, priority: boolean }> = []
  const walk = (node: BlockJson, sectionId: string) => {
    if (node.type === 'recommendation') out.push({ sectionId, text: node.content![0]!.content![0]!.text!, kind: String(node.attrs!.kind), priority: node.attrs!.priority === true })
    else for (const c of node.content ?? []) walk(c, sectionId)
  }
  for (const s of order) walk(s.content, s.id)
  return out
}

describe('the recommendation list (numbering and the generated summary)', () => {
  it('lists exactly the blocks in report order, grouped by section, with consecutive R and Q numbers', () => {
    fc.assert(fc.property(arbReport, (spec) => {
      const sections = build(spec)
      const groups = recommendationList(sections)
      const items = groups.flatMap(g => g.items)
      const expected = expectedBlocks(sections)
      expect(items.map(i => ({ sectionId: i.sectionId, text: i.node.content![0]!.content![0]!.text, kind: i.kind, priority: i.priority }))).toEqual(expected)
      // Consecutive numbers per kind, from 1, in that order.
      for (const kind of ['recommendation', 'question'] as const) {
        const labels = items.filter(i => i.kind === kind).map(i => i.label)
        expect(labels).toEqual(labels.map((_, k) => `${kind === 'question' ? 'Q' : 'R'}${k + 1}`))
      }
      // One group per section that has blocks, in order, none empty; indexes count within the section.
      expect(groups.map(g => g.sectionId)).toEqual([...new Set(expected.map(e => e.sectionId))])
      for (const g of groups) expect(g.items.map(i => i.index)).toEqual(g.items.map((_, k) => k))
      // The priority list is the same blocks, the same numbers, only those marked.
      expect(priorityGroups(groups).flatMap(g => g.items)).toEqual(items.filter(i => i.priority))
    }), { numRuns: 300 })
  })

  it('gives every block the number shared/reportNumbering.ts gives it (what cross-references cite)', () => {
    fc.assert(fc.property(arbReport, (spec) => {
      const sections = build(spec).filter(s => !s.generated)
      const numbers = numberJsonReport(sections, { numberedParagraphs: true, skipEmptySections: false })
      for (const item of recommendationList(sections).flatMap(g => g.items)) {
        expect(numbers.byRefId.get(item.refId!)?.number).toBe(item.label)
      }
    }), { numRuns: 200 })
  })

  it('numbers a block copied with its refId on its own (by position), and builds blocks the schema accepts', () => {
    const copy = block('rSame', 'recommendation', false, 'Copied')
    const sections: ListedSection[] = [{ id: 'sec-a', title: 'A', countsTowardLimit: true, content: { type: 'doc', content: [copy, copy] } }]
    expect(recommendationList(sections).flatMap(g => g.items).map(i => i.label)).toEqual(['R1', 'R2'])
    expect(() => chorusSchema().nodeFromJSON(sections[0]!.content).check()).not.toThrow()
  })

  it('adds every block’s words to the generated summary and the priority blocks’ to a section with the priority list', () => {
    const words = generatedWords(
      [{ id: 'a' }, { id: 'sum', generated: 'recommendations' }, { id: 'exec', priorityList: true }, { id: 'fu', generated: 'followUp' }],
      [{ words: 5, priority: true }, { words: 7, priority: false }],
    )
    expect(words).toEqual({ a: 0, sum: 12, exec: 5, fu: 0 })
  })
})
