/**
 * Thread anchors: a range of a section editor ⇄ two encoded Yjs relative positions into the
 * section's Y.XmlFragment. Relative positions name characters, not offsets, so the range follows
 * the text whatever others insert or delete around or inside it.
 *
 * The start sticks to the first commented character and the end to the last one, so text typed
 * right before or right after the range stays outside it. When every commented character is
 * deleted both ends meet (or their paragraph is gone): the range resolves to null, "text removed".
 */
import * as Y from 'yjs'
import type { EditorState } from '@tiptap/pm/state'
import type { Node as PmNode } from '@tiptap/pm/model'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'

export interface TextRange { from: number, to: number }
export interface Anchors { anchorStart: Uint8Array, anchorEnd: Uint8Array }

/** y-tiptap's Y type → ProseMirror node map (its type is not exported by name). */
type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3]

interface Binding { doc: Y.Doc, type: Y.XmlFragment, mapping: ProsemirrorMapping }

/** The Yjs binding of an editor, once it has rendered the fragment (null before). */
function bindingOf(state: EditorState): Binding | null {
  const s = ySyncPluginKey.getState(state) as { doc?: Y.Doc, type?: Y.XmlFragment, binding?: { mapping: ProsemirrorMapping } | null } | undefined
  if (!s?.doc || !s.type || !s.binding || s.binding.mapping.size === 0) return null
  return { doc: s.doc, type: s.type, mapping: s.binding.mapping }
}

/** True once the editor's Yjs binding can translate positions. */
export function anchorsReady(state: EditorState): boolean {
  return bindingOf(state) !== null
}

/** A start position that belongs to the character after it (y-tiptap's belong to the one before). */
function stickToNextChar(rel: Y.RelativePosition, doc: Y.Doc): Y.RelativePosition {
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc)
  if (!abs || !(abs.type instanceof Y.XmlText) || abs.index >= abs.type.length) return rel
  return Y.createRelativePositionFromTypeIndex(abs.type, abs.index, 0)
}

/** Anchors for the range `from`–`to` of the editor's document, or null while it is not bound yet. */
export function anchorsFor(state: EditorState, range: TextRange): Anchors | null {
  const b = bindingOf(state)
  if (!b) return null
  const start = stickToNextChar(absolutePositionToRelativePosition(range.from, b.type, b.mapping), b.doc)
  const end = absolutePositionToRelativePosition(range.to, b.type, b.mapping)
  return { anchorStart: Y.encodeRelativePosition(start), anchorEnd: Y.encodeRelativePosition(end) }
}

/** Is `type` (or one of its ancestors below the fragment) deleted, or outside the fragment? */
function detached(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  let t: Y.AbstractType<unknown> | null = type
  while (t && t !== fragment) {
    const item: Y.Item | null = t._item
    if (!item || item.deleted) return true
    t = item.parent as Y.AbstractType<unknown>
  }
  return t !== fragment
}

function resolveOne(b: Binding, bytes: Uint8Array): number | null {
  let rel: Y.RelativePosition
  try {
    rel = Y.decodeRelativePosition(bytes)
  } catch {
    return null
  }
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, b.doc)
  if (!abs || detached(abs.type, b.type)) return null
  return relativePositionToAbsolutePosition(b.doc, b.type, rel, b.mapping)
}

/**
 * Where the anchors are now in the editor's document: a non-empty range, null when the text is
 * gone, undefined when the editor cannot tell yet (not bound to the fragment).
 */
export function resolveAnchors(state: EditorState, anchors: Anchors): TextRange | null | undefined {
  const b = bindingOf(state)
  if (!b) return undefined
  if (!anchors.anchorStart.length || !anchors.anchorEnd.length) return null
  const from = resolveOne(b, anchors.anchorStart)
  const to = resolveOne(b, anchors.anchorEnd)
  const size = state.doc.content.size
  if (from === null || to === null) return null
  const range = { from: Math.max(0, Math.min(from, size)), to: Math.max(0, Math.min(to, size)) }
  if (range.from >= range.to || !quoteOf(state.doc, range).trim()) return null
  return range
}

/** The text of a range as threads quote it: blocks on separate lines, footnote marks left out. */
export function quoteOf(doc: PmNode, range: TextRange): string {
  return doc.textBetween(range.from, range.to, '\n', '')
}

/** True when the range lies inside one textblock (a paragraph, heading or cell paragraph): suggestions must. */
export function withinOneTextblock(doc: PmNode, range: TextRange): boolean {
  const a = doc.resolve(range.from)
  const b = doc.resolve(range.to)
  return a.parent.isTextblock && a.sameParent(b)
}

/** The characters of a text node, an embedded node counting as one (U+FFFC) as in Yjs indices. */
function plainText(text: Y.XmlText): string {
  return text.toDelta().map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : '\uFFFC')).join('')
}

/**
 * Where the anchors are, from the Y.Doc alone, for a section whose editor does not exist yet:
 * null when the text is gone, its text when both ends lie in one text node, undefined otherwise.
 */
export function locateInDoc(doc: Y.Doc, fragment: Y.XmlFragment, anchors: Anchors): { text: string } | null | undefined {
  let start: Y.AbsolutePosition | null
  let end: Y.AbsolutePosition | null
  try {
    start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(anchors.anchorStart), doc)
    end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(anchors.anchorEnd), doc)
  } catch {
    return null
  }
  if (!start || !end || detached(start.type, fragment) || detached(end.type, fragment)) return null
  if (start.type !== end.type || !(start.type instanceof Y.XmlText)) return undefined
  if (start.index >= end.index) return null
  const text = plainText(start.type).slice(start.index, end.index).replaceAll('\uFFFC', '')
  return text.trim() ? { text } : null
}
