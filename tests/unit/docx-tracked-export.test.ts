/**
 * Word out: the review copy carries open suggestions as Word tracked changes (w:ins / w:del) and
 * open threads as comments; the clean copy is the text with every open suggestion rejected; and
 * LibreOffice and pandoc read every footnote of both, whatever the comments cover.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { exportDocx } from '../../server/docx/export/exportDocx'
import { reportYDoc, sampleReport } from '../fixtures-gen/sampleReport'
import { positionOf, threadAt } from '../fixtures-gen/sampleComments'
import { suggestDeletion, suggestInsertion } from '../fixtures-gen/sampleSuggestions'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { recordSuggestionDecisions, replyToSuggestion } from '#shared/suggestionThreads'
import { sectionFragmentName } from '#shared/docNames'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import type { Transaction } from '@tiptap/pm/state'
import { splitBlock } from '@tiptap/pm/commands'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { suggestChanges } from '#shared/editor/suggestChanges'
import { docxParts, docxToPdf, hasSoffice, pandocView, xmlText } from '../fixtures-gen/readDocx'

const run = promisify(execFile)
const DATE = new Date('2027-02-15T12:00:00Z')
const ana = { id: 'u-ana', name: 'Ana Ruiz' }
const ben = { id: 'u-ben', name: 'Ben Okafor' }
const T0 = Date.parse('2027-01-10T09:30:00Z')
const SECTION = 'sec-cluster-v'

/** A report with an insertion, a deletion and a deletion imported from Word. */
function suggestedReport() {
  const doc = reportYDoc(sampleReport())
  suggestInsertion(doc, SECTION, 'No budget line', ' or staff', { author: ana, now: T0 })
  suggestDeletion(doc, SECTION, 'comprehensive ', { author: ben, now: T0 + 60_000 })
  suggestDeletion(doc, SECTION, 'but only on notice', { author: ben, now: T0 + 120_000, wordAuthor: 'Lawyer (UNICEF)' })
  return doc
}

/** Each w:ins / w:del of a part: kind, author, date and its text. */
function trackedChanges(xml: string): Array<{ kind: string, author?: string, date?: string, text: string }> {
  return [...xml.matchAll(/<w:(ins|del) ([^>]*)>(.*?)<\/w:\1>/gs)].map(m => ({
    kind: m[1]!,
    author: m[2]!.match(/w:author="([^"]*)"/)?.[1],
    date: m[2]!.match(/w:date="([^"]*)"/)?.[1],
    text: m[1] === 'del' ? [...m[3]!.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map(x => x[1]).join('') : xmlText(m[3]!),
  }))
}

describe('Word tracked changes in the review copy', () => {
  it('writes each open insertion as w:ins and each deletion as w:del with w:delText, author (the Word author for imported ones) and ISO date', async () => {
    const { buffer, warnings } = await exportDocx(reportExportInput(suggestedReport()), { comments: true, date: DATE })
    expect(warnings).toEqual([])
    const body = (await docxParts(buffer))['word/document.xml']!
    expect(trackedChanges(body)).toEqual([
      { kind: 'del', author: 'Ben Okafor', date: '2027-01-10T09:31:00Z', text: 'comprehensive ' },
      { kind: 'ins', author: 'Ana Ruiz', date: '2027-01-10T09:30:00Z', text: ' or staff' },
      { kind: 'del', author: 'Lawyer (UNICEF)', date: '2027-01-10T09:32:00Z', text: 'but only on notice' },
    ])
    // The inserted text keeps its formatting (bold, like the words before it).
    expect(body).toMatch(/<w:ins [^>]*><w:r><w:rPr><w:b\/>.*?<w:t xml:space="preserve"> or staff<\/w:t>/s)
  })

  it('writes the clean copy with every open suggestion rejected: no marks, inserted text left out, deleted text kept', async () => {
    const { buffer, warnings } = await exportDocx(reportExportInput(suggestedReport()), { date: DATE })
    expect(warnings).toEqual([])
    const body = (await docxParts(buffer))['word/document.xml']!
    expect(body).not.toMatch(/<w:(ins|del)[ >]/)
    const text = xmlText(body)
    expect(text).not.toContain('or staff')
    expect(text).toContain('adopt a comprehensive strategy')
    expect(text).toContain('childcare institutions, but only on notice.')
  })

  it.skipIf(!hasSoffice())('is read by LibreOffice as tracked changes with their authors (skipped when soffice is not installed)', async () => {
    const { buffer } = await exportDocx(reportExportInput(suggestedReport()), { comments: true, date: DATE })
    const dir = mkdtempSync(join(tmpdir(), 'chorus-odt-'))
    try {
      writeFileSync(join(dir, 'review.docx'), buffer)
      await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'odt', '--outdir', dir, join(dir, 'review.docx')], { timeout: 120_000 })
      const zip = await JSZip.loadAsync(readFileSync(join(dir, 'review.odt')))
      const content = await zip.file('content.xml')!.async('string')
      const regions = [...content.matchAll(/<text:changed-region [^>]*>(.*?)<\/text:changed-region>/gs)].map(m => ({
        kind: /<text:insertion>/.test(m[1]!) ? 'ins' : 'del',
        author: m[1]!.match(/<dc:creator>([^<]*)<\/dc:creator>/)?.[1],
        text: m[1]!.replace(/<office:change-info>.*?<\/office:change-info>/s, '').replace(/<[^>]+>/g, ''),
      }))
      expect(regions).toEqual([
        { kind: 'del', author: 'Ben Okafor', text: 'comprehensive ' },
        { kind: 'ins', author: 'Ana Ruiz', text: '' },
        { kind: 'del', author: 'Lawyer (UNICEF)', text: 'but only on notice' },
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('suggested paragraph breaks in Word', () => {
  it('writes a suggested split as w:ins on the paragraph mark before the break (the review copy) and joins it back in the clean copy', async () => {
    const doc = reportYDoc(sampleReport())
    const fragment = doc.getXmlFragment(sectionFragmentName(SECTION))
    const { doc: pm, meta } = initProseMirrorDoc(fragment, chorusSchema())
    const first = pm.child(0)
    const at = 1 + first.textContent.indexOf(' ') + 1
    const state = EditorState.create({ doc: pm, selection: TextSelection.create(pm, at) })
    let made: Transaction | null = null
    splitBlock(state, (tr) => {
      made = tr
    })
    const result = suggestChanges(state, made!, { id: ana.id, name: ana.name, now: () => T0 })
    if (result.kind !== 'tracked') throw new Error('not tracked')
    doc.transact(() => updateYFragment(doc, fragment, result.tr.doc, meta))
    const review = (await docxParts((await exportDocx(reportExportInput(doc), { comments: true, date: DATE })).buffer))['word/document.xml']!
    expect(review).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:ins w:id="\d+" w:author="Ana Ruiz" w:date="2027-01-10T09:30:00Z"\/><\/w:rPr><\/w:pPr>/s)
    const clean = (await docxParts((await exportDocx(reportExportInput(doc), { comments: false, date: DATE })).buffer))['word/document.xml']!
    expect(clean).not.toMatch(/<w:ins /)
    expect(xmlText(clean)).toContain(first.textContent)
  }, 120_000)
})

describe('threads about tracked changes in the review copy', () => {
  it('writes an open suggestion\'s discussion as a comment and leaves out the discussion of a decided one', async () => {
    const doc = suggestedReport()
    const [deleted, inserted] = readSuggestions(doc.getXmlFragment(sectionFragmentName(SECTION)), SECTION)
    replyToSuggestion(doc, deleted!, { author: ana, body: 'Why remove it?', mentions: [], now: T0 })
    replyToSuggestion(doc, inserted!, { author: ben, body: 'Staff matter too.', mentions: [], now: T0 + 1 })
    recordSuggestionDecisions(doc, [inserted!], { status: 'rejected', decider: ana, reason: 'Out of scope', now: T0 + 2 })
    const { buffer } = await exportDocx(reportExportInput(doc), { comments: true, date: DATE })
    const comments = (await docxParts(buffer))['word/comments.xml'] ?? ''
    expect(xmlText(comments)).toContain('Why remove it?')
    expect(xmlText(comments)).not.toContain('Staff matter too.')
  })
})

describe('footnotes of a review copy whose comments cover a footnote reference', () => {
  /** A thread with a reply over a whole paragraph that ends with a footnote reference. */
  function commentedReport() {
    const doc = suggestedReport()
    const from = positionOf(doc, SECTION, 'In its previous concluding')
    const next = positionOf(doc, SECTION, 'The coalition notes that')
    threadAt(doc, SECTION, from, next - 2, 'In its previous …', { author: ana, body: 'Too long.', now: T0, replies: [{ author: ben, body: 'Agreed.', now: T0 + 1 }] })
    return doc
  }

  it('ends the comment before the footnote reference (LibreOffice 7 empties every footnote inside a comment range)', async () => {
    const { buffer } = await exportDocx(reportExportInput(commentedReport()), { comments: true, date: DATE })
    const body = (await docxParts(buffer))['word/document.xml']!
    const inRange = body.slice(body.indexOf('<w:commentRangeStart w:id="0"/>'), body.indexOf('<w:commentReference w:id="1"/>'))
    expect(inRange).not.toContain('<w:footnoteReference')
    expect(xmlText(inRange)).toContain('has not met since 2022')
  })

  for (const comments of [true, false]) {
    const copy = comments ? 'review' : 'clean'
    it(`pandoc reads every footnote of the ${copy} copy`, async () => {
      const { buffer } = await exportDocx(reportExportInput(commentedReport()), { comments, date: DATE })
      const view = await pandocView(buffer)
      expect(view.notes).toBe(6)
      // Both sections' notes read alike (a set keeps one of each).
      expect([...view.texts].filter(t => /^CRC\/C\/ARC\/CO\/4, para\. 3[123]; see also the OHCHR database/.test(t)).length).toBe(3)
    }, 30_000)

    it.skipIf(!hasSoffice())(`LibreOffice shows the text of every footnote of the ${copy} copy (skipped when soffice is not installed)`, async () => {
      const { buffer } = await exportDocx(reportExportInput(commentedReport()), { comments, date: DATE })
      const pdf = await docxToPdf(buffer)
      const dir = mkdtempSync(join(tmpdir(), 'chorus-pdf-'))
      try {
        writeFileSync(join(dir, 'r.pdf'), pdf)
        const { stdout } = await run('pdftotext', [join(dir, 'r.pdf'), '-'])
        expect(stdout.match(/CRC\/C\/ARC\/CO\/4, para\. \d+; see also the OHCHR database/g)?.length).toBe(6)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }, 120_000)
  }
})
