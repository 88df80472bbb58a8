import { describe, expect, it } from 'vitest'
import { NodeSelection } from '@tiptap/pm/state'
import { getAttributesFromExtensions } from '@tiptap/core'
import type { TagParseRule } from '@tiptap/pm/model'
import { chorusExtensions, chorusSchema } from '#shared/editor/extensions'
import { FIGURE } from '#shared/editor/figure'

const SHA = 'a'.repeat(64)
const figureJSON = {
  type: FIGURE,
  attrs: { refId: 'fig1', imageId: SHA, alt: 'Bar chart of placements', width: 320, align: 'left', naturalWidth: 640, naturalHeight: 480 },
  content: [{ type: 'text', text: 'Children in residential care, ' }, { type: 'text', text: '2019–2024', marks: [{ type: 'italic' }] }],
}

/** The few Element methods parseHTML's rules call, over a plain attribute map (unit tests run without a DOM). */
function fakeFigure(attrs: Record<string, string>, imgAlt: string | null) {
  return {
    getAttribute: (name: string) => attrs[name] ?? null,
    querySelector: (sel: string) => (sel === 'img' && imgAlt !== null ? { getAttribute: (n: string) => (n === 'alt' ? imgAlt : null) } : null),
  } as unknown as HTMLElement
}

/** Attributes as the schema's parse rules read them from an element. */
function parseAttrs(el: HTMLElement) {
  const type = chorusSchema().nodes[FIGURE]!
  const rule = type.spec.parseDOM![0] as TagParseRule
  expect(rule.tag).toBe('figure[data-type="figure"]')
  expect(rule.contentElement).toBe('figcaption')
  const fromRule = (rule.getAttrs?.(el) || {}) as Record<string, unknown>
  return type.create(fromRule).attrs
}

describe('figure node', () => {
  it('is a block whose text is its caption, and survives JSON', () => {
    const schema = chorusSchema()
    const doc = schema.nodeFromJSON({ type: 'doc', content: [figureJSON, { type: 'paragraph' }] })
    expect(() => doc.check()).not.toThrow()
    expect(doc.firstChild!.textContent).toBe('Children in residential care, 2019–2024')
    expect(doc.toJSON().content[0]).toEqual(figureJSON)
    // An empty section is still filled with a paragraph, never with a figure.
    expect(schema.topNodeType.createAndFill()!.firstChild!.type.name).toBe('paragraph')
  })

  it('renders <figure data-type data-image-id data-ref-id><img alt width><figcaption> and reads it back', () => {
    const schema = chorusSchema()
    const node = schema.nodeFromJSON(figureJSON)
    const spec = node.type.spec.toDOM!(node) as unknown as [string, Record<string, string>, [string, Record<string, string>], [string, number]]
    const [tag, attrs, img, caption] = spec
    expect(tag).toBe('figure')
    expect(attrs).toMatchObject({ 'data-type': 'figure', 'data-image-id': SHA, 'data-ref-id': 'fig1', 'data-width': '320', 'data-align': 'left', 'data-natural-width': '640', 'data-natural-height': '480' })
    // No src in the schema's HTML: a serialised document never names a host.
    expect(img).toEqual(['img', { alt: 'Bar chart of placements', width: '320' }])
    expect(caption).toEqual(['figcaption', 0])
    expect(parseAttrs(fakeFigure(attrs, img[1].alt ?? null))).toEqual(figureJSON.attrs)
  })

  it('refuses what pasted HTML must not carry: a non-sha256 id, a bad alignment, silly sizes', () => {
    const attrs = parseAttrs(fakeFigure({ 'data-type': 'figure', 'data-image-id': 'https://evil.example/x.png', 'data-align': 'justify', 'data-width': '-5', 'data-natural-width': '1e9' }, null))
    expect(attrs).toMatchObject({ imageId: null, align: 'center', width: null, naturalWidth: null, alt: '' })
    // An upper-case hex id is the same image.
    expect(parseAttrs(fakeFigure({ 'data-image-id': SHA.toUpperCase() }, 'x')).imageId).toBe(SHA)
  })

  it('gives paragraphs and headings a refId that is not copied when the block is split', () => {
    const schema = chorusSchema()
    expect(schema.nodes.paragraph!.create().attrs.refId).toBeNull()
    expect(schema.nodes.heading!.create({ level: 2 }).attrs.refId).toBeNull()
    // Tiptap's Enter copies only attributes kept on split: the half after Enter is a new block.
    const refIds = getAttributesFromExtensions(chorusExtensions()).filter(a => a.name === 'refId')
    for (const type of ['paragraph', 'heading', FIGURE]) {
      expect(refIds.find(a => a.type === type)?.attribute.keepOnSplit, type).toBe(false)
    }
    const figure = schema.nodeFromJSON(figureJSON)
    expect(NodeSelection.isSelectable(figure)).toBe(true)
  })
})
