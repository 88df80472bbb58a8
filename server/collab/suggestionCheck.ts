/**
 * Tracked changes, checked character by character. A suggestion is the `insertion` or
 * `deletion` attribute on text (shared/editor/suggestionMarks.ts), and which characters end up
 * with which attribute depends on where Yjs integrates the update among format items — so the
 * update is applied to a SHADOW copy of the live document and the result compared with the live
 * text, character by character (by Yjs id). Only updates that can touch a suggestion come here
 * (guard.ts decides): anything a reviewer writes in a section, and an editor's writes next to or
 * into suggestions.
 *
 * The rules, for the writer W:
 * - new text may carry only W's own suggestion attributes (id + name, not "from Word"); a
 *   reviewer's new text must carry W's insertion;
 * - a reviewer may delete only W's own suggested insertion (withdrawing it); editors may delete;
 * - existing text may gain only W's own deletion; it never becomes a suggested insertion;
 * - removing a suggestion attribute is a decision (roles with suggestions.decide, in sections
 *   they may edit), except W withdrawing W's own deletion;
 * - reviewers change no formatting and no structure (paragraphs, lists, tables, notes);
 * - undoing one's own decision: a decider may put back someone else's suggestion marks (on
 *   existing or re-created text) only in an update that takes the `status` away from a decision
 *   record that is W's own (thread author and `decidedBy`), in that section, for that suggestion
 *   id — with exactly the mark attributes the record kept (`marks`) and no more characters than
 *   it recorded (`after` for insertions, `before` for deletions). See `Restores`.
 *
 * The shadow is kept per document between checks (synced from the live document each time) and
 * dropped after a refusal or a minute unused: a check costs the update's own size, not the report's.
 */
import * as Y from 'yjs'
import { BREAK_BLOCKS, DELETION, INSERTION, PARAGRAPH_MARK, SUGGESTED_JOIN, SUGGESTED_SPLIT, paragraphSuggestion } from '#shared/editor/suggestionMarks'
import { sameAttrs } from '#shared/editor/readSuggestions'
import { COMMENTS } from '#shared/docNames'
import { alignTokens, token } from './textAlign'
import type { Token } from './textAlign'
import { textTokens } from './textAttrs'

type Attrs = Readonly<Record<string, unknown>>

/** Who writes, and what they may do in a given section root. */
export interface SuggestionWriter {
  userId: string
  userName: string
  /** May edit the text of this section directly (and so delete and restructure). */
  editor(root: string): boolean
  /** May accept or reject others' suggestions in this section. */
  decider(root: string): boolean
}

type YType = Parameters<typeof Y.findRootTypeKey>[0]

const SHADOW_IDLE_MS = 60_000
interface Shadow {
  doc: Y.Doc
  timer: ReturnType<typeof setTimeout>
  /** Deletions of the last update checked: the live document must have them too, or the room did not apply it. */
  lastDeletions: Map<number, Array<{ clock: number, len: number }>>
}
const shadows = new WeakMap<Y.Doc, Shadow>()

/** Judge the suggestion effects of `update` on `live`: null when allowed, else the reason. */
export function checkSuggestions(live: Y.Doc, update: Uint8Array, who: SuggestionWriter): string | null {
  const shadow = shadowOf(live)
  const before = new Map<number, number>()
  for (const client of shadow.store.clients.keys()) before.set(client, Y.getState(shadow.store, client))
  // Yjs may run a second transaction of its own (formatting clean-up after deletions in text):
  // what both delete counts.
  const deleted: Deletions = new Map()
  const grab = (tr: Y.Transaction) => {
    for (const [client, ranges] of tr.deleteSet.clients) deleted.set(client, [...(deleted.get(client) ?? []), ...ranges])
  }
  shadow.on('afterTransaction', grab)
  try {
    Y.applyUpdate(shadow, update)
  } catch {
    dropShadow(live)
    return 'update could not be applied'
  } finally {
    shadow.off('afterTransaction', grab)
  }
  const reason = judge(live, shadow, before, deleted, who)
  if (reason) dropShadow(live)
  else shadows.get(live)!.lastDeletions = Y.decodeUpdate(update).ds.clients
  return reason
}

type Deletions = Map<number, Array<{ clock: number, len: number }>>

function judge(live: Y.Doc, shadow: Y.Doc, before: Map<number, number>, deleted: Deletions, who: SuggestionWriter): string | null {
  // Paragraph texts this update touched, by the Yjs id of their type, with their section root.
  const touched = new Map<string, { root: string, id: Y.ID | null, name: string | null }>()
  /** Section roots whose structure this update changes: compared as a whole, not paragraph by paragraph. */
  const structural = new Set<string>()
  const touch = (type: YType, root: string) => {
    const id = type._item?.id ?? null
    touched.set(id ? `${id.client}:${id.clock}` : Y.findRootTypeKey(type), { root, id, name: id ? null : Y.findRootTypeKey(type) })
  }
  for (const [client, structs] of shadow.store.clients) {
    const from = before.get(client) ?? 0
    if (Y.getState(shadow.store, client) <= from) continue
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const item = structs[i]!
      if (!(item instanceof Y.Item) || item.deleted) continue
      const root = sectionRoot(item)
      if (root === null) continue
      const c = item.content
      // Paragraphs, their attributes, lists, tables, notes: structure. Compared section-wide; a
      // suggester may only add or remove paragraph breaks (suggestedBreak below).
      if (item.parentSub !== null || c instanceof Y.ContentType || c instanceof Y.ContentEmbed || !(c instanceof Y.ContentString || c instanceof Y.ContentFormat)) {
        if (!who.editor(root) && !suggestedBreak(item)) return 'paragraphs, lists, tables and notes cannot be suggested'
        structural.add(root)
      }
      // Anything in a list may carry (or inherit) attributes, a nested type included.
      if (item.parentSub === null) touch(item.parent as YType, root)
    }
  }
  for (const [client, ranges] of deleted) {
    const known = before.get(client) ?? 0
    for (const { clock, len } of ranges) {
      const structs = live.store.clients.get(client)
      if (!structs || clock >= known) continue
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < Math.min(clock + len, known); i++) {
        const item = structs[i]!
        if (!(item instanceof Y.Item) || item.deleted) continue
        const root = sectionRoot(item)
        if (root === null) continue
        const c = item.content
        if (item.parentSub !== null || !(c instanceof Y.ContentString || c instanceof Y.ContentFormat)) {
          if (!who.editor(root) && !suggestedBreak(item)) return 'paragraphs, lists, tables and notes cannot be suggested'
          structural.add(root)
        }
        if (item.parentSub === null) touch(item.parent as YType, root)
      }
    }
  }
  let restores = new Restores(live, shadow, who)
  const compare = (root: string, changes: ReturnType<typeof alignTokens>) => {
    const editor = who.editor(root)
    const decider = who.decider(root)
    const put = (key: string, attrs: unknown, ch: string) => decider && restores.take(root, key, attrs, ch)
    for (const change of changes) {
      const bad = change.kind === 'insert'
        ? newText(change.now.attrs, change.now.ch, editor, who, put)
        : change.kind === 'delete'
          ? deletedText(change.old.attrs, editor, who)
          : changedText(change.old.attrs, change.now.attrs, change.now.ch, editor, decider, who, put)
      if (bad) return bad
    }
    return null
  }
  const paragraphs = (root: string | null) => {
    for (const t of touched.values()) {
      if (root === null ? structural.has(t.root) : t.root !== root) continue
      const liveType = typeById(live, t.id, t.name)
      const shadowType = typeById(shadow, t.id, t.name)
      const bad = compare(t.root, alignTokens(liveType ? textTokens(liveType) : [], shadowType ? textTokens(shadowType) : []))
      if (bad) return bad
    }
    return null
  }
  // A change of structure can move text between paragraphs (Enter re-creates the text after the
  // caret in the new paragraph): then the whole section is compared, each paragraph break a token.
  // An editor's change passes if either reading allows it (both are by content); a suggester's
  // structure is judged section-wide only (a new empty paragraph shows in no paragraph's text).
  for (const root of structural) {
    if (who.editor(root) && !paragraphs(root)) continue
    restores = new Restores(live, shadow, who)
    const bad = compare(root, alignTokens(sectionTokens(live.share.get(root)), sectionTokens(shadow.share.get(root))))
    if (bad) return bad
  }
  return paragraphs(null)
}

/**
 * May a suggester write or remove this structural item: a top-level paragraph or heading (a
 * break made or withdrawn), its text, or its `suggestedSplit` / `suggestedJoin` attribute? What
 * the change amounts to is then judged section-wide, by content (sectionTokens).
 */
function suggestedBreak(item: Y.Item): boolean {
  const parent = item.parent as YType
  const c = item.content
  if (item.parentSub !== null) {
    return (item.parentSub === SUGGESTED_SPLIT || item.parentSub === SUGGESTED_JOIN) && c instanceof Y.ContentAny && parent instanceof Y.XmlElement && BREAK_BLOCKS.includes(parent.nodeName) && !!parent._item && isSectionRoot(parent._item.parent as YType)
  }
  if (!(c instanceof Y.ContentType)) return false
  if (c.type instanceof Y.XmlText) return parent instanceof Y.XmlElement && BREAK_BLOCKS.includes(parent.nodeName) && !!parent._item && isSectionRoot(parent._item.parent as YType)
  return c.type instanceof Y.XmlElement && BREAK_BLOCKS.includes(c.type.nodeName) && isSectionRoot(parent)
}

const isSectionRoot = (t: YType) => !t._item && Y.findRootTypeKey(t).startsWith('section:')

/**
 * A section's content as tokens: each top-level paragraph or heading is a pilcrow `¶` carrying
 * its node name and attributes — its suggested split read as an `insertion`, its suggested join
 * as a `deletion`, so the rules for text apply to breaks — followed by its text; any other element
 * is an opening and a closing token around its content (a suggester may add or remove none).
 */
export function sectionTokens(type: YType | undefined, out: Token[] = [], top = true): Token[] {
  if (!type) return out
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const t = item.content.type
    if (t instanceof Y.XmlText) {
      out.push(...textTokens(t))
      const attrs = elementAttrs(t)
      if (Object.keys(attrs).length) out.push(token('\u0003', attrs))
      continue
    }
    if (!(t instanceof Y.XmlElement)) {
      out.push(token('\uFFFC', { type: `${item.id.client}:${item.id.clock}` }))
      continue
    }
    const attrs: Record<string, unknown> = { nodeName: t.nodeName, ...elementAttrs(t) }
    if (top && BREAK_BLOCKS.includes(t.nodeName)) {
      // A readable suggested break reads as a suggestion attribute; anything else stays as written.
      const split = paragraphSuggestion(attrs[SUGGESTED_SPLIT])
      const join = paragraphSuggestion(attrs[SUGGESTED_JOIN])
      const { [SUGGESTED_SPLIT]: rawSplit, [SUGGESTED_JOIN]: rawJoin, ...rest } = attrs
      const breakAttrs = { ...rest, ...(split ? { [INSERTION]: split } : rawSplit !== undefined ? { [SUGGESTED_SPLIT]: rawSplit } : {}), ...(join ? { [DELETION]: join } : rawJoin !== undefined ? { [SUGGESTED_JOIN]: rawJoin } : {}) }
      out.push(token(PARAGRAPH_MARK, breakAttrs))
      sectionTokens(t, out, false)
      continue
    }
    out.push(token('\u0001', attrs))
    sectionTokens(t, out, false)
    out.push(token('\u0002', {}))
  }
  return out
}

/** An element's (or text's) attributes as plain values. */
function elementAttrs(t: YType): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, item] of t._map) {
    if (item.deleted) continue
    // What Yjs reads as the value (its last piece, as typeMapGet does).
    const c = item.content
    out[key] = c instanceof Y.ContentType ? `type ${item.id.client}:${item.id.clock}` : c.getContent()[item.length - 1] ?? null
  }
  return out
}

/** May the suggestion attribute `attrs` (under `key`) be put back on one character `ch` in `root`? */
type PutBack = (key: string, attrs: unknown, ch: string) => boolean

/**
 * The decisions the writer takes back in this update — their own decision records (thread author
 * and `decidedBy`) whose `status` the live document has and the shadow no longer has — and what
 * each lets them put back: the record's mark attributes, on at most the characters it recorded.
 * Read only when an update puts someone else's suggestion attribute on text (an undo), never for
 * ordinary typing.
 */
class Restores {
  private records: Map<string, Array<{ root: string, marks: Array<Record<string, unknown>>, left: Record<string, Map<string, number>> }>> | null = null

  constructor(private readonly live: Y.Doc, private readonly shadow: Y.Doc, private readonly who: SuggestionWriter) {}

  take(root: string, key: string, attrs: unknown, ch: string): boolean {
    if (!attrs || typeof attrs !== 'object') return false
    const id = (attrs as { id?: unknown }).id
    if (typeof id !== 'string') return false
    for (const r of this.load().get(id) ?? []) {
      if (r.root !== root || !r.marks.some(m => sameAttrs(m, attrs as Record<string, unknown>))) continue
      const left = r.left[key]?.get(ch) ?? 0
      if (left <= 0) continue
      r.left[key]!.set(ch, left - 1)
      return true
    }
    return false
  }

  private load() {
    if (this.records) return this.records
    this.records = new Map()
    const decided = (d: unknown) => d instanceof Y.Map && (d.get('status') === 'accepted' || d.get('status') === 'rejected')
    const shadowComments = this.shadow.getMap<unknown>(COMMENTS)
    this.live.getMap<unknown>(COMMENTS).forEach((thread, key) => {
      if (!(thread instanceof Y.Map) || thread.get('authorId') !== this.who.userId) return
      const d = thread.get('decision')
      if (!decided(d) || (d as Y.Map<unknown>).get('decidedBy') !== this.who.userId) return
      const suggestionId = thread.get('suggestionId')
      const sectionId = thread.get('sectionId')
      if (typeof suggestionId !== 'string' || typeof sectionId !== 'string') return
      const after = shadowComments.get(key)
      if (after instanceof Y.Map && decided(after.get('decision'))) return // still decided: nothing taken back
      const marks = (d as Y.Map<unknown>).get('marks')
      if (!Array.isArray(marks)) return
      const count = (text: unknown) => {
        const m = new Map<string, number>()
        if (typeof text === 'string') for (const ch of text) m.set(ch, (m.get(ch) ?? 0) + 1)
        return m
      }
      const list = this.records!.get(suggestionId) ?? []
      list.push({
        root: `section:${sectionId}`,
        marks: marks.filter((m): m is Record<string, unknown> => !!m && typeof m === 'object' && (m as { id?: unknown }).id === suggestionId),
        left: { [INSERTION]: count((d as Y.Map<unknown>).get('after')), [DELETION]: count((d as Y.Map<unknown>).get('before')) },
      })
      this.records!.set(suggestionId, list)
    })
    return this.records
  }
}

/** A type of a document by the id of its item (or its root name); null when gone. */
function typeById(doc: Y.Doc, id: Y.ID | null, name: string | null): YType | null {
  if (!id) return doc.share.get(name!) ?? null
  if (id.clock >= Y.getState(doc.store, id.client)) return null
  const item = Y.getItem(doc.store, id)
  return item instanceof Y.Item && item.content instanceof Y.ContentType && !item.deleted ? item.content.type : null
}

function deletedText(attrs: Attrs, editor: boolean, who: SuggestionWriter): string | null {
  if (editor) return null
  const ins = attrs[INSERTION] as { authorId?: unknown } | undefined
  return ins && ins.authorId === who.userId ? null : 'only text one suggested oneself can be withdrawn'
}

interface Suggestion { authorId?: unknown, authorName?: unknown, wordAuthor?: unknown }

const mine = (s: unknown, who: SuggestionWriter) => {
  const x = s as Suggestion | null | undefined
  return !!x && typeof x === 'object' && x.authorId === who.userId && x.authorName === who.userName && !x.wordAuthor
}

function newText(attrs: Attrs, ch: string, editor: boolean, who: SuggestionWriter, put: PutBack): string | null {
  const ins = attrs[INSERTION]
  const del = attrs[DELETION]
  if ((ins && !mine(ins, who) && !put(INSERTION, ins, ch)) || (del && !mine(del, who) && !put(DELETION, del, ch))) return 'text attributed to someone else\'s suggestion'
  if (!editor && !ins) return 'text must be suggested'
  return null
}

function changedText(old: Attrs, now: Attrs, ch: string, editor: boolean, decider: boolean, who: SuggestionWriter, put: PutBack): string | null {
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const [a, b] = [old[key], now[key]]
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    if (key === INSERTION) {
      // Existing text never becomes a suggested insertion (except one's own, re-marked, and a
      // decider's undo of their own decision).
      if (b != null && !(mine(b, who) && a != null && (a as Suggestion).authorId === who.userId) && !(a == null && put(INSERTION, b, ch))) return 'existing text cannot become a suggested insertion'
      if (b == null && !decider) return 'cannot accept a suggestion'
      continue
    }
    if (key === DELETION) {
      if (b != null && !mine(b, who) && !(a == null && put(DELETION, b, ch))) return 'a deletion suggested in someone else\'s name'
      const ownOld = a == null || (a as Suggestion).authorId === who.userId
      if (!ownOld && !decider) return 'cannot decide someone else\'s suggestion'
      continue
    }
    if (!editor) return 'suggesting cannot change formatting'
  }
  return null
}

/** The section root (`section:<id>`) an item or type is in, or null. */
function sectionRoot(item: Y.Item | null, type?: YType): string | null {
  let t: YType | null = type ?? null
  let i = item
  while (i) {
    t = i.parent as YType
    i = t._item
  }
  if (!t) return null
  const name = Y.findRootTypeKey(t)
  return name.startsWith('section:') ? name : null
}




function shadowOf(live: Y.Doc): Y.Doc {
  let entry = shadows.get(live)
  if (entry) {
    // A shadow ahead of the live document holds an update the room did not apply: start again.
    const ahead = [...entry.doc.store.clients.keys()].some(c => Y.getState(entry!.doc.store, c) > Y.getState(live.store, c))
    if (ahead || !liveHasDeleted(live, entry.lastDeletions)) {
      dropShadow(live)
      entry = undefined
    }
  }
  if (!entry) {
    const doc = new Y.Doc({ gc: true })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live))
    entry = { doc, timer: setTimeout(() => dropShadow(live), SHADOW_IDLE_MS), lastDeletions: new Map() }
    entry.timer.unref?.()
    shadows.set(live, entry)
  } else {
    Y.applyUpdate(entry.doc, Y.encodeStateAsUpdate(live, Y.encodeStateVector(entry.doc)))
    entry.timer.refresh()
  }
  return entry.doc
}

/** True when every item in `ranges` is deleted in the live document. */
function liveHasDeleted(live: Y.Doc, ranges: Shadow['lastDeletions']): boolean {
  for (const [client, list] of ranges) {
    const structs = live.store.clients.get(client)
    if (!structs) return false
    for (const { clock, len } of list) {
      if (clock >= Y.getState(live.store, client)) return false
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        if (!structs[i]!.deleted) return false
      }
    }
  }
  return true
}

function dropShadow(live: Y.Doc): void {
  const entry = shadows.get(live)
  if (!entry) return
  clearTimeout(entry.timer)
  entry.doc.destroy()
  shadows.delete(live)
}
