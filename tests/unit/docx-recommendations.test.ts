import { beforeAll, describe, expect, it } from 'vitest'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { exportDocx } from '../../server/docx/export/exportDocx'
import { countReportWords } from '../../server/docx/countReportWords'
import { summarize } from '#shared/reportDoc'
import { countWords } from '#shared/wordCount'
import { reportYDoc } from '../fixtures-gen/sampleReport'
import { recommendationsReport } from '../fixtures-gen/sampleRecommendations'
import { docxParts, hasSoffice, norm, paragraphs, xmlText } from '../fixtures-gen/readDocx'
import { importDocx } from '../../server/docx/import/importDocx'
import { placeReviewed } from '../../server/docx/import/placeReviewed'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { readThreads } from '#shared/commentsDoc'
import { sectionFragmentName } from '#shared/docNames'
import { WordFile } from '../fixtures-gen/wordEdits'
import { sofficeConvert } from '../fixtures-gen/officeFiles'

const styleOf = (p: string) => p.match(/<w:pStyle w:val="([^"]+)"/)?.[1]

describe('DOCX export of recommendation blocks and the generated lists', () => {
  let doc: string
  let styles: string
  let warnings: string[]
  let buffer: Buffer

  beforeAll(async () => {
    const input = reportExportInput(reportYDoc(recommendationsReport()))
    const result = await exportDocx(input, { date: new Date('2027-02-15T12:00:00Z') })
    warnings = result.warnings
    buffer = result.buffer
    const parts = await docxParts(result.buffer)
    doc = parts['word/document.xml']!
    styles = parts['word/styles.xml']!
  })

  it('defines the Recommendation paragraph style', () => {
    expect(styles).toMatch(/w:styleId="Recommendation"[^>]*>\s*<w:name w:val="Recommendation"\/>/)
    expect(styles).toMatch(/w:styleId="RecommendationGroup"/)
    expect(warnings).toEqual([])
  })

  it('writes each block in the Recommendation style, its label bold at the start and its articles after it, never paragraph-numbered', () => {
    const recs = paragraphs(doc).filter(p => styleOf(p) === 'Recommendation')
    const texts = recs.map(p => norm(xmlText(p)))
    // The block in cluster V, as written in its section (after the priority list's copy).
    const at = texts.lastIndexOf('R1 Prohibit corporal punishment in all settings.', texts.indexOf('R2 Establish a child-friendly complaint mechanism.'))
    expect(texts.slice(at, at + 5)).toEqual([
      'R1 Prohibit corporal punishment in all settings.',
      'Repeal the defence of reasonable chastisement.',
      'Articles 19, 37(a) · Priority',
      'R2 Establish a child-friendly complaint mechanism.',
      'R3 Close large residential institutions by 2030.',
    ])
    // The label is a bold run of its own.
    expect(recs[at]).toMatch(/<w:r><w:rPr><w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t[^>]*>R1<\/w:t><\/w:r>/)
    for (const p of recs) expect(p).not.toContain('<w:numPr>')
  })

  it('heads the executive summary with the priority list and writes the generated summary grouped by section, numbered as in the text', () => {
    const all = paragraphs(doc).map(p => ({ style: styleOf(p), text: norm(xmlText(p)) }))
    const summaryStart = all.findIndex(p => p.style === 'Heading1' && p.text === 'Executive summary')
    expect(all.slice(summaryStart + 1, summaryStart + 5).map(p => p.text)).toEqual([
      'Priority recommendations',
      'R1 Prohibit corporal punishment in all settings.',
      'Repeal the defence of reasonable chastisement.',
      'Articles 19, 37(a) · Priority',
    ])
    const start = all.findIndex(p => p.style === 'Heading1' && p.text === 'Summary of recommendations')
    const end = all.findIndex((p, i) => i > start && p.style === 'Heading1')
    const summary = all.slice(start + 1, end)
    expect(summary.filter(p => p.style === 'RecommendationGroup').map(p => p.text)).toEqual(['V. Violence against children', 'VI. Family environment and alternative care', 'Annex I. Data'])
    expect(summary.map(p => p.text).filter(t => /^[RQ]\d+ /.test(t)).map(t => t.split(' ')[0])).toEqual(['R1', 'R2', 'R3', 'R4'])
    // The annex comes last in the file, and its block keeps the number the summary gives it.
    expect(all.slice(end).some(p => p.text === 'R4 Publish disaggregated data every year.')).toBe(true)
  })

  it('links each label of the generated lists to the block’s bookmark, which sits on the label in its own section', () => {
    for (const name of ['_RefrViolence1', '_RefrViolence2', '_RefrCare1', '_RefrAnnex1']) expect(doc).toContain(`<w:bookmarkStart w:name="${name}"`)
    const links = [...doc.matchAll(/<w:hyperlink [^>]*w:anchor="(_Ref[^"]+)"[^>]*>(.*?)<\/w:hyperlink>/gs)].map(m => [m[1], xmlText(m[2]!)])
    // The priority list's R1, then the summary's R1–R4; the blocks' own labels are not links.
    expect(links).toEqual([['_RefrViolence1', 'R1'], ['_RefrViolence1', 'R1'], ['_RefrViolence2', 'R2'], ['_RefrCare1', 'R3'], ['_RefrAnnex1', 'R4']])
  })

  it('counts the generated lists’ words where they are shown, on the server and for the export alike', () => {
    const ydoc = reportYDoc(recommendationsReport())
    const summary = summarize(ydoc)
    const words = Object.fromEntries(summary.sections.map(s => [s.id, s.words]))
    const r1 = countWords('Prohibit corporal punishment in all settings. Repeal the defence of reasonable chastisement.')
    const all = r1 + countWords('Establish a child-friendly complaint mechanism.') + countWords('Close large residential institutions by 2030.') + countWords('Publish disaggregated data every year.')
    expect(words['sec-recs']).toBe(all)
    expect(words['sec-summary']).toBe(countWords('The coalition’s main concerns are violence and alternative care.') + r1)
    const exported = countReportWords(reportExportInput(ydoc))
    expect(Object.fromEntries(exported.sections.map(s => [s.id, s.words]))['sec-recs']).toBe(countWords('Summary of recommendations') + all)
  })
  it('takes a reviewed copy back onto the blocks themselves: the labels and articles lines written into the file are not read as changes', async () => {
    const doc = reportYDoc(recommendationsReport())
    const exported = (await exportDocx(reportExportInput(doc), { comments: true })).buffer
    const word = (await WordFile.open(exported))
      .trackDeletion('large residential', 'Lawyer (UNICEF)', 901)
      .comment('child-friendly complaint', 910, { author: 'Lawyer (UNICEF)', text: 'Which body runs it?' }, [])
    const mira = { id: 'u-mira', name: 'Mira Halden' }
    const file = await importDocx(await word.save(), {}, mira)
    let report!: ReturnType<typeof placeReviewed>
    doc.transact(() => {
      report = placeReviewed(doc, file, mira, 'secretariat')
    })
    expect(report).toMatchObject({ suggestions: 1, threads: 1, notPlaced: [] })
    expect(readSuggestions(doc.getXmlFragment(sectionFragmentName('sec-cluster-vi')), 'sec-cluster-vi').map(x => x.deleted)).toEqual(['large residential'])
    expect(readThreads(doc).map(t => [t.sectionId, t.quote])).toEqual([['sec-cluster-v', 'child-friendly complaint']])
  })
  it.skipIf(!hasSoffice())('reads back in LibreOffice with the labels, the articles lines and the summary in order (skipped without soffice)', async () => {
    const text = (await sofficeConvert(buffer, 'report.docx', 'txt:Text')).toString('utf8').replace(/\s+/g, ' ')
    let at = -1
    for (const expected of [
      'Priority recommendations', 'R1 Prohibit corporal punishment in all settings.',
      'V. Violence against children', 'R1 Prohibit corporal punishment', 'Articles 19, 37(a) · Priority', 'R2 Establish a child-friendly complaint mechanism.',
      'VI. Family environment', 'R3 Close large residential institutions by 2030.', 'Articles 20',
      'Summary of recommendations', 'R1 Prohibit', 'R2 Establish', 'R3 Close', 'Annex I. Data', 'R4 Publish disaggregated data every year.',
    ]) {
      const next = text.indexOf(expected, at + 1)
      expect(next, expected).toBeGreaterThan(at)
      at = next
    }
  }, 150_000)
})
