import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { countFragmentWords, countJsonWords, countWords, fragmentWordCounts } from '#shared/wordCount'
import { chorusSchema } from '#shared/editor/extensions'

describe('word count', () => {
  it('counts tokens with a letter or digit, not punctuation', () => {
    expect(countWords('The State party should — as a matter of priority — act.')).toBe(10)
    expect(countWords('art. 37(a) of CRC/C/GC/25')).toBe(4)
    expect(countWords('  1.  ')).toBe(1)
    expect(countWords('— – …')).toBe(0)
    expect(countWords('')).toBe(0)
  })

  const json = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Juvenile justice' }] },
      { type: 'paragraph', content: [
        { type: 'text', text: 'Children in ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'pre' },
        { type: 'text', text: 'trial detention.' },
        { type: 'footnoteReference', attrs: { id: 'fn1' } },
      ] },
      { type: 'footnotes', content: [{ type: 'footnote', attrs: { id: 'fn1' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ministry of Justice, 2025.' }] }] }] },
    ],
  }

  it('counts marked runs inside one word once, and footnotes too', () => {
    // "Juvenile justice" 2 + "Children in pretrial detention." 4 + footnote 4
    expect(countJsonWords(json)).toBe(10)
  })

  it('counts the same words in the Y.XmlFragment the editor writes', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('section:abc123')
    prosemirrorJSONToYXmlFragment(chorusSchema(), json, fragment)
    expect(countFragmentWords(fragment)).toBe(10)
  })

  it('counts the text as if every open suggestion were rejected, and the pending words apart', () => {
    const attrs = { id: 's1', authorId: 'u1', authorName: 'Ana', createdAt: 1, wordAuthor: null }
    const suggested = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [
        { type: 'text', text: 'Children in ' },
        { type: 'text', marks: [{ type: 'insertion', attrs }], text: 'all forms of ' },
        { type: 'text', text: 'pretrial ' },
        { type: 'text', marks: [{ type: 'deletion', attrs }], text: 'detention centres' },
        { type: 'text', text: '.' },
      ] }],
    }
    // "Children in pretrial detention centres." = 5; "all forms of" = 3 pending.
    expect(countJsonWords(suggested)).toBe(5)
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('section:s')
    prosemirrorJSONToYXmlFragment(chorusSchema(), suggested, fragment)
    expect(countFragmentWords(fragment)).toBe(5)
    expect(fragmentWordCounts(fragment)).toEqual({ words: 5, pending: 3 })
  })
  it('counts the words inside recommendation and question blocks, as the text around them', () => {
    const body = { type: 'doc', content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Two words.' }] },
      { type: 'recommendation', attrs: { refId: 'r1', kind: 'question', articles: '19, 37(a)', priority: true }, content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'What budget is allocated?' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Context matters here.' }] },
      ] },
    ] }
    const doc = new Y.Doc()
    prosemirrorJSONToYXmlFragment(chorusSchema(), body, doc.getXmlFragment('section:s1'))
    // The articles attribute is not text: 2 + 4 + 3.
    expect(countFragmentWords(doc.getXmlFragment('section:s1'))).toBe(9)
    expect(countJsonWords(body)).toBe(9)
  })
})
