/**
 * Tracked changes ("suggestions") are two marks on text: `insertion` (text someone proposes to
 * add) and `deletion` (text someone proposes to remove — it stays in the document, struck through,
 * until a decision). Marks rather than nodes because the text keeps its Yjs items: comment
 * anchors, the guard's per-character check and concurrent typing around a suggestion all keep
 * working, and y-tiptap stores each mark as one Yjs format attribute (`insertion`, `deletion`)
 * with these attrs as its value. Why this representation survives concurrent editing:
 * docs/suggestions.md.
 *
 * Attributes (all required except `wordAuthor`):
 * - `id`: the suggestion's id; adjacent text changed by one person in one go shares it;
 * - `authorId`, `authorName`: the account that suggested it (checked by the hub's guard);
 * - `createdAt`: milliseconds since 1970;
 * - `wordAuthor`: the author's name as a Word file gave it, for changes imported from Word
 *   (shown as "<name>, in Word"); null otherwise.
 */
import { Extension, Mark } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { EditorView } from '@tiptap/pm/view'
import type { Node as PmNode } from '@tiptap/pm/model'
import { suggestionColor } from './suggestionColor'

export const INSERTION = 'insertion'
export const DELETION = 'deletion'

/** The attributes both suggestion marks carry. */
export interface SuggestionAttrs {
  id: string
  authorId: string
  authorName: string
  createdAt: number
  wordAuthor: string | null
}

const suggestionAttributes = {
  id: { default: '' },
  authorId: { default: '' },
  authorName: { default: '' },
  createdAt: { default: 0 },
  wordAuthor: { default: null },
}

/** `data-*` attributes so a copy within Chorus keeps the suggestion's identity. */
function dataAttrs(attrs: Record<string, unknown>): Record<string, string> {
  return {
    'data-suggestion-id': String(attrs.id ?? ''),
    'data-author-id': String(attrs.authorId ?? ''),
    'data-author-name': String(attrs.authorName ?? ''),
    'data-created-at': String(attrs.createdAt ?? 0),
    ...(attrs.wordAuthor ? { 'data-word-author': String(attrs.wordAuthor) } : {}),
  }
}

/** The part of a DOM element the parser reads (shared/ has no DOM types). */
interface AttributeSource { getAttribute(name: string): string | null }

function parseAttrs(el: AttributeSource): SuggestionAttrs | false {
  const id = el.getAttribute('data-suggestion-id')
  if (!id) return false
  return {
    id,
    authorId: el.getAttribute('data-author-id') ?? '',
    authorName: el.getAttribute('data-author-name') ?? '',
    createdAt: Number(el.getAttribute('data-created-at') ?? 0),
    wordAuthor: el.getAttribute('data-word-author'),
  }
}

/** Proposed new text. Not inclusive: typing at its edge is not part of someone's suggestion. */
export const Insertion = Mark.create({
  name: INSERTION,
  inclusive: false,
  // A deletion may be suggested over someone's proposed insertion; two insertions never overlap.
  excludes: INSERTION,
  addAttributes: () => suggestionAttributes,
  parseHTML: () => [{ tag: 'ins[data-suggestion-id]', getAttrs: el => parseAttrs(el as AttributeSource) }],
  renderHTML: ({ HTMLAttributes }) => ['ins', { class: 'suggestion-insertion', ...dataAttrs(HTMLAttributes) }, 0],
})

/** Text proposed for removal: it stays, struck through, until someone decides. */
export const Deletion = Mark.create({
  name: DELETION,
  inclusive: false,
  excludes: DELETION,
  addAttributes: () => suggestionAttributes,
  parseHTML: () => [{ tag: 'del[data-suggestion-id]', getAttrs: el => parseAttrs(el as AttributeSource) }],
  renderHTML: ({ HTMLAttributes }) => ['del', { class: 'suggestion-deletion', ...dataAttrs(HTMLAttributes) }, 0],
})

/**
 * Paragraph breaks, suggested: a node attribute on the paragraph (or heading) AFTER the break.
 * - `suggestedSplit`: the break before this paragraph is proposed (someone pressed Enter in
 *   Suggesting mode); accepting keeps it, rejecting joins this paragraph to the one before;
 * - `suggestedJoin`: the break before this paragraph is proposed for removal (Backspace at its
 *   start, Delete at the end of the one before); the text stays visibly separate until accepting
 *   joins them; rejecting keeps the break.
 * The value is the suggestion's attributes as a JSON string, not an object: y-tiptap compares
 * attribute values with `===` and would write an object anew on every keystroke in the paragraph.
 * Not kept when the paragraph is split again (`keepOnSplit: false`). A reader sees it as one
 * character, the pilcrow `¶`, inserted or deleted (shared/editor/readSuggestions.ts).
 */
export const SUGGESTED_SPLIT = 'suggestedSplit'
export const SUGGESTED_JOIN = 'suggestedJoin'
export const PARAGRAPH_MARK = '¶'
/** The blocks whose breaks can be suggested: top-level text blocks of a section. */
export const BREAK_BLOCKS = ['paragraph', 'heading']

/** The attribute value for a suggestion's attributes. */
export function encodeParagraphSuggestion(a: SuggestionAttrs): string {
  return JSON.stringify({ id: a.id, authorId: a.authorId, authorName: a.authorName, createdAt: a.createdAt, wordAuthor: a.wordAuthor ?? null })
}

/** The suggestion a paragraph attribute value holds, or null. */
export function paragraphSuggestion(value: unknown): SuggestionAttrs | null {
  if (typeof value !== 'string' || !value.startsWith('{')) return null
  try {
    const v = JSON.parse(value) as Record<string, unknown>
    if (typeof v.id !== 'string' || !v.id || typeof v.authorId !== 'string') return null
    return { id: v.id, authorId: v.authorId, authorName: String(v.authorName ?? ''), createdAt: Number(v.createdAt ?? 0), wordAuthor: typeof v.wordAuthor === 'string' ? v.wordAuthor : null }
  } catch {
    return null
  }
}

const breakAttribute = (kind: 'split' | 'join') => ({
  default: null,
  keepOnSplit: false,
  // Pasted HTML never carries someone's suggestion (suggesting mode marks what is pasted).
  parseHTML: () => null,
  renderHTML: (attrs: Record<string, unknown>) => {
    const s = paragraphSuggestion(attrs[kind === 'split' ? SUGGESTED_SPLIT : SUGGESTED_JOIN])
    return s ? { [`data-suggested-${kind}`]: s.wordAuthor ? `${s.wordAuthor} (Word)` : s.authorName } : {}
  },
})

const breakMarksKey = new PluginKey<DecorationSet>('suggestedBreaks')

/**
 * The pilcrow of a suggested break, drawn like suggested text (the same classes: underlined twice
 * in its author's colour for a split, struck through for a join, dark theme included).
 */
function pilcrow(s: SuggestionAttrs, kind: 'split' | 'join') {
  // The view's own document (shared/ has no DOM types; this runs only in a browser editor).
  return (view: EditorView) => {
    const el = view.dom.ownerDocument.createElement(kind === 'split' ? 'ins' : 'del')
    el.className = `suggested-break suggested-break-${kind} ${kind === 'split' ? 'suggestion-insertion' : 'suggestion-deletion'}`
    el.textContent = PARAGRAPH_MARK
    el.setAttribute('contenteditable', 'false')
    el.style.setProperty('--suggestion-color', suggestionColor(s.authorId))
    el.style.marginInlineEnd = '0.2em'
    return el
  }
}

function breakDecorations(doc: PmNode): DecorationSet {
  const out: Decoration[] = []
  doc.forEach((node, offset) => {
    if (!BREAK_BLOCKS.includes(node.type.name)) return
    for (const kind of ['split', 'join'] as const) {
      const s = paragraphSuggestion(node.attrs[kind === 'split' ? SUGGESTED_SPLIT : SUGGESTED_JOIN])
      if (s) out.push(Decoration.widget(offset + 1, pilcrow(s, kind), { side: -1, key: `${kind}:${s.id}:${s.authorId}`, ignoreSelection: true }))
    }
  })
  return DecorationSet.create(doc, out)
}

/**
 * The attributes on paragraphs and headings, and the pilcrow drawn at the start of a paragraph
 * whose break is suggested (the top-level blocks are looked at on each change, not the text).
 */
export const ParagraphSuggestions = Extension.create({
  name: 'paragraphSuggestions',
  addGlobalAttributes: () => [{ types: BREAK_BLOCKS, attributes: { [SUGGESTED_SPLIT]: breakAttribute('split'), [SUGGESTED_JOIN]: breakAttribute('join') } }],
  addProseMirrorPlugins: () => [new Plugin<DecorationSet>({
    key: breakMarksKey,
    state: {
      init: (_, state) => breakDecorations(state.doc),
      apply: (tr, old) => (tr.docChanged ? breakDecorations(tr.doc) : old),
    },
    props: { decorations: state => breakMarksKey.getState(state) },
  })],
})
