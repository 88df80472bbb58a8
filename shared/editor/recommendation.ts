/**
 * A proposed recommendation (CRC reports) or a question for the State (LOIPR submissions): a block
 * of paragraphs of its own, so the report can number it ("R12", "Q3"), list it in the generated
 * summary, refer to it and export it in its own Word style. The number is never stored: it follows
 * from the block's place in the report (shared/reportNumbering.ts), so moving text keeps it right.
 *
 * A question's first paragraph is the question; further paragraphs are its brief context and why it
 * matters (docs/recommendations.md). The server guard lets only the section's authors add, remove
 * or change these blocks. Other helpers may add attributes (e.g. a follow-up link): keep `addAttributes` open.
 */
import { Node, mergeAttributes } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { newRefId } from './newRefId'

export type RecommendationKind = 'recommendation' | 'question'

/** The node's name. */
export const RECOMMENDATION = 'recommendation'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    recommendation: {
      /** Insert an empty block of this kind after the current block; the cursor goes into it. */
      insertRecommendation: (kind: RecommendationKind) => ReturnType
    }
  }
}

/** Longest articles list kept ("3, 12, 37(a)…"): an attribute, not a place for text. */
export const MAX_ARTICLES_LENGTH = 120

function cleanArticles(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, MAX_ARTICLES_LENGTH) : ''
}

export const Recommendation = Node.create({
  name: RECOMMENDATION,
  group: 'block',
  content: 'paragraph+',
  // Pasting into it keeps the box; the box is one unit for the guard and the summary.
  defining: true,
  addAttributes() {
    return {
      refId: {
        default: null,
        keepOnSplit: false,
        parseHTML: el => el.getAttribute('data-ref-id') || null,
        renderHTML: attrs => (attrs.refId ? { 'data-ref-id': attrs.refId } : {}),
      },
      kind: {
        default: 'recommendation',
        parseHTML: el => (el.getAttribute('data-kind') === 'question' ? 'question' : 'recommendation'),
        renderHTML: attrs => ({ 'data-kind': attrs.kind }),
      },
      articles: {
        default: '',
        parseHTML: el => cleanArticles(el.getAttribute('data-articles')),
        renderHTML: attrs => (attrs.articles ? { 'data-articles': attrs.articles } : {}),
      },
      priority: {
        default: false,
        parseHTML: el => el.getAttribute('data-priority') === 'true',
        renderHTML: attrs => (attrs.priority ? { 'data-priority': 'true' } : {}),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'div[data-recommendation]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-recommendation': '', 'class': 'recommendation' }), 0]
  },
  addCommands() {
    return {
      insertRecommendation: kind => ({ state, chain }) => {
        // Not inside notes, tables, lists or another box: a recommendation is a part of the body text.
        const { $from } = state.selection
        for (let d = $from.depth; d > 0; d--) {
          if (['footnotes', 'table', 'listItem', 'blockquote', this.name].includes($from.node(d).type.name)) return false
        }
        const after = $from.depth > 0 ? $from.after(1) : state.selection.to
        // At the end of the body (before the notes), a paragraph follows, so the text can go on after the box.
        const next = state.doc.resolve(after).nodeAfter
        const block = { type: this.name, attrs: { refId: newRefId('r'), kind }, content: [{ type: 'paragraph' }] }
        return chain()
          .insertContentAt(after, !next || next.type.name === 'footnotes' ? [block, { type: 'paragraph' }] : block)
          .setTextSelection(after + 2)
          .scrollIntoView()
          .run()
      },
    }
  },

  addKeyboardShortcuts() {
    return {
      // Enter in an empty last paragraph of a box leaves the box, as in a list: the paragraph moves out after it.
      Enter: () => this.editor.commands.command(({ state, tr, dispatch }) => {
        const { $from, empty } = state.selection
        if (!empty || $from.depth < 2) return false
        const box = $from.node(-1)
        if (box.type.name !== this.name || $from.parent.content.size > 0 || box.childCount < 2 || $from.index(-1) !== box.childCount - 1) return false
        if (dispatch) {
          const boxEnd = $from.after(-1)
          tr.delete($from.before(), $from.after())
          const at = tr.mapping.map(boxEnd)
          tr.insert(at, state.schema.nodes.paragraph!.create())
          tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView()
        }
        return true
      }),
    }
  },
})
