/**
 * Word drafts made by LibreOffice and pandoc, imported: what the schema can hold is kept
 * (superscript and subscript — LibreOffice's raised and lowered text too —, page breaks, endnotes
 * as footnotes) and what it cannot is said once per kind, with a count, in plain words.
 */
import { describe, expect, it } from 'vitest'
import { chorusSchema } from '#shared/editor/extensions'
import { IMPORT_NOTICES } from '#shared/importNotices'
import { importDocx } from '../../server/docx/import/importDocx'
import type { PMNode } from '../../server/docx/types'
import { fodt, fodtChart, fodtEquation, fodtPicture, fodtShape, libreOfficeDocx, pandocDocx } from '../fixtures-gen/officeFiles'

/** The top-level blocks as short strings: `p:text`, `h2:text`, `pageBreak`. */
function outline(doc: PMNode): string[] {
  const text = (n: PMNode): string => n.type === 'text' ? n.text ?? '' : n.type === 'footnoteReference' ? '†' : (n.content ?? []).map(text).join('')
  return (doc.content ?? []).filter(b => b.type !== 'footnotes').map(b => b.type === 'pageBreak' ? 'pageBreak' : b.type === 'heading' ? `h${b.attrs!.level}:${text(b)}` : `${b.type === 'paragraph' ? 'p' : b.type}:${text(b)}`)
}

/** Text nodes carrying a mark, as "text" strings. */
function marked(doc: PMNode, mark: string): string[] {
  const out: string[] = []
  const walk = (n: PMNode) => {
    if (n.type === 'text' && n.marks?.some(m => m.type === mark)) out.push(n.text!)
    n.content?.forEach(walk)
  }
  walk(doc)
  return out
}

const LIBREOFFICE_STYLES = `
  <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
  <style:style style:name="Sub" style:family="text"><style:text-properties style:text-position="sub 58%"/></style:style>
  <style:style style:name="Raised" style:family="text"><style:text-properties style:text-position="20% 100%"/></style:style>
  <style:style style:name="Lowered" style:family="text"><style:text-properties style:text-position="-15% 80%"/></style:style>
  <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>`

const LIBREOFFICE_BODY = `
  <text:h text:outline-level="1">Data on violence</text:h>
  <text:p>An area of 12 km<text:span text:style-name="Sup">2</text:span> and H<text:span text:style-name="Sub">2</text:span>O.</text:p>
  <text:p>The 1<text:span text:style-name="Raised">st</text:span> report, x<text:span text:style-name="Lowered">i</text:span> lowered.</text:p>
  <text:p>A claim with an endnote<text:note text:id="e1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Endnote source, 2023.</text:p></text:note-body></text:note> and another<text:note text:id="e2" text:note-class="endnote"><text:note-citation>ii</text:note-citation><text:note-body><text:p>Second endnote.</text:p></text:note-body></text:note> and a footnote<text:note text:id="f1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Footnote source.</text:p></text:note-body></text:note>.</text:p>
  <text:p text:style-name="Break">After a page break.</text:p>
  <text:p>Charts: ${fodtChart('c1')} and ${fodtChart('c2')}; a picture ${fodtPicture('p1', 'Red square')}; an equation ${fodtEquation('m1')}; a shape ${fodtShape()}.</text:p>
  <text:p>Line one<text:line-break/>line two.</text:p>`

describe('a LibreOffice draft', async () => {
  const file = await libreOfficeDocx(fodt(LIBREOFFICE_STYLES, LIBREOFFICE_BODY))
  const { content, notices, warnings } = await importDocx(file)

  it('is a body the schema accepts', () => {
    expect(() => chorusSchema().nodeFromJSON(content).check()).not.toThrow()
  })

  it('keeps superscript and subscript, LibreOffice’s raised and lowered text included', () => {
    expect(marked(content, 'superscript')).toEqual(['2', 'st'])
    expect(marked(content, 'subscript')).toEqual(['2', 'i'])
  })

  it('keeps the page break where it was (LibreOffice writes it at the end of the paragraph before)', () => {
    expect(outline(content).slice(0, 5)).toEqual([
      'h2:Data on violence',
      'p:An area of 12 km2 and H2O.',
      'p:The 1st report, xi lowered.',
      'p:A claim with an endnote† and another† and a footnote†.',
      'pageBreak',
    ])
    expect(outline(content)[5]).toBe('p:After a page break.')
    expect(outline(content).filter(b => b === 'pageBreak')).toHaveLength(1)
  })

  it('turns endnotes into footnotes, in reference order, and says so once with the count', () => {
    const notes = content.content!.find(b => b.type === 'footnotes')!.content!
    expect(notes.map(n => n.content![0]!.content![0]!.text)).toEqual(['Endnote source, 2023.', 'Second endnote.', 'Footnote source.'])
    expect(notices.filter(n => n.code === 'endnotes-as-footnotes')).toEqual([{ code: 'endnotes-as-footnotes', count: 2 }])
  })

  it('says once per kind, with a count, what it could not import — in plain words', () => {
    expect(notices).toEqual(expect.arrayContaining([
      { code: 'charts-left-out', count: 2 },
      { code: 'equations-left-out', count: 1 },
      { code: 'shapes-left-out', count: 1 },
    ]))
    const codes = notices.map(n => n.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).not.toContain('unreadable-parts')
    // The picture is a figure now (docx-figure-import.test.ts), not a loss.
    expect(codes).not.toContain('images-left-out')
    expect(outline(content)).toContain('figure:')
    expect(warnings).toContain('2 charts could not be imported: they are drawings, not pictures')
    for (const warning of warnings) {
      // No parser messages, no null, no style ids, no XML names.
      expect(warning).not.toMatch(/null|undefined|w:|m:|Style ID|unrecognised|element/i)
    }
  })

  it('keeps the manual line break', () => {
    expect(outline(content).at(-1)).toBe('p:Line oneline two.')
    const last = content.content!.filter(b => b.type === 'paragraph').at(-1)!
    expect(last.content!.map(n => n.type)).toEqual(['text', 'hardBreak', 'text'])
  })
})

const PANDOC_MARKDOWN = `# Cluster IX

The 2^nd^ periodic report counts CO~2~ emissions.[^1]

\`\`\`{=openxml}
<w:p><w:r><w:br w:type="page"/></w:r></w:p>
\`\`\`

After the break, a picture: ![A red square](square.png)

[^1]: Ministry of Ecology, 2024.
`

describe('a pandoc draft', async () => {
  const file = await pandocDocx(PANDOC_MARKDOWN)
  const { content, notices } = await importDocx(file)

  it('keeps superscript, subscript, the footnote and the page break', () => {
    expect(() => chorusSchema().nodeFromJSON(content).check()).not.toThrow()
    expect(marked(content, 'superscript')).toEqual(['nd'])
    expect(marked(content, 'subscript')).toEqual(['2'])
    expect(outline(content)).toEqual([
      'h2:Cluster IX',
      'p:The 2nd periodic report counts CO2 emissions.†',
      'pageBreak',
      'p:After the break, a picture: ',
      'figure:',
    ])
  })

  it('keeps the picture as a figure, and says nothing about pandoc’s own body styles', () => {
    expect(notices).toEqual([])
  })
})

describe('notices', () => {
  it('have an English text for every code, without placeholders left in', () => {
    for (const [code, text] of Object.entries(IMPORT_NOTICES)) {
      for (const n of [1, 3]) expect(text(n, 'Custom Style'), code).not.toMatch(/null|undefined|\$\{/)
    }
  })
})
