/**
 * Generated updates for the guard's differential fuzzer: an ordinary edit made with the app's
 * own writers by a member of some role (the editor binding, the comment and section helpers),
 * optionally turned hostile by mutations a crafted client could make — other client ids,
 * overlapping clocks, origins and parents in other roots, map keys, contents, deletions, GC'd
 * neighbours. A case is plain data, so fast-check can shrink it and a found case can be kept.
 */
import fc from 'fast-check'
import * as Y from 'yjs'
import { addReply, addThread, decideSuggestion, deleteMessage, editMessage, setResolved } from '#shared/commentsDoc'
import { findSectionMap, sectionMap, writeMeta } from '#shared/reportDoc'
import { SECTIONS } from '#shared/docNames'
import { craftItem, encodeCrafted } from './craftUpdate'
import type { Deletions, Struct } from './craftUpdate'
import { copyWithDecision, decideAll, editSection, SECTION_IDS, setStatus, suggestBreak, suggestDelete, suggestInsert, suggestionBy, typeInSection } from './guardScenario'
import type { Member, Scenario } from './guardScenario'

export type Edit =
  | { kind: 'type', section: number, pos: number, text: string }
  | { kind: 'delete', section: number, from: number, len: number }
  | { kind: 'bold', section: number, from: number, len: number }
  | { kind: 'split', section: number, pos: number }
  | { kind: 'status', section: number, status: 'draft' | 'review' | 'final' }
  | { kind: 'meta', title: string }
  | { kind: 'thread', section: number, suggestion: boolean }
  | { kind: 'reply' | 'resolve' | 'reopen' | 'editMessage' | 'deleteThread' | 'accept', thread: number }
  | { kind: 'suggestInsert', section: number, pos: number, text: string }
  | { kind: 'suggestDelete', section: number, from: number, len: number }
  /** Enter / Backspace at a paragraph's start in Suggesting mode (suggested paragraph breaks). */
  | { kind: 'suggestSplit' | 'suggestJoin', section: number, pos: number }
  | { kind: 'decide', section: number, decision: 'accept' | 'reject', onlyMine: boolean }
  | { kind: 'addSection' }
  | { kind: 'removeSection', section: number }
  /** Ctrl+Z / Ctrl+Shift+Z in the editor whose last step is the scenario's decision by A. */
  | { kind: 'undoDecision' | 'redoDecision' }
  /** A recommendation block inserted between blocks, and a change of the first block's attributes (structure). */
  | { kind: 'recommendation', section: number, pos: number, question: boolean }
  | { kind: 'recommendationAttr', section: number, priority: boolean, articles: string }
  /** A figure (picture + caption) inserted between blocks, and a resize of the first one (structure and attributes). */
  | { kind: 'figure', section: number, pos: number, width: number | null }
  | { kind: 'figureAttr', section: number, width: number }

export type Mutation =
  | { kind: 'client', group: number, to: number }
  | { kind: 'clock', group: number, delta: number }
  | { kind: 'origin' | 'rightOrigin', struct: number, ref: number }
  | { kind: 'parent', struct: number, ref: number, sub: number }
  | { kind: 'content', struct: number, content: number }
  | { kind: 'delete', ref: number, len: number }
  | { kind: 'deleteNew', struct: number, len: number }
  | { kind: 'drop', struct: number }
  | { kind: 'extra', ref: number, content: number, sub: number }

/** `edits` run one after another in one client: what it sends after working offline is their merge. */
export interface FuzzCase { sender: number, edits: Edit[], mutations: Mutation[] }

/** Map keys a crafted item may claim. */
const KEYS = ['status', 'title', 'ownerId', 'body', 'authorId', 'authorName', 'createdAt', 'resolved', 'resolvedBy', 'suggestion', 'text', 'decidedBy', 'replies', 'deleted', 'id', 'priority', 'articles', 'generated']

const section = fc.nat({ max: SECTION_IDS.length })
const thread = fc.nat({ max: 3 })
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), section, pos: fc.nat({ max: 40 }), text: fc.constantFrom('x', 'new words ', 'é') }),
  fc.record({ kind: fc.constant('delete' as const), section, from: fc.nat({ max: 30 }), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('bold' as const), section, from: fc.nat({ max: 30 }), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('split' as const), section, pos: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('status' as const), section, status: fc.constantFrom('draft' as const, 'review' as const, 'final' as const) }),
  fc.record({ kind: fc.constant('meta' as const), title: fc.constantFrom('New title', 'Другой') }),
  fc.record({ kind: fc.constant('thread' as const), section, suggestion: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('reply' as const, 'resolve' as const, 'reopen' as const, 'editMessage' as const, 'deleteThread' as const, 'accept' as const), thread }),
  fc.record({ kind: fc.constant('suggestInsert' as const), section, pos: fc.nat({ max: 40 }), text: fc.constantFrom('x', 'suggested ') }),
  fc.record({ kind: fc.constant('suggestDelete' as const), section, from: fc.nat({ max: 30 }), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constantFrom('suggestSplit' as const, 'suggestJoin' as const), section, pos: fc.nat({ max: 60 }) }),
  fc.record({ kind: fc.constant('decide' as const), section, decision: fc.constantFrom('accept' as const, 'reject' as const), onlyMine: fc.boolean() }),
  fc.record({ kind: fc.constant('addSection' as const) }),
  fc.record({ kind: fc.constant('removeSection' as const), section }),
  fc.record({ kind: fc.constantFrom('undoDecision' as const, 'redoDecision' as const) }),
  fc.record({ kind: fc.constant('recommendation' as const), section, pos: fc.nat({ max: 40 }), question: fc.boolean() }),
  fc.record({ kind: fc.constant('recommendationAttr' as const), section, priority: fc.boolean(), articles: fc.constantFrom('3', '19, 37(a)') }),
  fc.record({ kind: fc.constant('figure' as const), section, pos: fc.nat({ max: 40 }), width: fc.constantFrom(null, 240) }),
  fc.record({ kind: fc.constant('figureAttr' as const), section, width: fc.constantFrom(120, 480) }),
)

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('client' as const), group: fc.nat(3), to: fc.nat(8) }),
  fc.record({ kind: fc.constant('clock' as const), group: fc.nat(3), delta: fc.integer({ min: -5, max: 2 }) }),
  fc.record({ kind: fc.constantFrom('origin' as const, 'rightOrigin' as const), struct: fc.nat(20), ref: fc.nat(1000) }),
  fc.record({ kind: fc.constant('parent' as const), struct: fc.nat(20), ref: fc.nat(1000), sub: fc.nat(KEYS.length) }),
  fc.record({ kind: fc.constant('content' as const), struct: fc.nat(20), content: fc.nat(17) }),
  fc.record({ kind: fc.constant('delete' as const), ref: fc.nat(1000), len: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('deleteNew' as const), struct: fc.nat(20), len: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('drop' as const), struct: fc.nat(20) }),
  fc.record({ kind: fc.constant('extra' as const), ref: fc.nat(1000), content: fc.nat(17), sub: fc.nat(KEYS.length) }),
)


/** Ordinary edits only (the no-false-refusal half), or edits with hostile mutations. */
export function caseArb(members: number, hostile: boolean): fc.Arbitrary<FuzzCase> {
  return fc.record({
    sender: fc.nat(members - 1),
    edits: fc.array(editArb, { minLength: 1, maxLength: 3 }),
    mutations: hostile ? fc.array(mutationArb, { minLength: 1, maxLength: 4 }) : fc.constant([]),
  })
}

/** Every id the server holds (items, GC, inside items), and the ids of its type items. */
function idPool(doc: Y.Doc): { ids: Y.ID[], types: Y.ID[] } {
  const ids: Y.ID[] = []
  const types: Y.ID[] = []
  for (const [client, structs] of doc.store.clients) {
    for (const s of structs) {
      ids.push(s.id)
      if (s.length > 1) ids.push(Y.createID(client, s.id.clock + s.length - 1))
      if (s instanceof Y.Item && s.content instanceof Y.ContentType) types.push(s.id)
    }
  }
  return { ids, types }
}

function content(n: number, senderId: string): Y.Item['content'] {
  switch (n) {
    case 10: return new Y.ContentAny([{ text: 'changed while deciding', status: 'accepted', decidedBy: senderId }])
    case 12: return new Y.ContentFormat('insertion', suggestionBy({ userId: 'user-b', userName: 'Name of user-b' }))
    case 13: return new Y.ContentFormat('deletion', suggestionBy({ userId: senderId, userName: `Name of ${senderId}` }))
    case 14: return new Y.ContentFormat('insertion', null as unknown as object)
    case 15: return new Y.ContentFormat('deletion', null as unknown as object)
    case 16: return new Y.ContentFormat('insertion', suggestionBy({ userId: senderId, userName: `Name of ${senderId}` }))
    case 11: return new Y.ContentAny([{ text: 'Better text', status: 'rejected', decidedBy: senderId }])
    case 0: return new Y.ContentString('XX')
    case 1: return new Y.ContentAny(['user-a'])
    case 2: return new Y.ContentType(new Y.Map())
    case 3: return new Y.ContentType(new Y.XmlElement('paragraph'))
    case 17: return new Y.ContentType(new Y.XmlElement('recommendation'))
    case 4: return new Y.ContentType(new Y.XmlText())
    case 5: return new Y.ContentFormat('bold', true)
    case 6: return new Y.ContentDeleted(2)
    case 7: return new Y.ContentAny(['final'])
    case 8: return new Y.ContentType(new Y.Array())
    default: return new Y.ContentEmbed({ image: 'x' })
  }
}

/** Make the honest edits in a fresh copy of the sender's client; the update is their merge. */
function honestUpdate(s: Scenario, m: Member, edits: Edit[]): Uint8Array {
  // Undo and redo need the editor's history: a copy whose undo manager holds A's decision.
  const history = s.decided && edits.some(e => e.kind === 'undoDecision' || e.kind === 'redoDecision') ? copyWithDecision(s, s.decided, m.doc.clientID) : null
  const doc = history?.doc ?? new Y.Doc()
  if (!history) {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server))
    // After loading: Yjs would otherwise take a new id on seeing its own id's history arrive.
    doc.clientID = m.doc.clientID
  }
  const sv = Y.encodeStateVector(doc)
  for (const edit of edits) applyEdit(doc, m, edit, history?.um)
  return Y.encodeStateAsUpdate(doc, sv)
}

function applyEdit(doc: Y.Doc, m: Member, edit: Edit, um?: Y.UndoManager): void {
  const sid = SECTION_IDS[edit.kind === 'addSection' || edit.kind === 'meta' || !('section' in edit) ? 0 : edit.section % SECTION_IDS.length]!
  const threads = [...doc.getMap<Y.Map<unknown>>('comments').keys()]
  const tid = 'thread' in edit ? threads[edit.thread % Math.max(1, threads.length)] : undefined
  const me = { id: m.userId, name: m.userName }
  switch (edit.kind) {
    case 'type': typeInSection(doc, sid, edit.text, edit.pos); break
    case 'delete':
    case 'bold':
      editSection(doc, sid, (st) => {
        const from = Math.min(1 + edit.from, st.doc.content.size - 1)
        const to = Math.min(from + edit.len, st.doc.content.size - 1)
        if (to <= from) return null
        return edit.kind === 'delete' ? st.tr.delete(from, to) : st.tr.addMark(from, to, st.schema.marks.bold!.create())
      })
      break
    case 'split':
      editSection(doc, sid, (st) => {
        const pos = Math.max(1, Math.min(edit.pos, st.doc.content.size - 1))
        return st.doc.content.size > 2 && st.doc.resolve(pos).parent.isTextblock ? st.tr.split(pos) : null
      })
      break
    case 'status': if (findSectionMap(doc, sid)) setStatus(doc, sid, edit.status); break
    case 'suggestInsert': suggestInsert(doc, sid, m, edit.text, edit.pos); break
    case 'suggestDelete': suggestDelete(doc, sid, m, 1 + edit.from, edit.len); break
    case 'suggestSplit': suggestBreak(doc, sid, m, edit.pos, 'split'); break
    case 'suggestJoin': suggestBreak(doc, sid, m, edit.pos, 'join'); break
    case 'decide': decideAll(doc, sid, edit.decision, m, edit.onlyMine ? m.userId : undefined); break
    case 'meta': writeMeta(doc, { title: edit.title }); break
    case 'thread': addThread(doc, { sectionId: sid, anchorStart: new Uint8Array([1]), anchorEnd: new Uint8Array([2]), quote: 'q', author: me, body: 'b', mentions: [], suggestion: edit.suggestion ? 'better' : undefined }); break
    case 'reply': if (tid) addReply(doc, tid, { author: me, body: 'r', mentions: [] }); break
    case 'resolve': if (tid) setResolved(doc, tid, true, m.userId); break
    case 'reopen': if (tid) setResolved(doc, tid, false, m.userId); break
    case 'editMessage': if (tid) editMessage(doc, tid, null, 'edited', []); break
    case 'deleteThread': if (tid) deleteMessage(doc, tid, null); break
    case 'accept': if (tid) doc.transact(() => decideSuggestion(doc, tid, { status: 'accepted', userId: m.userId })); break
    case 'undoDecision': um?.undo(); break
    case 'recommendation':
      editSection(doc, sid, (st) => {
        // At the block boundary at or before `pos`, as the toolbar inserts it after the caret's block.
        let at = 0
        st.doc.forEach((node, offset) => {
          if (offset + node.nodeSize <= edit.pos && node.type.name !== 'footnotes') at = offset + node.nodeSize
        })
        const block = st.schema.nodes.recommendation!.create({ refId: `r${edit.pos}`, kind: edit.question ? 'question' : 'recommendation' }, st.schema.nodes.paragraph!.create(null, st.schema.text('Recommend')))
        return st.tr.insert(at, block)
      })
      break
    case 'recommendationAttr':
      editSection(doc, sid, (st) => {
        let at = -1
        st.doc.forEach((node, offset) => {
          if (at < 0 && node.type.name === 'recommendation') at = offset
        })
        return at < 0 ? null : st.tr.setNodeAttribute(at, 'priority', edit.priority).setNodeAttribute(at, 'articles', edit.articles)
      })
      break
    case 'figure':
      editSection(doc, sid, (st) => {
        let at = 0
        st.doc.forEach((node, offset) => {
          if (offset + node.nodeSize <= edit.pos && node.type.name !== 'footnotes') at = offset + node.nodeSize
        })
        const figure = st.schema.nodes.figure!.create({ imageId: 'ab'.repeat(32), alt: 'A chart', width: edit.width, naturalWidth: 800, naturalHeight: 400 }, st.schema.text('Caption'))
        return st.tr.insert(at, figure)
      })
      break
    case 'figureAttr':
      editSection(doc, sid, (st) => {
        let at = -1
        st.doc.forEach((node, offset) => {
          if (at < 0 && node.type.name === 'figure') at = offset
        })
        return at < 0 ? null : st.tr.setNodeAttribute(at, 'width', edit.width)
      })
      break
    case 'redoDecision': um?.redo(); break
    case 'addSection': doc.getArray(SECTIONS).push([sectionMap({ id: 'sec-new-000', title: 'New', guidance: '', articles: [], wordBudget: null, countsTowardLimit: true, ownerId: null, status: 'draft', generated: null, priorityList: false })]); break
    case 'removeSection': {
      const found = findSectionMap(doc, sid)
      if (found) doc.getArray(SECTIONS).delete(found.index, 1)
      break
    }
  }
}

function reId(s: Struct, client: number, clock: number): Struct {
  if (s instanceof Y.Item) {
    const parent = s.origin === null && s.rightOrigin === null ? s.parent as unknown as string | Y.ID | null : null
    return craftItem({ client, clock, origin: s.origin, rightOrigin: s.rightOrigin, parent, parentSub: s.parentSub, content: s.content })
  }
  return s instanceof Y.GC ? new Y.GC(Y.createID(client, clock), s.length) : new Y.Skip(Y.createID(client, clock), s.length)
}

// Figures are structure: the editor offers them where one may edit the text.
const TEXT_EDITS = new Set(['type', 'delete', 'bold', 'split', 'figure', 'figureAttr'])
const SUGGESTION_EDITS = new Set(['suggestInsert', 'suggestDelete', 'suggestSplit', 'suggestJoin', 'decide'])

/**
 * Would the editor offer these edits to the sender? (No typing where one may not write, no
 * suggesting in a final section.) Only offered edits must never be refused.
 */
export function offered(s: Scenario, members: Member[], c: FuzzCase): boolean {
  const sender = members[c.sender % members.length]!
  const statusOf = (i: number) => findSectionMap(s.server, SECTION_IDS[i % SECTION_IDS.length]!)?.map.get('status') as string | undefined
  return c.edits.every((e) => {
    // Undo and redo of a decision are offered to the one who made it (the scenario's author A).
    if (e.kind === 'undoDecision' || e.kind === 'redoDecision') return sender.userId === 'user-a'
    if (!('section' in e) || !(TEXT_EDITS.has(e.kind) || SUGGESTION_EDITS.has(e.kind))) return true
    const status = statusOf(e.section)
    if (sender.role === 'secretariat') return true
    if (status === 'final' || sender.role === 'viewer') return false
    return sender.role === 'author' || SUGGESTION_EDITS.has(e.kind)
  })
}

/** The update of a case. */
export function buildUpdate(s: Scenario, members: Member[], c: FuzzCase): { update: Uint8Array, sender: Member } {
  const sender = members[c.sender % members.length]!
  const honest = honestUpdate(s, sender, c.edits)
  if (!c.mutations.length) return { update: honest, sender }
  const decoded = Y.decodeUpdate(honest)
  let structs = decoded.structs as Struct[]
  const deletions: Deletions = new Map()
  for (const [client, ranges] of decoded.ds.clients) deletions.set(client, ranges.map(r => ({ clock: r.clock, len: r.len })))
  const { ids, types } = idPool(s.server)
  const pick = <T>(xs: T[], n: number): T | undefined => xs.length ? xs[n % xs.length] : undefined
  const clients = [sender.doc.clientID, ...members.map(m => m.doc.clientID), 424242, s.server.clientID]
  // Per client group: target client and clock shift.
  const groupClient = new Map<number, number>()
  const groupShift = new Map<number, number>()
  const groupsOf = () => [...new Set(structs.map(x => x.id.client))]
  const editable = (i: number) => structs.length ? i % structs.length : -1
  const deleteNew: Array<{ struct: Struct, len: number }> = []
  for (const mu of c.mutations) {
    const groups = groupsOf()
    switch (mu.kind) {
      case 'client': if (groups.length) groupClient.set(groups[mu.group % groups.length]!, clients[mu.to % clients.length]!); break
      case 'clock': if (groups.length) groupShift.set(groups[mu.group % groups.length]!, mu.delta); break
      case 'origin':
      case 'rightOrigin': {
        const i = editable(mu.struct)
        const x = structs[i]
        if (!(x instanceof Y.Item)) break
        const ref = mu.ref % 7 === 0 ? null : pick(ids, mu.ref) ?? null
        structs[i] = craftItem({ client: x.id.client, clock: x.id.clock, origin: mu.kind === 'origin' ? ref : x.origin, rightOrigin: mu.kind === 'rightOrigin' ? ref : x.rightOrigin, parent: x.origin === null && x.rightOrigin === null ? x.parent as unknown as string : null, parentSub: x.parentSub, content: x.content })
        if (structs[i] instanceof Y.Item && (structs[i] as Y.Item).origin === null && (structs[i] as Y.Item).rightOrigin === null && (structs[i] as Y.Item).parent === null) structs[i] = craftItem({ client: x.id.client, clock: x.id.clock, parent: 'comments', content: x.content })
        break
      }
      case 'parent': {
        const i = editable(mu.struct)
        const x = structs[i]
        if (!(x instanceof Y.Item)) break
        const roots = [...s.server.share.keys(), 'section:sec-ghost-0']
        const parent = mu.ref % 3 === 0 ? pick(roots, mu.ref)! : pick(types, mu.ref) ?? 'meta'
        structs[i] = craftItem({ client: x.id.client, clock: x.id.clock, parent, parentSub: mu.sub < KEYS.length && mu.ref % 2 ? KEYS[mu.sub]! : null, content: x.content })
        break
      }
      case 'content': {
        const i = editable(mu.struct)
        const x = structs[i]
        if (!(x instanceof Y.Item)) break
        structs[i] = craftItem({ client: x.id.client, clock: x.id.clock, origin: x.origin, rightOrigin: x.rightOrigin, parent: x.origin === null && x.rightOrigin === null ? x.parent as unknown as string : null, parentSub: x.parentSub, content: content(mu.content, sender.userId) })
        break
      }
      case 'delete': {
        const id = pick(ids, mu.ref)
        if (!id) break
        const list = deletions.get(id.client) ?? []
        list.push({ clock: id.clock, len: mu.len })
        deletions.set(id.client, list)
        break
      }
      case 'deleteNew': {
        // Deletions of this update's own items are applied after its structs (a new field that is
        // gone again). Clocks are final only after re-numbering, so remember the struct.
        const x = structs[editable(mu.struct)]
        if (x) deleteNew.push({ struct: x, len: mu.len })
        break
      }
      case 'drop': if (structs.length) structs = structs.filter((_, i) => i !== editable(mu.struct)); break
      case 'extra': {
        const ref = pick(ids, mu.ref)
        const last = structs.filter(x => x.id.client === sender.doc.clientID).at(-1)
        const clock = last ? last.id.clock + last.length : Y.getState(s.server.store, sender.doc.clientID)
        const asParent = mu.ref % 2 === 0 ? pick(types, mu.ref) : undefined
        structs.push(asParent
          ? craftItem({ client: sender.doc.clientID, clock, parent: asParent, parentSub: mu.sub < KEYS.length ? KEYS[mu.sub]! : null, content: content(mu.content, sender.userId) })
          : craftItem({ client: sender.doc.clientID, clock, origin: ref ?? null, parent: ref ? null : 'comments', parentSub: ref ? null : KEYS[mu.sub % KEYS.length]!, content: content(mu.content, sender.userId) }))
        break
      }
    }
  }
  // Re-number each client group contiguously from its (shifted) start, as the format requires;
  // a group mapped onto a client another group already took is left out.
  const out: Struct[] = []
  const used = new Set<number>()
  for (const g of groupsOf()) {
    const client = groupClient.get(g) ?? g
    if (used.has(client)) continue
    used.add(client)
    const first = structs.find(x => x.id.client === g)!
    let clock = Math.max(0, groupShift.has(g) ? Y.getState(s.server.store, client) + groupShift.get(g)! : first.id.clock)
    for (const x of structs.filter(y => y.id.client === g)) {
      out.push(reId(x, client, clock))
      for (const d of deleteNew.filter(d => d.struct === x)) {
        const list = deletions.get(client) ?? []
        list.push({ clock, len: d.len })
        deletions.set(client, list)
      }
      clock += x.length
    }
  }
  return { update: encodeCrafted(out, deletions), sender }
}
