/**
 * Find and replace's matcher (shared/editor/findReplace.ts) against a simple oracle: generated
 * section bodies (paragraphs of text split across marks, suggestions, footnote references, line
 * breaks, footnotes), generated queries; every match the oracle finds on the plain text is found,
 * at the right document positions, none overlap, match case and whole word are respected, and
 * replace all gives the oracle's replaced text.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { EditorState } from '@tiptap/pm/state'
import type { Node as PmNode } from '@tiptap/pm/model'
import { chorusSchema } from '#shared/editor/extensions'
import { findMatches, replaceMatches } from '#shared/editor/findReplace'
import type { FindOptions } from '#shared/editor/findReplace'
import { suggestChanges } from '#shared/editor/suggestChanges'

const schema = chorusSchema()
const suggestion = { id: 's1', authorId: 'u1', authorName: 'Ana', createdAt: 1, wordAuthor: null }

type Segment = { text: string, marks: string[] } | { object: 'ref' | 'break' }
type Para = Segment[]

const ALPHABET = ['a', 'A', 'b', 'B', 'ə', 'Ə', 'ж', 'Ж', ' ', '.', '-', '1', '_', '(']
const chars = fc.constantFrom(...ALPHABET)
const word = fc.array(chars, { minLength: 1, maxLength: 6 }).map(a => a.join(''))
const segment: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ text: word, marks: fc.subarray(['bold', 'italic', 'insertion', 'deletion']) }) },
  { weight: 1, arbitrary: fc.record({ object: fc.constantFrom<'ref' | 'break'>('ref', 'break') }) },
)
const para = fc.array(segment, { minLength: 0, maxLength: 6 })
const body = fc.record({ paras: fc.array(para, { minLength: 1, maxLength: 4 }), notes: fc.array(fc.array(para, { minLength: 1, maxLength: 2 }), { maxLength: 2 }) })
const options = fc.record({ matchCase: fc.boolean(), wholeWord: fc.boolean() })

function paraJson(p: Para) {
  return {
    type: 'paragraph',
    content: p.map(s => ('object' in s
      ? (s.object === 'ref' ? { type: 'footnoteReference', attrs: { id: 'n1' } } : { type: 'hardBreak' })
      : { type: 'text', text: s.text, marks: s.marks.map(type => (type === 'insertion' || type === 'deletion' ? { type, attrs: suggestion } : { type })) })),
  }
}
function build(b: { paras: Para[], notes: Para[][] }): PmNode {
  const content: object[] = b.paras.map(paraJson)
  if (b.notes.length) content.push({ type: 'footnotes', content: b.notes.map((n, i) => ({ type: 'footnote', attrs: { id: `n${i}` }, content: n.map(paraJson) })) })
  return schema.nodeFromJSON({ type: 'doc', content })
}

// ---- the oracle: plain strings and positions counted by hand, a naive scan ----

/** Each paragraph's text (objects as '\0'), the position of its first character, its deleted characters. */
function oracleBlocks(b: { paras: Para[], notes: Para[][] }) {
  const out: Array<{ start: number, text: string, deleted: boolean[] }> = []
  let pos = 0
  const add = (p: Para) => {
    let text = ''
    const deleted: boolean[] = []
    for (const s of p) {
      const piece = 'object' in s ? '\0' : s.text
      text += piece
      for (let i = 0; i < piece.length; i++) deleted.push(!('object' in s) && s.marks.includes('deletion'))
    }
    out.push({ start: pos + 1, text, deleted })
    pos += text.length + 2
  }
  b.paras.forEach(add)
  if (b.notes.length) {
    pos += 1 // into footnotes
    for (const note of b.notes) {
      pos += 1 // into footnote
      note.forEach(add)
      pos += 1 // out of footnote
    }
  }
  return out
}
const isWordChar = (c: string | undefined) => c !== undefined && /^[\p{L}\p{M}\p{N}_]$/u.test(c)
function oracleFind(text: string, query: string, o: FindOptions): Array<[number, number]> {
  const out: Array<[number, number]> = []
  if (!query) return out
  const same = (a: string, b: string) => (o.matchCase ? a === b : a.toLowerCase() === b.toLowerCase())
  let i = 0
  while (i + query.length <= text.length) {
    const ok = same(text.slice(i, i + query.length), query)
      && (!o.wholeWord || (!isWordChar(text[i - 1]) && !isWordChar(text[i + query.length])))
    if (ok) {
      out.push([i, i + query.length])
      i += query.length
    } else i++
  }
  return out
}

/** A query that often occurs: a piece of the body's text, sometimes with its case changed. */
const bodyAndQuery = body.chain(b => {
  const all = oracleBlocks(b).map(x => x.text).join('\n').replace(/\0/g, '')
  const piece = all.length
    ? fc.tuple(fc.nat(all.length - 1), fc.integer({ min: 1, max: 5 })).map(([s, n]) => all.slice(s, s + n).replace(/\n/g, ''))
    : word
  const query = fc.oneof(piece, word, piece.map(q => q.toUpperCase()))
  return fc.tuple(fc.constant(b), query.filter(q => q.length > 0), options)
})

describe('findMatches', () => {
  it('finds exactly what the oracle finds on the plain text, across marks, body and footnotes', () => {
    fc.assert(fc.property(bodyAndQuery, ([b, query, o]) => {
      const doc = build(b)
      const expected = oracleBlocks(b).flatMap(block => oracleFind(block.text, query, o).map(([s, e]) => ({
        from: block.start + s,
        to: block.start + e,
        inDeletion: block.deleted.slice(s, e).some(Boolean),
      })))
      const got = findMatches(doc, query, o)
      expect(got).toEqual(expected)
      for (let i = 1; i < got.length; i++) expect(got[i]!.from).toBeGreaterThanOrEqual(got[i - 1]!.to)
      for (const m of got) {
        const found = doc.textBetween(m.from, m.to)
        expect(o.matchCase ? found : found.toLowerCase()).toBe(o.matchCase ? query : query.toLowerCase())
      }
    }), { numRuns: 600 })
  }, 60_000)

  it('replace all gives the oracle\'s replaced text and leaves suggested deletions alone', () => {
    fc.assert(fc.property(bodyAndQuery, fc.constantFrom('', 'x', 'Yə Y'), ([b, query, o], replacement) => {
      const doc = build(b)
      const state = EditorState.create({ schema, doc })
      const tr = state.tr
      const matches = findMatches(doc, query, o)
      const n = replaceMatches(tr, matches, replacement)
      expect(n).toBe(matches.filter(m => !m.inDeletion).length)
      const expected = oracleBlocks(b).map((block) => {
        let out = ''
        let at = 0
        for (const [s, e] of oracleFind(block.text, query, o)) {
          if (block.deleted.slice(s, e).some(Boolean)) continue
          out += block.text.slice(at, s) + replacement
          at = e
        }
        return out + block.text.slice(at)
      })
      const got: string[] = []
      tr.doc.descendants((node) => {
        if (!node.isTextblock) return true
        let text = ''
        node.forEach(c => (text += c.isText ? c.text : '\0'))
        got.push(text)
        return false
      })
      expect(got).toEqual(expected)
    }), { numRuns: 400 })
  }, 60_000)
})

describe('find options', () => {
  const doc = build({ paras: [[{ text: 'The State ', marks: [] }, { text: 'par', marks: ['bold'] }, { text: 'ty; states, statement. STATE', marks: [] }]], notes: [[[{ text: 'State party note', marks: [] }]]] })
  const texts = (q: string, o: FindOptions) => findMatches(doc, q, o).map(m => doc.textBetween(m.from, m.to))

  it('matches case-insensitively by default, and exactly with match case', () => {
    expect(texts('state', { matchCase: false, wholeWord: false })).toEqual(['State', 'state', 'state', 'STATE', 'State'])
    expect(texts('State', { matchCase: true, wholeWord: false })).toEqual(['State', 'State'])
  })
  it('whole word skips "states" and "statement"', () => {
    expect(texts('state', { matchCase: false, wholeWord: true })).toEqual(['State', 'STATE', 'State'])
  })
  it('finds text split across marks (bold "par" + "ty")', () => {
    expect(texts('party', { matchCase: false, wholeWord: true })).toEqual(['party', 'party'])
  })
  it('ignoring case, Azerbaijani İ/i and I/ı match each other as well as English I/i', () => {
    const az = build({ paras: [[{ text: 'İstanbul, istanbul, ISTANBUL; Ildız, ıldız', marks: [] }]], notes: [] })
    const found = (q: string, matchCase = false) => findMatches(az, q, { matchCase, wholeWord: true }).map(m => az.textBetween(m.from, m.to))
    expect(found('istanbul')).toEqual(['İstanbul', 'istanbul', 'ISTANBUL'])
    expect(found('İSTANBUL')).toEqual(['İstanbul', 'istanbul', 'ISTANBUL'])
    expect(found('ıldız')).toEqual(['Ildız', 'ıldız'])
    expect(found('istanbul', true)).toEqual(['istanbul'])
  })
  it('finds nothing for an empty query', () => {
    expect(findMatches(doc, '', { matchCase: false, wholeWord: false })).toEqual([])
  })
})

describe('replace in Suggesting mode', () => {
  it('becomes a deletion of the match and an insertion of the replacement, one suggestion each', () => {
    const doc = build({ paras: [[{ text: 'The child and the child', marks: [] }]], notes: [] })
    const state = EditorState.create({ schema, doc })
    const tr = state.tr
    replaceMatches(tr, findMatches(doc, 'child', { matchCase: false, wholeWord: true }), 'girl')
    let n = 0
    const result = suggestChanges(state, tr, { id: 'u-rev', name: 'Rev', now: () => 5, newId: () => `s${++n}` })
    expect(result.kind).toBe('tracked')
    if (result.kind !== 'tracked') return
    const after = result.tr.doc
    expect(after.textContent).toBe('The childgirl and the childgirl')
    const runs: Array<[string, string]> = []
    after.descendants((node) => {
      if (node.isText) runs.push([node.text!, node.marks.map(m => `${m.type.name}:${m.attrs.authorId}`).join()])
      return true
    })
    expect(runs).toEqual([
      ['The ', ''], ['child', 'deletion:u-rev'], ['girl', 'insertion:u-rev'], [' and the ', ''], ['child', 'deletion:u-rev'], ['girl', 'insertion:u-rev'],
    ])
  })
})
