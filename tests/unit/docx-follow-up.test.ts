/**
 * The follow-up section in the Word file: a report held in a Y.Doc as the app stores it, with the
 * previous concluding observations loaded and paragraphs linked to them, exports the generated
 * section as a real Word table — header row, one row per followed-up CO recommendation with the
 * symbol and paragraph, the assessment in the report's language, and where in the report with the
 * paragraph number the export gives that paragraph. And the way in: COs in a Word file whose
 * paragraphs are numbered by Word's list numbering, as UN documents are.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx'
import { importDocx } from '../../server/docx/import/importDocx'
import { importedCoText } from '../../server/followUp/importedCoText'
import { parseConcludingObservations } from '#shared/followUp/parseConcludingObservations'
import { writeConcludingObservations } from '#shared/followUp/writeConcludingObservations'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { exportDocx } from '../../server/docx/export/exportDocx'
import type { ExportInput, PMNode } from '../../server/docx/types'
import { reportYDoc, sampleReport } from '../fixtures-gen/sampleReport'
import { sampleCoText } from '../fixtures-gen/sampleConcludingObservations'
import { docxParts, xmlText } from '../fixtures-gen/readDocx'

const DATE = new Date('2027-02-15T12:00:00Z')

/** The sample report with a follow-up annex and two linked paragraphs of cluster V. */
function linkedReport(language: 'en' | 'ru' = 'en'): ExportInput {
  const input = sampleReport({ language })
  const cluster = input.sections.find(s => s.id === 'sec-cluster-v')!
  const paragraphsOf = (cluster.content.content ?? []).filter(b => b.type === 'paragraph')
  const link = (block: PMNode, refId: string, co: string, status: string) => {
    block.attrs = { ...block.attrs, refId, followUp: JSON.stringify({ co, status }) }
  }
  link(paragraphsOf[0]!, 'pfollow01', '12(b)', 'partly')
  link(paragraphsOf[1]!, 'pfollow02', '5', 'not')
  input.sections.splice(3, 0, { id: 'sec-follow-up', title: 'Annex: Follow-up of the previous concluding observations', countsTowardLimit: false, generated: 'followUp', content: { type: 'doc', content: [{ type: 'paragraph' }] } })
  return input
}

/** The rows of the first table after `title` in document.xml, as cell texts. */
function tableAfter(xml: string, title: string): string[][] {
  // The last mention: the contents list the title first.
  const start = xml.lastIndexOf(title)
  const table = xml.slice(start).match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? ''
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(row => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(cell => xmlText(cell[0]).replace(/\s+/g, ' ').trim()))
}

describe('DOCX export of the follow-up table', () => {
  let input: ExportInput
  let xml: string

  beforeAll(async () => {
    const doc = reportYDoc(linkedReport())
    writeConcludingObservations(doc, parseConcludingObservations(sampleCoText({ wrap: 80 })))
    input = reportExportInput(doc)
    const { buffer, warnings } = await exportDocx(input, { date: DATE })
    expect(warnings).toEqual([])
    xml = (await docxParts(buffer))['word/document.xml']!
  })

  it('writes the generated section as a table with a row per followed-up recommendation, in CO order', () => {
    const rows = tableAfter(xml, 'Annex: Follow-up of the previous concluding observations')
    expect(rows[0]).toEqual(['Recommendation of the Committee', 'Our assessment', 'Where in this report'])
    expect(rows).toHaveLength(3)
    expect(rows[1]![0]).toMatch(/^CRC\/C\/AZE\/CO\/5-6, para\. 5 ?Recalling its previous recommendations/)
    expect(rows[1]![1]).toBe('Not implemented')
    expect(rows[2]![0]).toMatch(/^CRC\/C\/AZE\/CO\/5-6, para\. 12\(b\) ?Promote positive, non-violent/)
    expect(rows[2]![1]).toBe('Partly implemented')
  })

  it('says where: the section and the paragraph number the export gives the linked paragraph', () => {
    const rows = tableAfter(xml, 'Annex: Follow-up of the previous concluding observations')
    // Numbered paragraphs: the summary's two, then cluster V's first paragraph is 3, its second 4.
    expect(rows[2]![2]).toBe('V. Violence against children, para. 3')
    expect(rows[1]![2]).toBe('V. Violence against children, para. 4')
    // The header row repeats on each page, as Word's table header.
    expect(xml.slice(xml.lastIndexOf('Annex: Follow-up')).match(/<w:tblHeader\/>/)).not.toBeNull()
  })

  it('writes the table in the report\'s language', async () => {
    const doc = reportYDoc(linkedReport('ru'))
    writeConcludingObservations(doc, parseConcludingObservations(sampleCoText()))
    const { buffer } = await exportDocx(reportExportInput(doc), { date: DATE })
    const rows = tableAfter((await docxParts(buffer))['word/document.xml']!, 'Annex: Follow-up')
    expect(rows[0]).toEqual(['Рекомендация Комитета', 'Наша оценка', 'Где в докладе'])
    expect(rows[2]![1]).toBe('Выполнена частично')
    expect(rows[2]![2]).toBe('V. Violence against children, п. 3')
  })

  it('leaves the section out when nothing is linked (the clean copy skips empty sections)', async () => {
    const report = linkedReport()
    const doc = reportYDoc(report)
    const { buffer } = await exportDocx(reportExportInput(doc), { date: DATE })
    expect((await docxParts(buffer))['word/document.xml']).not.toContain('Annex: Follow-up')
  })
})

describe('concluding observations from a Word file', () => {
  it('reads paragraphs numbered by Word\'s list numbering (as UN documents are) with their lettered sub-paragraphs', async () => {
    const numbered = (text: string, level: 0 | 1) => new Paragraph({ text, numbering: { reference: 'co', level } })
    const doc = new Document({
      numbering: { config: [{ reference: 'co', levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START },
      ] }] },
      sections: [{ children: [
        new Paragraph({ text: 'CRC/C/AZE/CO/5-6' }),
        new Paragraph({ text: 'I. Introduction' }),
        numbered('The Committee considered the combined fifth and sixth periodic reports.', 0),
        new Paragraph({ text: 'E. Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)' }),
        new Paragraph({ text: 'Corporal punishment' }),
        numbered('The Committee recommends that the State party:', 0),
        numbered('Explicitly prohibit corporal punishment in all settings;', 1),
        numbered('Promote positive forms of discipline.', 1),
        numbered('The Committee notes the new law on schools.', 0),
      ] }],
    })
    const { content } = await importDocx(Buffer.from(await Packer.toBuffer(doc)))
    const co = parseConcludingObservations(importedCoText(content))
    expect(co.symbol).toBe('CRC/C/AZE/CO/5-6')
    expect(co.paragraphs.map(p => [p.number, p.subparagraphs.map(s => s.letter).join(''), p.topic, p.recommendation])).toEqual([
      [1, '', null, false],
      [2, 'ab', 'Corporal punishment', true],
      [3, '', 'Corporal punishment', false],
    ])
    expect(co.paragraphs[1]!.cluster).toBe('E. Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)')
  })
})
