/**
 * Figures in the Word file: an inline picture at its size (aspect ratio kept, capped to the text
 * column), its alt text as the drawing's description, and a caption in Word's Caption style whose
 * number is a SEQ Figure field with the number cached; WebP typed as such in the package; a
 * missing picture is a placeholder with a warning, never a failed export. Read back from the XML, and through LibreOffice's PDF.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDocx } from '../../server/docx/export/exportDocx'
import { pictureSize } from '../../server/docx/export/nodes/figure'
import type { ExportInput, PMNode } from '../../server/docx/types'
import { numberJsonReport } from '../../shared/reportNumbering'
import { sampleMeta } from '../fixtures-gen/sampleReport'
import { docxParts, docxToPdf, hasSoffice, paragraphs, xmlText } from '../fixtures-gen/readDocx'
import { CHROMIUM_WEBP, makePng, sha256Hex } from '../fixtures-gen/testImages'

const run = promisify(execFile)
const EMU_PER_PX = 9525

const wide = makePng(1200, 600, 1)
const small = makePng(200, 100, 2)
const webp = CHROMIUM_WEBP
const ids = { wide: sha256Hex(wide), small: sha256Hex(small), webp: sha256Hex(webp), missing: 'f'.repeat(64) }

const figure = (imageId: string, caption: string, attrs: Record<string, unknown> = {}): PMNode => ({
  type: 'figure',
  attrs: { refId: null, imageId, alt: `Alt of ${caption}`, width: null, align: 'center', naturalWidth: null, naturalHeight: null, ...attrs },
  content: caption ? [{ type: 'text', text: caption }] : [],
})
const para = (text: string): PMNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })

function input(): ExportInput {
  return {
    meta: sampleMeta(),
    comments: [],
    sections: [
      { id: 'sec-a', title: 'Body', countsTowardLimit: true, content: { type: 'doc', content: [
        para('Before the figures.'),
        figure(ids.wide, 'Children in residential care, 2019–2024'),
        figure(ids.small, 'Schools per region', { width: 150, align: 'right' }),
        figure(ids.missing, 'A chart never uploaded'),
      ] } },
      { id: 'sec-b', title: 'Annex', countsTowardLimit: false, content: { type: 'doc', content: [para('Annex text.'), figure(ids.webp, 'A WebP photo', { align: 'left' })] } },
    ],
    images: {
      [ids.wide]: { mime: 'image/png', width: 1200, height: 600, data: wide },
      [ids.small]: { mime: 'image/png', width: 200, height: 100, data: small },
      [ids.webp]: { mime: 'image/webp', width: 40, height: 20, data: webp },
    },
  }
}

describe('DOCX export of figures', () => {
  let buffer: Buffer
  let warnings: string[]
  let doc: string
  let parts: Record<string, string>

  beforeAll(async () => {
    ;({ buffer, warnings } = await exportDocx(input(), { date: new Date('2027-02-15T12:00:00Z') }))
    parts = await docxParts(buffer)
    doc = parts['word/document.xml']!
  })

  it('writes each stored picture as an inline drawing with its bytes in the package', async () => {
    expect(doc.match(/<w:drawing>/g)).toHaveLength(3)
    expect(doc).toMatch(/<wp:inline/)
    expect(doc).not.toMatch(/<wp:anchor/)
    const zip = await JSZip.loadAsync(buffer)
    const media = Object.keys(zip.files).filter(n => n.startsWith('word/media/'))
    const stored = await Promise.all(media.map(async n => sha256Hex(await zip.file(n)!.async('uint8array'))))
    expect(stored.sort()).toEqual([ids.wide, ids.small, ids.webp].sort())
  })

  it('types the WebP picture as image/webp in the package (docx knows only PNG, JPEG, GIF, BMP)', async () => {
    const zip = await JSZip.loadAsync(buffer)
    const media = Object.keys(zip.files).filter(n => n.startsWith('word/media/'))
    const webpPart = (await Promise.all(media.map(async n => [n, sha256Hex(await zip.file(n)!.async('uint8array'))] as const))).find(([, sha]) => sha === ids.webp)![0]
    expect(parts['[Content_Types].xml']).toContain(`<Override PartName="/${webpPart}" ContentType="image/webp"/>`)
  })

  it('sizes a picture at its width, else its natural width capped to the column, keeping the aspect ratio', () => {
    const extents = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map(m => [Number(m[1]) / EMU_PER_PX, Number(m[2]) / EMU_PER_PX])
    expect(extents).toEqual([[604, 302], [150, 75], [40, 20]])
    expect(pictureSize({ width: 300, height: 200 }, null, 604)).toEqual({ width: 300, height: 200 })
  })

  it('fits a picture in a table cell to the cell', async () => {
    const cell = (content: PMNode[]): PMNode => ({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content })
    const table: ExportInput = { ...input(), sections: [{ id: 'sec-t', title: 'Table', countsTowardLimit: true, content: { type: 'doc', content: [
      { type: 'table', content: [{ type: 'tableRow', content: [cell([figure(ids.wide, 'In a cell')]), cell([para('Beside it.')])] }] },
    ] } }] }
    const xml = (await docxParts((await exportDocx(table)).buffer))['word/document.xml']!
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!.slice(1).map(n => Number(n) / EMU_PER_PX)
    // Half of the 9,070-twip text width, less the cell's 100-twip margins: 289 px, at the picture's 2:1.
    expect([cx, cy]).toEqual([289, 145])
  })

  it('gives the drawing the alt text as its description', () => {
    expect(doc).toMatch(/<wp:docPr [^>]*descr="Alt of Children in residential care, 2019–2024"/)
    expect(doc).toMatch(/<wp:docPr [^>]*descr="Alt of Schools per region"/)
  })

  it('aligns the picture and its caption, and keeps them together', () => {
    const ps = paragraphs(doc)
    const withDrawing = ps.filter(p => p.includes('<w:drawing>'))
    expect(withDrawing[0]).toMatch(/<w:jc w:val="center"\/>/)
    expect(withDrawing[1]).toMatch(/<w:jc w:val="right"\/>/)
    for (const p of withDrawing) expect(p).toContain('<w:keepNext/>')
  })

  it('captions each figure in the Caption style with a SEQ Figure field, numbered across the report', () => {
    const captions = paragraphs(doc).filter(p => p.includes('<w:pStyle w:val="Caption"/>'))
    expect(captions).toHaveLength(4)
    expect(captions.map(p => xmlText(p))).toEqual([
      'Figure 1. Children in residential care, 2019–2024',
      'Figure 2. Schools per region',
      'Figure 3. A chart never uploaded',
      'Figure 4. A WebP photo',
    ])
    for (const p of captions) expect(p).toMatch(/<w:fldSimple w:instr="SEQ Figure \\\* ARABIC"/)
    expect(parts['word/styles.xml']).toMatch(/<w:style w:type="paragraph" w:styleId="Caption"[^>]*>\s*<w:name w:val="caption"\/>/)
  })

  it('writes a placeholder with a warning for a missing picture, and still exports', () => {
    const text = paragraphs(doc).map(p => xmlText(p))
    expect(text).toContain('[Picture missing] Alt of A chart never uploaded')
    expect(warnings).toEqual([expect.stringMatching(/^A figure's picture is missing from the server/)])
  })

  it.skipIf(!hasSoffice())('opens in LibreOffice with the pictures and their captions', async () => {
    const pdf = await docxToPdf(buffer)
    const dir = mkdtempSync(join(tmpdir(), 'chorus-figpdf-'))
    try {
      writeFileSync(join(dir, 'out.pdf'), pdf)
      const { stdout: list } = await run('pdfimages', ['-list', join(dir, 'out.pdf')])
      const rows = list.trim().split('\n').slice(2).map(l => l.trim().split(/\s+/))
      // page num type width height …: the two pictures at their pixel sizes.
      expect(rows.map(r => `${r[3]}x${r[4]}`).sort()).toEqual(['1200x600', '200x100', '40x20'])
      const { stdout: text } = await run('pdftotext', ['-layout', join(dir, 'out.pdf'), '-'])
      expect(text).toContain('Figure 1. Children in residential care')
      expect(text).toContain('Figure 4. A WebP photo')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('a section holding only a picture', () => {
  it('is kept in the clean copy, and its figure numbered as the editor numbers it', async () => {
    const only: ExportInput = {
      meta: sampleMeta(),
      comments: [],
      sections: [
        { id: 'sec-e', title: 'Empty', countsTowardLimit: true, content: { type: 'doc', content: [{ type: 'paragraph' }] } },
        { id: 'sec-p', title: 'Photographs', countsTowardLimit: true, content: { type: 'doc', content: [figure(ids.small, '', { refId: 'fig1' })] } },
        { id: 'sec-t', title: 'Text', countsTowardLimit: true, content: { type: 'doc', content: [para('Words.'), figure(ids.small, 'Second', { refId: 'fig2' })] } },
      ],
      images: { [ids.small]: { mime: 'image/png', width: 200, height: 100, data: small } },
    }
    const { buffer } = await exportDocx(only, { date: new Date('2027-02-15T12:00:00Z') })
    const xml = (await docxParts(buffer))['word/document.xml']!
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2)
    expect(xmlText(xml)).toContain('Photographs')
    expect(xmlText(xml)).not.toContain('Empty')
    const numbers = numberJsonReport(only.sections, { numberedParagraphs: true })
    expect([numbers.byRefId.get('fig1')?.number, numbers.byRefId.get('fig2')?.number]).toEqual(['1', '2'])
  })
})
