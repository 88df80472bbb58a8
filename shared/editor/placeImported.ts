/**
 * Where an imported Word draft goes in a section, as the "Import Word" dialog offers it:
 * - `replace` — the section's text becomes the draft (what import always did before);
 * - `cursor`  — the draft's paragraphs go in at the caret (Word's "Insert › Text from File"): a
 *   paragraph with the caret in its middle is split around them; a caret in the footnotes counts
 *   as the end of the body (a note cannot hold a table or a heading);
 * - `end`     — after the last paragraph of the body, before the footnotes.
 * The draft's footnotes join the section's list, in the order of their references; a draft
 * footnote id that the section already uses gets a new id (reference and note together).
 * The result is one ProseMirror transaction, dispatched in the section's editor: it reaches the
 * others through the normal collaboration path (and the server's guard), and Ctrl+Z takes it back.
 */
import { Fragment, Slice } from '@tiptap/pm/model'
import type { Node as PMNode } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { findFootnotes, footnoteReferenceIds, newFootnoteId } from './footnotes'

export type ImportPlacement = 'replace' | 'cursor' | 'end'
export const IMPORT_PLACEMENTS: readonly ImportPlacement[] = ['replace', 'cursor', 'end']

interface JsonNode { type: string, attrs?: Record<string, unknown>, content?: JsonNode[], [key: string]: unknown }

/** Footnote ids used in a section (references and notes). */
function footnoteIds(doc: PMNode): Set<string> {
  const ids = new Set<string>()
  doc.descendants((node) => {
    if ((node.type.name === 'footnoteReference' || node.type.name === 'footnote') && node.attrs.id) ids.add(String(node.attrs.id))
  })
  return ids
}

/** A copy of the draft's JSON whose footnote ids do not clash with `taken`. */
function freshFootnoteIds(json: JsonNode, taken: Set<string>): JsonNode {
  const renamed = new Map<string, string>()
  const walk = (node: JsonNode): JsonNode => {
    let attrs = node.attrs
    if ((node.type === 'footnoteReference' || node.type === 'footnote') && typeof attrs?.id === 'string' && taken.has(attrs.id)) {
      const old = attrs.id
      if (!renamed.has(old)) {
        let id = newFootnoteId()
        while (taken.has(id)) id = newFootnoteId()
        renamed.set(old, id)
      }
      attrs = { ...attrs, id: renamed.get(old) }
    }
    return { ...node, ...(attrs ? { attrs } : {}), ...(node.content ? { content: node.content.map(walk) } : {}) }
  }
  return walk(json)
}

/** Whether a position lies inside the section's footnotes list. */
function inFootnotes(state: EditorState, pos: number): boolean {
  const $pos = state.doc.resolve(pos)
  for (let d = $pos.depth; d > 0; d--) if ($pos.node(d).type.name === 'footnotes') return true
  return false
}

/** The transaction that puts the draft (`json`, a section body as the importer returns it) `where` the person chose. */
export function placeImported(state: EditorState, json: object, where: ImportPlacement): Transaction {
  const { schema } = state
  const draft = schema.nodeFromJSON(freshFootnoteIds(json as JsonNode, footnoteIds(state.doc)))
  draft.check()
  const tr = state.tr
  if (where === 'replace') {
    tr.replaceWith(0, tr.doc.content.size, draft.content)
    return tr.setSelection(TextSelection.atStart(tr.doc)).scrollIntoView()
  }
  const blocks: PMNode[] = []
  const notes: PMNode[] = []
  draft.forEach((child) => {
    if (child.type.name === 'footnotes') child.forEach(note => notes.push(note))
    else blocks.push(child)
  })
  const list = findFootnotes(state.doc)
  const bodyEnd = list ? list.pos : state.doc.content.size
  const { from, to } = state.selection
  let after: number
  if (where === 'cursor' && !inFootnotes(state, from) && !inFootnotes(state, to) && to <= bodyEnd) {
    tr.replaceRange(from, to, new Slice(Fragment.from(blocks), 0, 0))
    after = tr.mapping.map(to, 1)
  } else {
    tr.insert(bodyEnd, Fragment.from(blocks))
    after = bodyEnd + Fragment.from(blocks).size
  }
  if (notes.length) {
    // Every note, old and new, in the order of the references (as the footnote plugin keeps it).
    const existing = findFootnotes(tr.doc)
    const byId = new Map<string, PMNode>()
    existing?.node.forEach(note => byId.set(String(note.attrs.id), note))
    for (const note of notes) byId.set(String(note.attrs.id), note)
    const ordered = [...new Set(footnoteReferenceIds(tr.doc))].map(id => byId.get(id)).filter((n): n is PMNode => Boolean(n))
    if (ordered.length) {
      const listNode = schema.nodes.footnotes!.create(null, ordered)
      if (existing) tr.replaceWith(existing.pos, existing.pos + existing.node.nodeSize, listNode)
      else tr.insert(tr.doc.content.size, listNode)
    }
  }
  return tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(after, tr.doc.content.size)), -1)).scrollIntoView()
}
