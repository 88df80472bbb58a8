/**
 * The `comments` root: review threads keyed by id. Each thread is a Y.Map with these keys; each
 * reply is a Y.Map in the thread's `replies` Y.Array. Authors and times are set from the session
 * by the server's guard, never trusted from the client.
 */
import { z } from 'zod'

export const SUGGESTION_STATUSES = ['open', 'accepted', 'rejected'] as const
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number]

/** Limits on comment text: plain text with @mentions and links, never HTML. */
export const COMMENT_MAX_CHARS = 5000

/** Keys of a thread Y.Map. `anchorStart`/`anchorEnd` are encoded Y.RelativePositions (Uint8Array) into `section:<sectionId>`. */
export interface CommentThreadData {
  id: string
  sectionId: string
  anchorStart: Uint8Array
  anchorEnd: Uint8Array
  /** The commented text when the thread was opened, shown when the text is gone. */
  quote: string
  authorId: string
  authorName: string
  createdAt: number
  editedAt?: number
  /** For a comment imported from Word: the name the Word file gave (authorId is the importer). */
  wordAuthor?: string
  body: string
  /** User ids mentioned in the body. */
  mentions: string[]
  resolved: boolean
  resolvedBy?: string
  resolvedAt?: number
  /** A nested Y.Map in the document (see shared/commentsDoc.ts). */
  suggestion?: {
    text: string
    status: SuggestionStatus
    decidedBy?: string
    decidedAt?: number
    reason?: string
  }
  /** The tracked change (`insertion`/`deletion` marks' id) this thread discusses. */
  suggestionId?: string
  /** The decision on that tracked change, once made. */
  decision?: SuggestionDecisionData
}

/**
 * A decision on a tracked change (a nested Y.Map `decision` of a thread with `suggestionId`),
 * written by the person who decided (shared/suggestionThreads.ts). The Y.Map also keeps `marks`
 * (the suggestion's mark attributes, for the decider's undo); a record whose `status` is gone was
 * undone by its decider and counts as never made.
 */
export interface SuggestionDecisionData {
  status: 'accepted' | 'rejected'
  decidedBy: string
  decidedByName: string
  decidedAt: number
  /** Why it was rejected ('' when no reason was given, and for acceptances). */
  reason: string
  suggestedBy: string
  suggestedByName: string
  kind: 'insertion' | 'deletion' | 'replacement'
  /** The text the suggestion deletes and the text it inserts. */
  before: string
  after: string
}

/** Keys of a reply Y.Map inside a thread's `replies` Y.Array. */
export interface CommentReplyData {
  id: string
  authorId: string
  authorName: string
  createdAt: number
  editedAt?: number
  /** For a comment imported from Word: the name the Word file gave (authorId is the importer). */
  wordAuthor?: string
  body: string
  mentions: string[]
  deleted?: boolean
}

export const commentBodySchema = z.string().trim().min(1, 'Write a comment').max(COMMENT_MAX_CHARS)
