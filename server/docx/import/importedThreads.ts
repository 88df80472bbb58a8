/**
 * Word comments → review threads in the `comments` root, written with the shared writers
 * (addThread / addReply) and anchored the way the editor anchors threads
 * (components/comments/commentAnchors.ts): relative positions that stick to the first and last
 * commented characters. Run inside the change that wrote the section's text, after it.
 *
 * Attribution: an import is a server-side change made by the importing account, so the thread and
 * its replies carry the importer as `authorId` / `authorName` (the guard's rule for new threads),
 * and the Word author's name in an extra field `wordAuthor` on the thread and on each reply
 * (shown "<name>, in Word"). The date is the Word comment's.
 */
import * as Y from 'yjs'
import { absolutePositionToRelativePosition, initProseMirrorDoc } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { COMMENTS, sectionFragmentName } from '#shared/docNames'
import { addReply, addThread } from '#shared/commentsDoc'
import { COMMENT_MAX_CHARS } from '#shared/schemas/comments'
import type { ImportedComment, Importer } from './reviewMarkers'

/** A Word comment to be written at a range of a section (positions in the section as it is now). */
export interface PlacedComment extends Omit<ImportedComment, 'from' | 'to'> {
  from: number
  to: number
}

/** Adds one thread per comment (replies included) to `sectionId`; returns the thread ids. */
export function addImportedThreads(doc: Y.Doc, sectionId: string, comments: PlacedComment[], importer: Importer): string[] {
  if (!comments.length) return []
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, chorusSchema())
  const size = pm.content.size
  const author = { id: importer.id, name: importer.name }
  const ids: string[] = []
  for (const c of comments) {
    const from = Math.max(0, Math.min(c.from, size))
    const to = Math.max(from, Math.min(c.to, size))
    let start = absolutePositionToRelativePosition(from, fragment, mapping)
    // The start belongs to the first commented character (y-tiptap's belongs to the one before).
    const abs = Y.createAbsolutePositionFromRelativePosition(start, doc)
    if (abs && abs.type instanceof Y.XmlText && abs.index < abs.type.length) start = Y.createRelativePositionFromTypeIndex(abs.type, abs.index, 0)
    const end = absolutePositionToRelativePosition(to, fragment, mapping)
    const id = addThread(doc, {
      sectionId,
      anchorStart: Y.encodeRelativePosition(start),
      anchorEnd: Y.encodeRelativePosition(end),
      quote: pm.textBetween(from, to, ' '),
      author,
      body: c.text.slice(0, COMMENT_MAX_CHARS),
      mentions: [],
      now: c.createdAt,
    })
    const thread = doc.getMap<Y.Map<unknown>>(COMMENTS).get(id)!
    thread.set('wordAuthor', c.author)
    for (const r of c.replies) {
      addReply(doc, id, { author, body: r.text.slice(0, COMMENT_MAX_CHARS), mentions: [], now: r.createdAt })
      const replies = thread.get('replies') as Y.Array<Y.Map<unknown>>
      replies.get(replies.length - 1).set('wordAuthor', r.author)
    }
    ids.push(id)
  }
  return ids
}
