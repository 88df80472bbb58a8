import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { sectionFragmentName } from '#shared/docNames'
import { applyJsonToFragment } from '../../server/docx/applyJsonToFragment'
import { reportExportInput, reportExportInputAsync } from '../../server/docx/fromYDoc'
import { importDocx } from '../../server/docx/import/importDocx'
import { reportYDoc, sampleReport } from '../fixtures-gen/sampleReport'
import { textblockTexts } from '../fixtures-gen/readDocx'
import type { PMNode } from '../../server/docx/types'

const p = (text: string): PMNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })

describe('applying imported content to a section', () => {
  it('replaces the section body in one Yjs transaction (one update for every client)', async () => {
    const doc = reportYDoc(sampleReport())
    const { content } = await importDocx(readFileSync('/work/shared/fixtures/cluster-v-draft.docx'))
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
    const updates: Uint8Array[] = []
    const origins: unknown[] = []
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      updates.push(update)
      origins.push(origin)
    })
    applyJsonToFragment(doc, 'sec-cluster-v', content, 'user-42')
    expect(updates).toHaveLength(1)
    expect(origins).toEqual(['user-42'])
    const section = reportExportInput(doc).sections.find(s => s.id === 'sec-cluster-v')!
    expect(textblockTexts(section.content)).toEqual(textblockTexts(content))
    // A replica that receives that single update ends up with the same section.
    Y.applyUpdate(replica, updates[0]!)
    expect(yXmlFragmentToProsemirrorJSON(replica.getXmlFragment(sectionFragmentName('sec-cluster-v')))).toEqual(
      yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(sectionFragmentName('sec-cluster-v'))))
  })

  it('keeps the Yjs items of paragraphs that did not change (so comment anchors on them survive)', () => {
    const doc = new Y.Doc()
    applyJsonToFragment(doc, 'sec-a', { type: 'doc', content: [p('Unchanged first.'), p('Old second.')] })
    const fragment = doc.getXmlFragment(sectionFragmentName('sec-a'))
    const firstBefore = fragment.get(0)
    applyJsonToFragment(doc, 'sec-a', { type: 'doc', content: [p('Unchanged first.'), p('New second.'), p('Third.')] })
    expect(fragment.get(0)).toBe(firstBefore)
    expect(textblockTexts(yXmlFragmentToProsemirrorJSON(fragment) as PMNode)).toEqual(['Unchanged first.', 'New second.', 'Third.'])
  })

  it('refuses content the schema does not accept, before touching the document', () => {
    const doc = reportYDoc(sampleReport())
    const before = Y.encodeStateVector(doc)
    expect(() => applyJsonToFragment(doc, 'sec-summary', { type: 'doc', content: [{ type: 'footnotes', content: [] }] })).toThrow()
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('is not in a client’s undo stack: an UndoManager tracking its own origin does not undo a server import', () => {
    const doc = reportYDoc(sampleReport())
    const fragment = doc.getXmlFragment(sectionFragmentName('sec-summary'))
    const undo = new Y.UndoManager(fragment, { trackedOrigins: new Set(['local-editor']) })
    applyJsonToFragment(doc, 'sec-summary', { type: 'doc', content: [p('Imported.')] }, 'docx-import')
    undo.undo()
    expect(textblockTexts(yXmlFragmentToProsemirrorJSON(fragment) as PMNode)).toEqual(['Imported.'])
  })
})

describe('reading a report for export', () => {
  it('gives the same input whether read at once or section by section, yielding in between', async () => {
    const doc = reportYDoc(sampleReport())
    expect(await reportExportInputAsync(doc)).toEqual(reportExportInput(doc))
  })

  it('falls back to defaults for meta fields that do not validate instead of failing the export', () => {
    const doc = reportYDoc(sampleReport())
    doc.getMap('meta').set('language', 'de')
    doc.getMap('meta').set('title', '')
    const { meta } = reportExportInput(doc)
    expect(meta.language).toBe('en')
    expect(meta.title).toBe('Untitled report')
    expect(meta.stateParty).toBe('Republic of Arcadia')
  })
})
