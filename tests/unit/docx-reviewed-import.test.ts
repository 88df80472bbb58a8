/**
 * "Import a reviewed Word file": a review copy exported by the app, reviewed in Word (its XML
 * edited as Word writes it), placed back into a report that moved on since the export. New Word
 * changes and comments land in their sections on the same words as open suggestions and threads;
 * what Chorus already has is not added twice; what cannot be placed is listed.
 */
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { Transform } from '@tiptap/pm/transform'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName, COMMENTS } from '#shared/docNames'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { readThreads } from '#shared/commentsDoc'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { exportDocx } from '../../server/docx/export/exportDocx'
import { importDocx } from '../../server/docx/import/importDocx'
import { placeReviewed } from '../../server/docx/import/placeReviewed'
import { alignReviewed } from '../../server/docx/import/reviewedSections'
import { reportYDoc, sampleReport } from '../fixtures-gen/sampleReport'
import { commentOn, positionOf } from '../fixtures-gen/sampleComments'
import { suggestDeletion, suggestInsertion } from '../fixtures-gen/sampleSuggestions'
import { WordFile } from '../fixtures-gen/wordEdits'

const ana = { id: 'u-ana', name: 'Ana Ruiz' }
const ben = { id: 'u-ben', name: 'Ben Okafor' }
const mira = { id: 'u-mira', name: 'Mira Halden' }
const T0 = Date.parse('2027-01-10T09:30:00Z')
const V = 'sec-cluster-v'
const SUMMARY = 'sec-summary'

function sectionText(doc: Y.Doc, sectionId: string): string {
  const { doc: pm } = initProseMirrorDoc(doc.getXmlFragment(sectionFragmentName(sectionId)), chorusSchema())
  return pm.textBetween(0, pm.content.size, '\n')
}

function suggestions(doc: Y.Doc, sectionId: string) {
  return readSuggestions(doc.getXmlFragment(sectionFragmentName(sectionId)), sectionId)
    .map(s => ({ kind: s.kind, inserted: s.inserted, deleted: s.deleted, authorId: s.authorId, wordAuthor: s.wordAuthor }))
}

/** Replaces the first occurrence of `text` in a section (a later edit of the live report). */
function editLive(doc: Y.Doc, sectionId: string, text: string, replacement: string): void {
  const from = positionOf(doc, sectionId, text)
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const { doc: pm, meta } = initProseMirrorDoc(fragment, chorusSchema())
  const tr = new Transform(pm).replaceWith(from, from + text.length, chorusSchema().text(replacement, pm.resolve(from + 1).marks()))
  // Like the editor binding: the Yjs items of the unchanged text are kept.
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta))
}

describe('importing a reviewed copy of a Chorus export', () => {
  it('places new Word changes and comments on the same words in each section, after the report moved on, without doubling what Chorus has', async () => {
    const doc = reportYDoc(sampleReport())
    suggestInsertion(doc, V, 'No budget line', ' or staff', { author: ana, now: T0 })
    suggestDeletion(doc, V, 'comprehensive ', { author: ben, now: T0 + 1 })
    const t1 = commentOn(doc, V, 'pre-trial detention', { author: ana, body: 'Name the facilities.', now: T0 })
    const exported = (await exportDocx(reportExportInput(doc), { comments: true })).buffer

    // The reviewer, in Word: accepts Ana's insertion, suggests and comments, answers Ana.
    const word = (await WordFile.open(exported))
      .acceptInsertion(' or staff')
      .trackInsertion('the monitoring body', ' for children', 'Lawyer (UNICEF)', 901)
      .trackDeletion('but only on notice', 'Lawyer (UNICEF)', 902)
      .trackDeletion('key recommendations', 'Lawyer (UNICEF)', 903)
      .trackDeletion('para. 32; ', 'Lawyer (UNICEF)', 904, true)
      .comment('temporary detention facilities', 910, { author: 'Lawyer (UNICEF)', text: 'Which ones?' }, [{ author: 'Officer', text: 'The two in the capital.' }])
      .reply(0, 920, { author: 'Lawyer (UNICEF)', text: 'Police custody too.' })
    const reviewed = await word.save()
    const file = await importDocx(reviewed, {}, mira)
    // Compared before the report moves on (as the route does, on a copy): stale comparisons are redone.
    const aligned = await alignReviewed(doc, file)

    // Meanwhile the report moved on: new words before the changes, and the summary's words gone.
    editLive(doc, V, 'In its previous concluding observations', 'In its previous concluding observations of 2019')
    editLive(doc, SUMMARY, 'key recommendations', 'main points')

    let report!: ReturnType<typeof placeReviewed>
    doc.transact(() => {
      report = placeReviewed(doc, file, mira, 'secretariat', aligned)
    })

    expect(sectionText(doc, V)).toContain('the monitoring body for children has not met')
    expect(suggestions(doc, V)).toEqual([
      { kind: 'deletion', inserted: '', deleted: 'comprehensive ', authorId: ben.id, wordAuthor: null },
      { kind: 'insertion', inserted: ' or staff', deleted: '', authorId: ana.id, wordAuthor: null },
      { kind: 'insertion', inserted: ' for children', deleted: '', authorId: mira.id, wordAuthor: 'Lawyer (UNICEF)' },
      { kind: 'deletion', inserted: '', deleted: 'but only on notice', authorId: mira.id, wordAuthor: 'Lawyer (UNICEF)' },
      // In the section's second footnote (the file gathers all notes at its end).
      { kind: 'deletion', inserted: '', deleted: 'para. 32; ', authorId: mira.id, wordAuthor: 'Lawyer (UNICEF)' },
    ])
    expect(suggestions(doc, 'sec-cluster-vi').filter(s => s.wordAuthor)).toEqual([])
    const threads = readThreads(doc).filter(t => t.sectionId === V)
    expect(threads.map(t => ({ quote: t.quote, author: t.authorId, body: t.body, replies: t.replies.map(r => [r.authorId, r.body]) }))).toEqual([
      { quote: 'pre-trial detention', author: ana.id, body: 'Name the facilities.', replies: [[mira.id, 'Police custody too.']] },
      { quote: 'temporary detention facilities', author: mira.id, body: 'Which ones?', replies: [[mira.id, 'The two in the capital.']] },
    ])
    const maps = doc.getMap<Y.Map<unknown>>(COMMENTS)
    const added = maps.get(threads[1]!.id)!
    expect(added.get('wordAuthor')).toBe('Lawyer (UNICEF)')
    expect((added.get('replies') as Y.Array<Y.Map<unknown>>).get(0).get('wordAuthor')).toBe('Officer')
    expect((maps.get(t1)!.get('replies') as Y.Array<Y.Map<unknown>>).get(0).get('wordAuthor')).toBe('Lawyer (UNICEF)')

    expect(report).toMatchObject({ suggestions: 3, threads: 1, replies: 2 })
    expect(report.notPlaced).toEqual([
      { kind: 'deletion', section: 'Executive summary', author: 'Lawyer (UNICEF)', text: 'key recommendations', reason: 'the text is no longer in the report', reasonCode: 'text-gone' },
    ])
    expect(report.decidedInWord).toEqual([expect.objectContaining({ section: V, decision: 'accepted', text: ' or staff' })])
  })

  it('recognises a deletion suggested over someone\'s insertion when the copy comes back unchanged', async () => {
    const doc = reportYDoc(sampleReport())
    suggestInsertion(doc, V, 'No budget line', ' or staff', { author: ana, now: T0 })
    suggestDeletion(doc, V, ' or staff', { author: ben, now: T0 + 1 })
    const exported = (await exportDocx(reportExportInput(doc), { comments: true })).buffer
    const file = await importDocx(exported, {}, mira)
    let report!: ReturnType<typeof placeReviewed>
    doc.transact(() => {
      report = placeReviewed(doc, file, mira, 'secretariat')
    })
    expect(report).toMatchObject({ suggestions: 0, threads: 0, replies: 0, notPlaced: [], decidedInWord: [] })
    expect(suggestions(doc, V).map(s => s.authorId)).toEqual([ana.id, ben.id])
  })
})

describe('paragraph breaks tracked in a reviewed copy', () => {
  it('places Enter and Backspace tracked in Word as a suggested split and join of the same paragraphs, in the Word author\'s name', async () => {
    const doc = reportYDoc(sampleReport())
    // Without UN paragraph numbers (numbered paragraphs come back from Word as list items).
    const exported = (await exportDocx(reportExportInput(doc), { comments: true, numberedParagraphs: false })).buffer
    const reviewed = await (await WordFile.open(exported))
      .trackParagraphSplit('adopt a comprehensive strategy.', 'Lawyer (UNICEF)', 960)
      .trackParagraphJoin('The coalition notes that', 'Officer', 961)
      .save()
    const file = await importDocx(reviewed, {}, mira)
    let report!: ReturnType<typeof placeReviewed>
    doc.transact(() => {
      report = placeReviewed(doc, file, mira, 'secretariat')
    })
    expect(report.notPlaced).toEqual([])
    expect(report.suggestions).toBe(2)
    const found = readSuggestions(doc.getXmlFragment(sectionFragmentName(V)), V)
    expect(found.filter(s => s.inserted === '¶').map(s => ({ authorId: s.authorId, wordAuthor: s.wordAuthor }))).toEqual([{ authorId: mira.id, wordAuthor: 'Lawyer (UNICEF)' }])
    expect(found.filter(s => s.deleted === '¶').map(s => ({ authorId: s.authorId, wordAuthor: s.wordAuthor }))).toEqual([{ authorId: mira.id, wordAuthor: 'Officer' }])
    // The split is where Word has it: the live paragraph now ends after "strategy." and the next starts with its rest.
    const text = sectionText(doc, V)
    expect(text).toContain('adopt a comprehensive strategy.\n No budget line')
    // Placing the same file again adds nothing: what Chorus has is not doubled.
    let again!: ReturnType<typeof placeReviewed>
    doc.transact(() => {
      again = placeReviewed(doc, file, mira, 'secretariat')
    })
    expect(again.suggestions).toBe(0)
    expect(readSuggestions(doc.getXmlFragment(sectionFragmentName(V)), V)).toHaveLength(found.length)
  })
})
