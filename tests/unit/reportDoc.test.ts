import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { findSectionMap, readMeta, readSections, sectionMap, seedDoc, summarize, writeMeta } from '#shared/reportDoc'
import { reportMetaSchema } from '#shared/schemas/report'
import { chorusSchema } from '#shared/editor/extensions'
import { addReply, addThread, decideSuggestion, deleteMessage, readThreads, setResolved } from '#shared/commentsDoc'
import { csvCell, dispositionCsv, dispositionRows } from '../../server/comments/dispositionCsv'

function seeded() {
  const doc = new Y.Doc()
  seedDoc(doc, reportMetaSchema.parse({ title: 'Report', wordLimit: 100 }), [
    { id: 'sec-aaaaaa', title: 'Cluster V', guidance: '', articles: ['19'], wordBudget: 50, countsTowardLimit: true, ownerId: null, status: 'draft', generated: null, priorityList: false },
    { id: 'sec-bbbbbb', title: 'Annexes', guidance: '', articles: [], wordBudget: null, countsTowardLimit: false, ownerId: null, status: 'draft', generated: null, priorityList: false },
  ])
  return doc
}

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })

describe('report document helpers', () => {
  it('seeds meta and sections, and reads them back validated', () => {
    const doc = seeded()
    expect(readMeta(doc)).toMatchObject({ title: 'Report', wordLimit: 100, language: 'en' })
    expect(readSections(doc).map(s => s.title)).toEqual(['Cluster V', 'Annexes'])
    writeMeta(doc, { stateParty: 'Examplia', members: ['NGO A', 'NGO B'] })
    expect(readMeta(doc)).toMatchObject({ stateParty: 'Examplia', members: ['NGO A', 'NGO B'] })
  })

  it('reads past one invalid field: it takes its default and the other fields stay (the outline, summaries and export agree)', () => {
    const doc = seeded()
    writeMeta(doc, { stateParty: 'Examplia' })
    doc.getMap('meta').set('language', 'de')
    expect(readMeta(doc)).toMatchObject({ title: 'Report', stateParty: 'Examplia', language: 'en', wordLimit: 100 })
    findSectionMap(doc, 'sec-aaaaaa')!.map.set('wordBudget', -5)
    findSectionMap(doc, 'sec-bbbbbb')!.map.set('title', '')
    expect(readSections(doc)).toMatchObject([
      { id: 'sec-aaaaaa', title: 'Cluster V', articles: ['19'], wordBudget: null },
      { id: 'sec-bbbbbb', title: 'Untitled section', countsTowardLimit: false },
    ])
    // An entry without a valid id names no body: it is left out.
    doc.getArray('sections').push([sectionMap({ ...readSections(doc)[0]!, id: 'bad id' })])
    expect(readSections(doc)).toHaveLength(2)
  })

  it('leaves annexes out of the report total', () => {
    const doc = seeded()
    prosemirrorJSONToYXmlFragment(chorusSchema(), para('one two three'), doc.getXmlFragment('section:sec-aaaaaa'))
    prosemirrorJSONToYXmlFragment(chorusSchema(), para('four five'), doc.getXmlFragment('section:sec-bbbbbb'))
    const s = summarize(doc)
    expect(s.sections.map(x => x.words)).toEqual([3, 2])
    expect(s.totalWords).toBe(3)
  })

  it('records threads, replies, resolution and decisions as the disposition table shows them', () => {
    const doc = seeded()
    const author = { id: 'u-rev', name: 'Rita' }
    const t1 = addThread(doc, { sectionId: 'sec-aaaaaa', anchorStart: new Uint8Array([1]), anchorEnd: new Uint8Array([2]), quote: 'detention', author, body: 'Source?', mentions: [] })
    const t2 = addThread(doc, { sectionId: 'sec-aaaaaa', anchorStart: new Uint8Array([1]), anchorEnd: new Uint8Array([2]), quote: 'children', author, body: '=HYPERLINK("x")', mentions: ['u-a'], suggestion: 'persons under 18' })
    addReply(doc, t1, { author: { id: 'u-a', name: 'Amina' }, body: 'Added a footnote.', mentions: [] })
    addReply(doc, t1, { author: { id: 'u-a', name: 'Amina' }, body: 'oops', mentions: [] })
    deleteMessage(doc, t1, readThreads(doc).find(t => t.id === t1)!.replies[1]!.id)
    setResolved(doc, t1, true, 'u-a')
    doc.transact(() => decideSuggestion(doc, t2, { status: 'rejected', userId: 'u-a', reason: 'Keep the Convention term' }))
    const threads = readThreads(doc)
    expect(threads.map(t => t.status)).toEqual(['resolved', 'rejected'])
    const rows = dispositionRows(threads, new Map([['sec-aaaaaa', 'Cluster V']]), new Map([['u-a', 'Amina']]))
    expect(rows[0]).toMatchObject({ section: 'Cluster V', excerpt: 'detention', who: 'Rita', status: 'resolved', decidedBy: 'Amina', replies: 'Amina: Added a footnote.' })
    expect(rows[1]).toMatchObject({ status: 'rejected', reason: 'Keep the Convention term', suggestedText: 'persons under 18' })
    const csv = dispositionCsv(rows)
    expect(csv.startsWith('\uFEFF"Section","Excerpt","Comment"')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
  })
})
