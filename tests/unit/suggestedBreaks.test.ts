/**
 * Paragraph breaks in Suggesting mode (shared/editor/suggestChanges.ts): Enter and joining two
 * paragraphs — made with ProseMirror's own commands — become `suggestedSplit` / `suggestedJoin` on
 * the paragraph after the break; accepting and rejecting them (decideSuggestions.ts), reading them
 * (readSuggestions.ts, the same from ProseMirror and from Yjs), and the hub's guard on them.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import type { Command, Transaction } from '@tiptap/pm/state'
import { joinBackward, joinForward, splitBlock } from '@tiptap/pm/commands'
import type { Node as PmNode } from '@tiptap/pm/model'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { suggestChanges } from '#shared/editor/suggestChanges'
import type { Suggester } from '#shared/editor/suggestChanges'
import { decideSuggestions } from '#shared/editor/decideSuggestions'
import type { Decision } from '#shared/editor/decideSuggestions'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { SUGGESTED_JOIN, SUGGESTED_SPLIT, paragraphSuggestion } from '#shared/editor/suggestionMarks'
import { guardUpdate } from '../../server/collab/guard'
import { editSection, standardScenario } from '../support/guardScenario'
import type { Member, Scenario } from '../support/guardScenario'
import { judgeEffect } from '../support/guardOracle'
import { rejectSuggestions } from '../../server/docx/export/trackedChanges'
import type { PMNode } from '../../server/docx/types'

const schema = chorusSchema()
let ids = 0
const ana: Suggester = { id: 'u-ana', name: 'Ana', now: () => 1000, newId: () => `b${++ids}` }
const ben: Suggester = { id: 'u-ben', name: 'Ben', now: () => 2000, newId: () => `b${++ids}` }

const docOf = (...texts: string[]) => schema.nodeFromJSON({ type: 'doc', content: texts.map(t => ({ type: 'paragraph', content: t ? [{ type: 'text', text: t }] : [] })) })
const stateOf = (doc: PmNode, caret: number) => EditorState.create({ schema, doc, selection: TextSelection.create(doc, caret) })
const blocks = (doc: PmNode) => doc.content.content.map(n => n.textContent)

/** Run a ProseMirror command as `who` in Suggesting mode. */
function suggestCommand(state: EditorState, command: Command, who = ana): EditorState {
  let made: Transaction | null = null
  expect(command(state, tr => (made = tr))).toBe(true)
  const result = suggestChanges(state, made!, who)
  if (result.kind !== 'tracked') throw new Error('structural')
  return state.apply(result.tr)
}
function decide(doc: PmNode, decision: Decision, id?: string): PmNode {
  const tr = EditorState.create({ schema, doc }).tr
  decideSuggestions(tr, decision, id ? { id } : {})
  return tr.doc
}

describe('suggested paragraph breaks', () => {
  it('Enter splits the paragraph and marks the new one as the person\'s suggested break; accept keeps it, reject joins back', () => {
    const s = suggestCommand(stateOf(docOf('Hello world'), 7), splitBlock)
    expect(blocks(s.doc)).toEqual(['Hello ', 'world'])
    expect(paragraphSuggestion(s.doc.child(1).attrs[SUGGESTED_SPLIT])).toMatchObject({ authorId: 'u-ana', authorName: 'Ana', createdAt: 1000 })
    expect(s.doc.child(0).attrs[SUGGESTED_SPLIT]).toBeNull()
    expect(s.selection.head).toBe(9) // the start of the new paragraph
    const [entry] = readSuggestions(s.doc, 'sec')
    expect(entry).toMatchObject({ kind: 'insertion', inserted: '¶', authorId: 'u-ana' })
    expect(blocks(decide(s.doc, 'accept'))).toEqual(['Hello ', 'world'])
    expect(decide(s.doc, 'accept').child(1).attrs[SUGGESTED_SPLIT]).toBeNull()
    expect(blocks(decide(s.doc, 'reject'))).toEqual(['Hello world'])
    expect(readSuggestions(decide(s.doc, 'reject'), 'sec')).toEqual([])
  })

  it('Backspace at the start of a paragraph keeps both, the break marked as a suggested join; accept joins, reject keeps', () => {
    const s = suggestCommand(stateOf(docOf('One.', 'Two.'), 7), joinBackward, ben)
    expect(blocks(s.doc)).toEqual(['One.', 'Two.'])
    expect(paragraphSuggestion(s.doc.child(1).attrs[SUGGESTED_JOIN])).toMatchObject({ authorId: 'u-ben' })
    expect(s.selection.head).toBe(5) // the end of the paragraph before
    expect(readSuggestions(s.doc, 'sec')).toMatchObject([{ kind: 'deletion', deleted: '¶', authorId: 'u-ben' }])
    expect(blocks(decide(s.doc, 'accept'))).toEqual(['One.Two.'])
    expect(blocks(decide(s.doc, 'reject'))).toEqual(['One.', 'Two.'])
    expect(decide(s.doc, 'reject').child(1).attrs[SUGGESTED_JOIN]).toBeNull()
    // Delete at the end of the first paragraph is the same suggestion (already proposed: nothing new).
    const again = suggestCommand(stateOf(s.doc, 5), joinForward, ben)
    expect(again.doc.eq(s.doc)).toBe(true)
  })

  it('joining one\'s own suggested break withdraws it; someone else\'s becomes a suggested join over it', () => {
    const split = suggestCommand(stateOf(docOf('Hello world'), 7), splitBlock)
    const withdrawn = suggestCommand(split, joinBackward)
    expect(blocks(withdrawn.doc)).toEqual(['Hello world'])
    expect(readSuggestions(withdrawn.doc, 'sec')).toEqual([])
    const over = suggestCommand(split, joinBackward, ben)
    expect(blocks(over.doc)).toEqual(['Hello ', 'world'])
    expect(readSuggestions(over.doc, 'sec').map(e => [e.kind, e.authorId])).toEqual([['insertion', 'u-ana'], ['deletion', 'u-ben']])
  })

  it('reads the same from Yjs as from ProseMirror (the attribute is a string y-tiptap keeps as it is)', () => {
    let s = suggestCommand(stateOf(docOf('Hello world', 'Next.'), 7), splitBlock)
    s = suggestCommand(stateOf(s.doc, s.doc.child(0).nodeSize + s.doc.child(1).nodeSize + 1), joinBackward, ben)
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('section:s')
    const { meta } = initProseMirrorDoc(fragment, schema)
    updateYFragment(doc, fragment, s.doc, meta)
    expect(readSuggestions(fragment, 's')).toEqual(readSuggestions(s.doc, 's'))
    // Typing on in the paragraph does not write the attribute again.
    const before = Y.encodeStateVector(doc)
    const next = s.doc.type.schema.nodeFromJSON(s.doc.toJSON())
    const typed = EditorState.create({ schema, doc: next }).tr.insertText('!', 9)
    let wroteAttribute = false
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      for (const [, keys] of tr.changed) if ([...keys].some(k => k === SUGGESTED_SPLIT || k === SUGGESTED_JOIN)) wroteAttribute = true
    })
    updateYFragment(doc, fragment, typed.doc, meta)
    expect(Y.encodeStateVector(doc)).not.toEqual(before)
    expect(wroteAttribute).toBe(false)
  })
})

describe('the clean Word copy (open suggestions rejected)', () => {
  it('joins a suggested split back and keeps a suggested join as the break it is', () => {
    let s = suggestCommand(stateOf(docOf('Hello world', 'Next.'), 7), splitBlock)
    s = suggestCommand(stateOf(s.doc, s.doc.child(0).nodeSize + s.doc.child(1).nodeSize + 1), joinBackward, ben)
    expect(blocks(s.doc)).toEqual(['Hello ', 'world', 'Next.'])
    const clean = rejectSuggestions(s.doc.toJSON() as PMNode)
    expect(clean.content!.map(p => (p.content ?? []).map(t => t.text).join(''))).toEqual(['Hello world', 'Next.'])
    expect(clean.content!.every(p => !p.attrs?.[SUGGESTED_SPLIT] && !p.attrs?.[SUGGESTED_JOIN])).toBe(true)
  })
})

describe('guard: suggested paragraph breaks', () => {
  const SEC = 'sec-draft-a'
  function verdict(s: Scenario, m: Member, edit: (doc: Y.Doc) => void): string {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server))
    doc.clientID = m.doc.clientID
    const sv = Y.encodeStateVector(doc)
    edit(doc)
    const update = Y.encodeStateAsUpdate(doc, sv)
    const v = guardUpdate(s.server, update, m)
    const oracle = judgeEffect(s.server, update, m, Date.now())
    // The oracle, written apart from the guard, agrees.
    expect(v.ok ? null : 'refused').toBe(oracle === null ? null : 'refused')
    return v.ok ? 'ok' : v.reason
  }
  const me = (m: Member): Suggester => ({ id: m.userId, name: m.userName })
  const command = (doc: Y.Doc, m: Suggester, at: (st: EditorState) => number, cmd: Command, raw = false) => editSection(doc, SEC, (st) => {
    const state = stateOf(st.doc, at(st))
    let made: Transaction | null = null
    if (!cmd(state, tr => (made = tr)) || !made) return null
    if (raw) return made
    const r = suggestChanges(state, made, m)
    return r.kind === 'tracked' ? r.tr : null
  })

  it('lets a reviewer suggest a split and a join in their own name; not a split in someone else\'s, nor a plain one', () => {
    const { s, reviewer } = standardScenario()
    expect(verdict(s, reviewer, d => command(d, me(reviewer), () => 5, splitBlock))).toBe('ok')
    expect(verdict(s, reviewer, d => command(d, { id: 'user-b', name: 'Name of user-b' }, () => 5, splitBlock))).toMatch(/someone else|suggested/)
    expect(verdict(s, reviewer, d => command(d, me(reviewer), () => 5, splitBlock, true))).toMatch(/suggested|paragraphs/)
  })

  it('lets a reviewer withdraw their own split, and an author decide splits and joins', () => {
    const { s, reviewer, a } = standardScenario()
    s.change(reviewer, d => command(d, me(reviewer), () => 5, splitBlock))
    expect(verdict(s, reviewer, d => command(d, me(reviewer), st => st.doc.child(0).nodeSize + 1, joinBackward))).toBe('ok')
    expect(verdict(s, a, d => editSection(d, SEC, (st) => {
      const tr = st.tr
      decideSuggestions(tr, 'reject')
      return tr
    }))).toBe('ok')
    // A join suggested by the reviewer: another author (not the decider of a withdrawn record) may accept it.
    s.change(reviewer, d => command(d, me(reviewer), st => st.doc.child(0).nodeSize + 1, joinBackward))
    expect(verdict(s, reviewer, d => editSection(d, SEC, (st) => {
      const tr = st.tr
      decideSuggestions(tr, 'accept', { authorId: 'user-rev' })
      return tr
    }))).toMatch(/accept|decide|withdrawn|paragraphs/)
    expect(verdict(s, a, d => editSection(d, SEC, (st) => {
      const tr = st.tr
      decideSuggestions(tr, 'accept')
      return tr
    }))).toBe('ok')
    // An author pressing Enter before someone's suggestions moves them into the new paragraph, unchanged.
    expect(verdict(s, a, d => editSection(d, SEC, (st) => {
      expect(readSuggestions(st.doc, SEC).length).toBeGreaterThan(0)
      return st.tr.split(2)
    }))).toBe('ok')
  })
})
