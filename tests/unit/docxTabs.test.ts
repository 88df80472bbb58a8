/**
 * A tab typed in the editor (Tab outside lists and tables, issue 9 bug 2, docs/editor.md) is
 * exported as Word's tab (<w:tab/>, the next tab stop), not as a tab character inside the text.
 */
import { describe, expect, it } from 'vitest'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { exportDocx } from '../../server/docx/export/exportDocx'
import type { PMNode } from '../../server/docx/types'
import { reportYDoc, sampleReport } from '../fixtures-gen/sampleReport'
import { docxParts } from '../fixtures-gen/readDocx'

describe('DOCX export of tabs', () => {
  it('writes a typed tab as <w:tab/>, at the start of a paragraph and inside it', async () => {
    const input = reportExportInput(reportYDoc(sampleReport()))
    const section = input.sections[0]!
    const para = (text: string): PMNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })
    section.content = { ...section.content, content: [para('\tIndented start'), para('Before\tafter'), ...(section.content.content ?? [])] }
    const { buffer } = await exportDocx(input, { date: new Date('2027-02-15T12:00:00Z') })
    const xml = (await docxParts(buffer))['word/document.xml']!
    expect(xml).not.toMatch(/<w:t[^>]*>[^<]*\t/)
    expect(xml).toMatch(/<w:tab\/><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>Indented start<\/w:t>/)
    expect(xml).toMatch(/<w:t[^>]*>Before<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:tab\/><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>after<\/w:t>/)
  }, 60_000)
})
