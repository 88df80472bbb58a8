/**
 * The figure as the browser edits it: the shared node (same schema) drawn by
 * components/editor/EditorFigure.vue. Which section it is in (for the alt-text dialog) and whether
 * its attributes are locked (suggesting mode) come from the section editor.
 * Alt+F10 in a caption (or on the selected figure) moves the focus to the figure's tools, as
 * editors' "focus the toolbar" key does: Tab in the text never leaves it (keyboardNavigation.ts),
 * so this is the keyboard's way to the resize handle, the alignment and the alt text.
 * While suggesting, a figure cannot change at all — nor its caption: the server takes no
 * suggestions inside a figure (it would refuse the change and make the text read-only), so the
 * change is stopped here and the person is told why.
 */
import { VueNodeViewRenderer } from '@tiptap/vue-3'
import { NodeSelection } from '@tiptap/pm/state'
import type { Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { SUGGESTION_DECISION } from './suggestingMode'
import { Figure, FIGURE } from '#shared/editor/figure'
import EditorFigure from '~/components/editor/EditorFigure.vue'

export interface FigureViewOptions {
  sectionId: string
  /** Alignment, width and alt text cannot change now (suggesting mode: a suggestion cannot carry them). */
  locked: () => boolean
  /** A change to a figure (its caption) was stopped while suggesting. */
  onLockedEdit: () => void
}

/** Does the transaction change anything in or of a figure (in the document before each step)? */
function touchesFigure(tr: Transaction): boolean {
  let hit = false
  tr.steps.forEach((step, i) => {
    const doc = tr.docs[i]!
    step.getMap().forEach((from, to) => {
      doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (node) => {
        hit ||= node.type.name === FIGURE
        return !hit
      })
    })
  })
  return hit
}

export const FigureView = Figure.extend<FigureViewOptions>({
  addOptions() {
    return { sectionId: '', locked: () => false, onLockedEdit: () => {} }
  },

  addNodeView() {
    return VueNodeViewRenderer(EditorFigure, {
      // The number is a decoration: a renumbering (a figure added above) must re-render too.
      update: ({ oldNode, newNode, updateProps }) => {
        if (newNode.type !== oldNode.type) return false
        updateProps()
        return true
      },
    })
  },

  dispatchTransaction({ transaction, next }) {
    const fromYjs = (transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true
    if (transaction.docChanged && !fromYjs && !transaction.getMeta(SUGGESTION_DECISION) && this.options.locked() && touchesFigure(transaction)) {
      return this.options.onLockedEdit()
    }
    next(transaction)
  },

  addKeyboardShortcuts() {
    return {
      ...this.parent?.(),
      'Alt-F10': () => {
        const { state, view } = this.editor
        const { selection } = state
        const pos = selection instanceof NodeSelection && selection.node.type.name === FIGURE
          ? selection.from
          : selection.$from.parent.type.name === FIGURE ? selection.$from.before() : null
        const first = pos === null ? null : (view.nodeDOM(pos) as HTMLElement | null)?.querySelector<HTMLElement>('.figure-resize, .figure-tools button')
        first?.focus()
        return !!first
      },
    }
  },
})
