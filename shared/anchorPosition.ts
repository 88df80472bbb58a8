/**
 * Where a review thread's anchor (an encoded Yjs relative position) is in a section's ProseMirror
 * document, counted from the Yjs types themselves. y-tiptap's relativePositionToAbsolutePosition
 * answers null for a text position at 0 or 1 (its guess that such a position was misresolved after
 * a structural change), so a thread on the very first word of a section read as "text removed".
 * Null here means what the comments panel means by it: the anchor's text, or its paragraph, is gone.
 */
import * as Y from 'yjs'
import type { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap'

/** Any Yjs type (their content types differ: text, element, fragment). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type YType = Y.AbstractType<any>

/** y-tiptap's Y type → ProseMirror node map (its type is not exported by name). */
type Mapping = Parameters<typeof relativePositionToAbsolutePosition>[3]

/** A section's fragment with the mapping of its ProseMirror rendering (initProseMirrorDoc). */
export interface BoundFragment { doc: Y.Doc, fragment: Y.XmlFragment, mapping: Mapping }

/** Is `type` (or an ancestor below the fragment) deleted, or outside the fragment? As the comments panel judges. */
function detached(type: YType, fragment: Y.XmlFragment): boolean {
  let t: YType | null = type
  while (t && t !== fragment) {
    const item: Y.Item | null = t._item
    if (!item || item.deleted) return true
    t = item.parent as YType
  }
  return t !== fragment
}

/** The ProseMirror size of a child of an element: a text's length, an element's node size. */
export function sizeOf(type: YType, mapping: Mapping): number | null {
  if (type instanceof Y.XmlText) return type.length
  const node = mapping.get(type as never) as { nodeSize: number } | undefined
  return node ? node.nodeSize : null
}

/** The size of the live children of `parent` before its `index`-th one (or before `stop`). */
function sizeBefore(parent: YType, mapping: Mapping, stop: { index?: number, type?: YType }): number | null {
  let pos = 0
  let i = 0
  for (let n = parent._start; n; n = n.right) {
    const child = (n.content as Y.ContentType).type as YType
    if (child === stop.type || i === stop.index) break
    if (n.deleted) continue
    const size = sizeOf(child, mapping)
    if (size === null) return null
    pos += size
    i++
  }
  return pos
}

/**
 * The ProseMirror position of a Yjs position inside the fragment, as y-tiptap's
 * relativePositionToAbsolutePosition counts it, without its guess that a text position at 0 or 1
 * is misresolved (it answers null there: a thread on a section's first word would be lost).
 */
export function anchorPosition(b: BoundFragment, bytes: unknown): number | null {
  if (!(bytes instanceof Uint8Array) || !bytes.length) return null
  let abs: Y.AbsolutePosition | null
  try {
    abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), b.doc)
  } catch {
    return null
  }
  if (!abs || (abs.type !== b.fragment && detached(abs.type, b.fragment))) return null
  let type = abs.type
  let pos = abs.index
  if (!(type instanceof Y.XmlText)) {
    const before = sizeBefore(type, b.mapping, { index: abs.index })
    if (before === null) return null
    pos = before
  }
  while (type !== b.fragment) {
    const parent = type._item!.parent as YType
    const before = sizeBefore(parent, b.mapping, { type })
    if (before === null) return null
    // An element's start tag counts one; a text has none.
    pos += before + (type instanceof Y.XmlText ? 0 : 1)
    type = parent
  }
  return pos
}
