/**
 * Review threads for test reports, written with the app's own writers (shared/commentsDoc.ts) and
 * anchored the way the editor anchors them (components/comments/commentAnchors.ts): a test that
 * builds a thread by hand can pass against a shape the app never writes.
 */
import * as Y from 'yjs'
import { absolutePositionToRelativePosition, initProseMirrorDoc } from '@tiptap/y-tiptap'
import { chorusSchema } from '../../shared/editor/extensions'
import { sectionFragmentName } from '../../shared/docNames'
import { addReply, addThread } from '../../shared/commentsDoc'

/** A thread as a test describes it. `now` fixes the times (threads are read oldest first). */
export interface SampleThread {
  author: { id: string, name: string }
  body: string
  suggestion?: string
  replies?: Array<{ author: { id: string, name: string }, body: string, now?: number }>
  now?: number
}

/** Encoded anchors for the ProseMirror range `from`–`to` of a section, as the editor makes them. */
export function anchorsAt(doc: Y.Doc, sectionId: string, from: number, to: number): { anchorStart: Uint8Array, anchorEnd: Uint8Array } {
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const { mapping } = initProseMirrorDoc(fragment, chorusSchema())
  // The start belongs to the first commented character (y-tiptap's belongs to the one before).
  let start = absolutePositionToRelativePosition(from, fragment, mapping)
  const abs = Y.createAbsolutePositionFromRelativePosition(start, doc)
  if (abs && abs.type instanceof Y.XmlText && abs.index < abs.type.length) start = Y.createRelativePositionFromTypeIndex(abs.type, abs.index, 0)
  const end = absolutePositionToRelativePosition(to, fragment, mapping)
  return { anchorStart: Y.encodeRelativePosition(start), anchorEnd: Y.encodeRelativePosition(end) }
}

/** The ProseMirror position of the first occurrence of `quote` in a section, or throws. */
export function positionOf(doc: Y.Doc, sectionId: string, quote: string): number {
  const { doc: pm } = initProseMirrorDoc(doc.getXmlFragment(sectionFragmentName(sectionId)), chorusSchema())
  let from = -1
  pm.descendants((node, pos) => {
    if (from < 0 && node.isText && node.text!.includes(quote)) from = pos + node.text!.indexOf(quote)
  })
  if (from < 0) throw new Error(`"${quote}" is not in section ${sectionId}`)
  return from
}

/** Opens a thread (with its replies) on `from`–`to` of a section; returns the thread id. */
export function threadAt(doc: Y.Doc, sectionId: string, from: number, to: number, quote: string, t: SampleThread): string {
  const id = addThread(doc, { sectionId, ...anchorsAt(doc, sectionId, from, to), quote, author: t.author, body: t.body, mentions: [], suggestion: t.suggestion, now: t.now })
  for (const r of t.replies ?? []) addReply(doc, id, { author: r.author, body: r.body, mentions: [], now: r.now })
  return id
}

/** Opens a thread on the first occurrence of `quote` in a section; returns the thread id. */
export function commentOn(doc: Y.Doc, sectionId: string, quote: string, t: SampleThread): string {
  const from = positionOf(doc, sectionId, quote)
  return threadAt(doc, sectionId, from, from + quote.length, quote, t)
}
