/**
 * The body and the footnotes as two stories (issue 9, bug 1): Ctrl+Home/End stay in the story of
 * the caret, Escape leaves a note for its reference, and a change made from a note cannot spill
 * into the body. Pure state functions from shared/editor/footnotes.ts.
 */
import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Fragment } from '@tiptap/pm/model'
import { chorusSchema } from '#shared/editor/extensions'
import { bodyEnd, findFootnotes, footnoteStoryGuard, inFirstNoteText, inFootnotes, inLastBodyText, leaveFootnoteSelection, storyEdgeSelection } from '#shared/editor/footnotes'

const schema = chorusSchema()
const p = (text: string, ...rest: unknown[]) => ({ type: 'paragraph', content: [{ type: 'text', text }, ...rest] })
const doc = schema.nodeFromJSON({ type: 'doc', content: [
  p('Children are heard', { type: 'footnoteReference', attrs: { id: 'a' } }, { type: 'text', text: ' in court.' }),
  p('Second', { type: 'footnoteReference', attrs: { id: 'b' } }),
  { type: 'footnotes', content: [
    { type: 'footnote', attrs: { id: 'a' }, content: [p('Note A.')] },
    { type: 'footnote', attrs: { id: 'b' }, content: [p('Note B.')] },
  ] },
] })

/** The position just before the first occurrence of `text` (in a text node). */
function at(d: PMNode, text: string, offset = 0): number {
  let found = -1
  d.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + offset
  })
  if (found < 0) throw new Error(`no “${text}”`)
  return found
}
const stateAt = (pos: number, plugins = [footnoteStoryGuard()]) => EditorState.create({ schema, doc, plugins, selection: TextSelection.create(doc, pos) })
const textAround = (state: EditorState) => {
  const { $head } = state.selection
  return [$head.parent.textBetween(0, $head.parentOffset), $head.parent.textBetween($head.parentOffset, $head.parent.content.size)]
}

describe('footnote stories', () => {
  it('Ctrl+End and Ctrl+Home from the body stay in the body', () => {
    const state = stateAt(at(doc, 'are'))
    const end = storyEdgeSelection(state, 'end')
    expect(inFootnotes(end.$head)).toBe(false)
    expect(end.head).toBe(bodyEnd(doc) - 1)
    expect(textAround(state.apply(state.tr.setSelection(end)))).toEqual(['Second', ''])
    expect(storyEdgeSelection(stateAt(at(doc, 'Second')), 'start').head).toBe(1)
    // With Shift: the selection grows from where it was to the end of the body, not into the notes.
    const extended = storyEdgeSelection(state, 'end', true)
    expect([extended.anchor, extended.head]).toEqual([at(doc, 'are'), bodyEnd(doc) - 1])
  })

  it('Ctrl+End and Ctrl+Home in a note stay in the notes', () => {
    const state = stateAt(at(doc, 'Note A', 2))
    const list = findFootnotes(doc)!
    const end = storyEdgeSelection(state, 'end')
    expect(end.head).toBe(list.pos + list.node.nodeSize - 3)
    expect(textAround(state.apply(state.tr.setSelection(end)))).toEqual(['Note B.', ''])
    const start = storyEdgeSelection(state, 'start')
    expect(textAround(state.apply(state.tr.setSelection(start)))).toEqual(['', 'Note A.'])
  })

  it('knows the edges Right/Down and Left/Up must not cross', () => {
    expect(inLastBodyText(stateAt(at(doc, 'Second')))).toBe(true)
    expect(inLastBodyText(stateAt(at(doc, 'heard')))).toBe(false)
    expect(inFirstNoteText(stateAt(at(doc, 'Note A')))).toBe(true)
    expect(inFirstNoteText(stateAt(at(doc, 'Note B')))).toBe(false)
  })

  it('Escape in a note goes right after its reference in the body; outside a note it does nothing', () => {
    const back = leaveFootnoteSelection(stateAt(at(doc, 'Note B', 3)))!
    expect(back.empty).toBe(true)
    expect(doc.nodeAt(back.head - 1)?.attrs.id).toBe('b')
    const backA = leaveFootnoteSelection(stateAt(at(doc, 'Note A')))!
    expect(doc.textBetween(backA.head, backA.head + 9)).toBe(' in court')
    expect(leaveFootnoteSelection(stateAt(at(doc, 'heard')))).toBeNull()
  })

  it('the schema keeps lists, tables and headings out of a note', () => {
    const list = schema.nodes.bulletList!.create(null, schema.nodes.listItem!.create(null, schema.nodes.paragraph!.create()))
    const heading = schema.nodes.heading!.create({ level: 2 })
    expect(schema.nodes.footnote!.validContent(Fragment.from(list))).toBe(false)
    expect(schema.nodes.footnote!.validContent(Fragment.from(heading))).toBe(false)
    expect(schema.nodes.footnote!.validContent(Fragment.from(schema.nodes.paragraph!.create()))).toBe(true)
  })

  it('refuses a change made from a note that takes the text and the caret into the body', () => {
    const state = stateAt(at(doc, 'Note A', 2))
    // What a list command lifting the note's paragraph out would do: a list in the body, the caret in it.
    const list = schema.nodes.bulletList!.create(null, schema.nodes.listItem!.create(null, schema.nodes.paragraph!.create(null, schema.text('Note A.'))))
    const spill = state.tr.insert(bodyEnd(doc), list)
    spill.setSelection(TextSelection.create(spill.doc, bodyEnd(doc) + 3))
    expect(state.applyTransaction(spill).state.doc.eq(doc)).toBe(true)
    // Typing in the note, and a change elsewhere that leaves the caret in the note, pass.
    const typed = state.applyTransaction(state.tr.insertText('x'))
    expect(typed.state.doc.eq(doc)).toBe(false)
    const elsewhere = state.applyTransaction(state.tr.insertText('!', at(doc, 'Second') + 6))
    expect(elsewhere.state.doc.textContent).toContain('Second!')
    // From the body nothing is refused.
    const body = stateAt(at(doc, 'Second'))
    const fromBody = body.tr.insert(bodyEnd(doc), list)
    expect(body.applyTransaction(fromBody).state.doc.eq(doc)).toBe(false)
  })
})
