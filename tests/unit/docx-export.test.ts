import { describe, expect, it, beforeAll } from 'vitest'
import type * as Y from 'yjs'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { decideSuggestion, deleteMessage, readThreads, setResolved } from '#shared/commentsDoc'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { exportDocx } from '../../server/docx/export/exportDocx'
import { countReportWords } from '../../server/docx/countReportWords'
import type { ExportInput, PMNode } from '../../server/docx/types'
import { reportYDoc, sampleReport } from '../fixtures-gen/sampleReport'
import { commentOn } from '../fixtures-gen/sampleComments'
import { docxParts, docxToPdf, hasSoffice, norm, pandocView, paragraphs, textblockTexts, xmlText } from '../fixtures-gen/readDocx'

const DATE = new Date('2027-02-15T12:00:00Z')

/** The sample report stored in a Y.Doc as the app does, read back as export input. */
function sampleFromYDoc(metaOverrides = {}): { doc: Y.Doc, input: ExportInput } {
  const doc = reportYDoc(sampleReport(metaOverrides))
  return { doc, input: reportExportInput(doc) }
}

describe('DOCX export of a report held in a Y.Doc', () => {
  let input: ExportInput
  let parts: Record<string, string>
  let buffer: Buffer
  let warnings: string[]

  beforeAll(async () => {
    input = sampleFromYDoc().input
    ;({ buffer, warnings } = await exportDocx(input, { date: DATE }))
    parts = await docxParts(buffer)
  })

  it('reads meta, sections and section bodies from the Y.Doc roots', () => {
    const original = sampleReport()
    expect(input.meta.title).toBe(original.meta.title)
    expect(input.sections.map(s => s.id)).toEqual(original.sections.map(s => s.id))
    expect(input.sections.map(s => s.countsTowardLimit)).toEqual([true, true, true, false])
    for (const [i, section] of input.sections.entries()) {
      expect(textblockTexts(section.content)).toEqual(textblockTexts(original.sections[i]!.content))
      expect(() => chorusSchema().nodeFromJSON(section.content).check()).not.toThrow()
    }
  })

  it('exports the sample without warnings', () => {
    expect(warnings).toEqual([])
  })

  it('lays out A4 pages with a page number field in the footer, none on the cover', () => {
    const doc = parts['word/document.xml']!
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(doc).toContain('<w:titlePg/>')
    const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, xml]) => xml)
    expect(footers.some(xml => /PAGE/.test(xml))).toBe(true)
    expect(footers.some(xml => !/PAGE/.test(xml))).toBe(true)
  })

  it('sets the document language and the core properties (title, creator = coalition, description)', () => {
    expect(parts['word/styles.xml']).toMatch(/<w:docDefaults>.*<w:lang w:val="en-GB"\/>/s)
    const core = parts['docProps/core.xml']!
    expect(core).toContain(`<dc:title>${input.meta.title}</dc:title>`)
    expect(core).toContain('<dc:creator>Arcadian Coalition for Child Rights</dc:creator>')
    expect(core).toMatch(/<dc:description>Alternative report — Committee on the Rights of the Child/)
  })

  it('writes the cover page from meta, then starts the contents on a new page', () => {
    const doc = parts['word/document.xml']!
    const beforeToc = xmlText(doc.slice(0, doc.indexOf('TOCHeading')))
    const m = input.meta
    let at = -1
    for (const expected of [m.treatyBody, m.session, m.title, m.stateParty, m.coalition, ...m.members, m.contact, '15 February 2027', 'consent to the publication']) {
      const next = beforeToc.indexOf(expected)
      expect(next, expected).toBeGreaterThan(at)
      at = next
    }
    expect(paragraphs(doc).find(p => p.includes('TOCHeading'))).toContain('<w:pageBreakBefore/>')
  })

  it('writes a TOC field over Heading 1–3 whose entries are already in the file, and asks Word to update fields on opening', () => {
    const doc = parts['word/document.xml']!
    expect(doc).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/)
    const toc = doc.slice(doc.indexOf('TOC \\h'), doc.indexOf('<w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent>'))
    const entries = paragraphs(`<w:p>${toc}`).map(p => norm(xmlText(p).replace(/\d+$/, '')))
    const headings = paragraphs(doc).filter(p => /<w:pStyle w:val="Heading[123]"\/>/.test(p)).map(p => norm(xmlText(p)))
    expect(headings.length).toBeGreaterThan(10)
    expect(entries).toEqual(headings)
    expect(parts['word/settings.xml']).toMatch(/<w:updateFields(?: w:val="true")?\/>/)
  })

  it('uses Word heading styles: section titles Heading 1, section headings 2 → Heading 2, 3 and 4 → Heading 3', () => {
    const doc = parts['word/document.xml']!
    const styleOf = (text: string) => paragraphs(doc).find(p => xmlText(p) === text)?.match(/<w:pStyle w:val="([^"]+)"/)?.[1]
    expect(styleOf('V. Violence against children')).toBe('Heading1')
    expect(styleOf('Annex I. Contributing organisations')).toBe('Heading1')
    expect(styleOf('B. Proposed recommendations')).toBe('Heading2')
    expect(styleOf('Evidence gathered by the coalition')).toBe('Heading3')
    // The heading styles are Word's own (outline levels), so the navigation pane lists them.
    expect(parts['word/styles.xml']).toMatch(/w:styleId="Heading1".*?<w:name w:val="heading 1"\/>.*?<w:outlineLvl w:val="0"\/>/is)
  })

  it('numbers body paragraphs 1., 2., 3. … with one numbering instance across sections; not headings, lists, tables, footnotes or annexes', () => {
    const doc = parts['word/document.xml']!
    const numbering = parts['word/numbering.xml']!
    const abstractId = numbering.match(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>(?:(?!<\/w:abstractNum>).)*?<w:lvlText w:val="%1\."\/>(?:(?!<\/w:abstractNum>).)*?<w:ind w:left="567" w:hanging="567"\/>/s)?.[1]
    expect(abstractId).toBeDefined()
    const numIds = [...numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*><w:abstractNumId w:val="(\d+)"\/>/g)].filter(m => m[2] === abstractId).map(m => m[1])
    expect(numIds).toHaveLength(1)
    const numbered = paragraphs(doc).filter(p => p.includes(`<w:numId w:val="${numIds[0]}"/>`)).map(p => norm(xmlText(p)))
    // Expected: the non-empty top-level paragraphs of the counted sections, in order.
    const expected = input.sections.filter(s => s.countsTowardLimit).flatMap(s => (s.content.content ?? []).filter(b => b.type === 'paragraph' && b.content?.length).map(b => textblockTexts(b)[0]))
    expect(numbered).toEqual(expected)
    const annexTexts = textblockTexts(input.sections[3]!.content)
    expect(numbered.some(t => annexTexts.includes(t))).toBe(false)
  })

  it('gives each ordered list its own numbering instance (so it restarts) and nested lists a deeper level', () => {
    const doc = parts['word/document.xml']!
    const numOf = (text: string) => {
      const p = paragraphs(doc).find(x => xmlText(x) === text)!
      return { numId: p.match(/<w:numId w:val="(\d+)"\/>/)?.[1], ilvl: p.match(/<w:ilvl w:val="(\d+)"\/>/)?.[1] }
    }
    const first = numOf('What budget is allocated to the strategy?')
    const nested = numOf('in the home;')
    expect(first.ilvl).toBe('0')
    expect(nested.ilvl).toBe('1')
    expect(nested.numId).not.toBe(first.numId)
    // The same list text appears in two sections: two instances, so both start at 1.
    const instances = paragraphs(doc).filter(p => xmlText(p) === 'What budget is allocated to the strategy?').map(p => p.match(/<w:numId w:val="(\d+)"\/>/)?.[1])
    expect(new Set(instances).size).toBe(2)
    const bullets = paragraphs(doc).filter(p => xmlText(p) === 'pre-trial detention facilities;').map(p => p.match(/<w:numId w:val="(\d+)"\/>/)?.[1])
    expect(parts['word/numbering.xml']).toMatch(/<w:numFmt w:val="bullet"\/>/)
    expect(bullets[0]).toBeDefined()
  })

  it('writes real footnotes, numbered in reference order across the report, with links and emphasis', () => {
    const doc = parts['word/document.xml']!
    const notes = parts['word/footnotes.xml']!
    const refIds = [...doc.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map(m => Number(m[1]))
    expect(refIds).toEqual([1, 2, 3, 4, 5, 6])
    const noteTexts = [...notes.matchAll(/<w:footnote w:id="(\d+)">(.*?)<\/w:footnote>/gs)].filter(m => Number(m[1]) > 0).map(m => norm(xmlText(m[2]!)))
    expect(noteTexts).toHaveLength(6)
    expect(noteTexts[0]).toBe('CRC/C/ARC/CO/4, para. 31; see also the OHCHR database, accessed 1 March 2027.')
    expect(notes).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"/)
    expect(notes).toMatch(/<w:i\/>/)
    expect(parts['word/_rels/footnotes.xml.rels']).toContain('https://tbinternet.ohchr.org/')
  })

  it('writes tables with borders and a header row that repeats on each page', () => {
    const doc = parts['word/document.xml']!
    const table = doc.match(/<w:tbl>.*?<\/w:tbl>/s)![0]
    expect(table).toMatch(/<w:tblBorders>.*<w:insideH w:val="single"/s)
    const rows = table.match(/<w:tr>.*?<\/w:tr>/gs)!
    expect(rows).toHaveLength(4)
    expect(rows[0]).toContain('<w:tblHeader/>')
    expect(rows[1]).not.toContain('<w:tblHeader/>')
    expect(xmlText(rows[3]!)).toBe('201950188Ombudsman annual report')
  })

  it('writes hyperlinks, bold, italic, underline, strike, blockquote and hard breaks as Word does', async () => {
    const input: ExportInput = {
      meta: sampleReport().meta,
      comments: [],
      sections: [{ id: 'sec-marks', title: 'Marks', countsTowardLimit: true, content: { type: 'doc', content: [
        { type: 'paragraph', content: [
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] }, { type: 'text', text: ' ' },
          { type: 'text', text: 'italic', marks: [{ type: 'italic' }] }, { type: 'text', text: ' ' },
          { type: 'text', text: 'under', marks: [{ type: 'underline' }] }, { type: 'text', text: ' ' },
          { type: 'text', text: 'struck', marks: [{ type: 'strike' }] }, { type: 'hardBreak' },
          { type: 'text', text: 'OHCHR', marks: [{ type: 'link', attrs: { href: 'https://www.ohchr.org/' } }] }, { type: 'text', text: ' ' },
          { type: 'text', text: 'evil', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
        ] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted words.' }] }] },
      ] } }],
    }
    const { buffer, warnings } = await exportDocx(input, { date: DATE })
    const p = await docxParts(buffer)
    const doc = p['word/document.xml']!
    const run = (text: string) => doc.match(new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t xml:space="preserve">${text}</w:t></w:r>`, 's'))![0]
    expect(run('bold')).toContain('<w:b/>')
    expect(run('italic')).toContain('<w:i/>')
    expect(run('under')).toMatch(/<w:u w:val="single"\/>/)
    expect(run('struck')).toContain('<w:strike/>')
    expect(doc).toContain('<w:br/>')
    expect(doc).toMatch(/<w:hyperlink [^>]*>(?:(?!<\/w:hyperlink>).)*OHCHR/s)
    expect(p['word/_rels/document.xml.rels']).toContain('Target="https://www.ohchr.org/"')
    expect(Object.values(p).join('')).not.toContain('javascript:')
    expect(xmlText(doc)).toContain('evil')
    expect(warnings.some(w => /refused address/.test(w))).toBe(true)
    expect(paragraphs(doc).find(x => xmlText(x) === 'Quoted words.')).toContain('<w:pStyle w:val="ChorusQuote"/>')
  })

  it('writes an unknown node as its text with a warning instead of failing', async () => {
    const content: PMNode = { type: 'doc', content: [
      { type: 'callout', attrs: { tone: 'info' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Inside a callout.' }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Energy ' }, { type: 'mathInline', content: [{ type: 'text', text: 'E = mc²' }] }, { type: 'text', text: ' today.', marks: [{ type: 'sparkle' }] }] },
    ] }
    const { buffer, warnings } = await exportDocx({ meta: sampleReport().meta, comments: [], sections: [{ id: 'sec-odd', title: 'Odd', countsTowardLimit: true, content }] }, { date: DATE })
    const doc = (await docxParts(buffer))['word/document.xml']!
    expect(xmlText(doc)).toContain('Inside a callout.')
    expect(xmlText(doc)).toContain('Energy E = mc² today.')
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/Unsupported block “callout”/),
      expect.stringMatching(/Unsupported inline node “mathInline”/),
      expect.stringMatching(/Unsupported mark “sparkle”/),
    ]))
  })

  it('can be read back by pandoc with the text of every paragraph, heading, table cell and footnote of the Y.Doc', async () => {
    const view = await pandocView(buffer)
    const expected = [...input.sections.map(s => norm(s.title)), ...input.sections.flatMap(s => textblockTexts(s.content))]
    const missing = expected.filter(text => !view.texts.has(text))
    expect(missing).toEqual([])
    expect(view.notes).toBe(6)
    expect(view.tables).toBe(1)
    expect(view.headers.filter(([level]) => level === 1).map(([, t]) => t)).toEqual(input.sections.map(s => s.title))
  }, 30_000)

  it.skipIf(!hasSoffice())('opens in LibreOffice and converts to a non-empty PDF (skipped when soffice is not installed)', async () => {
    const pdf = await docxToPdf(buffer)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(10_000)
  }, 120_000)
})

describe('DOCX export options', () => {
  it('numbers no paragraph when numberedParagraphs is off', async () => {
    const { input } = sampleFromYDoc()
    const { buffer } = await exportDocx(input, { numberedParagraphs: false, date: DATE })
    const p = await docxParts(buffer)
    const ids = [...p['word/numbering.xml']!.matchAll(/<w:lvlText w:val="%1\."\/>/g)]
    expect(ids.length).toBeGreaterThan(0)
    const numbered = paragraphs(p['word/document.xml']!).filter(x => /<w:numPr>/.test(x) && !/ListParagraph/.test(x))
    expect(numbered).toEqual([])
  })

  it('puts annexes after the body even when stored before it', async () => {
    const { input } = sampleFromYDoc()
    input.sections.unshift(input.sections.pop()!)
    const { buffer } = await exportDocx(input, { date: DATE, tocPageNumbers: false })
    const doc = (await docxParts(buffer))['word/document.xml']!
    const titles = paragraphs(doc).filter(p => p.includes('<w:pStyle w:val="Heading1"/>')).map(xmlText)
    expect(titles).toEqual(['Executive summary', 'V. Violence against children', 'VI. Family environment and alternative care', 'Annex I. Contributing organisations'])
    expect(paragraphs(doc).find(p => p.includes('Heading1') && xmlText(p) === 'Annex I. Contributing organisations')).toContain('<w:pageBreakBefore/>')
  })

  it('writes the cover in the report language and marks a confidential report as such', async () => {
    const { input } = sampleFromYDoc({ language: 'fr', confidentiality: 'confidential' })
    const { buffer } = await exportDocx(input, { date: DATE })
    const p = await docxParts(buffer)
    expect(p['word/styles.xml']).toContain('<w:lang w:val="fr-FR"/>')
    const text = xmlText(p['word/document.xml']!)
    expect(text).toContain('CONFIDENTIEL')
    expect(text).toContain('15 février 2027')
    expect(text).toContain('Table des matières')
    expect(text).toContain('ne consentent pas à sa publication')
  })
})

describe('DOCX export of comments', () => {
  const ana = { id: 'u-ana', name: 'Ana Ruiz' }
  const ben = { id: 'u-ben', name: 'Ben Okafor' }
  const T0 = 1_800_000_000_000

  /** The Word comments of a review copy: id, author and text of each. */
  async function wordComments(doc: Y.Doc): Promise<Array<{ id?: string, author?: string, text: string }>> {
    const { buffer, warnings } = await exportDocx(reportExportInput(doc), { comments: true, date: DATE })
    expect(warnings).toEqual([])
    const comments = (await docxParts(buffer))['word/comments.xml'] ?? ''
    return [...comments.matchAll(/<w:comment ([^>]*)>(.*?)<\/w:comment>/gs)].map(m => ({ id: m[1]!.match(/w:id="(\d+)"/)?.[1], author: m[1]!.match(/w:author="([^"]*)"/)?.[1], text: xmlText(m[2]!) }))
  }

  it('writes open threads as Word comments on their text, replies as threaded replies; resolved threads are left out', async () => {
    const doc = reportYDoc(sampleReport())
    const t1 = commentOn(doc, 'sec-cluster-v', 'No budget line', { author: ana, body: 'Which budget year?', now: T0, replies: [
      { author: ben, body: 'The 2026 law.', now: T0 + 100_000 },
      { author: ben, body: 'deleted', now: T0 + 200_000 },
    ] })
    deleteMessage(doc, t1, readThreads(doc).find(t => t.id === t1)!.replies[1]!.id)
    const t2 = commentOn(doc, 'sec-cluster-v', 'pre-trial detention', { author: ana, body: 'Name them.', suggestion: 'police custody', now: T0 + 1 })
    const t3 = commentOn(doc, 'sec-summary', 'key recommendations', { author: ana, body: 'Done.', now: T0 + 2 })
    setResolved(doc, t3, true, ben.id)
    const input = reportExportInput(doc)
    expect(input.comments.map(c => c.id)).toEqual([t1, t2])

    const { buffer, warnings } = await exportDocx(input, { comments: true, date: DATE })
    expect(warnings).toEqual([])
    const p = await docxParts(buffer)
    expect(await wordComments(doc)).toEqual([
      { id: '0', author: 'Ana Ruiz', text: 'Which budget year?' },
      { id: '1', author: 'Ben Okafor', text: 'The 2026 law.' },
      { id: '2', author: 'Ana Ruiz', text: 'Name them.Suggested replacement: “police custody”' },
    ])
    expect(p['word/commentsExtended.xml']).toMatch(/w15:paraIdParent=/)
    const body = p['word/document.xml']!
    const ranged = (id: string) => xmlText(body.slice(body.indexOf(`<w:commentRangeStart w:id="${id}"/>`), body.indexOf(`<w:commentRangeEnd w:id="${id}"/>`)))
    expect(ranged('0')).toBe('No budget line')
    expect(ranged('1')).toBe('No budget line')
    expect(ranged('2')).toBe('pre-trial detention')
    expect(body).toContain('<w:commentReference w:id="2"/>')
  })

  it('puts an open suggested replacement in the review copy, and leaves out threads whose suggestion was accepted or rejected', async () => {
    const doc = reportYDoc(sampleReport())
    commentOn(doc, 'sec-cluster-v', 'pre-trial detention', { author: ana, body: 'Name them.', suggestion: 'police custody', now: T0 })
    const accepted = commentOn(doc, 'sec-cluster-v', 'No budget line', { author: ana, body: 'Softer.', suggestion: 'No dedicated budget line', now: T0 + 1 })
    const rejected = commentOn(doc, 'sec-summary', 'key recommendations', { author: ana, body: 'Shorter.', suggestion: 'main recommendations', now: T0 + 2 })
    doc.transact(() => decideSuggestion(doc, accepted, { status: 'accepted', userId: ben.id }))
    doc.transact(() => decideSuggestion(doc, rejected, { status: 'rejected', userId: ben.id, reason: 'Keep it' }))
    expect(readThreads(doc).map(t => t.status)).toEqual(['open', 'accepted', 'rejected'])
    expect(await wordComments(doc)).toEqual([
      { id: '0', author: 'Ana Ruiz', text: 'Name them.Suggested replacement: “police custody”' },
    ])
  })

  it('attaches a thread whose text was deleted to the start of its section, quoting the removed text', async () => {
    const doc = reportYDoc(sampleReport())
    commentOn(doc, 'sec-summary', 'key recommendations', { author: ana, body: 'Add them here.' })
    // Delete the second paragraph of the section (which holds the commented words).
    doc.getXmlFragment(sectionFragmentName('sec-summary')).delete(1, 1)
    const input = reportExportInput(doc)
    const { buffer } = await exportDocx(input, { comments: true, date: DATE })
    const p = await docxParts(buffer)
    const title = paragraphs(p['word/document.xml']!).find(x => xmlText(x) === 'Executive summary')!
    expect(title).toMatch(/<w:commentRangeStart w:id="0"\/>.*<w:commentRangeEnd w:id="0"\/>/s)
    expect(xmlText(p['word/comments.xml']!)).toContain('On text since removed: “key recommendations”Add them here.')
  })

  it('carries threads given in the export input through the stored document and back', () => {
    const input = sampleReport()
    const from = 6 // "alter" in "This alternative report…"
    input.comments = [{ id: 'ignored', sectionId: 'sec-summary', from, to: from + 5, quote: 'alter', authorName: 'Ana Ruiz', createdAt: T0, body: 'Why?', suggestion: 'other', replies: [{ id: 'r', authorName: 'Ben Okafor', createdAt: T0 + 1, body: 'Because.' }] }]
    const [comment] = reportExportInput(reportYDoc(input)).comments
    expect(comment).toMatchObject({ sectionId: 'sec-summary', from, to: from + 5, quote: 'alter', authorName: 'Ana Ruiz', body: 'Why?', suggestion: 'other', replies: [{ authorName: 'Ben Okafor', body: 'Because.' }] })
  })

  it('writes no comments part unless asked', async () => {
    const doc = reportYDoc(sampleReport())
    commentOn(doc, 'sec-cluster-v', 'No budget line', { author: ana, body: 'x' })
    const { buffer } = await exportDocx(reportExportInput(doc), { date: DATE })
    const p = await docxParts(buffer)
    expect(p['word/document.xml']).not.toContain('commentRangeStart')
    expect(p['word/comments.xml'] ?? '').not.toContain('<w:comment ')
  })
})

describe('report word count', () => {
  it('counts titles, text and footnotes of counted sections, excludes annexes, and flags a report over its limit', () => {
    const input = sampleReport()
    const count = countReportWords(input)
    expect(count.sections.map(s => s.id)).toEqual(['sec-summary', 'sec-cluster-v', 'sec-cluster-vi'])
    expect(count.sections[0]!.words).toBe(2 + 25 + 15)
    expect(count.words).toBe(count.sections.reduce((n, s) => n + s.words, 0))
    expect(count.overLimit).toBe(false)
    const over = countReportWords({ ...input, meta: { ...input.meta, wordLimit: 100 } })
    expect(over).toMatchObject({ limit: 100, overLimit: true })
  })
})
