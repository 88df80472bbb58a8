/**
 * The versions page's comparison (shared/versionDiff.ts): what the newer text added is marked as
 * an insertion and what it dropped is put back as a deletion, on whole words as Word marks them,
 * each with who wrote it; an unchanged text has no marks.
 */
import { describe, expect, it } from 'vitest'
import type { Node as PmNode } from '@tiptap/pm/model'
import { chorusSchema } from '#shared/editor/extensions'
import { versionDiff } from '#shared/versionDiff'

const schema = chorusSchema()
const para = (...texts: string[]) => ({ type: 'doc', content: texts.map(text => ({ type: 'paragraph', content: [{ type: 'text', text }] })) })
const marked = (doc: PmNode, type: string) => {
  const out: string[] = []
  doc.descendants((n) => {
    const m = n.marks.find(x => x.type.name === type)
    if (n.isText && m) out.push(`${n.text}|${m.attrs.authorName}`)
  })
  return out
}

describe('comparing two texts of a section', () => {
  it('marks the added sentence and the removed word on whole words, with their writers', () => {
    const d = versionDiff(schema,
      { doc: para('Draft sent to the reviewers.'), authors: [{ from: 1, to: 29, author: 'Ann' }] },
      { doc: para('sent to the reviewers. Rewritten after the review.'), authors: [{ from: 1, to: 23, author: 'Ann' }, { from: 23, to: 51, author: 'Bob' }] })
    expect(marked(d.doc, 'insertion')).toEqual([' Rewritten after the review.|Bob'])
    expect(marked(d.doc, 'deletion')).toEqual(['Draft |Ann'])
    expect(d.doc.textContent).toBe('Draft sent to the reviewers. Rewritten after the review.')
    expect([d.insertedBy, d.deletedBy]).toEqual([['Bob'], ['Ann']])
  })

  it('has no marks when nothing changed, and shows a removed paragraph as deleted', () => {
    const same = versionDiff(schema, { doc: para('One.', 'Two.'), authors: [] }, { doc: para('One.', 'Two.'), authors: [] })
    expect([same.inserted, same.deleted]).toEqual([0, 0])
    const removed = versionDiff(schema, { doc: para('One.', 'Two words.'), authors: [] }, { doc: para('One.'), authors: [] })
    expect(marked(removed.doc, 'deletion').join('')).toContain('Two words.')
  })
})
