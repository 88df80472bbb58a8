/**
 * The numbers of one section's figures ("Figure 3."). A section only knows its own figures; the
 * page tells each editor how many come before it in the report (`setFigureOffset`, from
 * composables/figures/figureOffsets.ts), as footnote numbers do. The number is a node decoration
 * (spec `figureNumber`), never text in the document: moving a figure renumbers it.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import { FIGURE } from '#shared/editor/figure'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figureNumbering: {
      /** Number this section's first figure `offset + 1`. */
      setFigureOffset: (offset: number) => ReturnType
    }
  }
}

interface NumberingState { offset: number, decorations: DecorationSet }

const key = new PluginKey<NumberingState>('figureNumbering')

/** Decorations numbering the figures of `doc` from `offset + 1`, in document order. */
export function figureDecorations(doc: PMNode, offset: number): DecorationSet {
  let n = offset
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === FIGURE) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-figure-number': String(++n) }, { figureNumber: n }))
      return false
    }
    // Text never holds a figure, nor do the notes: a long section costs its blocks only.
    return !node.isTextblock && node.type.name !== 'footnotes'
  })
  return DecorationSet.create(doc, decorations)
}

/** The number a figure's node view was given (its decorations), or null before numbering. */
export function figureNumberOf(decorations: readonly Decoration[]): number | null {
  for (const d of decorations) {
    const n = (d.spec as { figureNumber?: unknown }).figureNumber
    if (typeof n === 'number') return n
  }
  return null
}

export const FigureNumbering = Extension.create({
  name: 'figureNumbering',

  addCommands() {
    return {
      setFigureOffset: offset => ({ tr, dispatch }) => {
        if (dispatch) tr.setMeta(key, offset).setMeta('addToHistory', false)
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    return [new Plugin<NumberingState>({
      key,
      state: {
        init: (_, state) => ({ offset: 0, decorations: figureDecorations(state.doc, 0) }),
        apply(tr, value, _old, state) {
          const offset = tr.getMeta(key) as number | undefined
          if (offset === undefined && !tr.docChanged) return value
          const next = offset ?? value.offset
          return { offset: next, decorations: figureDecorations(state.doc, next) }
        },
      },
      props: { decorations: state => key.getState(state)?.decorations },
    })]
  },
})
