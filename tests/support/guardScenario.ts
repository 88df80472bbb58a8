/**
 * A report document with a history, built with the app's own writers (seedDoc, the editor's
 * y-tiptap binding, the comment helpers), as the server holds it: members of every role with
 * their own Yjs clients, text they typed, a section the secretariat has since made final, review
 * threads, and deleted paragraphs whose items are garbage-collected. Every honest change passes
 * the guard before it is applied, as on the hub.
 */
import * as Y from 'yjs'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { joinBackward, splitBlock } from '@tiptap/pm/commands'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import type { Role, SectionStatus } from '#shared/permissions'
import { findSectionMap, seedDoc } from '#shared/reportDoc'
import { reportMetaSchema } from '#shared/schemas/report'
import { addReply, addThread } from '#shared/commentsDoc'
import type { SuggestionAttrs } from '#shared/editor/suggestionMarks'
import { suggestChanges } from '#shared/editor/suggestChanges'
import { decideSuggestions } from '#shared/editor/decideSuggestions'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { recordSuggestionDecisions } from '#shared/suggestionThreads'
import { prepareDecisionUndo } from '../../composables/editor/decisionUndo'
import { can } from '#shared/permissions'
import { guardUpdate } from '../../server/collab/guard'
import type { Writer } from '../../server/collab/guard'

export interface Member extends Writer {
  /** The member's own editor copy of the document. */
  doc: Y.Doc
}

export const SECTION_IDS = ['sec-draft-a', 'sec-review-b', 'sec-final-a', 'sec-draft-none'] as const

const schema = chorusSchema()

/** Type `text` at ProseMirror position `pos` (clamped) of a section, through the editor binding. */
export function typeInSection(doc: Y.Doc, sectionId: string, text: string, pos?: number): void {
  editSection(doc, sectionId, (state) => {
    // An empty section: the editor shows (and writes) one paragraph.
    if (state.doc.content.size === 0) return state.tr.insert(0, schema.nodes.paragraph!.create(null, schema.text(text)))
    const at = Math.max(1, Math.min(pos ?? state.doc.content.size - 1, state.doc.content.size - 1))
    return state.tr.insertText(text, at)
  })
}

/** Change a section's body with a ProseMirror transaction, written the way the editor writes it. */
export function editSection(doc: Y.Doc, sectionId: string, change: (state: EditorState) => EditorState['tr'] | null): void {
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, schema)
  const state = EditorState.create({ doc: pmDoc, schema })
  const tr = change(state)
  if (!tr || !tr.docChanged) return
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta), 'editor')
}

export class Scenario {
  readonly server = new Y.Doc()
  readonly members = new Map<string, Member>()
  /** A decision the standard scenario's author made undoably (see copyWithDecision). */
  decided: DecisionReplay | null = null
  private nextClient = 1000

  constructor() {
    this.server.clientID = 1
  }

  /** Add a member with their own Yjs client (synced with the server). */
  member(userId: string, role: Role): Member {
    const doc = new Y.Doc()
    doc.clientID = this.nextClient++
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.server))
    const m: Member = { userId, userName: `Name of ${userId}`, role, doc }
    this.members.set(userId, m)
    return m
  }

  /** A change made in `m`'s copy, judged by the guard and applied to the server, then synced to everyone. */
  change(m: Member, edit: (doc: Y.Doc) => void): void {
    const sv = Y.encodeStateVector(m.doc)
    edit(m.doc)
    const update = Y.encodeStateAsUpdate(m.doc, Y.encodeStateVector(this.server))
    if (Y.encodeStateVector(m.doc).toString() === sv.toString() && update.byteLength <= 2) return
    const verdict = guardUpdate(this.server, update, m)
    if (!verdict.ok) throw new Error(`honest change refused: ${verdict.reason}`)
    Y.applyUpdate(this.server, update)
    this.syncAll()
  }

  /** A change the server makes itself (the secretariat's HTTP routes, restore…). */
  serverChange(edit: (doc: Y.Doc) => void): void {
    edit(this.server)
    this.syncAll()
  }

  syncAll(): void {
    for (const m of this.members.values()) Y.applyUpdate(m.doc, Y.encodeStateAsUpdate(this.server, Y.encodeStateVector(m.doc)))
  }
}

/** The attributes of a suggestion by `m`. */
export function suggestionBy(m: { userId: string, userName: string }, id = `s-${m.userId}-${Math.random().toString(36).slice(2, 8)}`): SuggestionAttrs {
  return { id, authorId: m.userId, authorName: m.userName, createdAt: Date.now(), wordAuthor: null }
}

/** Suggest inserting `text` at `pos`, through suggesting mode's own transform. */
export function suggestInsert(doc: Y.Doc, sectionId: string, m: { userId: string, userName: string }, text: string, pos: number): void {
  editSection(doc, sectionId, (st) => {
    const at = Math.max(1, Math.min(pos, st.doc.content.size - 1))
    if (!st.doc.resolve(at).parent.isTextblock) return null
    return suggested(st, st.tr.insertText(text, at), m)
  })
}

/** Suggest deleting a range (the text stays, marked), through suggesting mode's own transform. */
export function suggestDelete(doc: Y.Doc, sectionId: string, m: { userId: string, userName: string }, from: number, len: number): void {
  editSection(doc, sectionId, (st) => {
    const a = Math.max(1, Math.min(from, st.doc.content.size - 1))
    const b = Math.min(a + len, st.doc.content.size - 1)
    return b > a ? suggested(st, st.tr.delete(a, b), m) : null
  })
}

/**
 * Press Enter at `pos` (clamped), or Backspace at the start of the paragraph holding `pos`
 * (`join`), in Suggesting mode, through ProseMirror's own commands and the transform.
 */
export function suggestBreak(doc: Y.Doc, sectionId: string, m: { userId: string, userName: string }, pos: number, kind: 'split' | 'join'): void {
  editSection(doc, sectionId, (st) => {
    const at = Math.max(1, Math.min(pos, st.doc.content.size - 1))
    const $at = st.doc.resolve(at)
    if (!$at.parent.isTextblock) return null
    const state = EditorState.create({ schema, doc: st.doc, selection: TextSelection.create(st.doc, kind === 'join' ? $at.start() : at) })
    let made: EditorState['tr'] | null = null
    const ran = (kind === 'split' ? splitBlock : joinBackward)(state, (tr) => {
      made = tr
    })
    return ran && made ? suggested(state, made, m) : null
  })
}

function suggested(st: EditorState, tr: EditorState['tr'], m: { userId: string, userName: string }): EditorState['tr'] | null {
  const result = suggestChanges(st, tr, { id: m.userId, name: m.userName })
  return result.kind === 'tracked' ? result.tr : null
}

/**
 * Decide every suggestion in a section (`only`: those by one account) the way the comments
 * panel does: one editor transaction, and the decision records when the person may decide.
 */
export function decideAll(doc: Y.Doc, sectionId: string, decision: 'accept' | 'reject', decider: { userId: string, userName: string, role: Role }, only?: string): void {
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const which = only ? { authorId: only } : {}
  const entries = readSuggestions(fragment, sectionId).filter(e => !only || e.authorId === only)
  doc.transact(() => {
    editSection(doc, sectionId, (st) => {
      const tr = st.tr
      return decideSuggestions(tr, decision, which) ? tr : null
    })
    if (entries.length && can(decider.role, 'suggestions.decide')) {
      recordSuggestionDecisions(doc, entries, { status: decision === 'accept' ? 'accepted' : 'rejected', decider: { id: decider.userId, name: decider.userName } })
    }
  })
}

/**
 * Decide one suggestion as the comments panel does (composables/useSuggestions.ts): the editor
 * transaction and the records in one Yjs transaction, captured by `um` (the section editor's
 * undo manager, origin 'editor') as one step whose scope includes the records.
 */
export function decideUndoably(doc: Y.Doc, um: Y.UndoManager, sectionId: string, decision: 'accept' | 'reject', decider: { userId: string, userName: string }, id: string): void {
  const entries = readSuggestions(doc.getXmlFragment(sectionFragmentName(sectionId)), sectionId).filter(e => e.id === id)
  um.stopCapturing()
  doc.transact(() => {
    editSection(doc, sectionId, (st) => {
      const tr = st.tr
      return decideSuggestions(tr, decision, { id }) ? tr : null
    })
    const { decisions, discussions } = recordSuggestionDecisions(doc, entries, { status: decision === 'accept' ? 'accepted' : 'rejected', decider: { id: decider.userId, name: decider.userName } })
    um.addToScope([...decisions, ...discussions])
  }, 'editor')
  um.stopCapturing()
}

/** A section editor's undo manager as y-tiptap makes it (origin 'editor' here), ready for decisions. */
export function editorUndoManager(doc: Y.Doc, sectionId: string, origin: unknown = 'editor'): Y.UndoManager {
  return prepareDecisionUndo(new Y.UndoManager(doc.getXmlFragment(sectionFragmentName(sectionId)), { trackedOrigins: new Set([origin]) }))
}

/** The decision A made in the standard scenario, replayable in any member's copy (to undo it there). */
export interface DecisionReplay { sectionId: string, suggestionId: string, before: Uint8Array, update: Uint8Array }

/**
 * A copy of the server's document in which the scenario's decision by A is the last step of an
 * undo manager (what A's editor holds right after deciding), as client `clientID`.
 */
export function copyWithDecision(s: Scenario, replay: DecisionReplay, clientID: number): { doc: Y.Doc, um: Y.UndoManager } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, replay.before)
  const um = editorUndoManager(doc, replay.sectionId, 'replay')
  Y.applyUpdate(doc, replay.update, 'replay')
  doc.getMap<Y.Map<unknown>>('comments').forEach((t) => {
    const d = t instanceof Y.Map ? t.get('decision') : null
    if (d instanceof Y.Map && t.get('suggestionId') === replay.suggestionId) um.addToScope(d)
  })
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server))
  doc.clientID = clientID
  return { doc, um }
}

/** Set a section's status in a document (as the status menu does). */
export function setStatus(doc: Y.Doc, sectionId: string, status: SectionStatus): void {
  findSectionMap(doc, sectionId)!.map.set('status', status)
}

/**
 * The standard history: four sections (draft owned by author A, review owned by author B, final
 * owned by A, draft without owner); A typed in every section before the third became final;
 * a reviewer opened a thread with a suggestion, A replied; a paragraph was deleted (GC'd items).
 */
export function standardScenario(): { s: Scenario, sec: Member, a: Member, b: Member, reviewer: Member, viewer: Member, demoted: Member, decided: DecisionReplay } {
  const s = new Scenario()
  seedDoc(s.server, reportMetaSchema.parse({ title: 'Alternative report' }), SECTION_IDS.map((id, i) => ({
    id, title: `Cluster ${i + 1}`, guidance: '', articles: [], wordBudget: null, countsTowardLimit: true,
    ownerId: id.endsWith('-a') ? 'user-a' : id.endsWith('-b') ? 'user-b' : null, status: 'draft' as const, generated: null, priorityList: false,
  })))
  const sec = s.member('user-sec', 'secretariat')
  const a = s.member('user-a', 'author')
  const b = s.member('user-b', 'author')
  const reviewer = s.member('user-rev', 'reviewer')
  const viewer = s.member('user-view', 'viewer')
  // An author who will be demoted to reviewer: their client wrote text and comments before.
  const demoted = s.member('user-dem', 'author')
  for (const id of SECTION_IDS) s.change(a, d => typeInSection(d, id, `Text of ${id} by A.`))
  s.change(b, d => typeInSection(d, 'sec-review-b', ' More from B.'))
  s.change(a, d => editSection(d, 'sec-draft-none', st => st.tr.split(st.doc.content.size - 1).insertText('Second paragraph to delete.')))
  s.change(sec, d => setStatus(d, 'sec-review-b', 'review'))
  s.change(sec, d => setStatus(d, 'sec-final-a', 'final'))
  s.change(reviewer, d => addThread(d, { sectionId: 'sec-draft-a', anchorStart: new Uint8Array([1]), anchorEnd: new Uint8Array([2]), quote: 'Text', author: { id: 'user-rev', name: 'Name of user-rev' }, body: 'Cite the source', mentions: [], suggestion: 'Better text' }))
  s.change(demoted, d => addThread(d, { sectionId: 'sec-draft-a', anchorStart: new Uint8Array([1]), anchorEnd: new Uint8Array([2]), quote: 'Text', author: { id: 'user-dem', name: 'Name of user-dem' }, body: 'My own note', mentions: [] }))
  s.change(demoted, d => typeInSection(d, 'sec-draft-a', ' Words by D.'))
  const threadId = [...s.server.getMap('comments').keys()][0]!
  s.change(a, d => addReply(d, threadId, { author: { id: 'user-a', name: 'Name of user-a' }, body: 'Done', mentions: [] }))
  // Open suggestions: the reviewer's insertion and deletion, and author B's, in A's draft.
  s.change(reviewer, d => suggestInsert(d, 'sec-draft-a', reviewer, 'proposed words ', 3))
  s.change(reviewer, d => suggestDelete(d, 'sec-draft-a', reviewer, 20, 4))
  s.change(b, d => suggestInsert(d, 'sec-draft-a', b, 'from B ', 12))
  // Delete the second paragraph of the unowned section: its text items become GC structs.
  s.change(a, d => editSection(d, 'sec-draft-none', st => st.tr.delete(st.doc.child(0).nodeSize, st.doc.content.size)))
  // A replacement the reviewer suggested in the unowned draft, which A accepted (undoably).
  s.change(reviewer, d => editSection(d, 'sec-draft-none', st => suggested(st, st.tr.insertText('decided words', 6, 8), reviewer)))
  const suggestionId = readSuggestions(s.server.getXmlFragment(sectionFragmentName('sec-draft-none')), 'sec-draft-none')[0]!.id
  const before = Y.encodeStateAsUpdate(s.server)
  const sv = Y.encodeStateVector(s.server)
  s.change(a, d => decideUndoably(d, editorUndoManager(d, 'sec-draft-none'), 'sec-draft-none', 'accept', a, suggestionId))
  const decided = { sectionId: 'sec-draft-none', suggestionId, before, update: Y.encodeStateAsUpdate(s.server, sv) }
  s.decided = decided
  demoted.role = 'reviewer'
  return { s, sec, a, b, reviewer, viewer, demoted, decided }
}
