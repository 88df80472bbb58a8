/**
 * Footnotes as a Word user knows them. Custom nodes (documented in docs/editor.md):
 * - `footnoteReference` — inline atom `{ id }` where the note is cited; numbered by its order in
 *   the report (CSS counters in the editor, real footnote ids in the DOCX).
 * - `footnotes` — the list at the end of a section body (`footnote+`), one per section at most.
 * - `footnote` — one note `{ id }` holding paragraphs, edited collaboratively like any text.
 * A plugin keeps the list in step with the references after local edits: a new reference gets an
 * empty note, a deleted reference takes its note along, and notes follow reference order.
 */
import { Node, mergeAttributes } from '@tiptap/core'
import { Plugin, PluginKey, Selection, TextSelection } from '@tiptap/pm/state'
import type { Node as PMNode, ResolvedPos, Schema } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Insert a footnote reference at the cursor and an empty note for it; focus moves to the note. */
      insertFootnote: () => ReturnType
    }
  }
}

/** A short random id for a new footnote. */
export function newFootnoteId(): string {
  return 'fn' + Math.random().toString(36).slice(2, 10)
}

export const FootnoteReference = Node.create({
  name: 'footnoteReference',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: el => el.getAttribute('data-footnote-ref'),
        renderHTML: attrs => ({ 'data-footnote-ref': attrs.id }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'sup[data-footnote-ref]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes, { class: 'footnote-ref' })]
  },
  renderText() {
    return ''
  },
  addCommands() {
    return {
      insertFootnote: () => ({ state, tr, dispatch }) => {
        const { schema } = state
        // A note inside a note has no meaning in Word: refuse inside the notes list.
        const { $from } = state.selection
        for (let d = $from.depth; d > 0; d--) if ($from.node(d).type.name === 'footnotes') return false
        const id = newFootnoteId()
        const pos = state.selection.to
        tr.insert(pos, schema.nodes.footnoteReference!.create({ id }))
        const note = schema.nodes.footnote!.create({ id }, schema.nodes.paragraph!.create())
        const list = findFootnotes(tr.doc)
        if (list) {
          tr.insert(list.pos + list.node.nodeSize - 1, note)
        } else {
          tr.insert(tr.doc.content.size, schema.nodes.footnotes!.create(null, note))
        }
        if (dispatch) {
          const noteList = findFootnotes(tr.doc)!
          let notePos = -1
          noteList.node.forEach((child, offset) => {
            if (child.attrs.id === id) notePos = noteList.pos + 1 + offset
          })
          if (notePos >= 0) tr.setSelection(TextSelection.near(tr.doc.resolve(notePos + 2)))
        }
        return true
      },
    }
  },
  addKeyboardShortcuts() {
    // Word: Ctrl+Alt+F inserts a footnote.
    return { 'Mod-Alt-f': () => this.editor.commands.insertFootnote() }
  },
})

export const Footnotes = Node.create({
  name: 'footnotes',
  content: 'footnote+',
  isolating: true,
  defining: true,
  parseHTML() {
    return [{ tag: 'ol[data-footnotes]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['ol', mergeAttributes(HTMLAttributes, { 'data-footnotes': '', class: 'footnotes' }), 0]
  },
  addProseMirrorPlugins() {
    return [footnoteSyncPlugin(), footnoteStoryGuard()]
  },
})

export const Footnote = Node.create({
  name: 'footnote',
  content: 'paragraph+',
  isolating: true,
  defining: true,
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: el => el.getAttribute('data-footnote-id'),
        renderHTML: attrs => ({ 'data-footnote-id': attrs.id }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'li[data-footnote-id]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['li', mergeAttributes(HTMLAttributes, { class: 'footnote' }), 0]
  },
})

/** The footnotes list of a section body, with its position, if there is one. */
export function findFootnotes(doc: PMNode): { node: PMNode, pos: number } | null {
  let found: { node: PMNode, pos: number } | null = null
  doc.forEach((child, offset) => {
    if (child.type.name === 'footnotes') found = { node: child, pos: offset }
  })
  return found
}

/** Ids of footnote references in document order. */
export function footnoteReferenceIds(doc: PMNode): string[] {
  const ids: string[] = []
  doc.descendants((node) => {
    if (node.type.name === 'footnoteReference' && node.attrs.id) ids.push(node.attrs.id)
    return node.type.name !== 'footnotes'
  })
  return ids
}

const syncKey = new PluginKey('footnoteSync')

/** After a local change, rebuild the notes list if it no longer matches the references. */
function footnoteSyncPlugin(): Plugin {
  return new Plugin({
    key: syncKey,
    appendTransaction(transactions, _old, state) {
      // Remote changes (y-sync) are fixed by the client that made them; fixing them here too would race.
      const local = transactions.some(tr => tr.docChanged && !tr.getMeta('y-sync$') && !tr.getMeta(syncKey))
      if (!local) return null
      return rebuildFootnotes(state)
    },
  })
}

function rebuildFootnotes(state: EditorState): Transaction | null {
  const { doc, schema } = state
  const refs = footnoteReferenceIds(doc)
  const list = findFootnotes(doc)
  const existing = new Map<string, PMNode>()
  list?.node.forEach(child => existing.set(child.attrs.id, child))
  const current = list ? list.node.content.content.map(n => n.attrs.id as string) : []
  const wanted = [...new Set(refs)]
  if (current.length === wanted.length && current.every((id, i) => id === wanted[i])) return null
  const notes = wanted.map(id => existing.get(id) ?? emptyNote(schema, id))
  const tr = state.tr.setMeta(syncKey, true).setMeta('addToHistory', true)
  if (list) {
    if (notes.length) tr.replaceWith(list.pos, list.pos + list.node.nodeSize, schema.nodes.footnotes!.create(null, notes))
    else tr.delete(list.pos, list.pos + list.node.nodeSize)
  } else if (notes.length) {
    tr.insert(doc.content.size, schema.nodes.footnotes!.create(null, notes))
  }
  return tr
}

function emptyNote(schema: Schema, id: string): PMNode {
  return schema.nodes.footnote!.create({ id }, schema.nodes.paragraph!.create())
}

/*
 * Moving as in Word, where the body and the notes are two separate "stories": Ctrl+Home/End stay in
 * the story the caret is in, Escape leaves a note for the place right after its reference. Pure
 * functions of the state, bound to keys by composables/editor/keyboardNavigation.ts.
 */

/** Where the body ends: the footnotes list's position, or the end of the document. */
export function bodyEnd(doc: PMNode): number {
  return findFootnotes(doc)?.pos ?? doc.content.size
}

/** The id of the note `$pos` is in, or null in the body. */
export function footnoteIdAt($pos: ResolvedPos): string | null {
  for (let d = $pos.depth; d > 0; d--) {
    if ($pos.node(d).type.name === 'footnote') return ($pos.node(d).attrs.id as string | null) ?? ''
  }
  return null
}

/** Is `$pos` inside the footnotes list (in a note or between notes)? */
export function inFootnotes($pos: ResolvedPos): boolean {
  for (let d = $pos.depth; d > 0; d--) if ($pos.node(d).type.name === 'footnotes') return true
  return false
}

/**
 * The selection Ctrl+Home / Ctrl+End (with Shift: extended from the anchor) gives: the start or
 * end of the body from the body, of the notes from a note — never from one story into the other.
 */
export function storyEdgeSelection(state: EditorState, edge: 'start' | 'end', extend = false): Selection {
  const { doc, selection } = state
  const list = findFootnotes(doc)
  const inNotes = !!list && inFootnotes(selection.$head)
  const [from, to] = inNotes ? [list!.pos + 1, list!.pos + list!.node.nodeSize - 1] : [0, bodyEnd(doc)]
  const target = edge === 'start'
    ? Selection.findFrom(doc.resolve(from), 1, true) ?? Selection.atStart(doc)
    : Selection.findFrom(doc.resolve(to), -1, true) ?? Selection.atEnd(doc)
  if (!extend) return target
  return TextSelection.between(selection.$anchor, target.$head)
}

/** Is the caret in the body's last text block (from whose end Right/Down would enter the notes)? */
export function inLastBodyText(state: EditorState): boolean {
  const { doc, selection } = state
  if (!findFootnotes(doc) || inFootnotes(selection.$head)) return false
  const last = Selection.findFrom(doc.resolve(bodyEnd(doc)), -1, true)
  return !!last && selection.$head.parent === last.$head.parent && selection.$head.start() === last.$head.start()
}

/** Is the caret in the notes' first text block (from whose start Left/Up would go into the body)? */
export function inFirstNoteText(state: EditorState): boolean {
  const { doc, selection } = state
  const list = findFootnotes(doc)
  if (!list || !inFootnotes(selection.$head)) return false
  const first = Selection.findFrom(doc.resolve(list.pos + 1), 1, true)
  return !!first && selection.$head.start() === first.$head.start()
}

/**
 * Leaving a note (Escape, as in Word): the caret goes right after the note's (first) reference in
 * the body. Null outside a note or when the note has no reference.
 */
export function leaveFootnoteSelection(state: EditorState): Selection | null {
  const id = footnoteIdAt(state.selection.$head)
  if (id === null) return null
  let refPos = -1
  state.doc.descendants((node, pos) => {
    if (refPos >= 0) return false
    if (node.type.name === 'footnoteReference' && node.attrs.id === id) refPos = pos
    return node.type.name !== 'footnotes'
  })
  if (refPos < 0) return null
  return TextSelection.create(state.doc, refPos + 1)
}

const guardKey = new PluginKey('footnoteStoryGuard')

/**
 * With the caret in a note, my own typing stays in the notes: a change that reaches the body and
 * takes the caret out of the note with it (a list, heading or table command lifting the text out
 * of the note, a paste or an insertion spilling into the body) is refused. Changes that leave the
 * caret in the note pass — accepting a suggestion or replacing text elsewhere from a panel — and
 * so do remote changes, undo (both arrive through y-sync) and the notes list's own upkeep.
 */
export function footnoteStoryGuard(): Plugin {
  return new Plugin({
    key: guardKey,
    filterTransaction(tr, state) {
      if (!tr.docChanged || tr.getMeta('y-sync$') || tr.getMeta(syncKey)) return true
      if (!inFootnotes(state.selection.$head) || inFootnotes(tr.selection.$head)) return true
      return tr.before.content.cut(0, bodyEnd(tr.before)).eq(tr.doc.content.cut(0, bodyEnd(tr.doc)))
    },
  })
}
