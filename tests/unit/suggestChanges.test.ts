/**
 * Suggesting mode's transform (shared/editor/suggestChanges.ts) with accept/reject
 * (decideSuggestions.ts): what each edit records, and, for generated edits, that rejecting every
 * suggestion gives back the document before and accepting every one gives what the person's
 * own transaction would have made.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import type { Transaction } from '@tiptap/pm/state'
import type { Node as PmNode } from '@tiptap/pm/model'
import { chorusSchema } from '#shared/editor/extensions'
import { suggestChanges } from '#shared/editor/suggestChanges'
import type { Suggester } from '#shared/editor/suggestChanges'
import { decideSuggestions } from '#shared/editor/decideSuggestions'
import type { Decision, SuggestionSelector } from '#shared/editor/decideSuggestions'
import { readSuggestions } from '#shared/editor/readSuggestions'

const schema = chorusSchema()
let ids = 0
const ana: Suggester = { id: 'u-ana', name: 'Ana', now: () => 1000, newId: () => `s${++ids}` }
const ben: Suggester = { id: 'u-ben', name: 'Ben', now: () => 2000, newId: () => `s${++ids}` }

const para = (...texts: Array<string | [string, string[]]>) => ({
  type: 'paragraph',
  content: texts.map(t => (typeof t === 'string' ? { type: 'text', text: t } : { type: 'text', text: t[0], marks: t[1].map(type => ({ type })) })),
})
const docOf = (...paras: object[]) => schema.nodeFromJSON({ type: 'doc', content: paras })
const stateOf = (doc: PmNode, caret?: number) => EditorState.create({ schema, doc, selection: caret === undefined ? undefined : TextSelection.create(doc, caret) })

/** Apply `edit` to `state` as `who` in suggesting mode. */
function suggest(state: EditorState, edit: (tr: Transaction) => Transaction, who = ana): EditorState {
  const result = suggestChanges(state, edit(state.tr), who)
  if (result.kind !== 'tracked') throw new Error('structural')
  return state.apply(result.tr)
}
function decide(doc: PmNode, decision: Decision, which: SuggestionSelector = {}): PmNode {
  const tr = stateOf(doc).tr
  decideSuggestions(tr, decision, which)
  return tr.doc
}
const text = (doc: PmNode) => doc.textBetween(0, doc.content.size, '\n')

describe('suggestChanges', () => {
  it('marks typed text as the person\'s insertion and continues the same suggestion while they type', () => {
    let s = stateOf(docOf(para('The State party')), 10)
    s = suggest(s, tr => tr.insertText('x'))
    s = suggest(s, tr => tr.insertText('y'))
    const list = readSuggestions(s.doc, 'sec')
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ kind: 'insertion', inserted: 'xy', authorId: 'u-ana', authorName: 'Ana', createdAt: 1000, sectionId: 'sec' })
    expect(s.selection.head).toBe(12)
  })

  it('keeps deleted text, struck through as a deletion, and Backspace runs into one suggestion', () => {
    let s = stateOf(docOf(para('abcdef')), 5) // after "abcd"
    s = suggest(s, tr => tr.delete(4, 5))
    s = suggest(s, tr => tr.delete(3, 4))
    expect(text(s.doc)).toBe('abcdef')
    expect(readSuggestions(s.doc, 'x')).toMatchObject([{ kind: 'deletion', deleted: 'cd' }])
    expect(s.selection.head).toBe(3)
  })

  it('Backspace over text already deleted moves the caret past it without changing anything', () => {
    let s = stateOf(docOf(para('abcdef')), 5)
    s = suggest(s, tr => tr.delete(3, 5)) // "cd" suggested for deletion
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 5)))
    const before = s.doc
    s = suggest(s, tr => tr.delete(4, 5))
    expect(s.doc.eq(before)).toBe(true)
    expect(s.selection.head).toBe(3)
    // Delete (forward) at the start of deleted text jumps over it too.
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 3)))
    s = suggest(s, tr => tr.delete(3, 4))
    expect(s.selection.head).toBe(5)
  })

  it('withdraws the person\'s own insertion instead of marking it deleted', () => {
    let s = stateOf(docOf(para('ab')), 2)
    s = suggest(s, tr => tr.insertText('XYZ'))
    s = suggest(s, tr => tr.delete(3, 5))
    expect(text(s.doc)).toBe('aXb')
    expect(readSuggestions(s.doc, 'x')).toMatchObject([{ kind: 'insertion', inserted: 'X' }])
  })

  it('marks someone else\'s insertion deleted (a deletion over their suggestion), never removes it', () => {
    let s = stateOf(docOf(para('ab')), 2)
    s = suggest(s, tr => tr.insertText('XYZ'), ana)
    s = suggest(s, tr => tr.delete(3, 5), ben)
    expect(text(s.doc)).toBe('aXYZb')
    const list = readSuggestions(s.doc, 'x')
    expect(list.map(e => [e.authorName, e.kind, e.inserted, e.deleted])).toEqual([['Ana', 'insertion', 'XYZ', ''], ['Ben', 'deletion', '', 'YZ']])
  })

  it('records a replaced selection as one suggestion: the old text deleted, the new text after it', () => {
    let s = stateOf(docOf(para('the old text')))
    s = suggest(s, tr => tr.insertText('new', 5, 8))
    expect(text(s.doc)).toBe('the oldnew text')
    expect(readSuggestions(s.doc, 'x')).toMatchObject([{ kind: 'replacement', deleted: 'old', inserted: 'new' }])
    expect(s.selection.head).toBe(11)
  })

  it('applies formatting directly and keeps typed text\'s own marks', () => {
    let s = stateOf(docOf(para('plain')))
    s = suggest(s, tr => tr.addMark(1, 3, schema.marks.bold!.create()))
    expect(s.doc.nodeAt(1)!.marks.map(m => m.type.name)).toEqual(['bold'])
    s = suggest(s, tr => tr.insert(6, schema.text('!', [schema.marks.italic!.create(), schema.marks.insertion!.create({ id: 'forged', authorId: 'u-ben' })])))
    const marks = s.doc.nodeAt(6)!.marks
    expect(marks.map(m => m.type.name).sort()).toEqual(['insertion', 'italic'])
    expect(marks.find(m => m.type.name === 'insertion')!.attrs.authorId).toBe('u-ana')
  })

  it('refuses structural edits other than a paragraph break (tests/unit/suggestedBreaks.test.ts): deletions across paragraphs, line breaks, headings', () => {
    const s = stateOf(docOf(para('one'), para('two')), 2)
    expect(suggestChanges(s, s.tr.split(2), ana).kind).toBe('tracked')
    expect(suggestChanges(s, s.tr.delete(4, 6), ana).kind).toBe('tracked')
    expect(suggestChanges(s, s.tr.delete(3, 7), ana).kind).toBe('structural')
    expect(suggestChanges(s, s.tr.insert(2, schema.nodes.hardBreak!.create()), ana).kind).toBe('structural')
    expect(suggestChanges(s, s.tr.setNodeMarkup(0, schema.nodes.heading, { level: 2 }), ana).kind).toBe('structural')
  })

  it('decides one suggestion by id, leaving the others', () => {
    let s = stateOf(docOf(para('one two three')))
    s = suggest(s, tr => tr.delete(1, 5))
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 14)))
    s = suggest(s, tr => tr.insertText(' four'), ben)
    const [del, ins] = readSuggestions(s.doc, 'x')
    expect(text(decide(s.doc, 'accept', { id: del!.id }))).toBe('two three four')
    expect(text(decide(s.doc, 'reject', { id: ins!.id }))).toBe('one two three')
    expect(text(decide(s.doc, 'accept', { authorId: 'u-ben' }))).toBe('one two three four')
    expect(readSuggestions(decide(s.doc, 'accept', { authorId: 'u-ben' }), 'x')).toHaveLength(1)
  })
})

// Generated documents and edits inside one paragraph.
const word = fc.stringMatching(/^[a-z ]{1,8}$/)
const paraArb = fc.array(fc.tuple(word, fc.boolean()), { minLength: 1, maxLength: 4 })
  .map(parts => para(...parts.map(([t, bold]) => (bold ? [t, ['bold']] as [string, string[]] : t))))
const docArb = fc.array(paraArb, { minLength: 1, maxLength: 3 }).map(ps => docOf(...ps))
const editArb = fc.record({ block: fc.nat(), a: fc.nat(), b: fc.nat(), insert: fc.oneof(fc.constant(''), word), caretAt: fc.constantFrom('to', 'from', 'none') })

/** A random replacement inside one paragraph of `doc` as positions and text. */
function pick(doc: PmNode, e: { block: number, a: number, b: number }) {
  const index = e.block % doc.childCount
  let start = 1
  for (let i = 0; i < index; i++) start += doc.child(i).nodeSize
  const size = doc.child(index).content.size
  const x = start + (e.a % (size + 1))
  const y = start + (e.b % (size + 1))
  return { from: Math.min(x, y), to: Math.max(x, y) }
}
interface Edit { block: number, a: number, b: number, insert: string, caretAt: 'to' | 'from' | 'none' }
function edit(state: EditorState, e: Edit) {
  const { from, to } = pick(state.doc, e)
  const caret = e.caretAt === 'to' ? to : e.caretAt === 'from' ? from : null
  const s = caret === null || from === to ? state : state.apply(state.tr.setSelection(from === to ? TextSelection.create(state.doc, from) : TextSelection.create(state.doc, caret)))
  return { s, tr: e.insert ? s.tr.insertText(e.insert, from, to) : s.tr.delete(from, to) }
}

describe('suggestChanges on generated edits', () => {
  it('reject all gives back the document; accept all gives what the person\'s transaction made', () => {
    fc.assert(fc.property(docArb, editArb, (doc, e) => {
      const { s, tr } = edit(stateOf(doc), e)
      const result = suggestChanges(s, tr, ana)
      expect(result.kind).toBe('tracked')
      if (result.kind !== 'tracked') return
      expect(decide(result.tr.doc, 'reject').eq(doc)).toBe(true)
      expect(decide(result.tr.doc, 'accept').eq(tr.doc)).toBe(true)
    }), { numRuns: 500 })
  })

  it('after a series of edits by two people, rejecting one person\'s suggestions undoes only theirs', () => {
    fc.assert(fc.property(docArb, fc.array(editArb, { maxLength: 6 }), fc.array(editArb, { minLength: 1, maxLength: 6 }), (doc, anaEdits, benEdits) => {
      let s = stateOf(doc)
      for (const e of anaEdits) {
        const { s: at, tr } = edit(s, e)
        s = suggest(at, () => tr, ana)
      }
      const afterAna = s.doc
      expect(decide(afterAna, 'reject').eq(doc)).toBe(true)
      for (const e of benEdits) {
        const { s: at, tr } = edit(s, e)
        s = suggest(at, () => tr, ben)
      }
      expect(decide(s.doc, 'reject', { authorId: ben.id }).eq(afterAna)).toBe(true)
      expect(decide(s.doc, 'reject').eq(doc)).toBe(true)
    }), { numRuns: 300 })
  })
})

describe('suggestChanges cost', () => {
  it('costs the keystroke, not the document: well under a frame in a 100-page section', () => {
    // ~100 pages: 2,000 paragraphs of ~25 words, some with others' suggestions.
    const sentence = 'The Committee recommends that the State party strengthen its efforts to ensure that every child enjoys the rights. '
    const paras = Array.from({ length: 2000 }, (_, i) => (i % 50 ? para(sentence) : para(sentence, ['pending words ', ['bold']])))
    let s = stateOf(docOf(...paras), 1 + 1000 * (sentence.length + 2) + 10)
    const times: number[] = []
    for (let i = 0; i < 200; i++) {
      const tr = i % 4 === 3 ? s.tr.delete(s.selection.head - 1, s.selection.head) : s.tr.insertText('x')
      const start = performance.now()
      const result = suggestChanges(s, tr, ana)
      times.push(performance.now() - start)
      if (result.kind !== 'tracked') throw new Error('structural')
      s = s.apply(result.tr)
    }
    times.sort((a, b) => a - b)
    expect(times[Math.floor(times.length * 0.95)]).toBeLessThan(2)
  })
})
