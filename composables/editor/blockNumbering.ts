/**
 * Numbers one kind of block in a section's editor by node decorations ("Figure 3.", "R12"): never
 * text in the shared document, so moving a block renumbers it and nobody types a number. A
 * section only knows its own blocks; the page tells each editor how many of each counter come
 * before it in the report (the `offset`, set by a transaction meta), as footnote numbers do.
 */
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'

/** Counters by name (a figure count; recommendations and questions). */
export type Counters = Record<string, number>

export interface BlockNumbering<C extends Counters> {
  /** Plugin name and the meta key of `setOffset`. */
  name: string
  /** The node type numbered. */
  type: string
  /** The counters before the first section. */
  start: C
  /** Advance `counters` for `node` and say what its decoration carries. */
  next: (node: PMNode, counters: C) => { attrs: Record<string, string>, spec: Record<string, unknown> }
}

interface NumberingState<C> { offset: C, decorations: DecorationSet }

/** Decorations numbering the blocks of `doc` on from `offset`, in document order. */
export function numberBlocks<C extends Counters>(doc: PMNode, offset: C, numbering: BlockNumbering<C>): DecorationSet {
  const counters = { ...offset }
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === numbering.type) {
      const { attrs, spec } = numbering.next(node, counters)
      decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs, spec))
      return false
    }
    // Text never holds such a block, nor do the notes: a long section costs its blocks only.
    return !node.isTextblock && node.type.name !== 'footnotes'
  })
  return DecorationSet.create(doc, decorations)
}

/** The plugin, and the transaction that sets the section's offset. */
export function blockNumbering<C extends Counters>(numbering: BlockNumbering<C>) {
  const key = new PluginKey<NumberingState<C>>(numbering.name)
  const plugin = new Plugin<NumberingState<C>>({
    key,
    state: {
      init: (_, state) => ({ offset: numbering.start, decorations: numberBlocks(state.doc, numbering.start, numbering) }),
      apply(tr, value, _old, state) {
        const offset = tr.getMeta(key) as C | undefined
        if (offset === undefined && !tr.docChanged) return value
        const next = offset ?? value.offset
        return { offset: next, decorations: numberBlocks(state.doc, next, numbering) }
      },
    },
    props: { decorations: state => key.getState(state)?.decorations },
  })
  return { plugin, key }
}

/** A value a numbering put in a node view's decorations (spec `field`), or null before numbering. */
export function decorationSpec<T>(decorations: readonly Decoration[], field: string, is: (v: unknown) => v is T): T | null {
  for (const d of decorations) {
    const v = (d.spec as Record<string, unknown>)[field]
    if (is(v)) return v
  }
  return null
}
