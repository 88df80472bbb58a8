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
import { COMMENTS } from '#shared/docNames'
import { anchorPosition, sizeOf } from '#shared/anchorPosition'
import type { BoundFragment } from '#shared/anchorPosition'

/** Any Yjs type (their content types differ: text, element, fragment). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type YType = Y.AbstractType<any>

export type { BoundFragment }

interface Range { from: number, to: number }

/** The ProseMirror range a thread's anchors name in `b`, or null when its text is gone there. */
function rangeOf(b: BoundFragment, thread: Y.Map<unknown>): Range | null {
  const from = anchorPosition(b, thread.get('anchorStart'))
  const to = anchorPosition(b, thread.get('anchorEnd'))
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
