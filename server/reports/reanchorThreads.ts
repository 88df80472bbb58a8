/**
 * A restore brings a version's words back, but not always the same Yjs items: updateYFragment
 * rewrites a paragraph that was retyped, split or joined since the version, and a text that
 * changed on both sides of a comment loses the middle (its diff is one replaced range). Review
 * threads name characters (relative positions), so a thread on those words would say "Text
 * removed" though its words are there again, and its suggestion could no longer be applied.
 *
 * The version is a snapshot of the same Yjs history, so a thread's anchors resolve in it: where
 * they sat in the version's ProseMirror document is where its words are after the restore (the
 * restored section IS the version's document). Threads whose anchors no longer land there are
 * re-anchored there, in the restore's own transaction, exactly as the editor anchors a new thread.
 */
import * as Y from 'yjs'
import type { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap'
import { COMMENTS } from '#shared/docNames'

/** Any Yjs type (their content types differ: text, element, fragment). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type YType = Y.AbstractType<any>

/** y-tiptap's Y type → ProseMirror node map (its type is not exported by name). */
type Mapping = Parameters<typeof relativePositionToAbsolutePosition>[3]

/** A section's fragment with the mapping of its ProseMirror rendering (initProseMirrorDoc). */
export interface BoundFragment { doc: Y.Doc, fragment: Y.XmlFragment, mapping: Mapping }

interface Range { from: number, to: number }

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
function sizeOf(type: YType, mapping: Mapping): number | null {
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
function positionOf(b: BoundFragment, bytes: unknown): number | null {
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

/** The ProseMirror range a thread's anchors name in `b`, or null when its text is gone there. */
function rangeOf(b: BoundFragment, thread: Y.Map<unknown>): Range | null {
  const from = positionOf(b, thread.get('anchorStart'))
  const to = positionOf(b, thread.get('anchorEnd'))
  return from !== null && to !== null && from < to ? { from, to } : null
}

/** Where each thread of `sectionId` sits in the version (threads whose text the version lacks are left out). */
export function threadRangesIn(version: BoundFragment, live: Y.Doc, sectionId: string): Map<Y.Map<unknown>, Range> {
  const out = new Map<Y.Map<unknown>, Range>()
  live.getMap<Y.Map<unknown>>(COMMENTS).forEach((thread) => {
    if (!(thread instanceof Y.Map) || thread.get('sectionId') !== sectionId) return
    const range = rangeOf(version, thread)
    if (range) out.set(thread, range)
  })
  return out
}

/** The Yjs place of a ProseMirror position: a text and an offset in it, or an element and a child index. */
function placeAt(b: BoundFragment, pos: number): { type: YType, index: number } {
  let type: YType = b.fragment
  let rest = pos
  for (;;) {
    let index = 0
    let inside: YType | null = null
    for (let n = type._start; n && !inside; n = n.right) {
      if (n.deleted) continue
      const child = (n.content as Y.ContentType).type as YType
      if (child instanceof Y.XmlText) {
        if (rest <= child.length) return { type: child, index: rest }
        rest -= child.length
      } else {
        const size = sizeOf(child, b.mapping) ?? 0
        if (rest === 0) return { type, index }
        if (rest < size) {
          inside = child
          rest -= 1
        } else {
          rest -= size
        }
      }
      if (!inside) index++
    }
    if (!inside) return { type, index }
    type = inside
  }
}

/**
 * Anchors for `range` as the editor makes them (components/comments/commentAnchors.ts anchorsFor):
 * the start sticks to the first commented character, the end to the last one.
 */
function anchorsFor(b: BoundFragment, range: Range): { anchorStart: Uint8Array, anchorEnd: Uint8Array } {
  const start = placeAt(b, range.from)
  const end = placeAt(b, range.to)
  return {
    anchorStart: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(start.type, start.index, 0)),
    anchorEnd: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(end.type, end.index, -1)),
  }
}

/**
 * After a restore of one section: every thread in `ranges` whose anchors no longer name the same
 * range of the restored section gets anchors on that range. Returns how many were re-anchored.
 */
export function reanchorThreads(restored: BoundFragment, ranges: Map<Y.Map<unknown>, Range>): number {
  let moved = 0
  for (const [thread, range] of ranges) {
    const now = rangeOf(restored, thread)
    if (now && now.from === range.from && now.to === range.to) continue
    const { anchorStart, anchorEnd } = anchorsFor(restored, range)
    thread.set('anchorStart', anchorStart)
    thread.set('anchorEnd', anchorEnd)
    moved++
  }
  return moved
}
