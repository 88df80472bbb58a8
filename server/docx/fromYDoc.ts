/**
 * Reads a report's Y.Doc into the plain `ExportInput` of the exporter: meta, sections with their
 * bodies as ProseMirror JSON, and the open comment threads with anchors as ProseMirror positions.
 * Meta, sections and threads are read by the same shared readers the browser uses
 * (shared/reportDoc.ts, shared/commentsDoc.ts), so the export sees what the editor shows.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import * as Y from 'yjs'
import { initProseMirrorDoc } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { COMMENTS, sectionFragmentName } from '#shared/docNames'
import { readMeta, readSections } from '#shared/reportDoc'
import { readThreads, type ThreadView } from '#shared/commentsDoc'
import { anchorPosition } from '#shared/anchorPosition'
import type { BoundFragment } from '#shared/anchorPosition'
import type { Section } from '#shared/schemas/report'
import type { ExportComment, ExportInput, PMNode } from './types'
import { fillFollowUpSections } from '../followUp/fillFollowUpSections'

/** Options of `reportExportInput`. */
export interface ReportExportInputOptions {
  /** Leave out the comment threads (they cost a position lookup each). Default false. */
  skipComments?: boolean
}

/** The plain export input of a report's Y.Doc. Never throws on odd data: bad fields fall back to defaults. */
export function reportExportInput(doc: Y.Doc, opts: ReportExportInputOptions = {}): ExportInput {
  const reader = new InputReader(doc, opts)
  for (const entry of reader.entries) reader.readSection(entry)
  fillFollowUpSections(doc, reader.input)
  return reader.input
}

/**
 * The same, yielding to the event loop between sections (a 100-page report takes tens of ms to
 * convert): what an HTTP route should use. Each section and its comment anchors are read in one go,
 * so they agree even if an edit lands between two sections.
 */
export async function reportExportInputAsync(doc: Y.Doc, opts: ReportExportInputOptions = {}): Promise<ExportInput> {
  const reader = new InputReader(doc, opts)
  for (const entry of reader.entries) {
    await yieldToEventLoop()
    reader.readSection(entry)
  }
  // Generated from the whole report: filled once every section is read.
  fillFollowUpSections(doc, reader.input)
  return reader.input
}

class InputReader {
  readonly input: ExportInput
  readonly entries: Section[]
  private readonly threads: ThreadView[]

  constructor(private readonly doc: Y.Doc, opts: ReportExportInputOptions) {
    this.input = { meta: readMeta(doc), sections: [], comments: [] }
    this.entries = readSections(doc)
    // The review copy carries what the comments panel shows as open: not resolved, and no
    // decision yet on its suggested replacement.
    this.threads = opts.skipComments ? [] : readThreads(doc).filter(t => t.status === 'open')
  }

  readSection(section: Section): void {
    const fragment = this.doc.getXmlFragment(sectionFragmentName(section.id))
    // initProseMirrorDoc gives the node for every Y type, which relative positions need.
    const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, chorusSchema())
    this.input.sections.push({
      id: section.id,
      title: section.title,
      countsTowardLimit: section.countsTowardLimit,
      generated: section.generated,
      priorityList: section.priorityList,
      content: pmDoc.toJSON() as PMNode,
    })
    for (const thread of this.threads) {
      if (thread.sectionId === section.id) this.input.comments.push(threadToComment(thread, this.doc, fragment, mapping))
    }
  }
}

/**
 * The names Word shows for a thread and its replies: a comment imported from Word carries its
 * Word author in `wordAuthor` (server/docx/import/importedThreads.ts), written back as the author.
 */
function wordAuthors(doc: Y.Doc, threadId: string): { thread?: string, replies: Map<string, string> } {
  const m = doc.getMap<Y.Map<unknown>>(COMMENTS).get(threadId)
  const replies = new Map<string, string>()
  const list = m?.get('replies')
  if (list instanceof Y.Array) {
    for (const r of list.toArray()) {
      if (r instanceof Y.Map && typeof r.get('wordAuthor') === 'string') replies.set(String(r.get('id')), r.get('wordAuthor') as string)
    }
  }
  const thread = m?.get('wordAuthor')
  return { thread: typeof thread === 'string' && thread ? thread : undefined, replies }
}

function threadToComment(thread: ThreadView, doc: Y.Doc, fragment: Y.XmlFragment, mapping: Map<unknown, unknown>): ExportComment {
  const word = wordAuthors(doc, thread.id)
  const from = resolveAnchor(thread.anchorStart, doc, fragment, mapping)
  const to = resolveAnchor(thread.anchorEnd, doc, fragment, mapping)
  return {
    id: thread.id,
    sectionId: thread.sectionId,
    from,
    to: to === null || from === null ? to : Math.max(from, to),
    quote: thread.quote,
    authorName: word.thread ?? thread.authorName,
    createdAt: thread.createdAt,
    body: thread.body,
    suggestion: thread.suggestion?.status === 'open' ? thread.suggestion.text : undefined,
    replies: thread.replies.filter(r => !r.deleted).map(r => ({ id: r.id, authorName: word.replies.get(r.id) || r.authorName, createdAt: r.createdAt, body: r.body })),
  }
}

function resolveAnchor(encoded: Uint8Array, doc: Y.Doc, fragment: Y.XmlFragment, mapping: Map<unknown, unknown>): number | null {
  // Counted from the Yjs types (y-tiptap's resolver answers null at positions 0 and 1: a thread on
  // a section's first word was exported "on text since removed"); null when its text is gone.
  return anchorPosition({ doc, fragment, mapping: mapping as BoundFragment['mapping'] }, encoded)
}
