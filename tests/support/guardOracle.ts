/**
 * The oracle the guard is proven against: apply an update to a CLONE of the document with Yjs
 * itself, look at what a client would now see (docSnapshot.ts), and judge that change by the role
 * table of DESIGN.md — written here independently of the guard, on plain snapshots, so the two
 * cannot share a mistake. `effect` returns null when the writer may make the change, else why not.
 */
import * as Y from 'yjs'
import { can, canEditSectionText, canResolveThread, canSetSectionStatus, SECTION_STATUSES } from '#shared/permissions'
import type { Role, SectionStatus } from '#shared/permissions'
import { COMMENTS, META, SECTIONS, parseSectionFragmentName } from '#shared/docNames'
import { inconsistency, same, snapDoc } from './docSnapshot'
import { sectionTextViolation } from './suggestionOracle'
import type { Withdrawn } from './suggestionOracle'
import type { TypeSnap, Value } from './docSnapshot'

export interface OracleWriter { userId: string, userName: string, role: Role }

/** How far from the server's clock a new comment's createdAt may be (the hub's window, generously inside it). */
const CLOCK_WINDOW_MS = 60_000

/** Apply `update` to a clone of `doc` and judge the change: null when allowed, else the violation. */
export function judgeEffect(doc: Y.Doc, update: Uint8Array, who: OracleWriter, now: number): string | null {
  const original = new Y.Doc({ gc: true })
  Y.applyUpdate(original, Y.encodeStateAsUpdate(doc))
  const clone = new Y.Doc({ gc: true })
  Y.applyUpdate(clone, Y.encodeStateAsUpdate(doc))
  const before = snapDoc(clone)
  try {
    Y.applyUpdate(clone, update)
  } catch (error) {
    return `Yjs threw while applying it: ${String(error)}`
  }
  const broken = inconsistency(clone)
  if (broken) return `document left inconsistent: ${broken}`
  return permitted(before, snapDoc(clone), who, now, original, clone)
}

const MAP = new Y.Map().constructor.name
/** True when applying `update` changes what a client sees. */
export function changesSomething(doc: Y.Doc, update: Uint8Array): boolean {
  const clone = new Y.Doc({ gc: true })
  Y.applyUpdate(clone, Y.encodeStateAsUpdate(doc))
  const before = snapDoc(clone)
  Y.applyUpdate(clone, update)
  const after = snapDoc(clone)
  return [...new Set([...before.keys(), ...after.keys()])].some(k => !same(before.get(k), after.get(k)))
}

const isType = (v: Value | undefined): v is TypeSnap => !!v && typeof v === 'object' && 'kind' in (v as object) && 'map' in (v as object)
const field = (t: TypeSnap | undefined, key: string): Value | undefined => t?.map[key]?.value

function permitted(before: Map<string, TypeSnap>, after: Map<string, TypeSnap>, who: OracleWriter, now: number, beforeDoc: Y.Doc, afterDoc: Y.Doc): string | null {
  const roots = new Set([...before.keys(), ...after.keys()])
  const empty = (name: string): TypeSnap => ({ id: name, kind: '', map: {}, list: [] })
  const sectionStatus = new Map<string, SectionStatus>()
  // A generated section (the summary of recommendations) holds no text: nobody writes into it.
  const generatedSections = new Set<string>()
  for (const entry of before.get(SECTIONS)?.list ?? []) {
    if (isType(entry.value) && typeof field(entry.value, 'id') === 'string') {
      sectionStatus.set(field(entry.value, 'id') as string, (field(entry.value, 'status') as SectionStatus | undefined) ?? 'draft')
      if (field(entry.value, 'generated')) generatedSections.add(field(entry.value, 'id') as string)
    }
  }
  for (const name of roots) {
    const b = before.get(name) ?? empty(name)
    const a = after.get(name) ?? empty(name)
    const bare = (t: TypeSnap) => ({ map: t.map, list: t.list })
    if (same(bare(b), bare(a))) continue
    if (who.role === 'viewer') return `viewer changed ${name}`
    if (name === COMMENTS) {
      const bad = commentsChange(b, a, who, now)
      if (bad) return bad
      continue
    }
    const sectionId = parseSectionFragmentName(name)
    if (sectionId !== null) {
      const status = sectionStatus.get(sectionId)
      if (status === undefined) {
        if (who.role === 'secretariat') continue
        return `text written for a section that does not exist (${name})`
      }
      if (generatedSections.has(sectionId)) return `text written into the generated section ${sectionId}`
      const editor = canEditSectionText(who.role, status)
      if (!editor && (status === 'final' || !can(who.role, 'text.suggest'))) return `${who.role} changed text of a ${status} section`
      const bad = sectionTextViolation(beforeDoc.share.get(name), afterDoc.share.get(name), { userId: who.userId, userName: who.userName, editor, decider: editor && can(who.role, 'suggestions.decide') }, withdrawnDecisions(before.get(COMMENTS), after.get(COMMENTS), who, sectionId))
      if (bad) return `${name}: ${bad}`
      continue
    }
    if (who.role === 'secretariat') continue
    if (name === META) return 'non-secretariat changed meta'
    if (name === SECTIONS) {
      const bad = sectionsChange(b, a, who)
      if (bad) return bad
      continue
    }
    return `non-secretariat changed root ${name}`
  }
  return null
}

/** The writer's own decision records in `sectionId` that were decided before and are not after. */
function withdrawnDecisions(b: TypeSnap | undefined, a: TypeSnap | undefined, who: OracleWriter, sectionId: string): Withdrawn[] {
  const out: Withdrawn[] = []
  const decided = (t: Value | undefined) => {
    const d = isType(t) ? field(t, 'decision') : undefined
    return isType(d) && (field(d, 'status') === 'accepted' || field(d, 'status') === 'rejected') ? d : null
  }
  for (const [key, entry] of Object.entries(b?.map ?? {})) {
    const t = entry.value
    const d = decided(t)
    if (!d || !isType(t) || field(t, 'authorId') !== who.userId || field(d, 'decidedBy') !== who.userId || field(t, 'sectionId') !== sectionId) continue
    const now = a?.map[key]
    if (now && decided(now.value)) continue
    const marks = field(d, 'marks')
    out.push({ suggestionId: String(field(t, 'suggestionId')), marks: Array.isArray(marks) ? marks : [], after: String(field(d, 'after') ?? ''), before: String(field(d, 'before') ?? '') })
  }
  return out
}

/** Authors may only change the status of sections they own, never to or from final. */
function sectionsChange(b: TypeSnap, a: TypeSnap, who: OracleWriter): string | null {
  if (!same(Object.keys(b.map), Object.keys(a.map)) || !same(b.map, a.map)) return 'map entries added to sections'
  if (b.list.length !== a.list.length) return 'sections added or removed'
  for (let i = 0; i < b.list.length; i++) {
    const [x, y] = [b.list[i]!, a.list[i]!]
    if (x.id !== y.id || !isType(x.value) || !isType(y.value)) {
      if (same(x, y)) continue
      return 'section entry replaced'
    }
    if (same(x.value.list, y.value.list) === false) return 'section entry list changed'
    for (const key of new Set([...Object.keys(x.value.map), ...Object.keys(y.value.map)])) {
      if (same(x.value.map[key], y.value.map[key])) continue
      if (key !== 'status') return `section field ${key} changed`
      const next = field(y.value, 'status')
      if (!SECTION_STATUSES.includes(next as SectionStatus)) return 'invalid status'
      const current = { ownerId: (field(x.value, 'ownerId') as string | null) ?? null, status: (field(x.value, 'status') as SectionStatus) ?? 'draft' }
      if (!canSetSectionStatus(who.role, who.userId, current, next as SectionStatus)) return 'status change not allowed'
    }
  }
  return null
}

const OWN_EDIT = new Set(['body', 'mentions', 'editedAt'])
const REPLY_OWN_EDIT = new Set(['body', 'mentions', 'editedAt', 'deleted'])
const RESOLVE = new Set(['resolved', 'resolvedAt', 'resolvedBy'])

function newIdentity(t: TypeSnap, who: OracleWriter, now: number, what: string): string | null {
  if (field(t, 'authorId') !== who.userId) return `new ${what} not by the session user`
  if (field(t, 'authorName') !== who.userName) return `new ${what} with another name`
  const at = field(t, 'createdAt')
  if (typeof at !== 'number' || Math.abs(at - now) > CLOCK_WINDOW_MS) return `new ${what} with a forged time`
  return null
}

function newReply(r: Value, who: OracleWriter, now: number): string | null {
  // The secretariat may put anything in a thread (nothing shows a reply that is not a map), but
  // no one may write a reply in another person's name.
  if (!isType(r) || r.kind !== MAP) return who.role === 'secretariat' ? null : 'a reply that is not a map'
  const bad = newIdentity(r, who, now, 'reply')
  if (bad) return bad
  if (who.role !== 'secretariat' && field(r, 'deleted') !== undefined && field(r, 'deleted') !== false) return 'new reply already deleted'
  return null
}

/** A decision record on a tracked change: by someone who may decide, in their own name. */
function decisionRecord(d: Value | undefined, who: OracleWriter): string | null {
  if (d === undefined) return null
  if (!can(who.role, 'suggestions.decide')) return 'recorded a decision without the right'
  if (!isType(d)) return 'a decision that is not a map'
  if (field(d, 'decidedBy') !== undefined && field(d, 'decidedBy') !== who.userId) return 'a decision in someone else\'s name'
  if (field(d, 'decidedByName') !== undefined && field(d, 'decidedByName') !== who.userName) return 'a decision under another name'
  const status = field(d, 'status')
  if (status !== undefined && status !== 'accepted' && status !== 'rejected') return 'an unknown decision'
  return null
}

function newThread(t: Value, who: OracleWriter, now: number): string | null {
  if (!isType(t)) return 'a thread that is not a map'
  const bad = newIdentity(t, who, now, 'thread')
  if (bad) return bad
  if (field(t, 'wordAuthor') !== undefined) return 'a Word author named over the websocket'
  const badDecision = decisionRecord(field(t, 'decision'), who)
  if (badDecision) return badDecision
  const replies = field(t, 'replies')
  for (const r of isType(replies) ? replies.list : []) {
    const badReply = newReply(r.value, who, now)
    if (badReply) return badReply
  }
  if (who.role === 'secretariat') return null
  if (field(t, 'resolved') !== undefined && field(t, 'resolved') !== false) return 'new thread already resolved'
  for (const k of ['resolvedBy', 'resolvedAt']) if (field(t, k) !== undefined && field(t, k) !== null) return `new thread with ${k}`
  const s = field(t, 'suggestion')
  const sStatus = isType(s) ? field(s, 'status') : s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, Value>).status : undefined
  if (sStatus !== undefined && sStatus !== 'open') return 'new thread with a decided suggestion'
  if (isType(s) && ['decidedBy', 'decidedAt', 'reason'].some(k => field(s, k) !== undefined)) return 'new suggestion with a decision'
  return null
}

function commentsChange(b: TypeSnap, a: TypeSnap, who: OracleWriter, now: number): string | null {
  // Nothing reads list content of a map: only the secretariat may leave such junk.
  if (!same(b.list, a.list) && who.role !== 'secretariat') return 'list content in comments'
  for (const key of new Set([...Object.keys(b.map), ...Object.keys(a.map)])) {
    const x = b.map[key]
    const y = a.map[key]
    if (same(x, y)) continue
    if (!can(who.role, 'comments.write')) return `${who.role} changed comments`
    if (x && (!y || x.id !== y.id)) {
      // Removed or replaced: only one's own thread (the secretariat any).
      if (who.role !== 'secretariat' && !(isType(x.value) && field(x.value, 'authorId') === who.userId)) return 'removed another person\'s thread'
    }
    if (y && (!x || x.id !== y.id)) {
      const bad = newThread(y.value, who, now)
      if (bad) return bad
      continue
    }
    if (!y) continue
    const bad = threadChange(x!.value, y.value, who, now)
    if (bad) return bad
  }
  return null
}

function threadChange(xv: Value, yv: Value, who: OracleWriter, now: number): string | null {
  if (!isType(xv) || !isType(yv)) return 'a thread value changed in place'
  if (!same(xv.list, yv.list) && who.role !== 'secretariat') return 'list content in a thread'
  const author = field(xv, 'authorId')
  const own = author === who.userId
  for (const key of new Set([...Object.keys(xv.map), ...Object.keys(yv.map)])) {
    const x = xv.map[key]
    const y = yv.map[key]
    if (same(x, y)) continue
    if (key === 'replies') {
      const bad = repliesChange(x?.value, y?.value, x?.id !== y?.id, who, now)
      if (bad) return bad
      continue
    }
    if (key === 'wordAuthor') return 'a Word author named over the websocket'
    if (key === 'decision') {
      if (!can(who.role, 'suggestions.decide')) return 'changed a decision without the right'
      // A decision record is its decider's: only they change it (undo it), the secretariat included.
      if (!own || (x && isType(x.value) && field(x.value, 'decidedBy') !== who.userId)) return 'changed another person\'s decision'
      const bad = y && (!x || x.id !== y.id) ? decisionRecord(y.value, who) : y && x && isType(y.value) && isType(x.value) ? changedDecision(x.value, y.value, who) : null
      if (bad) return bad
      continue
    }
    if (who.role === 'secretariat') continue
    if (RESOLVE.has(key)) {
      if (!canResolveThread(who.role, who.userId, String(author))) return 'resolved a thread without the right'
      if (key === 'resolvedBy' && y && y.value !== null && y.value !== who.userId) return 'resolvedBy someone else'
      continue
    }
    if (OWN_EDIT.has(key)) {
      if (!own) return `edited ${key} of another person's thread`
      continue
    }
    if (key === 'suggestion') {
      const bad = suggestionChange(x?.value, y?.value, own, who)
      if (bad) return bad
      continue
    }
    return `thread field ${key} changed`
  }
  return null
}

function changedDecision(x: TypeSnap, y: TypeSnap, who: OracleWriter): string | null {
  for (const k of new Set([...Object.keys(x.map), ...Object.keys(y.map)])) {
    if (same(x.map[k], y.map[k])) continue
    const v = y.map[k]?.value
    if (k === 'decidedBy' && v !== undefined && v !== who.userId) return 'a decision in someone else\'s name'
    if (k === 'decidedByName' && v !== undefined && v !== who.userName) return 'a decision under another name'
    if (k === 'status' && v !== undefined && v !== 'accepted' && v !== 'rejected') return 'an unknown decision'
  }
  return null
}

function suggestionFields(v: Value | undefined): Record<string, Value> | null {
  if (v === undefined || v === null) return null
  if (isType(v)) return Object.fromEntries(Object.entries(v.map).map(([k, e]) => [k, e.value]))
  if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, Value>
  return { text: v }
}

function suggestionChange(x: Value | undefined, y: Value | undefined, own: boolean, who: OracleWriter): string | null {
  const before = { ...suggestionFields(x) }
  const after = suggestionFields(y)
  if (after === null) return own ? null : 'removed another person\'s suggestion'
  // A suggestion without a status reads as open (shared/commentsDoc.ts).
  before.status ??= 'open'
  after.status ??= 'open'
  const decider = can(who.role, 'suggestions.decide')
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (same(before[key], after[key])) continue
    if (key === 'text') {
      if (!own) return 'changed another person\'s suggested text'
      continue
    }
    if (key === 'status' && after.status === 'open' && own) continue
    // The author may put what they like in their own proposal, short of deciding it (a decision
    // record's thread is its decider's own: the guard lets them replace its plain value too).
    if (!['status', 'decidedBy', 'decidedAt', 'reason'].includes(key)) {
      if (own) continue
      return `suggestion field ${key} changed`
    }
    if (!decider) return 'decided a suggestion without the right'
    if (key === 'status' && !['open', 'accepted', 'rejected'].includes(after.status as string)) return 'invalid suggestion status'
    if (key === 'decidedBy' && after.decidedBy !== who.userId) return 'decidedBy someone else'
  }
  return null
}

function repliesChange(x: Value | undefined, y: Value | undefined, replaced: boolean, who: OracleWriter, now: number): string | null {
  const secretariat = who.role === 'secretariat'
  if (replaced && !secretariat && x !== undefined) return 'replies replaced'
  const b = isType(x) ? x.list : []
  const a = isType(y) ? y.list : []
  if (!isType(y) && y !== undefined && !secretariat) return 'replies is not a list'
  const byId = new Map(b.map(e => [e.id, e.value]))
  const afterIds = new Set(a.map(e => e.id))
  for (const e of b) {
    if (afterIds.has(e.id) || secretariat) continue
    if (!(isType(e.value) && field(e.value, 'authorId') === who.userId)) return 'removed another person\'s reply'
  }
  for (const e of a) {
    const old = byId.get(e.id)
    if (old === undefined) {
      const bad = newReply(e.value, who, now)
      if (bad) return bad
      continue
    }
    if (same(old, e.value) || secretariat) continue
    if (!isType(old) || !isType(e.value) || !same(old.list, e.value.list)) return 'a reply changed shape'
    if (field(old, 'authorId') !== who.userId) return 'edited another person\'s reply'
    for (const key of new Set([...Object.keys(old.map), ...Object.keys(e.value.map)])) {
      if (!same(old.map[key], e.value.map[key]) && !REPLY_OWN_EDIT.has(key)) return `reply field ${key} changed`
    }
  }
  return null
}
