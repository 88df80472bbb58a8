/**
 * Issue 9, bug 3: after a version restore, threads whose words are back, word for word, must still
 * find them — not show "Text removed". A restore rewrites every section that changed since the
 * version (y-tiptap's updateYFragment): a paragraph edited on both sides of a comment, split,
 * joined or retyped gets new Yjs items, and the thread's relative positions pointed at the old ones.
 *
 * Randomised: a section of paragraphs with threads (anchored as the editor anchors them), a version
 * saved, then authors' edits that are synced before the restore and edits still in flight (made on
 * a copy of the document before the restore, merged after it, in paragraphs without a thread). Every
 * thread that was on the version's text must resolve to its quote afterwards, as the comments panel
 * resolves it (locateInDoc).
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { Transform } from '@tiptap/pm/transform'
import type { Node as PmNode } from '@tiptap/pm/model'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { readThreads } from '#shared/commentsDoc'
import { seedDoc } from '#shared/reportDoc'
import { reportMetaSchema } from '#shared/schemas/report'
import { restoreInto } from '~~/server/reports/restoreVersion'
import { locateInDoc } from '~~/components/comments/commentAnchors'
import { commentOn } from '../fixtures-gen/sampleComments'

const schema = chorusSchema()
const SECTION = 'sec-cluster-i'
const reviewer = { id: 'u-rev', name: 'Rita Reviewer' }
const WORDS = ['child', 'rights', 'budget', 'school', 'health', 'family', 'care', 'data', 'law', 'court', 'police', 'region']

/** A report with one section, its paragraphs written the way the editor writes them. */
function reportWith(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc()
  seedDoc(doc, reportMetaSchema.parse({ title: 'Restore test' }), [
    { id: SECTION, title: 'Cluster I', guidance: '', articles: [], wordBudget: null, countsTowardLimit: true, ownerId: null, status: 'draft', generated: null, priorityList: false },
  ])
  const pm = schema.node('doc', null, paragraphs.map(p => schema.node('paragraph', null, p ? [schema.text(p)] : [])))
  doc.transact(() => updateYFragment(doc, doc.getXmlFragment(sectionFragmentName(SECTION)), pm, { mapping: new Map(), isOMark: new Map() }))
  return doc
}

/** One keystroke-level edit at a fraction of the document, described by numbers so fast-check can shrink it. */
interface Edit { kind: 'insert' | 'delete' | 'split' | 'join' | 'paragraph', at: number, len: number, word: number }

/** Text positions (inside textblocks) of a document, optionally only those in paragraphs `allowed` says yes to. */
function textPositions(pm: PmNode, allowed: (index: number) => boolean = () => true): number[] {
  const out: number[] = []
  pm.forEach((para, offset, index) => {
    if (!allowed(index)) return
    for (let i = 0; i <= para.content.size; i++) out.push(offset + 1 + i)
  })
  return out
}

/** Apply `edits` to a section as an editor would: a ProseMirror change, then updateYFragment with the binding's mapping. */
function typeInto(doc: Y.Doc, edits: Edit[], allowed?: (pm: PmNode) => (index: number) => boolean) {
  const fragment = doc.getXmlFragment(sectionFragmentName(SECTION))
  for (const e of edits) {
    const { doc: pm, meta } = initProseMirrorDoc(fragment, schema)
    const positions = textPositions(pm, allowed?.(pm))
    if (!positions.length) continue
    const pos = positions[Math.floor(e.at * positions.length) % positions.length]!
    const $pos = pm.resolve(pos)
    const tr = new Transform(pm)
    const word = WORDS[e.word % WORDS.length]!
    if (e.kind === 'insert') tr.insert(pos, schema.text(` ${word} `))
    else if (e.kind === 'delete') tr.delete(pos, Math.min(pos + e.len, $pos.end()))
    else if (e.kind === 'split') tr.split(pos)
    else if (e.kind === 'paragraph') tr.insert($pos.after(), schema.node('paragraph', null, [schema.text(`New ${word}.`)]))
    else if (!allowed && $pos.index(0) > 0) tr.join($pos.before())
    if (!tr.docChanged) continue
    doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta))
  }
}

const editArb = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'split', 'join', 'paragraph') as fc.Arbitrary<Edit['kind']>,
  at: fc.double({ min: 0, max: 0.999, noNaN: true }),
  len: fc.integer({ min: 1, max: 12 }),
  word: fc.nat(),
})

/** Paragraphs of a few distinct words each, so that every quote is found where it was made. */
const paragraphsArb = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 8 }), { minLength: 2, maxLength: 6 })
  .map(ps => ps.map((words, i) => `P${i} ${words.join(' ')} end${i}.`))

/** Threads on `count` paragraphs' second and third words; returns their quotes by id. */
function commentOnParagraphs(doc: Y.Doc, paragraphs: string[], pick: number[]): Map<string, string> {
  const quotes = new Map<string, string>()
  for (const i of new Set(pick.map(p => p % paragraphs.length))) {
    const quote = paragraphs[i]!.split(' ').slice(0, 3).join(' ')
    quotes.set(commentOn(doc, SECTION, quote, { author: reviewer, body: `Comment ${i}` }), quote)
  }
  return quotes
}

/**
 * Paragraphs, as a client sees its document, with nothing of a commented paragraph of the version
 * (its first or last word): the in-flight edits are an author typing elsewhere.
 */
function elsewhere(quotes: Map<string, string>): (pm: PmNode) => (index: number) => boolean {
  const marks = [...quotes.values()].flatMap((q) => {
    const i = q.split(' ')[0]!.slice(1)
    return [`P${i} `, `end${i}.`]
  })
  return pm => index => !marks.some(m => pm.child(index).textContent.includes(m))
}

const sectionXml = (doc: Y.Doc) => doc.getXmlFragment(sectionFragmentName(SECTION)).toString()

function unresolved(doc: Y.Doc, quotes: Map<string, string>): string[] {
  const fragment = doc.getXmlFragment(sectionFragmentName(SECTION))
  return readThreads(doc).filter(t => locateInDoc(doc, fragment, t)?.text !== quotes.get(t.id)).map(t => `${quotes.get(t.id)} → ${JSON.stringify(locateInDoc(doc, fragment, t))}`)
}

describe('a version restore keeps threads on the words it brings back', () => {
  it('every thread on the version\'s text resolves to its quote after the restore (edits before it, and in flight)', () => {
    fc.assert(fc.property(paragraphsArb, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.array(editArb, { maxLength: 8 }), fc.array(editArb, { maxLength: 4 }), (paragraphs, picks, before, inFlight) => {
      const live = reportWith(paragraphs)
      const quotes = commentOnParagraphs(live, paragraphs, picks)
      const version = Y.encodeStateAsUpdate(live)
      typeInto(live, before)
      // A second author's copy, with edits the server has not received when it restores.
      const other = new Y.Doc()
      Y.applyUpdate(other, Y.encodeStateAsUpdate(live))
      typeInto(other, inFlight.filter(e => e.kind !== 'join'), elsewhere(quotes))
      live.transact(() => restoreInto(live, version))
      expect(sectionXml(live)).toBe(sectionXml(reportWith(paragraphs)))
      expect(unresolved(live, quotes), 'restored').toEqual([])
      Y.applyUpdate(live, Y.encodeStateAsUpdate(other))
      Y.applyUpdate(other, Y.encodeStateAsUpdate(live))
      expect(unresolved(live, quotes), `merged ${sectionXml(live)}`).toEqual([])
      expect(unresolved(other, quotes), 'other').toEqual([])
    }), { numRuns: 300 })
  })
})
