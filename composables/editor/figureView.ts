/**
 * The figure as the browser edits it: the shared node (same schema) drawn by
 * components/editor/EditorFigure.vue. Which section it is in (for the alt-text dialog) and whether
 * its attributes are locked (suggesting mode) come from the section editor.
 * Alt+F10 in a caption (or on the selected figure) moves the focus to the figure's tools, as
 * editors' "focus the toolbar" key does: Tab in the text never leaves it (keyboardNavigation.ts),
 * so this is the keyboard's way to the resize handle, the alignment and the alt text.
 */
import { VueNodeViewRenderer } from '@tiptap/vue-3'
import { NodeSelection } from '@tiptap/pm/state'
import { Figure, FIGURE } from '#shared/editor/figure'
import EditorFigure from '~/components/editor/EditorFigure.vue'

export interface FigureViewOptions {
  sectionId: string
  /** Alignment, width and alt text cannot change now (suggesting mode: a suggestion cannot carry them). */
  locked: () => boolean
}

export const FigureView = Figure.extend<FigureViewOptions>({
  addOptions() {
    return { sectionId: '', locked: () => false }
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
