/**
 * Open comment threads → Word comments. A thread is one comment; each reply is a further comment
 * that replies to it (`parentId`, threaded in Word's commentsExtended part). A thread whose text
 * was removed is attached to its section title, with the quote it was made on.
 */
import { D, type DocxDesc } from './docxDesc'
import { STYLE } from './styles'
import type { PlacedThread } from './commentMarkers'
import type { Labels } from './labels'
import type { ExportComment } from '../types'

/** A Word comment with described paragraphs (docx's ICommentOptions). */
export interface WordComment {
  id: number
  parentId?: number
  author: string
  initials: string
  date: Date
  children: DocxDesc[]
}

/** The comments part and where each section's threads go. */
export interface WordComments {
  options: WordComment[]
  /** Threads with a live anchor, by section id. */
  placed: Map<string, PlacedThread[]>
  /** docx ids of threads (and their replies) whose text is gone, by section id. */
  orphans: Map<string, number[]>
}

/** Builds the Word comments of the threads on exported sections. */
export function wordComments(comments: ExportComment[], sectionIds: Set<string>, labels: Labels): WordComments {
  const result: WordComments = { options: [], placed: new Map(), orphans: new Map() }
  let nextId = 0
  for (const thread of comments) {
    if (!sectionIds.has(thread.sectionId)) continue
    const orphan = thread.from === null || thread.to === null || (thread.from === thread.to && thread.quote.trim() !== '')
    const id = nextId++
    const ids = [id]
    const paragraphs: DocxDesc[] = []
    if (orphan && thread.quote.trim()) paragraphs.push(para(`${labels.removedText}: “${thread.quote.trim()}”`, true))
    paragraphs.push(...textParagraphs(thread.body))
    if (thread.suggestion !== undefined) paragraphs.push(para(`${labels.suggestion}: “${thread.suggestion}”`, true))
    result.options.push({ id, author: thread.authorName || '—', initials: initials(thread.authorName), date: new Date(thread.createdAt), children: paragraphs })
    for (const reply of thread.replies) {
      const replyId = nextId++
      ids.push(replyId)
      result.options.push({
        id: replyId,
        parentId: id,
        author: reply.authorName || '—',
        initials: initials(reply.authorName),
        date: new Date(reply.createdAt),
        children: textParagraphs(reply.body),
      })
    }
    if (orphan) push(result.orphans, thread.sectionId, ...ids)
    else push(result.placed, thread.sectionId, { from: thread.from!, to: thread.to!, ids })
  }
  return result
}

function push<T>(map: Map<string, T[]>, key: string, ...values: T[]): void {
  const list = map.get(key)
  if (list) list.push(...values)
  else map.set(key, values)
}

function textParagraphs(text: string): DocxDesc[] {
  const lines = text.split(/\r?\n/)
  return lines.map(line => para(line))
}

function para(text: string, italics = false): DocxDesc {
  return D.Paragraph({ style: STYLE.commentText, children: [D.TextRun({ text, italics })] })
}

function initials(name: string): string {
  const letters = name.split(/\s+/).filter(Boolean).map(w => w[0]!.toUpperCase())
  return letters.slice(0, 3).join('') || '?'
}
