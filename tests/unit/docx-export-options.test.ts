/**
 * The Word file needs no hand work: superscript/subscript and page breaks as Word has them, empty
 * sections left out of the clean copy, a confidentiality line in every page's header, the cover
 * dated with the submission date, and justified lines before a manual line break not stretched.
 * Checked on the XML and on LibreOffice's own reading (PDF → pdftotext).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportDocx } from '../../server/docx/export/exportDocx'
import { importDocx } from '../../server/docx/import/importDocx'
import { reportExportInput } from '../../server/docx/fromYDoc'
import type { ExportInput, PMNode } from '../../server/docx/types'
import { docxParts, docxToPdf, paragraphs, xmlText } from '../fixtures-gen/readDocx'
import { pdfText } from '../fixtures-gen/officeFiles'
import { reportYDoc, sampleMeta } from '../fixtures-gen/sampleReport'

const run = promisify(execFile)
const text = (s: string, marks?: string[]): PMNode => marks ? { type: 'text', text: s, marks: marks.map(type => ({ type })) } : { type: 'text', text: s }
const p = (...content: PMNode[]): PMNode => content.length ? { type: 'paragraph', content } : { type: 'paragraph' }

/** Long enough to fill justified lines of an A4 page in Times New Roman 12 pt. */
const LONG = 'The Committee recommends that the State party strengthen the collection of data on violence against children in all settings and publish them every year'

function report(metaOverrides: Parameters<typeof sampleMeta>[0] = {}): ExportInput {
  return {
    meta: sampleMeta(metaOverrides),
    sections: [
      { id: 'sec-data', title: 'Data', countsTowardLimit: true, content: { type: 'doc', content: [
        p(text('An area of 12 km'), text('2', ['superscript']), text(' and H'), text('2', ['subscript']), text('O emissions.')),
        p(text('Before the break.')),
        { type: 'pageBreak' },
        p(text('After the break.')),
        p(text(LONG + ','), { type: 'hardBreak' }, text('the line after a manual break.')),
      ] } },
      // A template's cluster nobody wrote.
      { id: 'sec-empty', title: 'VII. Disability, basic health and welfare', countsTowardLimit: true, content: { type: 'doc', content: [p(), { type: 'pageBreak' }, p()] } },
      { id: 'sec-last', title: 'VIII. Education', countsTowardLimit: true, content: { type: 'doc', content: [p(text('Schools.')), { type: 'pageBreak' }] } },
    ],
    comments: [],
  }
}

describe('export: marks, page breaks and options', async () => {
  const clean = await exportDocx(report({ confidentiality: 'confidential', submissionDate: '2027-02-15' }))
  const parts = await docxParts(clean.buffer)
  const body = parts['word/document.xml']!

  it('writes superscript and subscript as w:vertAlign', () => {
    expect(clean.warnings).toEqual([])
    expect(body).toMatch(/<w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:t[^>]*>2<\/w:t>/)
    expect(body).toMatch(/<w:rPr><w:vertAlign w:val="subscript"\/><\/w:rPr><w:t[^>]*>2<\/w:t>/)
  })

  it('writes a page break as "page break before" on the next paragraph, and as a break at a section’s end', () => {
    const after = paragraphs(body).find(x => xmlText(x) === 'After the break.')!
    expect(after).toContain('<w:pageBreakBefore/>')
    const before = paragraphs(body).find(x => xmlText(x) === 'Before the break.')!
    expect(before).not.toContain('pageBreak')
    const schools = paragraphs(body).findIndex(x => xmlText(x) === 'Schools.')
    expect(paragraphs(body)[schools + 1]).toContain('<w:br w:type="page"/>')
  })

  it('leaves empty sections out of the clean copy (body and contents) and keeps them in the review copy', async () => {
    expect(body).not.toContain('VII. Disability')
    expect(body).toContain('VIII. Education')
    const review = await docxParts((await exportDocx(report(), { comments: true })).buffer)
    expect(review['word/document.xml']).toContain('VII. Disability')
    const kept = await docxParts((await exportDocx(report(), { skipEmptySections: false })).buffer)
    expect(kept['word/document.xml']).toContain('VII. Disability')
  })

  it('puts a confidentiality line in the header of every page, the cover’s included, only when confidential', async () => {
    const headerRefs = [...body.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map(m => m[1])
    expect(headerRefs.sort()).toEqual(['default', 'first'])
    const headers = Object.entries(parts).filter(([name]) => /^word\/header\d+\.xml$/.test(name))
    expect(headers.length).toBeGreaterThanOrEqual(2)
    for (const [, xml] of headers) expect(xmlText(xml)).toBe('Confidential — not for publication')
    const pub = await docxParts((await exportDocx(report())).buffer)
    expect(pub['word/document.xml']).not.toContain('headerReference')
    const off = await docxParts((await exportDocx(report({ confidentiality: 'confidential' }), { confidentialHeader: false })).buffer)
    expect(off['word/document.xml']).not.toContain('headerReference')
  })

  it('dates the cover with the submission date, not the day of export', async () => {
    expect(body).toContain('15 February 2027')
    const undated = await docxParts((await exportDocx(report())).buffer)
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date())
    expect(undated['word/document.xml']).toContain(today)
  })

  it('tells Word not to stretch a justified line that ends in a manual line break', () => {
    expect(parts['word/settings.xml']).toContain('<w:doNotExpandShiftReturn/>')
  })

  it('comes back from its own import with the marks and the page break', async () => {
    const { content } = await importDocx(clean.buffer)
    const flat = JSON.stringify(content)
    expect(flat).toContain('{"type":"text","marks":[{"type":"superscript"}],"text":"2"}')
    expect(flat).toContain('{"type":"text","marks":[{"type":"subscript"}],"text":"2"}')
    const blocks = (content.content ?? []).map(b => b.type === 'pageBreak' ? 'pageBreak' : JSON.stringify(b).includes('After the break.') ? 'after' : JSON.stringify(b).includes('Before the break.') ? 'before' : '')
    const after = blocks.indexOf('after')
    expect(blocks.slice(after - 2, after + 1)).toEqual(['before', 'pageBreak', 'after'])
  })

  it('reads the same in the Y.Doc route: a stored report with the new marks and node exports without warnings', async () => {
    const input = reportExportInput(reportYDoc(report()))
    const { warnings } = await exportDocx(input)
    expect(warnings).toEqual([])
  })
})

/** Each word of each page of a PDF with its box (pdftotext -bbox-layout), lines kept. */
async function pdfLines(pdf: Buffer): Promise<Array<{ page: number, text: string, xMax: number }>> {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-bbox-'))
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf)
    const { stdout } = await run('pdftotext', ['-bbox-layout', join(dir, 'in.pdf'), '-'], { maxBuffer: 64 * 1024 * 1024 })
    const out: Array<{ page: number, text: string, xMax: number }> = []
    stdout.split('<page ').slice(1).forEach((page, i) => {
      for (const line of page.split('<line ').slice(1)) {
        const words = [...line.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
        if (words.length) out.push({ page: i, text: words.map(w => w[2]).join(' '), xMax: Math.max(...words.map(w => Number(w[1]))) })
      }
    })
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The same .docx with `w:doNotExpandShiftReturn` taken out of its settings. */
async function withoutCompat(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer)
  const settings = await zip.file('word/settings.xml')!.async('string')
  zip.file('word/settings.xml', settings.replace('<w:doNotExpandShiftReturn/>', ''))
  return zip.generateAsync({ type: 'nodebuffer' })
}

describe('export: LibreOffice’s reading', async () => {
  const { buffer } = await exportDocx(report({ confidentiality: 'confidential', submissionDate: '2027-02-15' }))
  const pdf = await docxToPdf(buffer)
  const pages = (await pdfText(pdf)).split('\f').filter(page => page.trim())

  it('prints the confidentiality line on every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4)
    for (const page of pages) expect(page.toUpperCase()).toContain('CONFIDENTIAL — NOT FOR PUBLICATION')
  })

  it('starts a new page at the page break, and leaves the empty section out', () => {
    const before = pages.findIndex(page => page.includes('Before the break.'))
    const after = pages.findIndex(page => page.includes('After the break.'))
    expect(before).toBeGreaterThan(0)
    expect(after).toBe(before + 1)
    expect(pages.join('\n')).not.toContain('Disability')
    expect(pages[0]).toContain('15 February 2027')
  })

  it('does not stretch the justified line before a manual line break (and would without the setting)', async () => {
    const lines = await pdfLines(pdf)
    const stretchedLines = await pdfLines(await docxToPdf(await withoutCompat(buffer)))
    // The line that ends "…every year," before the break, and a full justified line for the margin.
    const lastBeforeBreak = (all: typeof lines) => all.find(l => l.text.endsWith('year,'))!
    const margin = Math.max(...lines.map(l => l.xMax))
    const kept = lastBeforeBreak(lines)
    const stretched = lastBeforeBreak(stretchedLines)
    expect(stretched.xMax).toBeGreaterThan(margin - 2)
    expect(kept.xMax).toBeLessThan(margin - 20)
  }, 120_000)
})
