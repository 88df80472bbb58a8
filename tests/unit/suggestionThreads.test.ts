/**
 * Suggestions as the comments panel and the disposition CSV read them: one reader over the
 * section's Y.XmlFragment agrees with the ProseMirror document, replies open one thread per
 * suggestion, and a decision is recorded for the CSV with who suggested, who decided, when, the
 * text before and after and the reason for a rejection.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { suggestChanges } from '#shared/editor/suggestChanges'
import { readSuggestions } from '#shared/editor/readSuggestions'
import type { YRunCache } from '#shared/editor/readSuggestions'
import { seedDoc } from '#shared/reportDoc'
import { reportMetaSchema } from '#shared/schemas/report'
import { readThreads } from '#shared/commentsDoc'
import { sectionFragmentName } from '#shared/docNames'
import { recordSuggestionDecisions, replyToSuggestion } from '#shared/suggestionThreads'
import { suggestionAnchors } from '#shared/suggestionAnchors'
import { dispositionCsv, dispositionRows } from '../../server/comments/dispositionCsv'

const schema = chorusSchema()
const SECTION = 'sec-aaaaaa'

/** A report whose section holds Ana's deletion of "all" and Ben's insertion of " now". */
function reportWithSuggestions() {
  let state = EditorState.create({ schema, doc: schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'End all detention' }] }] }) })
  const apply = (tr: ReturnType<typeof state.tr.delete>, who: { id: string, name: string }) => {
    const r = suggestChanges(state, tr, { ...who, now: () => Date.UTC(2026, 10, 1) })
    if (r.kind !== 'tracked') throw new Error('structural')
    state = state.apply(r.tr)
  }
  apply(state.tr.delete(5, 9), { id: 'u-ana', name: 'Ana' })
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 18)))
  apply(state.tr.insertText(' now'), { id: 'u-ben', name: 'Ben' })
  const doc = new Y.Doc()
  seedDoc(doc, reportMetaSchema.parse({ title: 'Report' }), [
    { id: SECTION, title: 'Cluster V', guidance: '', articles: [], wordBudget: null, countsTowardLimit: true, ownerId: null, status: 'draft', generated: null, priorityList: false },
  ])
  prosemirrorJSONToYXmlFragment(schema, state.doc.toJSON(), doc.getXmlFragment(sectionFragmentName(SECTION)))
  return { doc, pm: state.doc }
}

describe('suggestion threads', () => {
  it('reads the same suggestions from the Y.XmlFragment as from the ProseMirror document', () => {
    const { doc, pm } = reportWithSuggestions()
    const fromY = readSuggestions(doc.getXmlFragment(sectionFragmentName(SECTION)), SECTION)
    expect(fromY).toEqual(readSuggestions(pm, SECTION))
    expect(fromY.map(e => [e.authorName, e.kind, e.deleted, e.inserted])).toEqual([['Ana', 'deletion', 'all ', ''], ['Ben', 'insertion', '', ' now']])
  })

  it('anchors a suggestion\'s thread to its text', () => {
    const { doc } = reportWithSuggestions()
    const fragment = doc.getXmlFragment(sectionFragmentName(SECTION))
    const [ana] = readSuggestions(fragment, SECTION)
    const anchors = suggestionAnchors(fragment, ana!.id)!
    const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(anchors.anchorStart), doc)!
    const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(anchors.anchorEnd), doc)!
    expect((start.type as Y.XmlText).toString().replace(/<[^>]+>/g, '').slice(start.index, end.index)).toBe('all ')
    expect(suggestionAnchors(fragment, 'nope')).toBeNull()
  })

  it('opens one thread per suggestion on the first reply; later replies join it', () => {
    const { doc } = reportWithSuggestions()
    const [ana] = readSuggestions(doc.getXmlFragment(sectionFragmentName(SECTION)), SECTION)
    replyToSuggestion(doc, ana!, { author: { id: 'u-cy', name: 'Cy' }, body: 'Why remove “all”?', mentions: [] })
    replyToSuggestion(doc, ana!, { author: { id: 'u-ana', name: 'Ana' }, body: 'It is implied.', mentions: [] })
    const threads = readThreads(doc)
    expect(threads).toHaveLength(1)
    expect(threads[0]).toMatchObject({ suggestionId: ana!.id, authorName: 'Cy', body: 'Why remove “all”?', quote: 'all ', status: 'open' })
    expect(threads[0]!.replies.map(r => r.body)).toEqual(['It is implied.'])
  })

  it('records decisions for the disposition CSV: who suggested, who decided, when, before and after, why', () => {
    const { doc } = reportWithSuggestions()
    const [ana, ben] = readSuggestions(doc.getXmlFragment(sectionFragmentName(SECTION)), SECTION)
    replyToSuggestion(doc, ana!, { author: { id: 'u-cy', name: 'Cy' }, body: 'Agreed.', mentions: [] })
    const decidedAt = Date.UTC(2026, 10, 2, 9, 30)
    recordSuggestionDecisions(doc, [ana!], { status: 'accepted', decider: { id: 'u-sec', name: 'Sam' }, now: decidedAt })
    recordSuggestionDecisions(doc, [ben!], { status: 'rejected', decider: { id: 'u-sec', name: 'Sam' }, reason: 'Not in the source', now: decidedAt })
    const threads = readThreads(doc)
    // Cy's discussion is resolved by the decision; each decision is a record of its own.
    expect(threads.map(t => [t.suggestionId === ana!.id ? 'ana' : 'ben', t.status, t.authorName]).sort()).toEqual([['ana', 'accepted', 'Sam'], ['ana', 'resolved', 'Cy'], ['ben', 'rejected', 'Sam']])
    const rows = dispositionRows(threads, new Map([[SECTION, 'Cluster V']]), new Map())
      .sort((a, b) => a.who.localeCompare(b.who))
    expect(rows[0]).toMatchObject({ section: 'Cluster V', kind: 'Deletion', who: 'Ana', excerpt: 'all ', suggestedText: '(delete: “all”)', status: 'accepted', decidedBy: 'Sam', decidedAt: '2026-11-02 09:30', replies: 'Cy: Agreed.' })
    expect(rows[1]).toMatchObject({ kind: 'Insertion', who: 'Ben', excerpt: '', suggestedText: ' now', status: 'rejected', decidedBy: 'Sam', reason: 'Not in the source' })
    const csv = dispositionCsv(rows)
    expect(csv).toContain('"Type"')
    expect(csv).toContain('"Decided on"')
  })

  it('lists open suggestions in the CSV too, read by the same reader as the panel, with their discussion', () => {
    const { doc } = reportWithSuggestions()
    const open = readSuggestions(doc.getXmlFragment(sectionFragmentName(SECTION)), SECTION)
    replyToSuggestion(doc, open[0]!, { author: { id: 'u-cy', name: 'Cy' }, body: 'Why?', mentions: [] })
    const rows = dispositionRows(readThreads(doc), new Map([[SECTION, 'Cluster V']]), new Map(), open)
    expect(rows.map(r => [r.kind, r.who, r.status, r.excerpt, r.suggestedText, r.replies])).toEqual([
      ['Deletion', 'Ana', 'open', 'all ', '(delete: “all”)', 'Cy: Why?'],
      ['Insertion', 'Ben', 'open', '', ' now', ''],
    ])
  })

  it('reads the same with a paragraph cache whose changed texts are dropped per transaction', () => {
    const { doc } = reportWithSuggestions()
    const fragment = doc.getXmlFragment(sectionFragmentName(SECTION))
    const cache: YRunCache = new WeakMap()
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      for (const type of tr.changed.keys()) if (type instanceof Y.XmlText) cache.delete(type)
    })
    expect(readSuggestions(fragment, SECTION, cache)).toEqual(readSuggestions(fragment, SECTION))
    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(0, 'Now ', { insertion: { id: 'cy1', authorId: 'u-cy', authorName: 'Cy', createdAt: 5, wordAuthor: null } })
    const fresh = readSuggestions(fragment, SECTION)
    expect(fresh.map(e => e.inserted)).toContain('Now ')
    expect(readSuggestions(fragment, SECTION, cache)).toEqual(fresh)
  })

  it('ignores a decision record that claims someone other than its writer decided', () => {
    const { doc } = reportWithSuggestions()
    const [ana] = readSuggestions(doc.getXmlFragment(sectionFragmentName(SECTION)), SECTION)
    // Rui writes a record in his own name (as the hub requires) but says Sam decided.
    recordSuggestionDecisions(doc, [ana!], { status: 'accepted', decider: { id: 'u-rui', name: 'Rui' } })
    const forged = doc.getMap<Y.Map<unknown>>('comments').get(readThreads(doc)[0]!.id)!.get('decision') as Y.Map<unknown>
    forged.set('decidedBy', 'u-sec')
    forged.set('decidedByName', 'Sam')
    expect(readThreads(doc)[0]).toMatchObject({ status: 'open', decision: undefined })
  })
})
