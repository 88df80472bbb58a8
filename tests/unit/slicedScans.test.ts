/**
 * The whole-report readings a report page keeps live — cross-reference numbers, follow-up links,
 * the recommendation list — read a report that has just loaded or arrived in slices, one task
 * each (composables/editor/inSlices.ts), and afterwards only what transactions touched
 * (docs/performance.md). Whatever the slicing and the edits, what they publish equals a reading
 * of the whole report from scratch.
 */
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, effectScope, shallowRef, watch } from 'vue'
import * as Y from 'yjs'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type { EditorState } from '@tiptap/pm/state'
import { chorusSchema } from '#shared/editor/extensions'
import { numberJsonReport } from '#shared/reportNumbering'
import { readSections } from '#shared/reportDoc'
import { sectionFragmentName } from '#shared/docNames'
import { parseConcludingObservations } from '#shared/followUp/parseConcludingObservations'
import { writeConcludingObservations } from '#shared/followUp/writeConcludingObservations'
import { readConcludingObservations } from '#shared/followUp/readConcludingObservations'
import { readFollowUpLinks, type FollowUpPlace } from '#shared/followUp/readFollowUpLinks'
import { recommendationList, recommendationNodes, type BlockJson } from '#shared/recommendationList'
import type { ConcludingObservations } from '#shared/schemas/followUp'
import { inSlices, SLICE_MS } from '~~/composables/editor/inSlices'
import { liveReportNumbers } from '~~/composables/editor/liveReportNumbers'
import { REREAD_MS, watchFollowUp } from '~~/composables/editor/liveFollowUp'
import { reportExportInput } from '../../server/docx/fromYDoc'
import type { PMNode } from '../../server/docx/types'
import { largeReport, reportYDoc, sampleMeta } from '../fixtures-gen/sampleReport'
import { sampleCoText } from '../fixtures-gen/sampleConcludingObservations'
import { editSection } from '../support/guardScenario'

/** A clock where every reading is `step` ms after the one before: work "takes" time, so it is sliced. */
let clock = 0
function slowClock(step: number) {
  clock = 0
  vi.spyOn(performance, 'now').mockImplementation(() => (clock += step))
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('inSlices', () => {
  it('leaves the calling task alone, then does a slice per task, then calls done once', () => {
    slowClock(SLICE_MS / 3)
    let left = 10
    const done = vi.fn()
    const s = inSlices(() => (left > 0 ? (left--, true) : false), done)
    expect(left).toBe(10)
    expect(s.busy).toBe(true)
    vi.advanceTimersToNextTimer()
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThan(10)
    vi.advanceTimersToNextTimer()
    expect(done).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(left).toBe(0)
    expect(done).toHaveBeenCalledTimes(1)
    expect(s.busy).toBe(false)
  })

  it('finishes now when asked, and does nothing more after cancel', () => {
    slowClock(SLICE_MS)
    let left = 10
    const done = vi.fn()
    const s = inSlices(() => (left > 0 ? (left--, true) : false), done)
    s.finish()
    expect(left).toBe(0)
    expect(done).toHaveBeenCalledTimes(1)
    vi.runAllTimers()
    expect(done).toHaveBeenCalledTimes(1)

    left = 10
    const other = inSlices(() => (left > 0 ? (left--, true) : false), done)
    other.cancel()
    vi.runAllTimers()
    expect(left).toBeGreaterThan(0)
    expect(done).toHaveBeenCalledTimes(1)
  })
})

/** The ~100-page report with a refId on every top-level block (the targets references point at). */
function largeWithTargets(): Y.Doc {
  const input = largeReport()
  let n = 0
  for (const s of input.sections) {
    for (const b of s.content.content ?? []) if (b.type === 'paragraph' || b.type === 'heading') b.attrs = { ...b.attrs, refId: `t${n++}` }
  }
  return reportYDoc(input)
}

/** The numbers as the exporter computes them from scratch. */
function freshNumbers(doc: Y.Doc) {
  const input = reportExportInput(doc, { skipComments: true })
  return numberJsonReport(input.sections, { numberedParagraphs: input.meta.numberedParagraphs }).byRefId
}

describe('cross-reference numbers of a report that has just loaded', () => {
  it('are read in slices and published once, equal to a fresh numbering', () => {
    const doc = largeWithTargets()
    slowClock(2)
    const live = liveReportNumbers(doc)
    const heard = vi.fn()
    live.subscribe(heard)
    // Not all read in the first task.
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    vi.runAllTimers()
    expect(heard).toHaveBeenCalledTimes(1)
    vi.restoreAllMocks()
    expect(live.numbers.byRefId.size).toBeGreaterThan(500)
    expect(live.numbers.byRefId).toEqual(freshNumbers(doc))
  })

  it('are right when read before the slices are done (the reading finishes them)', () => {
    const doc = largeWithTargets()
    slowClock(2)
    const live = liveReportNumbers(doc)
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    const numbers = live.numbers.byRefId
    vi.restoreAllMocks()
    expect(numbers).toEqual(freshNumbers(doc))
  })

  it('are read in slices when the report arrives after the page asked for them', () => {
    const doc = new Y.Doc()
    const live = liveReportNumbers(doc)
    const heard = vi.fn()
    live.subscribe(heard)
    slowClock(2)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(largeWithTargets()))
    vi.advanceTimersToNextTimer()
    // The renumbering has begun and yielded: more tasks to go, nothing published yet.
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    expect(heard).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(heard).toHaveBeenCalledTimes(1)
    vi.restoreAllMocks()
    expect(live.numbers.byRefId).toEqual(freshNumbers(doc))
  })
})

// --- Follow-up links ---

const co = parseConcludingObservations(sampleCoText({ wrap: 70 }))
const p = (text: string, refId: string | null = null): PMNode => ({ type: 'paragraph', attrs: { refId }, content: text ? [{ type: 'text', text }] : [] })
const rec = (refId: string, text: string, kind: 'recommendation' | 'question' = 'recommendation', priority = false): PMNode => ({
  type: 'recommendation',
  attrs: { refId, kind, articles: '3', priority },
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})
const SECTIONS = ['sect-A', 'sect-B', 'sect-C'] as const

/** Three sections of paragraphs and recommendations, one an annex; `rows` blocks each. */
function smallReport(rows = 4): Y.Doc {
  let n = 0
  const body = () => ({ type: 'doc', content: Array.from({ length: rows }, (_, i) => (i % 3 === 2 ? rec(`r${n}`, `Recommendation ${n++}`, n % 2 ? 'question' : 'recommendation', n % 4 === 0) : p(`Paragraph ${n} with some words`, `p${n++}`))) })
  return reportYDoc({
    meta: sampleMeta(),
    comments: [],
    sections: SECTIONS.map((id, i) => ({ id, title: id, countsTowardLimit: i !== 1, content: body() })),
  })
}

/** Position of top-level block `i` (modulo the count) of a section, or null when it is empty. */
function blockAt(st: EditorState, i: number): { pos: number, node: EditorState['doc'] } | null {
  if (!st.doc.childCount) return null
  const k = i % st.doc.childCount
  let pos = 0
  for (let j = 0; j < k; j++) pos += st.doc.child(j).nodeSize
  return { pos, node: st.doc.child(k) }
}

const arbOp = fc.record({
  section: fc.constantFrom(...SECTIONS),
  kind: fc.constantFrom('link', 'unlink', 'type', 'insert', 'delete', 'co', 'noCo', 'retitle'),
  at: fc.nat(8),
  wait: fc.boolean(),
})
type Op = typeof arbOp extends fc.Arbitrary<infer T> ? T : never

function apply(doc: Y.Doc, o: Op) {
  const schema = chorusSchema()
  if (o.kind === 'co') return writeConcludingObservations(doc, co)
  if (o.kind === 'noCo') return doc.getMap('concludingObservations').clear()
  if (o.kind === 'retitle') {
    const entry = doc.getArray<Y.Map<unknown>>('sections').toArray().find(m => m.get('id') === o.section)
    return entry?.set('title', `Retitled ${o.at}`)
  }
  editSection(doc, o.section, (st) => {
    const b = blockAt(st, o.at)
    if (o.kind === 'insert') return st.tr.insert(b?.pos ?? 0, schema.nodes.paragraph!.create(null, schema.text(`Inserted ${o.at}`)))
    if (!b) return null
    if (o.kind === 'delete') return st.tr.delete(b.pos, b.pos + b.node.nodeSize)
    if (o.kind === 'type') return st.tr.insertText(`typed${o.at} `, b.pos + (b.node.type.name === 'recommendation' ? 2 : 1))
    if (b.node.type.name !== 'paragraph' && b.node.type.name !== 'recommendation') return null
    const value = o.kind === 'link' ? JSON.stringify({ co: String(o.at + 1), status: 'partly' }) : null
    return st.tr.setNodeAttribute(b.pos, 'followUp', value)
  })
}

describe('follow-up links kept live', () => {
  it('equal a reading of the whole report after any edits, read in slices or not (fast-check)', () => {
    let withLinks = 0
    fc.assert(fc.property(fc.array(arbOp, { maxLength: 16 }), fc.boolean(), (ops, slow) => {
      const doc = smallReport(slow ? 40 : 5)
      if (slow) slowClock(1)
      let last: { co: ConcludingObservations | null, links: FollowUpPlace[] } | null = null
      const stop = watchFollowUp(doc, (c, links) => (last = { co: c, links }))
      for (const o of ops) {
        apply(doc, o)
        if (o.wait) vi.advanceTimersByTime(REREAD_MS)
      }
      vi.runAllTimers()
      vi.restoreAllMocks()
      expect(last).toEqual({ co: readConcludingObservations(doc), links: readFollowUpLinks(doc) })
      if (readFollowUpLinks(doc).length) withLinks++
      stop()
    }), { numRuns: 80 })
    expect(withLinks).toBeGreaterThan(10)
  })

  it('reads nothing when someone types in a paragraph without a link, and again when the text of a linked one changes', () => {
    const doc = smallReport(6)
    writeConcludingObservations(doc, co)
    apply(doc, { section: 'sect-A', kind: 'link', at: 0, wait: false })
    expect(readFollowUpLinks(doc)).toHaveLength(1)
    const publish = vi.fn()
    const stop = watchFollowUp(doc, publish)
    vi.runAllTimers()
    expect(publish).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 5; i++) {
      apply(doc, { section: 'sect-B', kind: 'type', at: 1, wait: false })
      vi.advanceTimersByTime(REREAD_MS)
    }
    expect(publish).toHaveBeenCalledTimes(1)
    apply(doc, { section: 'sect-A', kind: 'type', at: 0, wait: false })
    vi.runAllTimers()
    expect(publish).toHaveBeenCalledTimes(2)
    expect(publish.mock.lastCall![1]).toEqual(readFollowUpLinks(doc))
    expect((publish.mock.lastCall![1] as FollowUpPlace[])[0]!.excerpt).toMatch(/^typed0 /)
    stop()
  })
})

// --- The recommendation list ---

describe('the recommendation list of a report that has just loaded', () => {
  it('is read a section per slice and published once, equal to a reading of every section; offsets in export order', async () => {
    Object.assign(globalThis, { shallowRef, watch, computed, onUnmounted: () => {} })
    const { useRecommendationList } = await import('../../composables/useRecommendationList')
    const doc = smallReport(12)
    slowClock(SLICE_MS)
    const scope = effectScope()
    const list = scope.run(() => useRecommendationList(shallowRef(doc), shallowRef(readSections(doc))))!
    const published: unknown[] = []
    scope.run(() => watch(list.groups, g => published.push(g)))
    vi.advanceTimersToNextTimer()
    await Promise.resolve()
    // The first section read, the others to come.
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    expect(published).toHaveLength(0)
    vi.runAllTimers()
    await vi.waitFor(() => expect(published).toHaveLength(1))
    vi.restoreAllMocks()

    const sections = readSections(doc)
    const full = recommendationList(sections.map(s => ({
      ...s,
      content: { type: 'doc', content: recommendationNodes(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(sectionFragmentName(s.id)), chorusSchema()).toJSON() as BlockJson) },
    })))
    expect(list.groups.value).toEqual(full)
    // The annex (sect-B) numbers after the body sections.
    const count = (id: string, kind: string) => full.find(g => g.sectionId === id)?.items.filter(i => i.kind === kind).length ?? 0
    expect(list.offsets.value['sect-B']).toEqual({
      recommendation: count('sect-A', 'recommendation') + count('sect-C', 'recommendation'),
      question: count('sect-A', 'question') + count('sect-C', 'question'),
    })
    scope.stop()
  })
})
