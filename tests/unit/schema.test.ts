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
})
