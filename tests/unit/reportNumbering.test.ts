import { describe, expect, it } from 'vitest'
import { encodeParagraphSuggestion, INSERTION } from '#shared/editor/suggestionMarks'
import { headingLabel, numberJsonReport, type JsonNode } from '#shared/reportNumbering'

const p = (text: string, refId: string | null = null, attrs: Record<string, unknown> = {}): JsonNode => ({ type: 'paragraph', attrs: { refId, ...attrs }, content: text ? [{ type: 'text', text }] : [] })
const h = (text: string, refId: string | null = null): JsonNode => ({ type: 'heading', attrs: { level: 2, refId }, content: [{ type: 'text', text }] })
const rec = (refId: string, kind = 'recommendation'): JsonNode => ({ type: 'recommendation', attrs: { refId, kind }, content: [p('Adopt a law', `${refId}-p`)] })
const fig = (refId: string): JsonNode => ({ type: 'figure', attrs: { refId }, content: [{ type: 'text', text: 'Caption' }] })
const doc = (...content: JsonNode[]): JsonNode => ({ type: 'doc', content })
const section = (id: string, content: JsonNode, countsTowardLimit = true) => ({ id, countsTowardLimit, content })

describe('report numbering', () => {
  it('numbers non-empty top-level paragraphs of body sections across sections, annexes last and unnumbered', () => {
    const n = numberJsonReport([
      section('a', doc(p('One', 'p1'), p('', 'empty'), h('A. Heading', 'h1'), p('Two', 'p2'))),
      section('annex', doc(p('Annex text', 'ax')), false),
      section('b', doc({ type: 'bulletList', content: [{ type: 'listItem', content: [p('item', 'li')] }] }, p('Three', 'p3'))),
    ], { numberedParagraphs: true })
    expect(n.byRefId.get('p1')?.number).toBe('1')
    expect(n.byRefId.get('empty')?.number).toBeNull()
    expect(n.byRefId.get('p2')?.number).toBe('2')
    expect(n.byRefId.get('li')?.number).toBeNull()
    expect(n.byRefId.get('p3')?.number).toBe('3')
    expect(n.byRefId.get('ax')?.number).toBeNull()
    expect(n.byRefId.get('h1')).toMatchObject({ kind: 'heading', number: 'A', sectionId: 'a', block: 2 })
    expect(n.paragraphs).toBe(3)
  })

  it('numbers nothing when the report does not number paragraphs', () => {
    const n = numberJsonReport([section('a', doc(p('One', 'p1')))], { numberedParagraphs: false })
    expect(n.byRefId.get('p1')?.number).toBeNull()
  })

  it('numbers recommendations and questions apart, and figures, in export order', () => {
    const n = numberJsonReport([
      section('annex', doc(fig('f-annex')), false),
      section('a', doc(rec('r1'), rec('q1', 'question'), fig('f1'), rec('r2'))),
    ], { numberedParagraphs: true })
    expect(['r1', 'q1', 'r2', 'f1', 'f-annex'].map(id => n.byRefId.get(id)?.number)).toEqual(['R1', 'Q1', 'R2', '1', '2'])
    // A paragraph inside a recommendation box has no paragraph number of its own.
    expect(n.byRefId.get('r1-p')?.number).toBeNull()
  })

  it('clean copy: inserted text does not make a paragraph, a suggested split joins the paragraph before it', () => {
    const s = encodeParagraphSuggestion({ id: 's1', authorId: 'u', authorName: 'U', createdAt: 1 } as never)
    const inserted: JsonNode = { type: 'paragraph', attrs: { refId: 'ins' }, content: [{ type: 'text', text: 'new', marks: [{ type: INSERTION, attrs: {} }] }] }
    const sections = [section('a', doc(p('One', 'p1'), inserted, p('Half', 'split', { suggestedSplit: s }), p('Two', 'p2')))]
    const clean = numberJsonReport(sections, { numberedParagraphs: true })
    // "Half" joins the (now empty) inserted paragraph before it, which so gets text and number 2.
    expect(['p1', 'ins', 'split', 'p2'].map(id => clean.byRefId.get(id)?.number)).toEqual(['1', '2', '2', '3'])
    const alone = numberJsonReport([section('a', doc(p('One', 'p1'), inserted, p('Two', 'p2')))], { numberedParagraphs: true })
    expect(['p1', 'ins', 'p2'].map(id => alone.byRefId.get(id)?.number)).toEqual(['1', null, '2'])
    const review = numberJsonReport(sections, { numberedParagraphs: true, clean: false })
    expect(['p1', 'ins', 'split', 'p2'].map(id => review.byRefId.get(id)?.number)).toEqual(['1', '2', '3', '4'])
  })

  it('leaves sections without text out of the clean copy', () => {
    const n = numberJsonReport([section('blank', doc(p(' ', 'sp'))), section('a', doc(p('One', 'p1')))], { numberedParagraphs: true })
    expect(n.byRefId.has('sp')).toBe(false)
    expect(n.byRefId.get('p1')?.number).toBe('1')
  })

  it('reads a heading label (roman, letter, arabic) or none', () => {
    expect(['III. General principles', 'A. Non-discrimination', '2.1 Budget', '(a) x', 'Introduction', 'I like it'].map(headingLabel)).toEqual(['III', 'A', null, null, null, null])
    expect(headingLabel('2.1. Budget')).toBe('2.1')
  })
})
