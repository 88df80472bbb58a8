/**
 * Cross-reference resolution under concurrent edits: two people's copies of a report (Y.Docs)
 * edit different sections through the editor's own binding, the updates are exchanged, and the
 * numbers the browser keeps live (composables/editor/liveReportNumbers.ts, incremental: per-block
 * summaries kept across transactions) must equal a fresh numbering of the merged report read the
 * way the exporter reads it (server/docx/fromYDoc.ts → numberJsonReport). Also: "para. N" becomes
 * N+1 when a paragraph is added before its target in another section, and broken when the target
 * is deleted — in the live numbers and in the submission check.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { EditorState } from '@tiptap/pm/state'
import { referenceText } from '#shared/crossReferenceText'
import { numberJsonReport } from '#shared/reportNumbering'
import { checkContextFromDoc, runChecks } from '#shared/submissionCheck'
import { liveReportNumbers } from '~~/composables/editor/liveReportNumbers'
import { reportExportInput } from '../../server/docx/fromYDoc'
import type { PMNode } from '../../server/docx/types'
import { reportYDoc, sampleMeta } from '../fixtures-gen/sampleReport'
import { editSection } from '../support/guardScenario'

const p = (text: string, refId: string | null = null): PMNode => ({ type: 'paragraph', attrs: { refId }, content: text ? [{ type: 'text', text }] : [] })
const body = (...content: PMNode[]): PMNode => ({ type: 'doc', content })

/** A report of three sections; the target "t1" is the 3rd numbered paragraph; section C refers to it. */
function report(): Y.Doc {
  return reportYDoc({
    meta: sampleMeta(),
    comments: [],
    sections: [
      { id: 'sect-A', title: 'A', countsTowardLimit: true, content: body(p('One'), p('Two')) },
      { id: 'sect-B', title: 'B', countsTowardLimit: true, content: body(p('Target paragraph', 't1'), p('Four')) },
      { id: 'sect-C', title: 'C', countsTowardLimit: true, content: body({ type: 'paragraph', content: [{ type: 'text', text: 'See ' }, { type: 'crossReference', attrs: { targetId: 't1', targetKind: 'paragraph' } }] }) },
    ],
  })
}

function copy(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  return other
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** The numbers as the exporter would compute them from scratch. */
function fresh(doc: Y.Doc) {
  const input = reportExportInput(doc, { skipComments: true })
  return numberJsonReport(input.sections, { numberedParagraphs: input.meta.numberedParagraphs })
}

function live(doc: Y.Doc) {
  const l = liveReportNumbers(doc)
  l.flush()
  return l
}

const insertParagraph = (at: number, text: string) => (st: EditorState) => {
  let pos = 0
  for (let i = 0; i < Math.min(at, st.doc.childCount); i++) pos += st.doc.child(i).nodeSize
  return st.tr.insert(pos, st.schema.nodes.paragraph!.create(null, text ? st.schema.text(text) : null))
}
const deleteBlock = (at: number) => (st: EditorState) => {
  if (st.doc.childCount < 2) return null
  const i = at % st.doc.childCount
  let pos = 0
  for (let k = 0; k < i; k++) pos += st.doc.child(k).nodeSize
  return st.tr.delete(pos, pos + st.doc.child(i).nodeSize)
}

describe('cross-reference resolution', () => {
  it('para. 3 becomes para. 4 when someone adds a paragraph in an earlier section, while another edits the reference\'s section', () => {
    const alice = report()
    const bob = copy(alice)
    expect(referenceText(live(bob).numbers.byRefId.get('t1'), 'en')).toBe('para. 3')
    editSection(alice, 'sect-A', insertParagraph(0, 'New first paragraph'))
    editSection(bob, 'sect-C', st => st.tr.insertText(' and more', st.doc.content.size - 1))
    sync(alice, bob)
    for (const doc of [alice, bob]) {
      expect(referenceText(live(doc).numbers.byRefId.get('t1'), 'en')).toBe('para. 4')
      expect(live(doc).numbers.byRefId).toEqual(fresh(doc).byRefId)
    }
  })

  it('follows a paragraph that gets its first word (its block summary is read again, not kept)', () => {
    const doc = report()
    editSection(doc, 'sect-A', insertParagraph(0, ''))
    expect(referenceText(live(doc).numbers.byRefId.get('t1'), 'en')).toBe('para. 3')
    editSection(doc, 'sect-A', st => st.tr.insertText('Now it has text', 1))
    expect(referenceText(live(doc).numbers.byRefId.get('t1'), 'en')).toBe('para. 4')
  })

  it('is broken when the target is deleted concurrently, and the submission check lists it', () => {
    const alice = report()
    const bob = copy(alice)
    live(alice)
    editSection(alice, 'sect-B', st => st.tr.delete(0, st.doc.child(0).nodeSize))
    editSection(bob, 'sect-A', insertParagraph(1, 'Meanwhile'))
    sync(alice, bob)
    for (const doc of [alice, bob]) {
      expect(live(doc).numbers.byRefId.has('t1')).toBe(false)
      expect(referenceText(live(doc).numbers.byRefId.get('t1'), 'en')).toBe('[broken reference]')
      const items = runChecks(checkContextFromDoc(doc))
      expect(items.filter(i => i.kind === 'broken-references')).toEqual([expect.objectContaining({ sectionId: 'sect-C', severity: 'blocking', params: expect.objectContaining({ count: 1 }) })])
    }
  })

  it('live numbers equal a fresh numbering after any interleaving of two people\'s edits (fast-check)', () => {
    const op = fc.record({ who: fc.constantFrom(0, 1), section: fc.constantFrom('sect-A', 'sect-B', 'sect-C'), kind: fc.constantFrom('insert', 'insertEmpty', 'delete', 'type', 'clear'), at: fc.nat(6), sync: fc.boolean() })
    fc.assert(fc.property(fc.array(op, { maxLength: 14 }), (ops) => {
      const docs = [report()]
      docs.push(copy(docs[0]!))
      for (const d of docs) live(d)
      for (const o of ops) {
        const doc = docs[o.who]!
        if (o.kind === 'insert') editSection(doc, o.section, insertParagraph(o.at, 'Added'))
        else if (o.kind === 'insertEmpty') editSection(doc, o.section, insertParagraph(o.at, ''))
        else if (o.kind === 'delete') editSection(doc, o.section, deleteBlock(o.at))
        else if (o.kind === 'type') editSection(doc, o.section, st => st.tr.insertText('x', 1))
        // Empty the first block's text: its paragraph loses its number.
        else editSection(doc, o.section, st => (st.doc.child(0).content.size ? st.tr.delete(1, 1 + st.doc.child(0).content.size) : null))
        if (o.sync) sync(docs[0]!, docs[1]!)
        // Each copy's live numbers are right for what that copy holds, synced or not.
        expect(live(doc).numbers.byRefId).toEqual(fresh(doc).byRefId)
      }
      sync(docs[0]!, docs[1]!)
      expect(live(docs[0]!).numbers.byRefId).toEqual(fresh(docs[0]!).byRefId)
      expect(live(docs[1]!).numbers.byRefId).toEqual(live(docs[0]!).numbers.byRefId)
    }), { numRuns: 60 })
  })
})
