/**
 * The guard and tracked changes: a reviewer's update may only add text carrying their own
 * insertion, mark existing text as their own deletion, or withdraw their own suggestion; nobody
 * attributes a suggestion to someone else, and only deciders accept or reject. Each update is
 * made with the editor's own binding on a member's copy (tests/support/guardScenario.ts).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardUpdate } from '../../server/collab/guard'
import { encodeCrafted } from '../support/craftUpdate'
import { judgeEffect } from '../support/guardOracle'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { readThreads } from '#shared/commentsDoc'
import { copyWithDecision, decideAll, editSection, setStatus, standardScenario, suggestDelete, suggestInsert, suggestionBy } from '../support/guardScenario'
import type { Member, Scenario } from '../support/guardScenario'

/** The verdict on what `edit` does to `m`'s up-to-date copy; the server is left as it was. */
function verdict(s: Scenario, m: Member, edit: (doc: Y.Doc) => void): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server))
  doc.clientID = m.doc.clientID
  const sv = Y.encodeStateVector(doc)
  edit(doc)
  const before = Y.encodeStateAsUpdate(s.server)
  const v = guardUpdate(s.server, Y.encodeStateAsUpdate(doc, sv), m)
  expect(Y.encodeStateAsUpdate(s.server)).toEqual(before)
  return v.ok ? 'ok' : v.reason
}

const SECTION = 'sec-draft-a'
const other = { userId: 'user-b', userName: 'Name of user-b' }

describe('guard: suggestions', () => {
  it('lets a reviewer suggest an insertion and a deletion in their own name, and nothing else', () => {
    const { s, reviewer } = standardScenario()
    expect(verdict(s, reviewer, d => suggestInsert(d, SECTION, reviewer, 'new words ', 2))).toBe('ok')
    expect(verdict(s, reviewer, d => suggestDelete(d, SECTION, reviewer, 40, 3))).toBe('ok')
    expect(verdict(s, reviewer, d => editSection(d, SECTION, st => st.tr.insertText('plain ', 2)))).toMatch(/must be suggested/)
    expect(verdict(s, reviewer, d => suggestInsert(d, SECTION, other, 'in B\'s name ', 2))).toMatch(/someone else/)
    expect(verdict(s, reviewer, d => suggestDelete(d, SECTION, other, 40, 3))).toMatch(/someone else/)
    expect(verdict(s, reviewer, d => editSection(d, SECTION, st => st.tr.delete(40, 43)))).toMatch(/withdrawn/)
  })

  it('lets a reviewer withdraw their own suggestions but not decide anyone\'s', () => {
    const { s, reviewer } = standardScenario()
    expect(verdict(s, reviewer, d => decideAll(d, SECTION, 'reject', reviewer, 'user-rev'))).toBe('ok')
    expect(verdict(s, reviewer, d => decideAll(d, SECTION, 'accept', reviewer, 'user-rev'))).toMatch(/accept|decide|withdrawn/)
    expect(verdict(s, reviewer, d => decideAll(d, SECTION, 'reject', reviewer, 'user-b'))).toMatch(/withdrawn|decide/)
  })

  it('lets an author decide anyone\'s suggestion, but not attribute text to someone else', () => {
    const { s, a } = standardScenario()
    expect(verdict(s, a, d => decideAll(d, SECTION, 'accept', a))).toBe('ok')
    expect(verdict(s, a, d => decideAll(d, SECTION, 'reject', a))).toBe('ok')
    expect(verdict(s, a, d => suggestInsert(d, SECTION, other, 'forged ', 2))).toMatch(/someone else/)
    // Typing inside the reviewer's proposed words without leaving their mark: the new text would
    // read as the reviewer's suggestion.
    expect(verdict(s, a, d => editSection(d, SECTION, (st) => {
      let inside = -1
      st.doc.descendants((n, pos) => {
        if (inside < 0 && n.isText && n.marks.some(mk => mk.type.name === 'insertion' && mk.attrs.authorId === 'user-rev')) inside = pos + 2
      })
      return st.tr.insertText('mine', inside)
    }))).toMatch(/someone else/)
  })

  it('refuses a stretch of someone\'s suggestion over other text by deleting its end marker', () => {
    const { s, a } = standardScenario()
    const text = (s.server.getXmlFragment(`section:${SECTION}`).get(0) as Y.XmlElement).get(0) as Y.XmlText
    let end: Y.Item | null = null
    let seen = false
    for (let item = text._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentFormat) || item.content.key !== 'deletion') continue
      if (item.content.value !== null) seen = true
      else if (seen) {
        end = item
        break
      }
    }
    expect(end).not.toBeNull()
    const crafted = deleteOnly(end!.id)
    const v = guardUpdate(s.server, crafted, a)
    expect(v.ok ? 'ok' : v.reason).toMatch(/decide|deletion|someone/)
  })

  it('refuses paragraph changes and formatting from a suggester, and any suggestion in a final section', () => {
    const { s, reviewer, sec } = standardScenario()
    expect(verdict(s, reviewer, d => editSection(d, SECTION, st => st.tr.split(4)))).toMatch(/paragraphs|only text|must be suggested/)
    expect(verdict(s, reviewer, d => editSection(d, SECTION, st => st.tr.addMark(2, 6, st.schema.marks.bold!.create())))).toMatch(/formatting/)
    s.change(sec, d => setStatus(d, SECTION, 'final'))
    expect(verdict(s, reviewer, d => suggestInsert(d, SECTION, reviewer, 'late ', 2))).toMatch(/final/)
  })

  it('keeps the suggestion attributes exact: a new insertion must carry the session\'s own name', () => {
    const { s, reviewer } = standardScenario()
    const renamed = { userId: 'user-rev', userName: 'Someone Else' }
    expect(verdict(s, reviewer, d => suggestInsert(d, SECTION, renamed, 'x ', 2))).toMatch(/someone else/)
    expect(suggestionBy(reviewer).authorName).toBe('Name of user-rev')
  })
})

describe('guard: undoing one\'s own decision', () => {
  const SEC = 'sec-draft-none'
  /** The update `edit` makes in `clientID`'s copy holding A's decision as its last undo step. */
  function undoUpdate(s: Scenario, decided: Parameters<typeof copyWithDecision>[1], clientID: number, edit: (doc: Y.Doc, um: Y.UndoManager) => void): Uint8Array {
    const { doc, um } = copyWithDecision(s, decided, clientID)
    const sv = Y.encodeStateVector(s.server)
    edit(doc, um)
    return Y.encodeStateAsUpdate(doc, sv)
  }
  const judged = (s: Scenario, update: Uint8Array, m: Member) => {
    const v = guardUpdate(s.server, update, m)
    return v.ok ? 'ok' : v.reason
  }

  it('lets the decider undo a decision (the suggestion and its attribution back, the record withdrawn) and redo it', () => {
    const { s, a, decided } = standardScenario()
    const open = () => readSuggestions(s.server.getXmlFragment(`section:${SEC}`), SEC)
    expect(open()).toEqual([])
    const { doc, um } = copyWithDecision(s, decided, a.doc.clientID)
    let sv = Y.encodeStateVector(s.server)
    expect(um.undo()).not.toBeNull()
    const undo = Y.encodeStateAsUpdate(doc, sv)
    expect(judged(s, undo, a)).toBe('ok')
    // The fuzzer's oracle (written apart from the guard) agrees.
    expect(judgeEffect(s.server, undo, a, Date.now())).toBeNull()
    Y.applyUpdate(s.server, undo)
    // Exactly the suggestion as it was before the decision: its text and its attribution.
    const was = new Y.Doc()
    Y.applyUpdate(was, decided.before)
    const before = readSuggestions(was.getXmlFragment(`section:${SEC}`), SEC)
    expect(before.map(e => [e.kind, e.inserted, e.authorId])).toEqual([['replacement', 'decided words', 'user-rev']])
    expect(open()).toEqual(before)
    // The record stays, without its status: nobody reads it as a decision any more.
    expect(readThreads(s.server).some(t => t.suggestionId === decided.suggestionId)).toBe(false)

    sv = Y.encodeStateVector(s.server)
    expect(um.redo()).not.toBeNull()
    const redo = Y.encodeStateAsUpdate(doc, sv)
    expect(judged(s, redo, a)).toBe('ok')
    Y.applyUpdate(s.server, redo)
    expect(open()).toEqual([])
    expect(readThreads(s.server).filter(t => t.suggestionId === decided.suggestionId).map(t => t.decision?.status)).toEqual(['accepted'])
  })

  it('refuses the same undo from anyone but the decider', () => {
    const { s, b, sec, reviewer, decided } = standardScenario()
    for (const m of [b, sec, reviewer]) {
      const update = undoUpdate(s, decided, m.doc.clientID, (_, um) => um.undo())
      expect(judged(s, update, m)).toMatch(/decider|decide|someone else|suggested insertion|accept/)
      expect(judgeEffect(s.server, update, m, Date.now())).not.toBeNull()
    }
  })

  it('refuses putting the marks back without withdrawing the record, or on more text than was decided', () => {
    const { s, a, decided } = standardScenario()
    const attrs = { id: decided.suggestionId, authorId: 'user-rev', authorName: 'Name of user-rev' }
    // Marks only: the record still says accepted.
    const marksOnly = undoUpdate(s, decided, a.doc.clientID, (doc, um) => {
      um.undo()
      doc.getMap<Y.Map<unknown>>('comments').forEach((t) => {
        const d = t.get('decision')
        if (d instanceof Y.Map && t.get('suggestionId') === decided.suggestionId) d.set('status', 'accepted')
      })
    })
    expect(judged(s, marksOnly, a)).toMatch(/someone else|suggested insertion/)
    // The undo, plus the reviewer's insertion mark on other words of the paragraph.
    const more = undoUpdate(s, decided, a.doc.clientID, (doc, um) => {
      um.undo()
      editSection(doc, SEC, (st) => {
        let mark = null as null | import('@tiptap/pm/model').Mark
        st.doc.descendants(n => (mark ??= n.marks.find(m => m.type.name === 'insertion' && m.attrs.id === attrs.id) ?? null, true))
        return mark ? st.tr.addMark(st.doc.content.size - 6, st.doc.content.size - 2, mark) : null
      })
    })
    expect(judged(s, more, a)).toMatch(/suggested insertion/)
    // The same attribution forged by hand, without a decision to undo.
    expect(verdict(s, a, d => editSection(d, SEC, st => st.tr.addMark(2, 6, st.schema.marks.insertion!.create({ ...suggestionBy({ userId: 'user-rev', userName: 'Name of user-rev' }), id: decided.suggestionId }))))).toMatch(/suggested insertion/)
  })
})

/** An update that deletes one item and writes nothing (what a crafted client can send). */
function deleteOnly(id: Y.ID): Uint8Array {
  return encodeCrafted([], new Map([[id.client, [{ clock: id.clock, len: 1 }]]]))
}
