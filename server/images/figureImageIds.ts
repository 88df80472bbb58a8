/**
 * The images a report's document uses: the `imageId` of every `figure` element in every section
 * body, wherever it sits (top level, table cell, quote). Read straight from the Y.Doc, without the
 * ProseMirror conversion, since the reclaim reads many documents (the live one and each version).
 */
import * as Y from 'yjs'
import { parseSectionFragmentName } from '#shared/docNames'

/** The image ids `doc` refers to, added to `into`. */
export function figureImageIds(doc: Y.Doc, into = new Set<string>()): Set<string> {
  // Every section root, listed or not: a body whose section was removed still counts (cheap caution).
  for (const name of doc.share.keys()) {
    if (parseSectionFragmentName(name) !== null) walk(doc.getXmlFragment(name), into)
  }
  return into
}

function walk(parent: Y.XmlFragment | Y.XmlElement, into: Set<string>): void {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (child.nodeName === 'figure') {
      const id = child.getAttribute('imageId') as unknown
      if (typeof id === 'string' && id) into.add(id)
    }
    walk(child, into)
  }
}

/** The image ids a stored document state (a version's `Y.encodeStateAsUpdate`) refers to. */
export function figureImageIdsOfState(state: Uint8Array, into = new Set<string>()): Set<string> {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return figureImageIds(doc, into)
  } finally {
    doc.destroy()
  }
}
