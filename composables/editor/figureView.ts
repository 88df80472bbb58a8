/**
 * The figure as the browser edits it: the shared node (same schema) drawn by
 * components/editor/EditorFigure.vue. Which section it is in (for the alt-text dialog) and whether
 * its attributes are locked (suggesting mode) come from the section editor.
 */
import { VueNodeViewRenderer } from '@tiptap/vue-3'
import { Figure } from '#shared/editor/figure'
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
})
