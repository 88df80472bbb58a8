/**
 * The block a follow-up link goes on, from the selection: the recommendation box the caret is in
 * (a proposed recommendation answers a CO recommendation as a whole), else the paragraph. None in
 * a footnote: notes cite sources, they are not the report's assessment.
 */
import type { EditorState } from '@tiptap/pm/state'
import type { Node as PmNode } from '@tiptap/pm/model'

/** The position and node of the block to link, or null. */
export function followUpTarget(state: EditorState): { pos: number, node: PmNode } | null {
  const $from = state.selection.$from
  let paragraph: { pos: number, node: PmNode } | null = null
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (node.type.name === 'footnotes' || node.type.name === 'footnote') return null
    if (node.type.name === 'recommendation') return { pos: $from.before(depth), node }
    if (!paragraph && node.type.name === 'paragraph') paragraph = { pos: $from.before(depth), node }
  }
  return paragraph
}
