/**
 * Footnote numbers across the whole report, and jumping between a reference and its note.
 * A section body only knows its own references; the page tells each editor how many come before
 * it (`setFootnoteOffset`). Numbers are decorations (`data-n`, shown by CSS), so they are never
 * part of the shared text. Clicking a reference jumps to its note; the number in front of a note
 * is a button that jumps back.
 */
import { Extension } from '@tiptap/core'
import { NodeSelection, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { EditorView } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform'
import { findFootnotes } from '#shared/editor/footnotes'
import { interfaceT } from '~~/utils/interfaceI18n'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnoteNumbering: {
      /** Number this section's first footnote `offset + 1`. */
      setFootnoteOffset: (offset: number) => ReturnType
    }
  }
}

/** `flash` briefly highlights a jump target: `note:<id>` or `ref:<id>`. */
interface NumberingState { offset: number, flash: string | null, decorations: DecorationSet }
type NumberingMeta = { offset: number } | { flash: string | null }

const key = new PluginKey<NumberingState>('footnoteNumbering')
const PREVIEW_CHARS = 160

/** Positions of the references (first occurrence per id) and notes of a section body. */
function locate(doc: PMNode) {
  const refs = new Map<string, number[]>()
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnoteReference' && node.attrs.id) {
      const list = refs.get(node.attrs.id) ?? []
      list.push(pos)
      refs.set(node.attrs.id, list)
    }
    return node.type.name !== 'footnotes'
  })
  const notes = new Map<string, { pos: number, node: PMNode }>()
  const list = findFootnotes(doc)
  list?.node.forEach((note, offset) => notes.set(note.attrs.id, { pos: list.pos + 1 + offset, node: note }))
  return { refs, notes }
}

function build(doc: PMNode, offset: number, flash: string | null): DecorationSet {
  const { refs, notes } = locate(doc)
  const decorations: Decoration[] = []
  let n = offset
  for (const [id, positions] of refs) {
    n++
    const note = notes.get(id)?.node.textContent.trim() ?? ''
    const title = note ? `${n}. ${note.length > PREVIEW_CHARS ? note.slice(0, PREVIEW_CHARS) + '…' : note}` : `Footnote ${n} (empty)`
    positions.forEach((pos, i) => decorations.push(Decoration.node(pos, pos + 1, {
      'data-n': String(n),
      'title': title,
      ...(i === 0 && flash === `ref:${id}` ? { class: 'is-jump-target' } : {}),
    })))
    const target = notes.get(id)
    if (!target) continue
    const number = n
    decorations.push(Decoration.node(target.pos, target.pos + target.node.nodeSize, {
      'data-n': String(n),
      ...(flash === `note:${id}` ? { class: 'is-jump-target' } : {}),
    }))
    decorations.push(Decoration.widget(target.pos + 1, view => backButton(view, id, number), {
      side: -1,
      key: `fn-back-${id}-${n}`,
      ignoreSelection: true,
      stopEvent: () => true,
    }))
  }
  return DecorationSet.create(doc, decorations)
}

/**
 * Did the transaction touch a footnote reference or the notes (in the document before or after
 * a step)? Only then can numbers, previews or the back buttons change; any other edit — a key
 * typed in a paragraph — just maps the decorations (a full rebuild walks the whole section).
 */
function touchesFootnotes(tr: Transaction): boolean {
  let hit = false
  const visit = (node: PMNode) => {
    if (node.type.name === 'footnoteReference' || node.type.name === 'footnotes') hit = true
    return !hit
  }
  tr.steps.forEach((step, i) => {
    const before = tr.docs[i]!
    const after = tr.docs[i + 1] ?? tr.doc
    step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      if (hit) return
      before.nodesBetween(Math.max(0, oldStart - 1), Math.min(before.content.size, oldEnd + 1), visit)
      if (!hit) after.nodesBetween(Math.max(0, newStart - 1), Math.min(after.content.size, newEnd + 1), visit)
    })
    // Steps that change no range: marks cannot change numbers or previews; anything else (an
    // attribute step) rebuilds.
    let ranges = 0
    step.getMap().forEach(() => ranges++)
    if (!ranges && !(step instanceof AddMarkStep || step instanceof RemoveMarkStep)) hit = true
  })
  return hit
}

function backButton(view: EditorView, id: string, n: number): HTMLElement {
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'footnote-back'
  button.contentEditable = 'false'
  // Not a Tab stop: Tab belongs to the text, and keyboard users go back with Escape (keyboardNavigation.ts).
  button.tabIndex = -1
  button.dataset.n = String(n)
  button.setAttribute('aria-label', interfaceT('footnotes.backAria', { n }))
  button.title = interfaceT('footnotes.back')
  button.addEventListener('click', (event) => {
    event.preventDefault()
    jumpToReference(view, id)
  })
  return button
}

const FLASH_MS = 1600

/** Scroll to `pos` and highlight it for a moment (a decoration: PM owns its DOM attributes). */
function flash(view: EditorView, pos: number, target: string) {
  view.dispatch(view.state.tr.setMeta(key, { flash: target } satisfies NumberingMeta))
  const el = view.nodeDOM(pos)
  if (el instanceof HTMLElement) el.scrollIntoView({ block: 'center', behavior: 'smooth' })
  setTimeout(() => {
    if (!view.isDestroyed && key.getState(view.state)?.flash === target) {
      view.dispatch(view.state.tr.setMeta(key, { flash: null } satisfies NumberingMeta))
    }
  }, FLASH_MS)
}

/** Move to the note of footnote `id` (the caret goes into its text when editable). */
export function jumpToNote(view: EditorView, id: string): boolean {
  const note = locate(view.state.doc).notes.get(id)
  if (!note) return false
  if (view.editable) {
    view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(note.pos + 2))))
    view.focus()
  }
  flash(view, note.pos, `note:${id}`)
  return true
}

/** Move back to the (first) reference of footnote `id`. */
export function jumpToReference(view: EditorView, id: string): boolean {
  const pos = locate(view.state.doc).refs.get(id)?.[0]
  if (pos === undefined) return false
  if (view.editable) {
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)))
    view.focus()
  }
  flash(view, pos, `ref:${id}`)
  return true
}

export const FootnoteNumbering = Extension.create({
  name: 'footnoteNumbering',
  // Its Enter (on a selected reference) must run before the default Enter handling.
  priority: 1000,

  addCommands() {
    return {
      setFootnoteOffset: offset => ({ tr, dispatch }) => {
        if (dispatch) tr.setMeta(key, { offset } satisfies NumberingMeta).setMeta('addToHistory', false)
        return true
      },
    }
  },

  addKeyboardShortcuts() {
    // On a selected reference, Enter opens its note (as double-clicking does in Word).
    return {
      Enter: ({ editor }) => {
        const { selection } = editor.state
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'footnoteReference') return false
        return jumpToNote(editor.view, selection.node.attrs.id)
      },
    }
  },

  addProseMirrorPlugins() {
    return [new Plugin<NumberingState>({
      key,
      state: {
        init: (_, state) => ({ offset: 0, flash: null, decorations: build(state.doc, 0, null) }),
        apply(tr, value, _old, state) {
          const meta = tr.getMeta(key) as NumberingMeta | undefined
          if (!meta && !tr.docChanged) return value
          if (!meta && !touchesFootnotes(tr)) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }
          const next = { ...value, ...meta }
          return { ...next, decorations: build(state.doc, next.offset, next.flash) }
        },
      },
      props: {
        decorations: state => key.getState(state)?.decorations,
        handleClickOn(view, _pos, node) {
          if (node.type.name !== 'footnoteReference' || !node.attrs.id) return false
          return jumpToNote(view, node.attrs.id)
        },
      },
    })]
  },
})
