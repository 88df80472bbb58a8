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

/** A short random id so cross-references and the summary's links can find the block. */
function newRefId(): string {
  return 'r' + Math.random().toString(36).slice(2, 10)
}

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
        return chain()
          .insertContentAt(after, { type: this.name, attrs: { refId: newRefId(), kind }, content: [{ type: 'paragraph' }] })
          .setTextSelection(after + 2)
          .scrollIntoView()
          .run()
      },
    }
  },
})
