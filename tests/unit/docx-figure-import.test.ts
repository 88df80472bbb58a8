/**
 * Pictures in a Word file become figures: files made by LibreOffice and pandoc (tests/fixtures-gen),
 * and Chorus's own export read back. Each picture's bytes come with the result (stored by the
 * route), its size in Word is kept as the figure's width, its alt text (docPr descr) as alt, and a
 * caption paragraph next to it — Caption style, pandoc's Image Caption, or "Figure 1." text — as
 * the figure's caption without its label. What cannot be a figure is counted in one notice.
 */
import { describe, expect, it } from 'vitest'
import { chorusSchema } from '#shared/editor/extensions'
import { importDocx } from '../../server/docx/import/importDocx'
import { exportDocx } from '../../server/docx/export/exportDocx'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { placeReviewed } from '../../server/docx/import/placeReviewed'
import type { PMNode } from '../../server/docx/types'
import { fodt, fodtChart, fodtSizedPicture, libreOfficeDocx, pandocDocx, redSquarePng } from '../fixtures-gen/officeFiles'
import { reportYDoc, sampleMeta } from '../fixtures-gen/sampleReport'
import { figureReport } from '../fixtures-gen/figureReport'
import { makePng, sha256Hex } from '../fixtures-gen/testImages'

const outline = (doc: PMNode) => (doc.content ?? []).map(b => b.type === 'figure'
  ? `figure:${(b.content ?? []).map(n => n.text ?? '').join('')}`
  : `${b.type}:${(b.content ?? []).map(n => n.text ?? '').join('')}`)
const figures = (doc: PMNode) => (doc.content ?? []).filter(b => b.type === 'figure')

describe('a LibreOffice draft with pictures', async () => {
  const chartPng = makePng(400, 200, 3)
  const photoPng = makePng(100, 100, 5)
  const body = '<text:p>Intro text.</text:p>'
    + `<text:p>${fodtSizedPicture('Pic1', 'Bar chart of children in care', chartPng, 8)}</text:p>`
    + '<text:p text:style-name="Caption">Figure 1: Children in residential care, 2019–2024</text:p>'
    + `<text:p>Before the photo ${fodtSizedPicture('Pic2', 'A photo of a school', photoPng, 3)} after the photo.</text:p>`
    + `<text:p>${fodtChart('Chart1')}</text:p>`
    + '<text:p>Ordinary text after.</text:p>'
  const result = await importDocx(await libreOfficeDocx(fodt('', body)))

  it('makes each picture a figure in the schema, with its caption and the text around it kept', () => {
    expect(() => chorusSchema().nodeFromJSON(result.content).check()).not.toThrow()
    expect(outline(result.content)).toEqual([
      'paragraph:Intro text.',
      'figure:Children in residential care, 2019–2024',
      'paragraph:Before the photo ',
      'figure:',
      'paragraph: after the photo.',
      'paragraph:Ordinary text after.',
    ])
  })

  it('keeps alt text, the size shown in Word, and the natural size; the bytes come with the result', () => {
    const [chart, photo] = figures(result.content)
    expect(chart!.attrs).toMatchObject({ imageId: sha256Hex(chartPng), alt: 'Bar chart of children in care', width: 302, naturalWidth: 400, naturalHeight: 200, align: 'center' })
    // 3 cm = 113 px at 96 px to the inch.
    expect(photo!.attrs).toMatchObject({ imageId: sha256Hex(photoPng), alt: 'A photo of a school', width: 113, naturalWidth: 100, naturalHeight: 100 })
    expect(result.images.map(i => [i.sha256, i.mime, i.width, i.height])).toEqual([
      [sha256Hex(chartPng), 'image/png', 400, 200],
      [sha256Hex(photoPng), 'image/png', 100, 100],
    ])
    expect(sha256Hex(result.images[0]!.data)).toBe(sha256Hex(chartPng))
  })

  it('says the chart (a drawing, not a picture) was left out, and nothing about the pictures', () => {
    expect(result.notices).toEqual([{ code: 'charts-left-out', count: 1 }])
  })
})

describe('a pandoc draft with a captioned picture', async () => {
  const result = await importDocx(await pandocDocx('Intro.\n\n![Schools per region](square.png){width=3cm}\n\nAfter.\n'))

  it('takes pandoc\'s Image Caption as the caption, and says nothing about its styles', () => {
    expect(outline(result.content)).toEqual(['paragraph:Intro.', 'figure:Schools per region', 'paragraph:After.'])
    expect(figures(result.content)[0]!.attrs).toMatchObject({ imageId: sha256Hex(redSquarePng()), alt: 'Schools per region', width: 113, naturalWidth: 8 })
    expect(result.notices).toEqual([])
  })
})

describe('a Chorus export read back', async () => {
  const wide = makePng(1200, 600, 7)
  const small = makePng(200, 100, 8)
  const figure = (imageId: string, caption: string, width: number | null): PMNode => ({
    type: 'figure',
    attrs: { refId: null, imageId, alt: `Alt: ${caption}`, width, align: 'center', naturalWidth: null, naturalHeight: null },
    content: [{ type: 'text', text: caption }],
  })
  const { buffer } = await exportDocx({
    meta: sampleMeta(),
    comments: [],
    sections: [{ id: 'sec-a', title: 'Body', countsTowardLimit: true, content: { type: 'doc', content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Text before.' }] },
      figure(sha256Hex(wide), 'Children in residential care', null),
      figure(sha256Hex(small), 'Schools per region', 150),
    ] } }],
    images: {
      [sha256Hex(wide)]: { mime: 'image/png', width: 1200, height: 600, data: wide },
      [sha256Hex(small)]: { mime: 'image/png', width: 200, height: 100, data: small },
    },
  }, { numberedParagraphs: false })
  const result = await importDocx(buffer)

  it('gives back the figures with their captions (label and SEQ number taken off), alt text and width', () => {
    const found = figures(result.content)
    expect(found.map(f => (f.content ?? []).map(n => n.text).join(''))).toEqual(['Children in residential care', 'Schools per region'])
    expect(found.map(f => f.attrs)).toMatchObject([
      { imageId: sha256Hex(wide), alt: 'Alt: Children in residential care', width: null },
      { imageId: sha256Hex(small), alt: 'Alt: Schools per region', width: 150 },
    ])
    expect(result.notices.filter(n => n.code === 'images-left-out')).toEqual([])
  })
})

describe('a review copy with figures, back from Word unchanged', async () => {
  const input = figureReport(3)
  const doc = reportYDoc(input)
  const before = input.sections.map(s => s.id).map(id => JSON.stringify(reportExportInput(doc).sections.find(s => s.id === id)!.content))
  const exported = (await exportDocx({ ...reportExportInput(doc), images: input.images }, { comments: true })).buffer
  const file = await importDocx(exported, {}, { id: 'u-mira', name: 'Mira' })

  it('brings the figures back with their pictures, and places nothing new', () => {
    expect(before.join('').match(/"type":"figure"/g)).toHaveLength(3)
    expect(file.images.map(i => i.sha256).sort()).toEqual(Object.keys(input.images!).sort())
    let report!: ReturnType<typeof placeReviewed>
    doc.transact(() => {
      report = placeReviewed(doc, file, { id: 'u-mira', name: 'Mira' }, 'secretariat')
    })
    expect(report).toMatchObject({ suggestions: 0, threads: 0, replies: 0, notPlaced: [] })
    const after = input.sections.map(s => JSON.stringify(reportExportInput(doc).sections.find(x => x.id === s.id)!.content))
    expect(after).toEqual(before)
  })
})
