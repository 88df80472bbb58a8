/**
 * Thread anchors for a suggestion, read from the section's Y.XmlFragment itself (no editor
 * needed): the start sticks to the suggestion's first character and the end to its last, as the
 * anchors of any other thread do (components/comments/commentAnchors.ts).
 */
import * as Y from 'yjs'
import { DELETION, INSERTION } from './editor/suggestionMarks'

type Attrs = Record<string, { id?: string } | undefined>

function* texts(node: Y.XmlFragment | Y.XmlElement): Generator<Y.XmlText> {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) yield child
    else if (child instanceof Y.XmlElement) yield* texts(child)
  }
}

/** Encoded anchors around the text of suggestion `id`, or null when it is not in the fragment. */
export function suggestionAnchors(fragment: Y.XmlFragment, id: string): { anchorStart: Uint8Array, anchorEnd: Uint8Array } | null {
  let start: Y.RelativePosition | null = null
  let end: Y.RelativePosition | null = null
  for (const text of texts(fragment)) {
    let index = 0
    for (const op of text.toDelta() as Array<{ insert: unknown, attributes?: Attrs }>) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      const a = op.attributes
      if (a?.[INSERTION]?.id === id || a?.[DELETION]?.id === id) {
        start ??= Y.createRelativePositionFromTypeIndex(text, index, 0)
        end = Y.createRelativePositionFromTypeIndex(text, index + length, -1)
      }
      index += length
    }
  }
  return start && end ? { anchorStart: Y.encodeRelativePosition(start), anchorEnd: Y.encodeRelativePosition(end) } : null
}
