import { describe, expect, it } from 'vitest'
import { chorusSchema, isAllowedHref } from '#shared/editor/extensions'

describe('editor schema', () => {
  it('uses the Tiptap default node and mark names plus the footnote nodes', () => {
    const schema = chorusSchema()
    for (const name of ['doc', 'paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'table', 'tableRow', 'tableHeader', 'tableCell', 'hardBreak', 'footnoteReference', 'footnotes', 'footnote']) {
      expect(schema.nodes[name], name).toBeDefined()
    }
    for (const name of ['bold', 'italic', 'underline', 'strike', 'link']) expect(schema.marks[name], name).toBeDefined()
    expect(schema.nodes.codeBlock).toBeUndefined()
  })

  it('has superscript and subscript marks that exclude each other, and a page-break block', () => {
    const schema = chorusSchema()
    const sup = schema.marks.superscript!.create()
    const sub = schema.marks.subscript!.create()
    // Adding subscript to superscript text replaces it, as in Word.
    expect(sub.addToSet([sup]).map(m => m.type.name)).toEqual(['subscript'])
    expect(sup.addToSet([sub]).map(m => m.type.name)).toEqual(['superscript'])
    const doc = schema.nodeFromJSON({ type: 'doc', content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'km' }, { type: 'text', text: '2', marks: [{ type: 'superscript' }] }, { type: 'text', text: 'CO' }, { type: 'text', text: '2', marks: [{ type: 'subscript' }] }] },
      { type: 'pageBreak' },
      { type: 'paragraph' },
    ] })
    expect(() => doc.check()).not.toThrow()
    // An empty section is still filled with a paragraph, not a page break.
    expect(schema.topNodeType.createAndFill()!.firstChild!.type.name).toBe('paragraph')
  })

  it('accepts a body with footnotes at the end and refuses them in the middle', () => {
    const schema = chorusSchema()
    const ok = schema.nodeFromJSON({ type: 'doc', content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Claim' }, { type: 'footnoteReference', attrs: { id: 'fn1' } }] },
      { type: 'footnotes', content: [{ type: 'footnote', attrs: { id: 'fn1' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Source' }] }] }] },
    ] })
    expect(() => ok.check()).not.toThrow()
    const bad = schema.nodeFromJSON({ type: 'doc', content: [
      { type: 'footnotes', content: [{ type: 'footnote', attrs: { id: 'fn1' }, content: [{ type: 'paragraph' }] }] },
      { type: 'paragraph' },
    ] })
    expect(() => bad.check()).toThrow()
  })

  it('allows only http, https and mailto links', () => {
    expect(isAllowedHref('https://www.ohchr.org/')).toBe(true)
    expect(isAllowedHref('mailto:secretariat@example.org')).toBe(true)
    expect(isAllowedHref('javascript:alert(1)')).toBe(false)
    expect(isAllowedHref('data:text/html,x')).toBe(false)
  })
  it('has a recommendation block of paragraphs whose attributes survive HTML and a split', () => {
    const schema = chorusSchema()
    const doc = schema.nodeFromJSON({ type: 'doc', content: [
      { type: 'recommendation', attrs: { refId: 'r1', kind: 'question', articles: '3, 12', priority: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ask' }] }, { type: 'paragraph' }] },
    ] })
    expect(() => doc.check()).not.toThrow()
    const block = doc.firstChild!
    expect(block.attrs).toMatchObject({ refId: 'r1', kind: 'question', articles: '3, 12', priority: true })
    // A recommendation holds paragraphs only: no heading, no nested box.
    expect(() => schema.nodeFromJSON({ type: 'doc', content: [{ type: 'recommendation', content: [{ type: 'heading', attrs: { level: 2 } }] }] }).check()).toThrow()
    expect(schema.nodes.recommendation!.spec.attrs!.refId!.default).toBeNull()
    // An empty section is still filled with a paragraph, not a recommendation.
    expect(schema.topNodeType.createAndFill()!.firstChild!.type.name).toBe('paragraph')
  })
})
