/**
 * The browser's `crossReference`: the shared node (shared/editor/crossReference.ts) drawn with its
 * live text — "para. 27", "recommendation R12", "Figure 3", "section III" — from the report's
 * numbers (liveReportNumbers.ts), redrawn whenever they change, whoever changed them; drawn as
 * broken, with an accessible name saying so, when its target is gone. A click (or Enter on the
 * selected reference) asks the page to go to the target; Ctrl+Alt+X asks it to open the picker.
 * Both requests are DOM events the report page's cross-reference controller hears
 * (composables/useCrossReferences.ts), so the editor knows nothing of the page.
 */
import { Extension } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import type * as Y from 'yjs'
import { CrossReference } from '#shared/editor/crossReference'
import { citable, referenceText } from '#shared/crossReferenceText'
import { interfaceT } from '~~/utils/interfaceI18n'
import { liveReportNumbers } from './liveReportNumbers'

/** Event asking the page to open the picker for the editor it is dispatched from. */
export const PICK_EVENT = 'chorus-cross-reference-pick'
/** Event asking the page to show a reference's target: `detail.targetId`. */
export const JUMP_EVENT = 'chorus-cross-reference-jump'

/** Draws one reference element: its text, and its broken state and accessible name. */
export function drawReference(el: HTMLElement, doc: Y.Doc, targetId: string): void {
  const live = liveReportNumbers(doc)
  const target = live.numbers.byRefId.get(targetId)
  const text = referenceText(target, live.language)
  const broken = !citable(target)
  if (el.textContent !== text) el.textContent = text
  el.classList.toggle('is-broken', broken)
  const name = broken ? interfaceT('crossReferences.brokenAria') : interfaceT('crossReferences.referenceAria', { text })
  el.setAttribute('aria-label', name)
  el.title = broken ? interfaceT('crossReferences.brokenTitle') : interfaceT('crossReferences.goTo')
}

/** `CrossReference` with the live node view and its keys, for one section editor on `doc`. */
export const CrossReferenceView = CrossReference.extend<{ doc: Y.Doc | null }>({
  addOptions() {
    return { doc: null }
  },

  addNodeView() {
    const doc = this.options.doc
    return ({ node, view, getPos }) => {
      const dom = document.createElement('span')
      dom.className = 'cross-reference'
      dom.dataset.crossReference = ''
      dom.contentEditable = 'false'
      dom.setAttribute('role', 'link')
      let targetId = String(node.attrs.targetId ?? '')
      dom.dataset.targetId = targetId
      const draw = () => doc && drawReference(dom, doc, targetId)
      draw()
      const unsubscribe = doc ? liveReportNumbers(doc).subscribe(draw) : () => {}
      dom.addEventListener('click', (event) => {
        // Selecting it (a click in editable text) is ProseMirror's; the jump comes with it.
        event.preventDefault()
        const pos = typeof getPos === 'function' ? getPos() : undefined
        if (view.editable && typeof pos === 'number') view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)))
        dom.dispatchEvent(new CustomEvent(JUMP_EVENT, { bubbles: true, detail: { targetId } }))
      })
      return {
        dom,
        update(next) {
          if (next.type.name !== node.type.name) return false
          targetId = String(next.attrs.targetId ?? '')
          dom.dataset.targetId = targetId
          draw()
          return true
        },
        // Its text is ours, not the document's: ProseMirror must not read it back.
        ignoreMutation: () => true,
        destroy: unsubscribe,
      }
    }
  },
})

/**
 * Its keys, apart from the node so they can run before the default Enter (a node's priority would
 * also reorder the schema, which must stay the shared one).
 */
export const CrossReferenceKeys = Extension.create({
  name: 'crossReferenceKeys',
  priority: 1000,

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-x': () => {
        if (!this.editor.isEditable) return false
        this.editor.view.dom.dispatchEvent(new CustomEvent(PICK_EVENT, { bubbles: true }))
        return true
      },
      // On a selected reference, Enter goes to its target (as Enter opens a footnote's note).
      'Enter': () => {
        const { selection } = this.editor.state
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== CrossReference.name) return false
        this.editor.view.dom.dispatchEvent(new CustomEvent(JUMP_EVENT, { bubbles: true, detail: { targetId: selection.node.attrs.targetId } }))
        return true
      },
    }
  },
})
