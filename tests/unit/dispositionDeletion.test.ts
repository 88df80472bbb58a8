/**
 * Issue 9, bug 7: in the disposition CSV a suggested deletion showed an empty "Suggested
 * replacement", which a reviewer reads as "no change proposed". A deletion now says so in that
 * column, in the CSV's language, for every kind of deletion: a thread's "suggest a replacement"
 * left empty, an open tracked deletion (Suggesting mode) and a decided one.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { seedDoc } from '#shared/reportDoc'
import { reportMetaSchema } from '#shared/schemas/report'
import { readThreads } from '#shared/commentsDoc'
import { sectionFragmentName } from '#shared/docNames'
import { recordSuggestionDecisions } from '#shared/suggestionThreads'
import { dispositionCsv, dispositionRows } from '../../server/comments/dispositionCsv'
import { commentOn } from '../fixtures-gen/sampleComments'
import { suggestDeletion, suggestInsertion } from '../fixtures-gen/sampleSuggestions'

const SECTION = 'sec-aaaaaa'
const ana = { id: 'u-ana', name: 'Ana' }
const ben = { id: 'u-ben', name: 'Ben' }

/** A section with Ana's thread suggesting to delete "in all cases", Ben's tracked deletion of "only" and his insertion of "promptly". */
function report() {
  const doc = new Y.Doc()
  seedDoc(doc, reportMetaSchema.parse({ title: 'Report' }), [
    { id: SECTION, title: 'Cluster V', guidance: '', articles: [], wordBudget: null, countsTowardLimit: true, ownerId: null, status: 'draft', generated: null, priorityList: false },
  ])
  prosemirrorJSONToYXmlFragment(chorusSchema(), { type: 'doc', content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Detention is used only as a last resort in all cases. Complaints are heard.' }] },
  ] }, doc.getXmlFragment(sectionFragmentName(SECTION)))
  commentOn(doc, SECTION, 'in all cases', { author: ana, body: 'Not true in practice.', suggestion: '', now: Date.UTC(2026, 10, 1) })
  const tracked = suggestDeletion(doc, SECTION, 'only ', { author: ben, now: Date.UTC(2026, 10, 2) })
  suggestInsertion(doc, SECTION, 'are heard', ' promptly', { author: ben, now: Date.UTC(2026, 10, 3) })
  return { doc, tracked }
}

const open = (doc: Y.Doc) => readSuggestions(doc.getXmlFragment(sectionFragmentName(SECTION)), SECTION)
const titles = new Map([[SECTION, 'Cluster V']])

describe('suggested deletions in the disposition CSV', () => {
  it('says "delete" with the words in the Suggested replacement column, for a thread and an open tracked deletion', () => {
    const { doc } = report()
    const rows = dispositionRows(readThreads(doc), titles, new Map(), open(doc))
    expect(rows.map(r => [r.who, r.kind, r.excerpt, r.suggestedText])).toEqual([
      ['Ana', 'Suggested replacement', 'in all cases', '(delete: “in all cases”)'],
      ['Ben', 'Deletion', 'only ', '(delete: “only”)'],
      ['Ben', 'Insertion', '', ' promptly'],
    ])
  })

  it('says it for a decided tracked deletion too', () => {
    const { doc, tracked } = report()
    const entry = open(doc).find(e => e.id === tracked)!
    recordSuggestionDecisions(doc, [entry], { status: 'rejected', decider: { id: 'u-sec', name: 'Sam' }, reason: 'Keep it', now: Date.UTC(2026, 10, 4) })
    const rows = dispositionRows(readThreads(doc), titles, new Map(), open(doc).filter(e => e.id !== tracked))
    expect(rows.find(r => r.kind === 'Deletion')).toMatchObject({ status: 'rejected', excerpt: 'only ', suggestedText: '(delete: “only”)' })
  })

  it('writes the wording in the CSV\'s language', () => {
    const { doc } = report()
    const cells = (locale: 'en' | 'az' | 'ru') => {
      const csv = dispositionCsv(dispositionRows(readThreads(doc), titles, new Map(), open(doc), locale), locale)
      return csv.replace(/^\uFEFF/, '').split('\r\n').slice(1, 3).map(line => line.split('","')[3])
    }
    expect(cells('en')).toEqual(['(delete: “in all cases”)', '(delete: “only”)'])
    expect(cells('az')).toEqual(['(silinsin: “in all cases”)', '(silinsin: “only”)'])
    expect(cells('ru')).toEqual(['(удалить: «in all cases»)', '(удалить: «only»)'])
  })
})
