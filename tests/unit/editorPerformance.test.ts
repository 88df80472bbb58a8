/**
 * The per-keystroke savings of docs/performance.md keep their results: counts kept per block equal
 * a full recount after any edit, a report's first count is published once, and a section editor's
 * carets hear only about carets in it.
 */
import { describe, expect, it, vi } from 'vitest'
import { computed, effectScope, shallowRef, watch } from 'vue'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '../../shared/editor/extensions'
import { fragmentWordCounts } from '../../shared/wordCount'
import { clusterBody } from '../fixtures-gen/sampleReport'
import { forgetChanged, fragmentFootnoteIds, sectionCounts } from '../../composables/useLiveReport'
import { seedDoc } from '../../shared/reportDoc'
import { sectionFragmentName } from '../../shared/docNames'
import { reportMetaSchema, sectionSchema } from '../../shared/schemas/report'
import { caretIn, sectionAwareness } from '../../composables/editor/sectionAwareness'

function paragraphs(fragment: Y.XmlFragment): Y.XmlText[] {
  const out: Y.XmlText[] = []
  const walk = (n: Y.XmlFragment | Y.XmlElement) => n.toArray().forEach((c) => {
    if (c instanceof Y.XmlText) out.push(c)
    else if (c instanceof Y.XmlElement) walk(c)
  })
  walk(fragment)
  return out
}

describe('word and footnote counts kept per block', () => {
  it('equal a full recount after inserts, deletions, new and removed blocks, and a new footnote reference', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('section:a')
    prosemirrorJSONToYXmlFragment(chorusSchema(), clusterBody('violence', true, 3, 4), fragment)
    const cache = new WeakMap()
    doc.on('afterTransaction', tr => forgetChanged(tr, cache))
    const full = () => ({ ...fragmentWordCounts(fragment), footnotes: fragmentFootnoteIds(fragment).length })
    expect(sectionCounts(fragment, cache)).toEqual(full())
    const texts = paragraphs(fragment)
    const edits: Array<() => void> = [
      () => texts[3]!.insert(0, 'several new words here '),
      () => texts[7]!.delete(0, Math.min(12, texts[7]!.length)),
      () => texts[5]!.insert(texts[5]!.length, ' pending words', { insertion: { id: 's1', authorId: 'u1', authorName: 'U', createdAt: 1 } }),
      () => {
        const p = new Y.XmlElement('paragraph')
        p.insert(0, [new Y.XmlText('a whole new paragraph of six words')])
        fragment.insert(2, [p])
      },
      () => fragment.delete(4, 1),
      () => {
        const host = fragment.get(1) as Y.XmlElement
        const ref = new Y.XmlElement('footnoteReference')
        ref.setAttribute('id', 'fn-new')
        host.insert(host.length, [ref])
      },
    ]
    for (const edit of edits) {
      edit()
      expect(sectionCounts(fragment, cache)).toEqual(full())
    }
  })
})

describe('the counts of a report that has just loaded', () => {
  it('are published once, equal to a full count, though counted in slices; an edit later recounts its section', async () => {
    // useLiveReport is a Nuxt composable (Vue's functions auto-imported): give it Vue's.
    Object.assign(globalThis, { shallowRef, watch, computed, onUnmounted: () => {} })
    const { useLiveReport } = await import('../../composables/useLiveReport')
    const ids = Array.from({ length: 15 }, (_, i) => `section-${i + 1}`)
    const doc = new Y.Doc()
    seedDoc(doc, reportMetaSchema.parse({ title: 'Long' }), ids.map(id => sectionSchema.parse({ id, title: id })))
    for (const [i, id] of ids.entries()) {
      const fragment = doc.getXmlFragment(sectionFragmentName(id))
      prosemirrorJSONToYXmlFragment(chorusSchema(), clusterBody(`cluster ${i}`, i % 2 === 0, 3, 9), fragment)
    }
    const full = (id: string) => {
      const fragment = doc.getXmlFragment(sectionFragmentName(id))
      return { ...fragmentWordCounts(fragment), footnotes: fragmentFootnoteIds(fragment).length }
    }
    const scope = effectScope()
    const live = scope.run(() => useLiveReport(shallowRef(doc)))!
    const published: unknown[] = []
    scope.run(() => watch(live.counts, c => published.push(c)))
    await vi.waitFor(() => expect(Object.keys(live.counts.value)).toHaveLength(15), { timeout: 10_000 })
    expect(published).toHaveLength(1)
    for (const id of ids) expect(live.counts.value[id]).toEqual(full(id))

    const text = paragraphs(doc.getXmlFragment(sectionFragmentName('section-7')))[2]!
    text.insert(0, 'four more words here ')
    await vi.waitFor(() => expect(live.counts.value['section-7']).toEqual(full('section-7')), { timeout: 10_000 })
    expect(published).toHaveLength(2)
    expect(live.counts.value['section-6']).toBe((published[0] as Record<string, unknown>)['section-6'])
    scope.stop()
  })
})

describe('section awareness', () => {
  function setup() {
    const doc = new Y.Doc()
    const a = doc.getXmlFragment('section:a')
    const b = doc.getXmlFragment('section:b')
    for (const f of [a, b]) prosemirrorJSONToYXmlFragment(chorusSchema(), { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Some text' }] }] }, f)
    const remoteDoc = new Y.Doc()
    Y.applyUpdate(remoteDoc, Y.encodeStateAsUpdate(doc))
    const mine = new Awareness(doc)
    const remote = new Awareness(remoteDoc)
    const textOf = (f: Y.XmlFragment) => (f.get(0) as Y.XmlElement).get(0) as Y.XmlText
    /** The remote person's caret moves into `f`; the change reaches my awareness as the provider applies it. */
    const moveTo = (f: Y.XmlFragment, at = 2) => {
      const pos = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(textOf(f), at))
      remote.setLocalStateField('cursor', { anchor: pos, head: pos })
      mine.states.set(remote.clientID, remote.getLocalState()!)
      mine.emit('change', [{ added: [], updated: [remote.clientID], removed: [] }, 'remote'])
    }
    return { doc, a, b, mine, remote, moveTo }
  }

  it('tells a section editor about carets that are or were in it, and nothing else', () => {
    const { doc, a, b, mine, remote, moveTo } = setup()
    const heardA: number[] = []
    const heardB: number[] = []
    const inA = sectionAwareness(mine, doc, a)
    const inB = sectionAwareness(mine, doc, b)
    inA.on('change', () => heardA.push(1))
    inB.on('change', () => heardB.push(1))
    moveTo(b, 1)
    moveTo(b, 3)
    moveTo(b, 5)
    expect([heardA.length, heardB.length]).toEqual([0, 3])
    // Leaving b for a: both redraw (b drops the caret, a draws it).
    moveTo(a, 1)
    expect([heardA.length, heardB.length]).toEqual([1, 4])
    // Gone: only the section it was in.
    mine.states.delete(remote.clientID)
    mine.emit('change', [{ added: [], updated: [], removed: [remote.clientID] }, 'remote'])
    expect([heardA.length, heardB.length]).toEqual([2, 4])
    expect(caretIn(undefined, doc, a)).toBe(false)
  })

  it('passes everything else through to the awareness (states, my own fields, off)', () => {
    const { doc, a, mine, moveTo } = setup()
    const wrapped = sectionAwareness(mine, doc, a)
    wrapped.setLocalStateField('user', { name: 'Me' })
    expect(mine.getLocalState()?.user).toEqual({ name: 'Me' })
    expect(wrapped.getStates()).toBe(mine.getStates())
    let heard = 0
    const listener = () => heard++
    wrapped.on('change', listener)
    moveTo(a)
    wrapped.off('change', listener)
    moveTo(a, 4)
    expect(heard).toBe(1)
  })
})
