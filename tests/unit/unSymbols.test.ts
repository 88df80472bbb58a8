/**
 * UN document symbols (shared/editor/unSymbols.ts): found in any prose around them, with their
 * paragraph citations, never in ordinary slashes; linked in the editor once complete, in the body
 * and in footnotes, without touching a person's own links.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import type { Node as PmNode } from '@tiptap/pm/model'
import { chorusSchema } from '#shared/editor/extensions'
import { findUnSymbols, linkUnSymbols, unSymbolHref } from '#shared/editor/unSymbols'

const schema = chorusSchema()
const cited = (text: string) => findUnSymbols(text).map(m => text.slice(m.from, m.to))

describe('finding UN document symbols', () => {
  it('finds the symbols a coalition cites, with the paragraphs cited after them', () => {
    expect(cited('As the Committee said (CRC/C/AZE/CO/5-6, para. 12), and CRC/C/GC/25.')).toEqual(['CRC/C/AZE/CO/5-6, para. 12', 'CRC/C/GC/25'])
    expect(cited('See CRC/C/58/Rev.3; A/HRC/WG.6/44/AZE/1 and E/C.12/AZE/CO/4, paras. 12–14.')).toEqual(['CRC/C/58/Rev.3', 'A/HRC/WG.6/44/AZE/1', 'E/C.12/AZE/CO/4, paras. 12–14'])
    expect(cited('CRC/C/OPAC/DZA/CO/1 para 7(b) and S/RES/2427 (2018).')).toEqual(['CRC/C/OPAC/DZA/CO/1 para 7(b)', 'S/RES/2427 (2018)'])
    expect(cited('(CRC/C/COK/RQ/2-5, п. 4)')).toEqual(['CRC/C/COK/RQ/2-5, п. 4'])
    expect(findUnSymbols('x CRC/C/GC/25.')[0]).toMatchObject({ symbol: 'CRC/C/GC/25' })
  })

  it('leaves ordinary slashes alone', () => {
    for (const text of ['A/B testing', 'and/or', 'CRC/C', 'open 24/7', '60 km/h', 'CRC/C/GC', 'A/78', 'see http://x.org/CRC/C/GC/25', 'XCRC/C/GC/25']) expect(cited(text), text).toEqual([])
  })

  it('finds exactly the generated symbols in generated prose', () => {
    const series = fc.constantFrom('A', 'E', 'S', 'CRC', 'CCPR', 'CEDAW', 'CAT', 'CRPD', 'HRI')
    const part = fc.oneof(fc.stringMatching(/^[A-Z]{1,4}$/), fc.integer({ min: 1, max: 2030 }).map(String), fc.constantFrom('Rev.3', 'Add.1', '5-6', 'WG.6', 'C.12', 'L.1'))
    const symbol = fc.tuple(series, fc.array(part, { minLength: 2, maxLength: 5 }), fc.integer({ min: 1, max: 99 }))
      .map(([s, parts, n]) => [s, ...parts, String(n)].join('/'))
    const word = fc.stringMatching(/^[a-zà-ÿ]{1,9}$/)
    const piece = fc.oneof(word.map(w => ({ text: w, symbol: null as string | null })), symbol.map(s => ({ text: s, symbol: s })))
    const sep = fc.constantFrom(' ', ', ', ' (', ') ', '; ', ' — ', '. ')
    fc.assert(fc.property(fc.array(fc.tuple(piece, sep), { maxLength: 12 }), (pieces) => {
      const text = pieces.map(([p, s]) => p.text + s).join('')
      const want = pieces.map(([p]) => p.symbol).filter(Boolean)
      expect(findUnSymbols(text).map(m => m.symbol)).toEqual(want)
    }), { numRuns: 500 })
  })

  it('links to the UN document system in the report language, English where the UN has no such language', () => {
    expect(unSymbolHref('CRC/C/AZE/CO/5-6', 'fr')).toBe('https://undocs.org/fr/CRC/C/AZE/CO/5-6')
    expect(unSymbolHref('CRC/C/AZE/CO/5-6', 'az')).toBe('https://undocs.org/en/CRC/C/AZE/CO/5-6')
  })
})

describe('linking symbols in the editor', () => {
  const p = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })
  const docOf = (json: object) => schema.nodeFromJSON({ type: 'doc', ...json })
  /** Write plain `text` at `pos` (one transaction, as a paste or a typed run) and let the plugin's function link. */
  function type(doc: PmNode, pos: number, text: string, typing = true) {
    const state = EditorState.create({ schema, doc, selection: TextSelection.create(doc, pos) })
    const tr = state.tr.insert(pos, schema.text(text))
    const next = state.apply(tr)
    const link = linkUnSymbols(next, [tr], { language: 'en', typing })
    return link ? next.apply(link).doc : next.doc
  }
  const links = (doc: PmNode) => {
    const out: Array<[string, string]> = []
    doc.descendants((n) => {
      const mark = n.marks.find(m => m.type.name === 'link')
      if (n.isText && mark) out.push([n.text!, mark.attrs.href])
    })
    return out
  }

  it('links a symbol once a space or punctuation completes it, not while it is being typed', () => {
    const doc = docOf({ content: [p('See ')] })
    expect(links(type(doc, 5, 'CRC/C/GC/25'))).toEqual([])
    expect(links(type(doc, 5, 'CRC/C/GC/25 '))).toEqual([['CRC/C/GC/25', 'https://undocs.org/en/CRC/C/GC/25']])
    expect(links(type(doc, 5, 'CRC/C/GC/25', false))).toEqual([['CRC/C/GC/25', 'https://undocs.org/en/CRC/C/GC/25']])
  })

  it('grows its own link when a paragraph citation is typed after it; a person\'s own link stays theirs', () => {
    let doc = type(docOf({ content: [p('See ')] }), 5, 'CRC/C/AZE/CO/5-6,')
    expect(links(doc)).toEqual([['CRC/C/AZE/CO/5-6', 'https://undocs.org/en/CRC/C/AZE/CO/5-6']])
    doc = type(doc, doc.content.size - 1, ' para. 12.')
    expect(links(doc)).toEqual([['CRC/C/AZE/CO/5-6, para. 12', 'https://undocs.org/en/CRC/C/AZE/CO/5-6']])
    const own = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'CRC/C/GC/25', marks: [{ type: 'link', attrs: { href: 'https://example.org/gc25' } }] }] }] })
    expect(links(type(own, own.content.size - 1, ' and more'))).toEqual([['CRC/C/GC/25', 'https://example.org/gc25']])
  })

  it('links a symbol typed in a footnote', () => {
    const doc = docOf({ content: [p('Body.'), { type: 'footnotes', content: [{ type: 'footnote', attrs: { id: 'n1' }, content: [p('Source: ')] }] }] })
    let end = 0
    doc.descendants((n, pos) => { if (n.isText && n.text === 'Source: ') end = pos + n.nodeSize })
    expect(links(type(doc, end, 'CRC/C/AZE/CO/5-6, para. 7. '))).toEqual([['CRC/C/AZE/CO/5-6, para. 7', 'https://undocs.org/en/CRC/C/AZE/CO/5-6']])
  })
})
