/**
 * Word in: a Word file's tracked insertions and deletions become the shared schema's `insertion` /
 * `deletion` marks, attributed to the importing account with the Word author kept; its comments
 * (with replies) come back with their ranges; a Chorus export's sections are found by their
 * bookmarks. The Word files are the app's own review copies (and Word-style edits of their XML).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { chorusSchema } from '#shared/editor/extensions'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { exportDocx } from '../../server/docx/export/exportDocx'
import { importDocx } from '../../server/docx/import/importDocx'
import type { PMNode } from '../../server/docx/types'
import { reportYDoc, sampleReport } from '../fixtures-gen/sampleReport'
import { commentOn } from '../fixtures-gen/sampleComments'
import { suggestDeletion, suggestInsertion } from '../fixtures-gen/sampleSuggestions'
import { hasSoffice } from '../fixtures-gen/readDocx'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import type { Command, Transaction } from '@tiptap/pm/state'
import { joinBackward, splitBlock } from '@tiptap/pm/commands'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { sectionFragmentName } from '#shared/docNames'
import { suggestChanges } from '#shared/editor/suggestChanges'
import { paragraphSuggestion, SUGGESTED_JOIN, SUGGESTED_SPLIT } from '#shared/editor/suggestionMarks'

const ana = { id: 'u-ana', name: 'Ana Ruiz' }
const ben = { id: 'u-ben', name: 'Ben Okafor' }
const importer = { id: 'u-mira', name: 'Mira Halden' }
const T0 = Date.parse('2027-01-10T09:30:00Z')
const SECTION = 'sec-cluster-v'

async function reviewCopy(): Promise<Buffer> {
  const doc = reportYDoc(sampleReport())
  suggestInsertion(doc, SECTION, 'No budget line', ' or staff', { author: ana, now: T0 })
  suggestDeletion(doc, SECTION, 'comprehensive ', { author: ben, now: T0 + 60_000 })
  commentOn(doc, SECTION, 'pre-trial detention', { author: ana, body: 'Name the facilities.', now: T0, replies: [{ author: ben, body: 'Three of them.', now: T0 + 5_000 }] })
  return (await exportDocx(reportExportInput(doc), { comments: true })).buffer
}

/** Rewrites one part of a .docx (a Word-style edit). */
async function editPart(buffer: Buffer, name: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer)
  zip.file(name, edit(await zip.file(name)!.async('string')))
  return zip.generateAsync({ type: 'nodebuffer' })
}

/** The text of a range of a body. */
function textBetween(content: PMNode, from: number, to?: number): string {
  const node = chorusSchema().nodeFromJSON(content)
  return node.textBetween(from, to ?? node.content.size, ' ')
}

describe('importing Word tracked changes and comments', () => {
  it('turns w:ins and w:del into insertion and deletion marks of the importer, with the Word author and date', async () => {
    const { content } = await importDocx(await reviewCopy(), {}, importer)
    const suggestions = readSuggestions(chorusSchema().nodeFromJSON(content), 's')
    expect(suggestions.map(s => ({ kind: s.kind, inserted: s.inserted, deleted: s.deleted, authorId: s.authorId, authorName: s.authorName, wordAuthor: s.wordAuthor, createdAt: s.createdAt }))).toEqual([
      { kind: 'deletion', inserted: '', deleted: 'comprehensive ', authorId: 'u-mira', authorName: 'Mira Halden', wordAuthor: 'Ben Okafor', createdAt: T0 + 60_000 },
      { kind: 'insertion', inserted: ' or staff', deleted: '', authorId: 'u-mira', authorName: 'Mira Halden', wordAuthor: 'Ana Ruiz', createdAt: T0 },
    ])
    expect(new Set(suggestions.map(s => s.id)).size).toBe(2)
    // The inserted words keep their formatting (bold, as in the export).
    const staff = JSON.stringify(content).match(/\{"type":"text","marks":(\[[^\]]*\]),"text":" or staff"\}/)
    expect(JSON.parse(staff![1]!).map((m: { type: string }) => m.type)).toEqual(['bold', 'insertion'])
  })

  it('reads Word comments with their replies and the words they are on; a comment marked done in Word is left out with a warning', async () => {
    const buffer = await reviewCopy()
    const { content, comments } = await importDocx(buffer, {}, importer)
    expect(comments).toHaveLength(1)
    const [c] = comments
    expect(c).toMatchObject({ author: 'Ana Ruiz', createdAt: T0, text: 'Name the facilities.', replies: [{ author: 'Ben Okafor', createdAt: T0 + 5_000, text: 'Three of them.' }] })
    expect(textBetween(content, c!.from!, c!.to!)).toBe('pre-trial detention')

    const resolved = await editPart(buffer, 'word/commentsExtended.xml', xml => xml.replace(/<w15:commentEx w15:paraId="([0-9A-F]+)"\/>/, '<w15:commentEx w15:paraId="$1" w15:done="1"/>'))
    const again = await importDocx(resolved, {}, importer)
    expect(again.comments).toEqual([])
    expect(again.warnings).toContain('1 Word comment(s) marked resolved were left out')
  })

  it('finds each section of a Chorus export by its title bookmark', async () => {
    const { content, sectionStarts } = await importDocx(await reviewCopy(), {}, importer)
    expect(sectionStarts.map(s => s.sectionId)).toEqual(sampleReport().sections.map(s => s.id))
    const titles = sectionStarts.map(s => textBetween({ type: 'doc', content: [content.content![s.block]!] }, 0))
    expect(titles).toEqual(sampleReport().sections.map(s => s.title))
  })

  it('keeps accepted changes as plain text and drops rejected ones, as Word leaves them', async () => {
    // Accept the insertion (unwrap w:ins), reject the deletion (unwrap w:del, its text back to w:t).
    const decided = await editPart(await reviewCopy(), 'word/document.xml', xml => xml
      .replace(/<w:ins [^>]*>(.*?)<\/w:ins>/s, '$1')
      .replace(/<w:del [^>]*>(.*?)<\/w:del>/s, (_, inner: string) => inner.replace(/w:delText/g, 'w:t')))
    const { content } = await importDocx(decided, {}, importer)
    expect(readSuggestions(chorusSchema().nodeFromJSON(content), 's')).toEqual([])
    expect(textBetween(content, 0)).toContain('adopt a comprehensive strategy. No budget line or staff has been')
  })

  it.skipIf(!hasSoffice())('reads the tracked changes and comments of a file saved by LibreOffice (skipped when soffice is not installed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-lo-'))
    try {
      writeFileSync(join(dir, 'review.docx'), await reviewCopy())
      // LibreOffice opens the review copy and saves it as Word again, with its own markup.
      await promisify(execFile)('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), join(dir, 'review.docx')], { timeout: 120_000 })
      const { content, comments } = await importDocx(readFileSync(join(dir, 'out', 'review.docx')), {}, importer)
      const suggestions = readSuggestions(chorusSchema().nodeFromJSON(content), 's')
      expect(suggestions.map(s => [s.kind, s.inserted || s.deleted, s.wordAuthor])).toEqual([
        ['deletion', 'comprehensive ', 'Ben Okafor'],
        ['insertion', ' or staff', 'Ana Ruiz'],
      ])
      expect(comments.map(c => [c.author, c.text, c.replies.map(r => r.text)])).toEqual([['Ana Ruiz', 'Name the facilities.', ['Three of them.']]])
      expect(textBetween(content, comments[0]!.from!, comments[0]!.to!)).toBe('pre-trial detention')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('importing Word tracked paragraph marks', () => {
  /** A review copy of a report where Ana suggested, in Suggesting mode, a split (Enter) and Ben a join (Backspace). */
  async function breaksReviewCopy(): Promise<Buffer> {
    // (Suggesting mode tracks breaks between top-level paragraphs and headings; these are paragraphs.)
    const doc = reportYDoc(sampleReport())
    const fragment = doc.getXmlFragment(sectionFragmentName(SECTION))
    const suggest = (command: Command, caret: (pm: ReturnType<typeof initProseMirrorDoc>['doc']) => number, who: { id: string, name: string }, now: number) => {
      const { doc: pm, meta } = initProseMirrorDoc(fragment, chorusSchema())
      const state = EditorState.create({ doc: pm, selection: TextSelection.create(pm, caret(pm)) })
      let made: Transaction | null = null
      command(state, (tr) => {
        made = tr
      })
      const result = suggestChanges(state, made!, { ...who, now: () => now })
      if (result.kind !== 'tracked') throw new Error('not tracked')
      doc.transact(() => updateYFragment(doc, fragment, result.tr.doc, meta))
    }
    /** Where the k-th top-level block starts, and the first plain paragraph that follows another. */
    const start = (pm: ReturnType<typeof initProseMirrorDoc>['doc'], k: number) => {
      let pos = 0
      for (let i = 0; i < k; i++) pos += pm.child(i).nodeSize
      return pos
    }
    const paragraphAfterParagraph = (pm: ReturnType<typeof initProseMirrorDoc>['doc'], from = 1) => {
      for (let k = from; k < pm.childCount; k++) if (pm.child(k).type.name === 'paragraph' && ['paragraph', 'heading'].includes(pm.child(k - 1).type.name)) return k
      throw new Error(`no paragraph after a paragraph or heading from block ${from}: ${Array.from({ length: pm.childCount }, (_, i) => pm.child(i).type.name).join(' ')}`)
    }
    // Split a paragraph after its first word (Enter); join a later paragraph to the one before it (Backspace).
    suggest(splitBlock, (pm) => {
      const k = paragraphAfterParagraph(pm)
      return start(pm, k) + 1 + pm.child(k).textContent.indexOf(' ') + 1
    }, ana, T0)
    suggest(joinBackward, pm => start(pm, paragraphAfterParagraph(pm, paragraphAfterParagraph(pm) + 2)) + 1, ben, T0 + 60_000)
    // Without UN paragraph numbers: a numbered paragraph comes back from Word as a list item, and
    // Suggesting mode tracks breaks between top-level paragraphs.
    return (await exportDocx(reportExportInput(doc), { comments: true, numberedParagraphs: false })).buffer
  }

  it('reads w:ins / w:del on a paragraph mark as a suggested split / join of the paragraph after it, in the Word author\'s name', async () => {
    const buffer = await breaksReviewCopy()
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string')
    expect(xml).toMatch(/<w:rPr><w:ins [^>]*w:author="Ana Ruiz"[^>]*\/><\/w:rPr><\/w:pPr>/)
    expect(xml).toMatch(/<w:rPr><w:del [^>]*w:author="Ben Okafor"[^>]*\/><\/w:rPr><\/w:pPr>/)

    const { content } = await importDocx(buffer, {}, importer)
    const blocks = content.content!.filter(b => b.type === 'paragraph')
    const splits = blocks.filter(b => paragraphSuggestion(b.attrs?.[SUGGESTED_SPLIT]))
    const joins = blocks.filter(b => paragraphSuggestion(b.attrs?.[SUGGESTED_JOIN]))
    expect(splits).toHaveLength(1)
    expect(joins).toHaveLength(1)
    expect(paragraphSuggestion(splits[0]!.attrs![SUGGESTED_SPLIT])).toMatchObject({ authorId: 'u-mira', authorName: 'Mira Halden', wordAuthor: 'Ana Ruiz', createdAt: T0 })
    expect(paragraphSuggestion(joins[0]!.attrs![SUGGESTED_JOIN])).toMatchObject({ authorId: 'u-mira', wordAuthor: 'Ben Okafor', createdAt: T0 + 60_000 })
    // The markers are gone from the text, and the readers see one inserted and one deleted break.
    expect(JSON.stringify(content)).not.toMatch(/\uFDD2|\uFDD3/)
    const found = readSuggestions(chorusSchema().nodeFromJSON(content), 's')
    expect(found.filter(f => f.inserted === '¶').map(f => f.wordAuthor)).toEqual(['Ana Ruiz'])
    expect(found.filter(f => f.deleted === '¶').map(f => f.wordAuthor)).toEqual(['Ben Okafor'])
  })

  it('takes a break Word accepted (the mark\'s w:ins removed) as made, with no suggestion', async () => {
    const zip = await JSZip.loadAsync(await breaksReviewCopy())
    const xml = await zip.file('word/document.xml')!.async('string')
    zip.file('word/document.xml', xml.replace(/<w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr>/, '</w:pPr>'))
    const { content } = await importDocx(await zip.generateAsync({ type: 'nodebuffer' }), {}, importer)
    expect(content.content!.some(b => paragraphSuggestion(b.attrs?.[SUGGESTED_SPLIT]))).toBe(false)
    expect(content.content!.filter(b => paragraphSuggestion(b.attrs?.[SUGGESTED_JOIN]))).toHaveLength(1)
  })
})
