/**
 * The picker's list (composables/editor/crossReferenceTargets.ts): what a person may refer to,
 * with the text the reference will show, and the refId two people picking the same block at once
 * both write (so neither's reference breaks when their writes meet).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readMeta, readSections } from '#shared/reportDoc'
import { listTargets, refIdFor } from '~~/composables/editor/crossReferenceTargets'
import type { PMNode } from '../../server/docx/types'
import { reportYDoc, sampleMeta } from '../fixtures-gen/sampleReport'

const p = (text: string, refId: string | null = null): PMNode => ({ type: 'paragraph', attrs: { refId }, content: text ? [{ type: 'text', text }] : [] })

function report(): Y.Doc {
  return reportYDoc({
    meta: sampleMeta(),
    comments: [],
    sections: [
      { id: 'sect-open', title: 'Open', countsTowardLimit: true, content: { type: 'doc', content: [p('First paragraph of the open section'), p(''), { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'B. Budget' }] }] } },
      { id: 'sect-final', title: 'Final', countsTowardLimit: true, content: { type: 'doc', content: [p('Locked without id'), p('Locked with id', 'kept1')] } },
      { id: 'sect-annex', title: 'Annex', countsTowardLimit: false, content: { type: 'doc', content: [p('Annex paragraph')] } },
    ],
  })
}

describe('cross-reference targets', () => {
  it('lists numbered paragraphs and headings with their reference text; not empty or annex paragraphs, nor unmarked blocks of sections I may not edit', () => {
    const doc = report()
    const targets = listTargets(doc, readMeta(doc), readSections(doc), s => s.id !== 'sect-final')
    expect(targets.map(t => [t.text, t.preview, t.refId])).toEqual([
      ['para. 1', 'First paragraph of the open section', null],
      ['section B', 'B. Budget', null],
      // "Locked without id" is para. 2 but has no refId and I may not edit its section.
      ['para. 3', 'Locked with id', 'kept1'],
    ])
  })

  it('gives the same refId to the same block in two people\'s copies', () => {
    const doc = report()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const mine = listTargets(doc, readMeta(doc), readSections(doc), () => true)[0]!
    const theirs = listTargets(other, readMeta(other), readSections(other), () => true)[0]!
    expect(refIdFor(mine.element)).toBe(refIdFor(theirs.element))
    expect(refIdFor(mine.element)).toMatch(/^[A-Za-z0-9_-]{1,40}$/)
    // Both write it at once: the merged block keeps that one id.
    doc.transact(() => mine.element.setAttribute('refId', refIdFor(mine.element)))
    other.transact(() => theirs.element.setAttribute('refId', refIdFor(theirs.element)))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(listTargets(doc, readMeta(doc), readSections(doc), () => true)[0]!.refId).toBe(refIdFor(mine.element))
    expect(refIdFor(mine.element)).not.toBe(refIdFor(listTargets(doc, readMeta(doc), readSections(doc), () => true)[1]!.element))
  })
})
