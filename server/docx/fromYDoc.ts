/**
 * Reads a report's Y.Doc into the plain `ExportInput` of the exporter: meta, sections with their
 * bodies as ProseMirror JSON, and the open comment threads with anchors as ProseMirror positions.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import * as Y from 'yjs'
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { COMMENTS, META, SECTIONS, sectionFragmentName } from '#shared/docNames'
import { reportMetaSchema, type ReportMeta } from '#shared/schemas/report'
import type { ExportComment, ExportCommentReply, ExportInput, PMNode } from './types'

/** Options of `reportExportInput`. */
export interface ReportExportInputOptions {
  /** Leave out the comment threads (they cost a position lookup each). Default false. */
  skipComments?: boolean
}

/** The plain export input of a report's Y.Doc. Never throws on odd data: bad fields fall back to defaults. */
export function reportExportInput(doc: Y.Doc, opts: ReportExportInputOptions = {}): ExportInput {
  const reader = new InputReader(doc, opts)
  for (const entry of reader.entries) reader.readSection(entry)
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
  return reader.input
}

class InputReader {
  readonly input: ExportInput
  readonly entries: Y.Map<unknown>[]
  private readonly threads: Y.Map<unknown>[]

  constructor(private readonly doc: Y.Doc, opts: ReportExportInputOptions) {
    this.input = { meta: readMeta(doc.getMap(META)), sections: [], comments: [] }
    this.entries = doc.getArray<unknown>(SECTIONS).toArray().filter((e): e is Y.Map<unknown> => e instanceof Y.Map && Boolean(e.get('id')))
    this.threads = opts.skipComments ? [] : openThreads(doc.getMap(COMMENTS))
  }

  readSection(entry: Y.Map<unknown>): void {
    const id = String(entry.get('id'))
    const fragment = this.doc.getXmlFragment(sectionFragmentName(id))
    // initProseMirrorDoc gives the node for every Y type, which relative positions need.
    const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, chorusSchema())
    this.input.sections.push({
      id,
      title: String(entry.get('title') ?? ''),
      countsTowardLimit: entry.get('countsTowardLimit') !== false,
      content: pmDoc.toJSON() as PMNode,
    })
    for (const thread of this.threads) {
      if (thread.get('sectionId') === id) this.input.comments.push(threadToComment(thread, this.doc, fragment, mapping))
    }
  }
}

function readMeta(map: Y.Map<unknown>): ReportMeta {
  const raw = map.toJSON() as Record<string, unknown>
  const parsed = reportMetaSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  // One bad field must not block the export: take every field that parses, defaults for the rest.
  const shape = reportMetaSchema.shape
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(shape) as Array<keyof typeof shape>) {
    const field = shape[key].safeParse(raw[key])
    out[key] = field.success ? field.data : shape[key].safeParse(undefined).data
  }
  out.title ||= 'Untitled report'
  return out as ReportMeta
}

function openThreads(map: Y.Map<unknown>): Y.Map<unknown>[] {
  const threads: Y.Map<unknown>[] = []
  for (const value of map.values()) {
    if (value instanceof Y.Map && value.get('resolved') !== true) threads.push(value)
  }
  return threads.sort((a, b) => Number(a.get('createdAt') ?? 0) - Number(b.get('createdAt') ?? 0))
}

function threadToComment(
  thread: Y.Map<unknown>,
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: Map<unknown, unknown>,
): ExportComment {
  const from = resolveAnchor(thread.get('anchorStart'), doc, fragment, mapping)
  const to = resolveAnchor(thread.get('anchorEnd'), doc, fragment, mapping)
  const suggestion = thread.get('suggestion') as { text?: unknown, status?: unknown } | undefined
  const replies = thread.get('replies')
  return {
    id: String(thread.get('id') ?? ''),
    sectionId: String(thread.get('sectionId') ?? ''),
    from,
    to: to === null || from === null ? to : Math.max(from, to),
    quote: String(thread.get('quote') ?? ''),
    authorName: String(thread.get('authorName') ?? ''),
    createdAt: Number(thread.get('createdAt') ?? 0),
    body: String(thread.get('body') ?? ''),
    suggestion: suggestion?.status === 'open' && typeof suggestion.text === 'string' ? suggestion.text : undefined,
    replies: replies instanceof Y.Array ? readReplies(replies) : [],
  }
}

function readReplies(replies: Y.Array<unknown>): ExportCommentReply[] {
  const out: ExportCommentReply[] = []
  for (const reply of replies.toArray()) {
    if (!(reply instanceof Y.Map) || reply.get('deleted') === true) continue
    out.push({
      id: String(reply.get('id') ?? ''),
      authorName: String(reply.get('authorName') ?? ''),
      createdAt: Number(reply.get('createdAt') ?? 0),
      body: String(reply.get('body') ?? ''),
    })
  }
  return out
}

function resolveAnchor(encoded: unknown, doc: Y.Doc, fragment: Y.XmlFragment, mapping: Map<unknown, unknown>): number | null {
  if (!(encoded instanceof Uint8Array)) return null
  try {
    const rel = Y.decodeRelativePosition(encoded)
    // y-tiptap's own resolver, so positions match what the editor shows.
    return relativePositionToAbsolutePosition(doc, fragment, rel, mapping as Parameters<typeof relativePositionToAbsolutePosition>[3])
  } catch {
    return null
  }
}
