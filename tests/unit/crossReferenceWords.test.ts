/**
 * A cross-reference counts as the words the submitted file prints ("para. 27": two), in the
 * editor's count (Y.Doc) and the server's (JSON) alike — the Committee counts the document it gets.
 */
import { describe, expect, it } from 'vitest'
import { sectionFragmentName } from '#shared/docNames'
import { countFragmentWords, countJsonWords } from '#shared/wordCount'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { exportDocx } from '../../server/docx/export/exportDocx'
import type { PMNode } from '../../server/docx/types'
import { docxParts, paragraphs, xmlText } from '../fixtures-gen/readDocx'
import { reportYDoc, sampleMeta } from '../fixtures-gen/sampleReport'

const body: PMNode = { type: 'doc', content: [
  { type: 'paragraph', attrs: { refId: 't1' }, content: [{ type: 'text', text: 'The target.' }] },
  { type: 'paragraph', content: [{ type: 'text', text: 'See ' }, { type: 'crossReference', attrs: { targetId: 't1', targetKind: 'paragraph' } }, { type: 'text', text: ' and ' }, { type: 'crossReference', attrs: { targetId: 'gone', targetKind: 'paragraph' } }, { type: 'text', text: '.' }] },
] }

describe('cross-reference words', () => {
  it('counts each reference as the two words the Word file prints, in JSON and in the Y.Doc', async () => {
    const doc = reportYDoc({ meta: sampleMeta(), comments: [], sections: [{ id: 'sect-one', title: 'One', countsTowardLimit: true, content: body }] })
    const { buffer } = await exportDocx(reportExportInput(doc), { tocPageNumbers: false })
    const printed = paragraphs((await docxParts(buffer))['word/document.xml']!).map(xmlText).filter(t => t.startsWith('See') || t === 'The target.')
    expect(printed).toEqual(['The target.', 'See para. 1 and [broken reference].'])
    // "The target." 2 + "See para. 1 and [broken reference]." 6
    expect(countJsonWords(body)).toBe(8)
    expect(countFragmentWords(doc.getXmlFragment(sectionFragmentName('sect-one')))).toBe(8)
  })
})
