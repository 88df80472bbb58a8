/**
 * The labels of recommendation and question blocks ("R12", "Q3") in one section's editor. A
 * section only knows its own blocks; the page tells each editor how many of each kind come before
 * it in the report (`setRecommendationOffset`, from shared/recommendationList.ts), as footnote
 * numbers do. The label is a node decoration (spec `label`, attribute `data-label`): never part
 * of the shared text, so moving a block renumbers it and nobody types a number.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import { LABEL_PREFIX } from '#shared/recommendationList'
import type { RecommendationKind } from '#shared/editor/recommendation'

/** How many blocks of each kind come before this section. */
export type RecommendationOffset = Record<RecommendationKind, number>

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    recommendationNumbering: {
      /** Number this section's first recommendation `offset.recommendation + 1`, its first question `offset.question + 1`. */
      setRecommendationOffset: (offset: RecommendationOffset) => ReturnType
    }
  }
}

interface NumberingState { offset: RecommendationOffset, decorations: DecorationSet }

const key = new PluginKey<NumberingState>('recommendationNumbering')

function build(doc: PMNode, offset: RecommendationOffset): DecorationSet {
  const n = { ...offset }
  const decorations: Decoration[] = []
  // Only blocks are visited: text cannot hold a recommendation, so a long section costs its blocks.
  doc.descendants((node, pos) => {
    if (node.type.name === 'recommendation') {
      const kind: RecommendationKind = node.attrs.kind === 'question' ? 'question' : 'recommendation'
      const label = LABEL_PREFIX[kind] + String(++n[kind])
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-label': label }, { label }))
      return false
    }
    return !node.isTextblock && node.type.name !== 'footnotes'
  })
  return DecorationSet.create(doc, decorations)
}

export const RecommendationNumbering = Extension.create({
  name: 'recommendationNumbering',

  addCommands() {
    return {
      setRecommendationOffset: offset => ({ tr, dispatch }) => {
        if (dispatch) tr.setMeta(key, offset).setMeta('addToHistory', false)
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    return [new Plugin<NumberingState>({
      key,
      state: {
        init: (_, state) => {
          const offset = { recommendation: 0, question: 0 }
          return { offset, decorations: build(state.doc, offset) }
        },
        apply(tr, value, _old, state) {
          const offset = tr.getMeta(key) as RecommendationOffset | undefined
          if (!offset && !tr.docChanged) return value
          const next = offset ?? value.offset
          return { offset: next, decorations: build(state.doc, next) }
        },
      },
      props: { decorations: state => key.getState(state)?.decorations },
    })]
  },
})

/** The label a block's node view was given by the numbering (its decorations), or null before numbering. */
export function labelOf(decorations: readonly Decoration[]): string | null {
  for (const d of decorations) {
    const label = (d.spec as { label?: unknown }).label
    if (typeof label === 'string') return label
  }
  return null
}
