/**
 * Review threads about suggestions (tracked changes), in the `comments` root beside the others,
 * each with `suggestionId` (the marks' id):
 * - the discussion: opened by whoever first replies (their reply is its body), later replies join it;
 * - the decision record: a new thread the decider opens with `decision` — who suggested, who
 *   decided and when, the text before and after, the reason for a rejection — which the
 *   comment-disposition CSV reads; the discussion, if any, is resolved at the same time.
 * A decision is its own thread (not a field written into someone else's) so that every field is
 * written once, by its author, as the hub's comment rules already require.
 */
import * as Y from 'yjs'
import { COMMENTS, sectionFragmentName } from './docNames'
import { newCommentId } from './commentsDoc'
import { suggestionAnchors } from './suggestionAnchors'
import type { SuggestionEntry } from './editor/readSuggestions'
import type { SuggestionDecisionData } from './schemas/comments'

interface Person { id: string, name: string }

/** The discussion thread about suggestion `suggestionId` (not a decision record), if there is one. */
export function findSuggestionThread(doc: Y.Doc, suggestionId: string): Y.Map<unknown> | null {
  let found: Y.Map<unknown> | null = null
  doc.getMap<Y.Map<unknown>>(COMMENTS).forEach((m) => {
    if (!found && m instanceof Y.Map && m.get('suggestionId') === suggestionId && !m.has('decision')) found = m
  })
  return found
}

function createThread(doc: Y.Doc, entry: SuggestionEntry, author: Person, body: string, now: number): Y.Map<unknown> {
  const id = newCommentId()
  const m = new Y.Map<unknown>()
  doc.getMap(COMMENTS).set(id, m)
  const anchors = suggestionAnchors(doc.getXmlFragment(sectionFragmentName(entry.sectionId)), entry.id)
  m.set('id', id)
  m.set('sectionId', entry.sectionId)
  m.set('anchorStart', anchors?.anchorStart ?? new Uint8Array())
  m.set('anchorEnd', anchors?.anchorEnd ?? new Uint8Array())
  m.set('quote', (entry.deleted || entry.inserted).slice(0, 500))
  m.set('authorId', author.id)
  m.set('authorName', author.name)
  m.set('createdAt', now)
  m.set('body', body)
  m.set('mentions', [])
  m.set('resolved', false)
  m.set('replies', new Y.Array())
  m.set('suggestionId', entry.id)
  return m
}

/** Reply about a suggestion: the first reply opens its thread, later ones join it. */
export function replyToSuggestion(doc: Y.Doc, entry: SuggestionEntry, r: { author: Person, body: string, mentions: string[], now?: number }): void {
  const now = r.now ?? Date.now()
  doc.transact(() => {
    const thread = findSuggestionThread(doc, entry.id)
    if (!thread) {
      createThread(doc, entry, r.author, r.body, now).set('mentions', r.mentions)
      return
    }
    const reply = new Y.Map<unknown>()
    ;(thread.get('replies') as Y.Array<unknown>).push([reply])
    reply.set('id', newCommentId())
    reply.set('authorId', r.author.id)
    reply.set('authorName', r.author.name)
    reply.set('createdAt', now)
    reply.set('body', r.body)
    reply.set('mentions', r.mentions)
    reply.set('deleted', false)
  })
}

/** What a decision wrote: the decision maps and the discussions it resolved (an undo's scope). */
export interface RecordedDecisions { decisions: Y.Map<unknown>[], discussions: Y.Map<unknown>[] }

/**
 * Record decisions on suggestions (the text change itself is the editor's transaction). Each
 * record keeps the suggestion's mark attributes (`marks`): the decider's undo removes the
 * record's `status` and puts exactly those marks back, which the hub allows only to them
 * (docs/suggestions.md, "Undo").
 */
export function recordSuggestionDecisions(doc: Y.Doc, entries: SuggestionEntry[], d: { status: 'accepted' | 'rejected', decider: Person, reason?: string, now?: number }): RecordedDecisions {
  const now = d.now ?? Date.now()
  const out: RecordedDecisions = { decisions: [], discussions: [] }
  doc.transact(() => {
    for (const entry of entries) {
      const data: SuggestionDecisionData = {
        status: d.status, decidedBy: d.decider.id, decidedByName: d.decider.name, decidedAt: now, reason: d.reason ?? '',
        suggestedBy: entry.authorId, suggestedByName: entry.wordAuthor ? `${entry.wordAuthor}, in Word` : entry.authorName,
        kind: entry.kind, before: entry.deleted, after: entry.inserted,
      }
      const summary = d.status === 'accepted' ? 'Accepted.' : `Rejected${d.reason ? `: ${d.reason}` : '.'}`
      const discussion = findSuggestionThread(doc, entry.id)
      const decision = new Y.Map<unknown>()
      createThread(doc, entry, d.decider, summary, now).set('decision', decision)
      for (const [k, v] of Object.entries(data)) decision.set(k, v)
      decision.set('marks', entry.marks.map(m => ({ ...m })))
      out.decisions.push(decision)
      if (discussion && discussion.get('resolved') !== true) {
        discussion.set('resolved', true)
        discussion.set('resolvedBy', d.decider.id)
        discussion.set('resolvedAt', now)
        out.discussions.push(discussion)
      }
    }
  })
  return out
}
