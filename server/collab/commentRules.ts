/**
 * The guard's rules for the `comments` root (layout in shared/schemas/comments.ts): who may open a
 * thread or reply, edit or delete a message, resolve a thread, propose or decide a suggestion.
 * New threads and replies must carry the session's `authorId` and `authorName` and a
 * `createdAt` close to the server's clock: a CRDT cannot be rewritten after the fact, so forged
 * values are refused rather than corrected.
 */
import * as Y from 'yjs'
import { can, canResolveThread } from '#shared/permissions'
import { SUGGESTION_STATUSES } from '#shared/schemas/comments'
import { collabConfig } from './config'
import { DELETED, itemMap, itemValue } from './itemValue'
import type { Step } from './updateView'
import type { Writer } from './guard'

const OWN_THREAD_FIELDS = new Set(['body', 'mentions', 'editedAt'])
const OWN_REPLY_FIELDS = new Set(['body', 'mentions', 'editedAt', 'deleted'])
const DECISION_FIELDS = new Set(['status', 'decidedBy', 'decidedAt', 'reason'])

interface Creation { kind: 'thread' | 'reply', hasAuthor: boolean, hasName: boolean, hasTime: boolean, keys: Set<string> }

/** Rules for one update; `finish()` checks that every new thread and reply carried its identity. */
export class CommentRules {
  private readonly creations = new Map<Y.Item, Creation>()
  private readonly secretariat: boolean

  /** `gone`: the update itself deletes this item again (a field that never shows). */
  constructor(private readonly doc: Y.Doc, private readonly who: Writer, private readonly now: number, private readonly gone: (item: Y.Item) => boolean = () => false) {
    this.secretariat = who.role === 'secretariat'
  }

  /** A new item at `path` under `comments`: null when allowed, else the reason. */
  write(path: Step[]): string | null {
    if (!can(this.who.role, 'comments.write')) return 'this role cannot comment'
    const [thread, field, ...rest] = path as [Step, Step | undefined, ...Step[]]
    if (thread.key === null) return 'a thread must be stored under its id'
    if (!field) {
      if (!itemMap(thread.item)) return 'a thread must be a map'
      if (!this.secretariat && this.doc.getMap('comments').has(thread.key ?? '')) return 'thread id already in use'
      this.creations.set(thread.item, { kind: 'thread', hasAuthor: false, hasName: false, hasTime: false, keys: new Set() })
      return null
    }
    if (thread.isNew) return this.creationField(thread.item, field, rest)
    const threadMap = itemMap(thread.item)
    if (!threadMap || field.key === null) return 'not a thread field'
    // Replies carry their author's identity whoever writes them, the secretariat included; so
    // does the record of a decision on a tracked change.
    if (field.key === 'replies' && rest.length) return this.replyWrite(rest)
    if (field.key === 'decision') return this.ownDecision(threadMap, field) ?? this.decisionWrite(field, rest)
    if (field.key === 'wordAuthor') return 'only an import names a Word author'
    if (this.secretariat) return null
    const author = threadMap.get('authorId')
    const own = author === this.who.userId
    const value = itemValue(field.item)
    switch (field.key) {
      case 'resolved':
      case 'resolvedAt':
        return canResolveThread(this.who.role, this.who.userId, String(author)) ? null : 'cannot resolve this thread'
      case 'resolvedBy':
        return canResolveThread(this.who.role, this.who.userId, String(author)) && (value === this.who.userId || value === null || value === DELETED)
          ? null
          : 'resolvedBy must be the session user'
      case 'suggestion':
        if (rest.length > 1) return 'suggestion fields are plain values'
        return this.suggestionWrite(threadMap, own, rest[0] ?? field, rest.length ? rest[0]!.key ?? '' : null)
      case 'replies':
        return threadMap.get('replies') === undefined && itemValue(field.item) instanceof Y.Array ? null : 'replies cannot be replaced'
      default:
        if (OWN_THREAD_FIELDS.has(field.key)) return own ? null : 'only the author may edit a comment'
        return `thread field ${field.key} is read-only`
    }
  }

  /** An existing item at `path` under `comments` is deleted: null when allowed, else the reason. */
  remove(path: Step[]): string | null {
    if (!can(this.who.role, 'comments.write')) return 'this role cannot comment'
    const [thread, field, ...rest] = path as [Step, Step | undefined, ...Step[]]
    // Undoing a decision takes its record's status away: only its decider's, the secretariat's too.
    if (!thread.isNew && field?.key === 'decision') {
      if (!can(this.who.role, 'suggestions.decide')) return 'cannot decide this suggestion'
      const threadMap = itemMap(thread.item)
      return threadMap ? this.ownDecision(threadMap, field) : null
    }
    if (this.secretariat) return null
    // Inside a thread or reply this update creates: it never shows (identity fields that go
    // again do not count as carried, see creationField).
    if (thread.isNew) return this.creations.has(thread.item) ? null : 'item inside an unknown new comment'
    if (field?.key === 'replies' && rest[0]?.isNew) return this.creations.has(rest[0].item) ? null : 'item inside an unknown new reply'
    const threadMap = itemMap(thread.item)
    const own = threadMap?.get('authorId') === this.who.userId
    if (!field) return own ? null : 'only the author may delete a thread'
    if (field.key === 'replies' && rest.length) {
      const reply = itemMap(rest[0]!.item)
      const ownReply = reply?.get('authorId') === this.who.userId
      if (rest.length === 1) return ownReply ? null : 'only the author may delete a reply'
      return ownReply && OWN_REPLY_FIELDS.has(rest[1]!.key ?? '') ? null : 'only the author may edit a reply'
    }
    if (field.key === 'resolved' || field.key === 'resolvedBy' || field.key === 'resolvedAt') {
      return canResolveThread(this.who.role, this.who.userId, String(threadMap?.get('authorId'))) ? null : 'cannot reopen this thread'
    }
    if (field.key === 'suggestion' && rest.length) {
      // Removing a decision field undoes a decision (a missing status reads as open).
      if (DECISION_FIELDS.has(rest[0]!.key ?? '')) return can(this.who.role, 'suggestions.decide') ? null : 'cannot decide this suggestion'
      return own ? null : 'only the author may edit a comment'
    }
    if (field.key === 'suggestion' || OWN_THREAD_FIELDS.has(field.key ?? '')) return own ? null : 'only the author may edit a comment'
    return `thread field ${field.key} is read-only`
  }

  /** Every new thread and reply carried the session's identity and a plausible time. */
  finish(): string | null {
    for (const [item, c] of this.creations) {
      if (this.gone(item)) continue // created and deleted again: never shows
      if (!c.hasAuthor) return `new ${c.kind} without the session's authorId`
      if (!c.hasName) return `new ${c.kind} without the session's authorName`
      if (!c.hasTime) return `new ${c.kind} without createdAt`
    }
    return null
  }

  /** A field of a thread or reply created in this same update. */
  private creationField(owner: Y.Item, field: Step, rest: Step[]): string | null {
    const creation = this.creations.get(owner)
    if (!creation) return 'item inside an unknown new comment'
    const value = itemValue(field.item)
    if (value === DELETED) return null
    // An identity field the same update deletes again does not count as carried; a field written
    // twice in one creation (no client does) would leave only one of the two values standing.
    const carried = !this.gone(field.item)
    if (rest.length === 0 && field.key !== null) {
      if (creation.keys.has(field.key)) return `field ${field.key} written twice in a new ${creation.kind}`
      creation.keys.add(field.key)
    }
    switch (field.key) {
      case 'authorId':
        if (value !== this.who.userId) return 'authorId must be the session user'
        creation.hasAuthor = carried
        return null
      case 'authorName':
        if (value !== this.who.userName) return 'authorName must be the session user\'s name'
        creation.hasName = carried
        return null
      case 'createdAt': {
        const ok = typeof value === 'number' && value >= this.now - collabConfig.commentClockPastMs && value <= this.now + collabConfig.commentClockFutureMs
        if (!ok) return 'createdAt is not the current time'
        creation.hasTime = carried
        return null
      }
    }
    // Replies in a new thread carry their identity too, whoever writes them.
    if (field.key === 'replies' && rest.length) return this.replyWrite(rest)
    if (field.key === 'decision') return this.decisionWrite(field, rest)
    if (field.key === 'wordAuthor') return 'only an import names a Word author'
    if (this.secretariat) return null
    switch (field.key) {
      case 'resolved':
        return value === false ? null : 'a new thread cannot be resolved'
      case 'resolvedBy':
      case 'resolvedAt':
        return value === null ? null : `a new comment cannot set ${field.key}`
      case 'suggestion':
        if (rest.length > 1) return 'suggestion fields are plain values'
        return this.suggestionIsOpen(rest[0] ?? field, rest.length ? rest[0]!.key ?? '' : null) ? null : 'a new suggestion must be open'
      case 'replies':
        if (!rest.length) return creation.kind === 'thread' && value instanceof Y.Array ? null : 'replies must be an array'
        return this.replyWrite(rest)
      case 'deleted':
        return value === false ? null : 'a new reply cannot be deleted'
    }
    return null
  }

  /** A new item under a thread's `replies` array. */
  private replyWrite(steps: Step[]): string | null {
    const [reply, field, ...rest] = steps as [Step, Step | undefined, ...Step[]]
    if (!field) {
      if (itemValue(reply.item) === DELETED) return null // created and deleted again: shows nothing
      if (this.secretariat && !itemMap(reply.item)) return null // shown nowhere, in nobody's name
      if (!reply.isNew || !itemMap(reply.item)) return 'a reply must be a map'
      this.creations.set(reply.item, { kind: 'reply', hasAuthor: false, hasName: false, hasTime: false, keys: new Set() })
      return null
    }
    if (reply.isNew) return this.creationField(reply.item, field, rest)
    if (this.secretariat) return null
    const own = itemMap(reply.item)?.get('authorId') === this.who.userId
    return own && OWN_REPLY_FIELDS.has(field.key ?? '') ? null : 'only the author may edit a reply'
  }

  /**
   * A decision record of an existing thread changes only by its decider (the thread's author, and
   * the record's `decidedBy` when the record is not new): null when `who` is that person.
   */
  private ownDecision(threadMap: Y.Map<unknown>, field: Step): string | null {
    if (threadMap.get('authorId') !== this.who.userId) return 'only its decider changes a decision'
    if (field.isNew) return null
    const record = itemMap(field.item)
    return !record || record.get('decidedBy') === this.who.userId ? null : 'only its decider changes a decision'
  }

  /**
   * The record of a decision on a tracked change (`decision`, a nested map of a thread with a
   * `suggestionId`): written by someone who may decide, in their own name.
   */
  private decisionWrite(field: Step, rest: Step[]): string | null {
    if (!can(this.who.role, 'suggestions.decide')) return 'cannot decide this suggestion'
    if (rest.length === 0) return itemValue(field.item) instanceof Y.Map || itemValue(field.item) === DELETED ? null : 'a decision is a map'
    if (rest.length > 1) return 'decision fields are plain values'
    const value = itemValue(rest[0]!.item)
    switch (rest[0]!.key) {
      case 'decidedBy': return value === this.who.userId ? null : 'decidedBy must be the session user'
      case 'decidedByName': return value === this.who.userName ? null : 'decidedByName must be the session user\'s name'
      case 'status': return value === 'accepted' || value === 'rejected' ? null : 'unknown decision'
      default: return null
    }
  }

  /**
   * Proposing or withdrawing is the thread author's; accepting or rejecting is a decider's.
   * `nestedKey` is null when the whole `suggestion` value is written, else the field of a nested map.
   */
  private suggestionWrite(threadMap: Y.Map<unknown>, own: boolean, step: Step, nestedKey: string | null): string | null {
    const decider = can(this.who.role, 'suggestions.decide')
    const value = itemValue(step.item)
    if (nestedKey === null) {
      if (value !== null && typeof value === 'object' && !(value instanceof Y.AbstractType)) {
        const next = value as { text?: unknown, status?: unknown, decidedBy?: unknown }
        if (next.status === undefined || next.status === 'open') return own ? null : 'only the author may change a suggestion'
        // Deciding never changes what was suggested, nor makes up a suggestion nobody made.
        const previous = threadMap.get('suggestion')
        const previousText = previous instanceof Y.Map ? previous.get('text') : previous && typeof previous === 'object' ? (previous as { text?: unknown }).text : undefined
        const sameText = previous !== undefined && previous !== null && previousText === next.text
        return decider && next.decidedBy === this.who.userId && sameText && SUGGESTION_STATUSES.includes(next.status as never)
          ? null
          : 'cannot decide this suggestion'
      }
      return own ? null : 'only the author may change a suggestion'
    }
    if (nestedKey === 'text') return own ? null : 'only the author may change a suggestion'
    if (!DECISION_FIELDS.has(nestedKey)) return `suggestion field ${nestedKey} is read-only`
    if (nestedKey === 'status' && value === 'open' && own) return null
    if (!decider) return 'cannot decide this suggestion'
    if (nestedKey === 'status' && !SUGGESTION_STATUSES.includes(value as never)) return 'unknown suggestion status'
    return nestedKey !== 'decidedBy' || value === this.who.userId ? null : 'decidedBy must be the session user'
  }

  /** A suggestion written with a new thread must be an open proposal. */
  private suggestionIsOpen(step: Step, nestedKey: string | null): boolean {
    const value = itemValue(step.item)
    if (nestedKey === null) {
      if (value instanceof Y.Map) return true // its fields are checked one by one
      const s = value as { status?: unknown } | null
      return s === null || typeof s !== 'object' || s.status === undefined || s.status === 'open'
    }
    if (nestedKey === 'status') return value === 'open'
    return !DECISION_FIELDS.has(nestedKey)
  }
}
