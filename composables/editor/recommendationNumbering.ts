/**
 * The labels of recommendation and question blocks ("R12", "Q3") in one section's editor, as
 * decorations (composables/editor/blockNumbering.ts, spec `label`, attribute `data-label`); the
 * page sets how many of each kind come before the section (`setRecommendationOffset`, from
 * shared/recommendationList.ts).
 */
import { Extension } from '@tiptap/core'
import type { Decoration } from '@tiptap/pm/view'
import { LABEL_PREFIX } from '#shared/recommendationList'
import { RECOMMENDATION } from '#shared/editor/recommendation'
import type { RecommendationKind } from '#shared/editor/recommendation'
import { blockNumbering, decorationSpec } from './blockNumbering'

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

const { plugin, key } = blockNumbering<RecommendationOffset>({
  name: 'recommendationNumbering',
  type: RECOMMENDATION,
  start: { recommendation: 0, question: 0 },
  next: (node, counters) => {
    const kind: RecommendationKind = node.attrs.kind === 'question' ? 'question' : 'recommendation'
    const label = LABEL_PREFIX[kind] + String(++counters[kind])
    return { attrs: { 'data-label': label }, spec: { label } }
  },
})

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
    return [plugin]
  },
})

/** The label a block's node view was given by the numbering (its decorations), or null before numbering. */
export function labelOf(decorations: readonly Decoration[]): string | null {
  return decorationSpec(decorations, 'label', (v): v is string => typeof v === 'string')
}
