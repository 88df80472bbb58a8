/**
 * The numbers of one section's figures ("Figure 3."), as decorations (composables/editor/
 * blockNumbering.ts, spec `figureNumber`); the page sets each editor's offset (`setFigureOffset`,
 * from composables/figures/figureOffsets.ts).
 */
import { Extension } from '@tiptap/core'
import type { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import { FIGURE } from '#shared/editor/figure'
import { blockNumbering, decorationSpec, numberBlocks } from './blockNumbering'
import type { BlockNumbering } from './blockNumbering'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figureNumbering: {
      /** Number this section's first figure `offset + 1`. */
      setFigureOffset: (offset: number) => ReturnType
    }
  }
}

const numbering: BlockNumbering<{ figure: number }> = {
  name: 'figureNumbering',
  type: FIGURE,
  start: { figure: 0 },
  next: (_node, counters) => {
    const n = ++counters.figure
    return { attrs: { 'data-figure-number': String(n) }, spec: { figureNumber: n } }
  },
}

const { plugin, key } = blockNumbering(numbering)

/** Decorations numbering the figures of `doc` from `offset + 1`, in document order. */
export function figureDecorations(doc: PMNode, offset: number): DecorationSet {
  return numberBlocks(doc, { figure: offset }, numbering)
}

/** The number a figure's node view was given (its decorations), or null before numbering. */
export function figureNumberOf(decorations: readonly Decoration[]): number | null {
  return decorationSpec(decorations, 'figureNumber', (v): v is number => typeof v === 'number')
}

export const FigureNumbering = Extension.create({
  name: 'figureNumbering',

  addCommands() {
    return {
      setFigureOffset: offset => ({ tr, dispatch }) => {
        if (dispatch) tr.setMeta(key, { figure: offset }).setMeta('addToHistory', false)
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    return [plugin]
  },
})
