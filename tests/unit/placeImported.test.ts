/**
 * "Import Word" into a section that already has text: the draft replaces the text, goes in at
 * the caret (splitting the paragraph it is in) or after the body, and its footnotes join the
 * section's list in reference order, with fresh ids where the section already uses the draft's.
 */
import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { chorusSchema } from '#shared/editor/extensions'
import { placeImported } from '#shared/editor/placeImported'

const schema = chorusSchema()
const p = (text: string, ...rest: object[]) => ({ type: 'paragraph', content: [{ type: 'text', text }, ...rest] })
const ref = (id: string) => ({ type: 'footnoteReference', attrs: { id } })
const notes = (...items: Array<[string, string]>) => ({ type: 'footnotes', content: items.map(([id, text]) => ({ type: 'footnote', attrs: { id }, content: [p(text)] })) })

/** The section: "Alpha one.[fn1]" "Omega two." and the note for fn1. */
function section(caret?: (doc: PMNode) => number): EditorState {
  const doc = schema.nodeFromJSON({ type: 'doc', content: [p('Alpha one.', ref('fn1')), p('Omega two.'), notes(['fn1', 'Old note.'])] })
  const state = EditorState.create({ schema, doc })
  return caret ? state.apply(state.tr.setSelection(TextSelection.create(doc, caret(doc)))) : state
}
/** The Word draft: a heading and a paragraph citing a note whose id the section already uses. */
const DRAFT = { type: 'doc', content: [
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Draft heading' }] },
  p('Draft text.', ref('fn1')),
  notes(['fn1', 'Draft note.']),
] }

const blocks = (doc: PMNode) => {
  const out: string[] = []
  doc.forEach(child => out.push(child.type.name === 'footnotes' ? `notes: ${child.textContent.replace(/\./g, '. ').trim()}` : child.textContent))
  return out
}
const textAt = (doc: PMNode, needle: string) => {
  let at = -1
  doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes(needle)) at = pos + node.text!.indexOf(needle)
  })
  return at
}

describe('placing an imported Word draft', () => {
  it('replaces the section text', () => {
    const tr = placeImported(section(), DRAFT, 'replace')
    expect(blocks(tr.doc)).toEqual(['Draft heading', 'Draft text.', 'notes: Draft note.'])
  })

  it('appends after the body, before the footnotes, and keeps both notes in reference order', () => {
    const tr = placeImported(section(), DRAFT, 'end')
    expect(blocks(tr.doc)).toEqual(['Alpha one.', 'Omega two.', 'Draft heading', 'Draft text.', 'notes: Old note. Draft note.'])
    const refs: string[] = []
    tr.doc.descendants((n) => {
      if (n.type.name === 'footnoteReference') refs.push(n.attrs.id)
    })
    expect(new Set(refs).size).toBe(2)
    expect(refs[0]).toBe('fn1')
    const list = tr.doc.lastChild!
    expect(list.child(1).attrs.id).toBe(refs[1])
    expect(() => tr.doc.check()).not.toThrow()
    // The caret ends after what came in.
    expect(tr.selection.from).toBe(textAt(tr.doc, 'Draft text.') + 'Draft text.'.length + 1)
  })

  it('inserts at the caret between paragraphs and in the middle of one, splitting it', () => {
    const between = placeImported(section(doc => textAt(doc, 'Omega')), DRAFT, 'cursor')
    expect(blocks(between.doc).slice(0, 4)).toEqual(['Alpha one.', 'Draft heading', 'Draft text.', 'Omega two.'])
    const middle = placeImported(section(doc => textAt(doc, 'two.')), DRAFT, 'cursor')
    expect(blocks(middle.doc).slice(0, 5)).toEqual(['Alpha one.', 'Omega ', 'Draft heading', 'Draft text.', 'two.'])
    expect(blocks(middle.doc)[5]).toBe('notes: Old note. Draft note.')
  })

  it('puts the draft at the end of the body when the caret is in a footnote', () => {
    const tr = placeImported(section(doc => textAt(doc, 'Old note.') + 2), DRAFT, 'cursor')
    expect(blocks(tr.doc)).toEqual(['Alpha one.', 'Omega two.', 'Draft heading', 'Draft text.', 'notes: Old note. Draft note.'])
  })

  it('refuses a draft the schema does not allow, leaving the section as it was', () => {
    const state = section()
    expect(() => placeImported(state, { type: 'doc', content: [{ type: 'nonsense' }] }, 'end')).toThrow()
    expect(blocks(state.doc)).toEqual(['Alpha one.', 'Omega two.', 'notes: Old note.'])
  })
})
