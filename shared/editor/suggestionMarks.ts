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
import { Mark } from '@tiptap/core'

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
