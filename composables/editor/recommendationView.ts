/**
 * The recommendation block as the browser edits it: the shared node (same schema) drawn by
 * components/editor/EditorRecommendation.vue, and Ctrl+Alt+R, which inserts the block the report
 * asks for — a recommendation in a CRC report, a question for the State in an LOIPR submission
 * (the template's `kind`, known to the page).
 */
import { VueNodeViewRenderer } from '@tiptap/vue-3'
import { Recommendation } from '#shared/editor/recommendation'
import type { RecommendationKind } from '#shared/editor/recommendation'
import EditorRecommendation from '~/components/editor/EditorRecommendation.vue'

export interface RecommendationViewOptions {
  /** The kind of block this report's author inserts. */
  kind: () => RecommendationKind
  /** The block's attributes cannot change now (suggesting mode: a suggestion cannot carry them). */
  locked: () => boolean
}

export const RecommendationView = Recommendation.extend<RecommendationViewOptions>({
  addOptions() {
    return { kind: () => 'recommendation', locked: () => false }
  },

  addNodeView() {
    return VueNodeViewRenderer(EditorRecommendation, {
      // Tiptap re-renders a node view only when its node changes; the label is a decoration, so
      // a renumbering (a block added above, in this section or before it) must re-render too.
      update: ({ oldNode, newNode, updateProps }) => {
        if (newNode.type !== oldNode.type) return false
        updateProps()
        return true
      },
    })
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-r': () => this.editor.commands.insertRecommendation(this.options.kind()) }
  },
})
