/**
 * Issue 9, bug 3 (the review copy's side): a thread on the very first word of a section was
 * exported "On text since removed". The export resolved anchors with y-tiptap's
 * relativePositionToAbsolutePosition, which answers null for a text position at 0 or 1; it now
 * counts positions itself (shared/anchorPosition.ts). A thread whose words are gone still has none.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { seedDoc } from '#shared/reportDoc'
import { reportMetaSchema } from '#shared/schemas/report'
import { reportExportInput } from '~~/server/docx/fromYDoc'
import { commentOn } from '../fixtures-gen/sampleComments'

const schema = chorusSchema()
const SECTION = 'sec-cluster-ii'
const reviewer = { id: 'u-rev', name: 'Rita Reviewer' }

function report(text: string): Y.Doc {
  const doc = new Y.Doc()
  seedDoc(doc, reportMetaSchema.parse({ title: 'Export' }), [
    { id: SECTION, title: 'Cluster II', guidance: '', articles: [], wordBudget: null, countsTowardLimit: true, ownerId: null, status: 'draft', generated: null, priorityList: false },
  ])
  const pm = schema.node('doc', null, [schema.node('paragraph', null, [schema.text(text)])])
  updateYFragment(doc, doc.getXmlFragment(sectionFragmentName(SECTION)), pm, { mapping: new Map(), isOMark: new Map() })
  return doc
}

describe('the review copy places threads', () => {
  it('on the first word of a section, and on later words, where they are', () => {
    const doc = report('Children in care lack data.')
    commentOn(doc, SECTION, 'Children', { author: reviewer, body: 'First word', now: 1 })
    commentOn(doc, SECTION, 'lack data', { author: reviewer, body: 'Later words', now: 2 })
    expect(reportExportInput(doc).comments.map(c => [c.body, c.from, c.to])).toEqual([['First word', 1, 9], ['Later words', 18, 27]])
  })

  it('not at all when its words are deleted', () => {
    const doc = report('Children in care lack data.')
    commentOn(doc, SECTION, 'lack', { author: reviewer, body: 'Gone', now: 1 })
    const text = (doc.getXmlFragment(sectionFragmentName(SECTION)).get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.delete(17, 5)
    const [c] = reportExportInput(doc).comments
    expect(c!.from === null || c!.to === null || c!.from >= c!.to).toBe(true)
  })
})
