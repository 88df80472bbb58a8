/**
 * Reading and writing review threads in the `comments` root (layout: shared/schemas/comments.ts).
 * Threads and replies are Y.Maps so that each field is its own CRDT entry: the server's guard can
 * tell who changed what, and concurrent edits to different fields never conflict. A suggestion is
 * a nested Y.Map `{ text, status, decidedBy?, decidedAt?, reason? }`.
 */
import * as Y from 'yjs'
import { COMMENTS } from './docNames'
import type { CommentReplyData, CommentThreadData, SuggestionDecisionData, SuggestionStatus } from './schemas/comments'

export type ThreadStatus = 'open' | 'resolved' | 'accepted' | 'rejected'

/** A thread as plain data, replies included. */
export interface ThreadView extends Omit<CommentThreadData, 'suggestion'> {
  suggestion?: { text: string, status: SuggestionStatus, decidedBy?: string, decidedAt?: number, reason?: string }
  replies: CommentReplyData[]
  /** Open, resolved, or the decision on its suggestion. */
  status: ThreadStatus
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const num = (v: unknown) => (typeof v === 'number' ? v : 0)
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
const bytes = (v: unknown) => (v instanceof Uint8Array ? v : new Uint8Array())

function readSuggestion(v: unknown): ThreadView['suggestion'] {
  const raw = v instanceof Y.Map ? v.toJSON() : v
  if (!raw || typeof raw !== 'object') return undefined
  const s = raw as Record<string, unknown>
  const status = (['open', 'accepted', 'rejected'] as const).find(x => x === s.status) ?? 'open'
  return { text: str(s.text), status, decidedBy: s.decidedBy ? str(s.decidedBy) : undefined, decidedAt: s.decidedAt ? num(s.decidedAt) : undefined, reason: s.reason ? str(s.reason) : undefined }
}

function readReply(m: Y.Map<unknown>): CommentReplyData {
  return {
    id: str(m.get('id')), authorId: str(m.get('authorId')), authorName: str(m.get('authorName')), createdAt: num(m.get('createdAt')),
    editedAt: m.get('editedAt') ? num(m.get('editedAt')) : undefined, wordAuthor: m.get('wordAuthor') ? str(m.get('wordAuthor')) : undefined, body: str(m.get('body')), mentions: strings(m.get('mentions')), deleted: m.get('deleted') === true,
  }
}

function readDecision(v: unknown): SuggestionDecisionData | undefined {
  if (!(v instanceof Y.Map)) return undefined
  const status = v.get('status')
  if (status !== 'accepted' && status !== 'rejected') return undefined
  const kind = (['insertion', 'deletion', 'replacement'] as const).find(k => k === v.get('kind')) ?? 'replacement'
  return {
    status, kind, decidedBy: str(v.get('decidedBy')), decidedByName: str(v.get('decidedByName')), decidedAt: num(v.get('decidedAt')), reason: str(v.get('reason')),
    suggestedBy: str(v.get('suggestedBy')), suggestedByName: str(v.get('suggestedByName')), before: str(v.get('before')), after: str(v.get('after')),
  }
}

/** A decision record (shared/suggestionThreads.ts) whose status its decider took away by undoing it. */
function isUndoneDecision(m: Y.Map<unknown>): boolean {
  const d = m.get('decision')
  return d instanceof Y.Map && d.get('status') !== 'accepted' && d.get('status') !== 'rejected'
}

/** One thread Y.Map as plain data. */
export function readThread(id: string, m: Y.Map<unknown>): ThreadView {
  const suggestion = readSuggestion(m.get('suggestion'))
  // A decision counts only as its thread author's own (the hub checks who writes a thread), and
  // in the name the hub checked: a record claiming someone else decided is ignored.
  const recorded = readDecision(m.get('decision'))
  const decision = recorded && recorded.decidedBy === str(m.get('authorId')) ? { ...recorded, decidedByName: str(m.get('authorName')) } : undefined
  const resolved = m.get('resolved') === true
  const replies = m.get('replies')
  return {
    id,
    sectionId: str(m.get('sectionId')),
    anchorStart: bytes(m.get('anchorStart')),
    anchorEnd: bytes(m.get('anchorEnd')),
    quote: str(m.get('quote')),
    authorId: str(m.get('authorId')),
    authorName: str(m.get('authorName')),
    createdAt: num(m.get('createdAt')),
    editedAt: m.get('editedAt') ? num(m.get('editedAt')) : undefined,
    wordAuthor: m.get('wordAuthor') ? str(m.get('wordAuthor')) : undefined,
    body: str(m.get('body')),
    mentions: strings(m.get('mentions')),
    resolved,
    resolvedBy: m.get('resolvedBy') ? str(m.get('resolvedBy')) : undefined,
    resolvedAt: m.get('resolvedAt') ? num(m.get('resolvedAt')) : undefined,
    suggestion,
    replies: replies instanceof Y.Array ? replies.toArray().filter((r): r is Y.Map<unknown> => r instanceof Y.Map).map(readReply) : [],
    suggestionId: m.get('suggestionId') ? str(m.get('suggestionId')) : undefined,
    decision,
    status: decision ? decision.status : suggestion && suggestion.status !== 'open' ? suggestion.status : resolved ? 'resolved' : 'open',
  }
}

/** Every thread of the report, oldest first (decision records their decider undid left out). */
export function readThreads(doc: Y.Doc): ThreadView[] {
  const out: ThreadView[] = []
  doc.getMap<Y.Map<unknown>>(COMMENTS).forEach((m, id) => {
    if (m instanceof Y.Map && !isUndoneDecision(m)) out.push(readThread(id, m))
  })
  return out.sort((a, b) => a.createdAt - b.createdAt)
}

/** A random id for a thread or reply. */
export function newCommentId(): string {
  const bytes = new Uint8Array(9)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, b => b.toString(36).padStart(2, '0')).join('').slice(0, 16)
}

/** Open a thread (one transaction). The server checks `authorId`, `authorName` and `createdAt`. */
export function addThread(doc: Y.Doc, t: { sectionId: string, anchorStart: Uint8Array, anchorEnd: Uint8Array, quote: string, author: { id: string, name: string }, body: string, mentions: string[], suggestion?: string, now?: number }): string {
  const id = newCommentId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    doc.getMap(COMMENTS).set(id, m)
    m.set('id', id)
    m.set('sectionId', t.sectionId)
    m.set('anchorStart', t.anchorStart)
    m.set('anchorEnd', t.anchorEnd)
    m.set('quote', t.quote.slice(0, 500))
    m.set('authorId', t.author.id)
    m.set('authorName', t.author.name)
    // `now` lets a browser with a wrong clock use the server's time (the hub checks createdAt).
    m.set('createdAt', t.now ?? Date.now())
    m.set('body', t.body)
    m.set('mentions', t.mentions)
    m.set('resolved', false)
    m.set('replies', new Y.Array())
    if (t.suggestion !== undefined) {
      const s = new Y.Map<unknown>()
      m.set('suggestion', s)
      s.set('text', t.suggestion)
      s.set('status', 'open')
    }
  })
  return id
}

/** Reply to a thread. */
export function addReply(doc: Y.Doc, threadId: string, r: { author: { id: string, name: string }, body: string, mentions: string[], now?: number }): void {
  const thread = doc.getMap<Y.Map<unknown>>(COMMENTS).get(threadId)
  const replies = thread?.get('replies')
  if (!(replies instanceof Y.Array)) return
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    replies.push([m])
    m.set('id', newCommentId())
    m.set('authorId', r.author.id)
    m.set('authorName', r.author.name)
    m.set('createdAt', r.now ?? Date.now())
    m.set('body', r.body)
    m.set('mentions', r.mentions)
    m.set('deleted', false)
  })
}

/** Resolve or reopen a thread. */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, userId: string): void {
  const thread = doc.getMap<Y.Map<unknown>>(COMMENTS).get(threadId)
  if (!thread) return
  doc.transact(() => {
    thread.set('resolved', resolved)
    thread.set('resolvedBy', resolved ? userId : null)
    thread.set('resolvedAt', resolved ? Date.now() : null)
  })
}

/** Record the decision on a suggestion (the text edit itself is made by the caller in the same transaction). */
export function decideSuggestion(doc: Y.Doc, threadId: string, decision: { status: 'accepted' | 'rejected', userId: string, reason?: string }): void {
  const s = doc.getMap<Y.Map<unknown>>(COMMENTS).get(threadId)?.get('suggestion')
  if (!(s instanceof Y.Map)) return
  s.set('status', decision.status)
  s.set('decidedBy', decision.userId)
  s.set('decidedAt', Date.now())
  if (decision.reason) s.set('reason', decision.reason)
}

/** Edit the body of one's own thread or reply (`replyId` null for the thread itself). */
export function editMessage(doc: Y.Doc, threadId: string, replyId: string | null, body: string, mentions: string[]): void {
  const thread = doc.getMap<Y.Map<unknown>>(COMMENTS).get(threadId)
  if (!thread) return
  const target = replyId === null ? thread : findReply(thread, replyId)
  if (!target) return
  doc.transact(() => {
    target.set('body', body)
    target.set('mentions', mentions)
    target.set('editedAt', Date.now())
  })
}

/** Delete one's own message: a thread goes entirely; a reply is marked deleted (the conversation keeps its shape). */
export function deleteMessage(doc: Y.Doc, threadId: string, replyId: string | null): void {
  const threads = doc.getMap<Y.Map<unknown>>(COMMENTS)
  const thread = threads.get(threadId)
  if (!thread) return
  if (replyId === null) {
    threads.delete(threadId)
    return
  }
  const reply = findReply(thread, replyId)
  if (reply) doc.transact(() => {
    reply.set('deleted', true)
    reply.set('body', '')
  })
}

function findReply(thread: Y.Map<unknown>, replyId: string): Y.Map<unknown> | undefined {
  const replies = thread.get('replies')
  if (!(replies instanceof Y.Array)) return undefined
  return replies.toArray().find((r): r is Y.Map<unknown> => r instanceof Y.Map && r.get('id') === replyId)
}
