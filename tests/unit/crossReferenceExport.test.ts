/**
 * Cross-references in the Word file. The oracle: the DOCX itself — walk its paragraphs, count the
 * ones Word numbers with the paragraph list, note which `_Ref…` bookmark sits in which — and the
 * numbers must equal shared/reportNumbering.ts's for random reports (annexes, empty and blank
 * paragraphs and sections, lists, headings, page breaks, open suggested insertions and splits,
 * numbered or not, clean or review copy). Each REF field's cached result must be its bookmark's
 * number, and a reference to a deleted target the broken-reference text with a warning.
 * LibreOffice then reads a file back: its own field update shows the same numbers. A review copy
 * imported back does not take a reference's number for the reviewer's text.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import fc from 'fast-check'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { encodeParagraphSuggestion, INSERTION } from '#shared/editor/suggestionMarks'
import { numberJsonReport } from '#shared/reportNumbering'
import { exportDocx } from '../../server/docx/export/exportDocx'
import type { ExportInput, PMNode } from '../../server/docx/types'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { sectionFragmentName } from '#shared/docNames'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { importDocx } from '../../server/docx/import/importDocx'
import { placeReviewed } from '../../server/docx/import/placeReviewed'
import { alignReviewed } from '../../server/docx/import/reviewedSections'
import { reportYDoc, sampleMeta } from '../fixtures-gen/sampleReport'
import { WordFile } from '../fixtures-gen/wordEdits'
import { docxParts, hasSoffice, paragraphs, xmlText } from '../fixtures-gen/readDocx'

const run = promisify(execFile)
const suggestion = { id: 's1', authorId: 'u1', authorName: 'Ann', createdAt: 1_700_000_000_000, wordAuthor: null }
const text = (s: string, inserted = false): PMNode => ({ type: 'text', text: s, ...(inserted ? { marks: [{ type: INSERTION, attrs: suggestion }] } : {}) })
const para = (refId: string, content: PMNode[], attrs: Record<string, unknown> = {}): PMNode => ({ type: 'paragraph', attrs: { refId, ...attrs }, content })
const FIGURE: PMNode = { type: 'figure', attrs: { refId: 'fig1', imageId: null, alt: '', width: null, align: 'center', naturalWidth: null, naturalHeight: null }, content: [text('Caption')] }
const ref = (targetId: string): PMNode => ({ type: 'crossReference', attrs: { targetId, targetKind: 'paragraph' } })

type Kind = 'text' | 'empty' | 'blank' | 'inserted' | 'split' | 'heading' | 'list' | 'pageBreak' | 'ref' | 'rec' | 'emptyRec' | 'question'
const KINDS: Kind[] = ['text', 'empty', 'blank', 'inserted', 'split', 'heading', 'list', 'pageBreak', 'ref', 'rec', 'emptyRec', 'question']

/** A random report: every top-level paragraph has a refId `p<n>`, references point at any of them (or at none). */
function build(sections: Array<{ annex: boolean, blocks: Array<{ kind: Kind, to: number }> }>): { input: ExportInput, ids: string[] } {
  let n = 0
  const ids: string[] = []
  const total = sections.reduce((k, s) => k + s.blocks.length, 0)
  const body = sections.map((s, i) => ({
    id: `s${i}`,
    title: `Section ${i}`,
    countsTowardLimit: !s.annex,
    content: {
      type: 'doc',
      content: s.blocks.map(({ kind, to }): PMNode => {
        const id = `p${n++}`
        ids.push(id)
        switch (kind) {
          case 'text': return para(id, [text('Words')])
          case 'empty': return para(id, [])
          case 'blank': return para(id, [text(' ')])
          case 'inserted': return para(id, [text('Proposed', true)])
          case 'split': return para(id, [text('Split off')], { suggestedSplit: encodeParagraphSuggestion(suggestion) })
          case 'heading': return { type: 'heading', attrs: { level: 2, refId: id }, content: [text('A. Heading')] }
          case 'list': return { type: 'bulletList', content: [{ type: 'listItem', content: [para(id, [text('item')])] }] }
          case 'pageBreak': return { type: 'pageBreak' }
          case 'rec': return { type: 'recommendation', attrs: { refId: id, kind: 'recommendation', articles: '3', priority: false }, content: [para(`${id}-in`, [text('Adopt')])] }
          case 'emptyRec': return { type: 'recommendation', attrs: { refId: id, kind: 'recommendation', articles: '', priority: false }, content: [para(`${id}-in`, [])] }
          case 'question': return { type: 'recommendation', attrs: { refId: id, kind: 'question', articles: '', priority: false }, content: [para(`${id}-in`, [text('Why?')])] }
          // `to` past the last block: a reference to a target that was deleted.
          case 'ref': return para(id, [text('See '), ref(to < total ? `p${to}` : 'gone')])
        }
      }),
    },
  }))
  return { input: { meta: sampleMeta(), sections: body, comments: [] }, ids }
}

/** What the DOCX says: the paragraph-list number of each bookmarked paragraph, and each REF's bookmark and cached text. */
function readBack(xml: string, numbering: string) {
  const abstractId = numbering.match(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>(?:(?!<\/w:abstractNum>).)*?<w:lvlText w:val="%1\."\/>/s)?.[1]
  const numId = [...numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*><w:abstractNumId w:val="(\d+)"\/>/g)].find(m => m[2] === abstractId)?.[1]
  const numbers = new Map<string, string | null>()
  // What each bookmark holds (a recommendation's label).
  const held = new Map<string, string>()
  for (const m of xml.matchAll(/<w:bookmarkStart w:name="_Ref([^"]+)" w:id="(\d+)"\/>(.*?)<w:bookmarkEnd w:id="\2"\/>/gs)) held.set(m[1]!, xmlText(m[3]!))
  const fields: Array<{ bookmark: string, cached: string }> = []
  let count = 0
  for (const p of paragraphs(xml)) {
    const numbered = numId !== undefined && p.includes(`<w:numId w:val="${numId}"/>`)
    if (numbered) count++
    for (const m of p.matchAll(/<w:bookmarkStart [^>]*w:name="_Ref([^"]+)"/g)) numbers.set(m[1]!, numbered ? String(count) : null)
    for (const m of p.matchAll(/<w:fldSimple w:instr="\s*REF _Ref(\S+) \\r \\h\s*"[^>]*>(.*?)<\/w:fldSimple>/g)) fields.push({ bookmark: m[1]!, cached: xmlText(m[2]!) })
  }
  return { numbers, fields, held }
}

const report = fc.array(fc.record({
  annex: fc.boolean(),
  blocks: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), to: fc.nat(30) }), { maxLength: 8 }),
}), { minLength: 1, maxLength: 4 })

describe('cross-references in the DOCX', () => {
  it('paragraph numbers and REF results in the file equal the report numbering (fast-check, clean and review copy)', async () => {
    await fc.assert(fc.asyncProperty(report, fc.boolean(), fc.boolean(), async (sections, numbered, review) => {
      const { input, ids } = build(sections)
      const { buffer, warnings } = await exportDocx(input, { numberedParagraphs: numbered, comments: review, tocPageNumbers: false })
      const parts = await docxParts(buffer)
      const { numbers, fields, held } = readBack(parts['word/document.xml']!, parts['word/numbering.xml']!)
      const expected = numberJsonReport(input.sections, { numberedParagraphs: numbered, clean: !review })
      for (const id of ids) {
        const target = expected.byRefId.get(id)
        // A block joined into the one before it, or left out with its section, has no bookmark.
        if (!target || target.joined) {
          expect(numbers.has(id), id).toBe(false)
          continue
        }
        // Only top-level paragraphs get numbers; list items and headings none.
        expect(numbers.get(id) ?? null, id).toBe(target.kind === 'paragraph' ? target.number : null)
        // A recommendation's bookmark holds its label, which is the number a reference cites.
        if (target.kind === 'recommendation') expect(held.get(id), id).toBe(target.number)
      }
      for (const f of fields) expect(f.cached).toBe(numbers.get(f.bookmark))
      const citedNumbered = (id: string) => { const t = expected.byRefId.get(id); return !!t && t.number !== null && !t.joined }
      const refs = input.sections.flatMap(s => s.content.content ?? []).flatMap(b => b.content ?? []).filter(c => c.type === 'crossReference')
      const broken = refs.filter(r => !expected.byRefId.get(String(r.attrs!.targetId))?.number)
      // References inside sections left out of the copy are not written at all: hence "at most".
      expect(fields.length).toBeLessThanOrEqual(refs.filter(r => citedNumbered(String(r.attrs!.targetId))).length)
      if (broken.length && fields.length + broken.length === refs.length) expect(warnings.some(w => w.includes('[broken reference]'))).toBe(true)
    }), { numRuns: 30 })
  }, 120_000)

  it('writes bookmarks, REF fields with the number as cached text, and the broken text, in the XML', async () => {
    const { input } = build([{ annex: false, blocks: [{ kind: 'text', to: 0 }, { kind: 'heading', to: 0 }, { kind: 'text', to: 0 }, { kind: 'ref', to: 2 }, { kind: 'ref', to: 1 }, { kind: 'ref', to: 99 }] }])
    input.sections[0]!.content.content!.push(FIGURE, { type: 'paragraph', content: [text('See '), { type: 'crossReference', attrs: { targetId: 'fig1', targetKind: 'figure' } }] })
    const { buffer, warnings } = await exportDocx(input, { tocPageNumbers: false })
    const xml = (await docxParts(buffer))['word/document.xml']!
    expect(xml).toMatch(/<w:bookmarkStart w:name="_Refp2" w:id="\d+"\/>/)
    expect(xml).toMatch(/<w:fldSimple w:instr="REF _Refp2 \\r \\h">.*?<w:t[^>]*>2<\/w:t>.*?<\/w:fldSimple>/)
    // The heading's label only is the bookmark: "section A", before and after Word updates the field.
    expect(xml).toMatch(/<w:bookmarkStart w:name="_Refp1" w:id="\d+"\/><w:r>(?:(?!<\/w:r>).)*<w:t[^>]*>A<\/w:t><\/w:r><w:bookmarkEnd/)
    expect(xml).toMatch(/<w:fldSimple w:instr="REF _Refp1 \\h">.*?<w:t[^>]*>A<\/w:t>/)
    expect(xmlText(xml)).toContain('See para. 2')
    expect(xmlText(xml)).toContain('See section A')
    expect(xmlText(xml)).toContain('See [broken reference]')
    // A figure: the bookmark holds the caption's SEQ field, the reference reads its number.
    expect(xml).toMatch(/<w:bookmarkStart w:name="_Reffig1" w:id="\d+"\/><w:fldSimple w:instr="SEQ Figure \\\* ARABIC">.*?<\/w:fldSimple><w:bookmarkEnd/)
    expect(xml).toMatch(/<w:fldSimple w:instr="REF _Reffig1 \\h"><w:r><w:t[^>]*>1<\/w:t>/)
    expect(xmlText(xml)).toContain('See Figure 1')
    expect(warnings.some(w => w.includes('[broken reference]'))).toBe(true)
  })

  it('a reviewed copy imported back does not read a reference\'s number as a change by the reviewer', async () => {
    const p = (t: string, refId: string | null = null): PMNode => para(refId ?? '', [text(t)])
    const doc = reportYDoc({ meta: sampleMeta(), comments: [], sections: [
      { id: 'sect-A', title: 'A', countsTowardLimit: true, content: { type: 'doc', content: [p('One paragraph here.'), p('Target paragraph here.', 't1')] } },
      { id: 'sect-B', title: 'B', countsTowardLimit: true, content: { type: 'doc', content: [para('', [text('As shown in '), ref('t1'), text(' above, the law is weak.')])] } },
    ] })
    const exported = (await exportDocx(reportExportInput(doc), { comments: true })).buffer
    const word = (await WordFile.open(exported)).trackInsertion('the law', ' still', 'Lawyer', 901)
    const importer = { id: 'u-m', name: 'M' }
    const file = await importDocx(await word.save(), {}, importer)
    const aligned = await alignReviewed(doc, file)
    let report!: ReturnType<typeof placeReviewed>
    doc.transact(() => {
      report = placeReviewed(doc, file, importer, 'secretariat', aligned)
    })
    expect(report).toMatchObject({ suggestions: 1, notPlaced: [] })
    expect(readSuggestions(doc.getXmlFragment(sectionFragmentName('sect-B')), 'sect-B').map(x => [x.kind, x.inserted])).toEqual([['insertion', ' still']])
  })

  it.skipIf(!hasSoffice())('LibreOffice reads the numbers back: it updates the REF fields from the bookmarks, and gets the same numbers', async () => {
    const { input } = build([
      { annex: false, blocks: [{ kind: 'text', to: 0 }, { kind: 'empty', to: 0 }, { kind: 'heading', to: 0 }, { kind: 'text', to: 0 }] },
      { annex: false, blocks: [{ kind: 'list', to: 0 }, { kind: 'text', to: 0 }, { kind: 'ref', to: 3 }, { kind: 'ref', to: 5 }, { kind: 'ref', to: 2 }] },
    ])
    input.sections[1]!.content.content!.push(FIGURE, { type: 'paragraph', content: [text('See '), { type: 'crossReference', attrs: { targetId: 'fig1', targetKind: 'figure' } }] })
    const exported = (await exportDocx(input, { tocPageNumbers: false })).buffer
    // Wrong cached results: what LibreOffice shows is then its own reading of the bookmarks.
    const zip = await JSZip.loadAsync(exported)
    const xml = await zip.file('word/document.xml')!.async('string')
    zip.file('word/document.xml', xml.replace(/(<w:fldSimple w:instr="REF [^"]*"><w:r><w:t[^>]*>)[^<]*/g, '$1 99'))
    const buffer = await zip.generateAsync({ type: 'nodebuffer' })
    const dir = mkdtempSync(join(tmpdir(), 'chorus-xref-'))
    try {
      writeFileSync(join(dir, 'r.docx'), buffer)
      await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'r.docx')], { timeout: 120_000 })
      await run('pdftotext', ['-layout', join(dir, 'r.pdf'), join(dir, 'r.txt')])
      const out = readFileSync(join(dir, 'r.txt'), 'utf8').replace(/\s+/g, ' ')
      // p3 is para. 2 (p1 is empty), p5 is para. 3 (the list item has no number), p2 the heading "A".
      expect(out).toContain('See para. 2')
      expect(out).toContain('See para. 3')
      expect(out).toContain('See section A')
      expect(out).toContain('See Figure 1')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 150_000)
})
