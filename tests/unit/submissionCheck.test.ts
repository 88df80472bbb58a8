/**
 * The submission check's functions on reports built with the app's own writers: the sample
 * report (tests/fixtures-gen), threads opened by the comment writers, tracked changes written as
 * the editor writes them, and decisions recorded as the panel records them.
 */
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { Transform } from '@tiptap/pm/transform'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { decideSuggestions } from '#shared/editor/decideSuggestions'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { sectionFragmentName } from '#shared/docNames'
import { setResolved } from '#shared/commentsDoc'
import { findSectionMap, writeMeta } from '#shared/reportDoc'
import { recordSuggestionDecisions, replyToSuggestion } from '#shared/suggestionThreads'
import { CHECK_KINDS, checkContextFromDoc, checkMessage, daysBetween, genevaDate, readyToSubmit, runChecks } from '#shared/submissionCheck'
import type { CheckContext, CheckFn, CheckItem } from '#shared/submissionCheck'
import { reportYDoc, sampleReport } from '../fixtures-gen/sampleReport'
import { commentOn } from '../fixtures-gen/sampleComments'
import { suggestDeletion, suggestInsertion } from '../fixtures-gen/sampleSuggestions'
import { recommendationsReport } from '../fixtures-gen/sampleRecommendations'

const ana = { id: 'u-ana', name: 'Ana Author' }
const rui = { id: 'u-rui', name: 'Rui Reviewer' }
const sam = { id: 'u-sam', name: 'Sam Secretariat' }
// 12:00 UTC on 20 February 2027 is the same day in Geneva.
const NOW = new Date('2027-02-20T12:00:00Z')

const kinds = (items: CheckItem[]) => items.map(i => `${i.severity}:${i.kind}${i.sectionId ? `@${i.sectionId}` : ''}`)
const check = (doc: Y.Doc, options: Parameters<typeof checkContextFromDoc>[1] = {}) => runChecks(checkContextFromDoc(doc, { now: NOW, ...options }))

function setSection(doc: Y.Doc, id: string, patch: Record<string, unknown>) {
  const found = findSectionMap(doc, id)!
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) found.map.set(k, v)
  })
}
function markAllFinal(doc: Y.Doc) {
  for (const id of ['sec-summary', 'sec-cluster-v', 'sec-cluster-vi', 'sec-annex']) setSection(doc, id, { status: 'final' })
}
/** Accept every open suggestion of a section the way the panel does: the text change and its record. */
function acceptAll(doc: Y.Doc, sectionId: string) {
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const entries = readSuggestions(fragment, sectionId)
  const { doc: pm, meta } = initProseMirrorDoc(fragment, chorusSchema())
  const tr = new Transform(pm)
  decideSuggestions(tr, 'accept')
  doc.transact(() => {
    updateYFragment(doc, fragment, tr.doc, meta)
    recordSuggestionDecisions(doc, entries, { status: 'accepted', decider: sam, now: NOW.getTime() })
  })
}

describe('submission check', () => {
  it('a finished sample report is ready to submit, with only the deadline as information', () => {
    const doc = reportYDoc(sampleReport())
    markAllFinal(doc)
    const items = check(doc)
    expect(kinds(items)).toEqual(['info:deadline'])
    expect(items[0]!.params).toEqual({ deadline: '2027-03-01', daysLeft: 9 })
    expect(items[0]!.message).toBe('The deadline is 2027-03-01: 9 days left, Geneva time.')
    expect(readyToSubmit(items)).toBe(true)
  })

  it('lists sections not final, empty sections and open threads per section, and goes green as they are dealt with', () => {
    const doc = reportYDoc(sampleReport())
    // An empty section, as a new report from a template has them.
    const emptyBody = doc.getXmlFragment(sectionFragmentName('sec-cluster-vi'))
    emptyBody.delete(0, emptyBody.length)
    const t1 = commentOn(doc, 'sec-cluster-v', 'No budget line', { author: rui, body: 'Source?', now: 1 })
    const t2 = commentOn(doc, 'sec-cluster-v', 'monitoring body', { author: rui, body: 'Which one?', now: 2 })
    let items = check(doc)
    expect(kinds(items)).toEqual([
      'blocking:section-empty@sec-cluster-vi',
      'warning:section-not-final@sec-summary',
      'warning:section-not-final@sec-cluster-v',
      'warning:section-not-final@sec-cluster-vi',
      'warning:section-not-final@sec-annex',
      'warning:open-threads@sec-cluster-v',
      'info:deadline',
    ])
    const threads = items.find(i => i.kind === 'open-threads')!
    expect(threads.params).toMatchObject({ count: 2, threadId: t1, section: 'V. Violence against children' })
    expect(threads.message).toBe('“V. Violence against children” has 2 open comment threads.')
    expect(readyToSubmit(items)).toBe(false)

    // Step by step: fill the empty section, resolve the threads, mark everything final.
    const { meta } = initProseMirrorDoc(emptyBody, chorusSchema())
    const filled = chorusSchema().node('doc', null, [chorusSchema().node('paragraph', null, [chorusSchema().text('Alternative care is used too often.')])])
    updateYFragment(doc, emptyBody, filled, meta)
    expect(kinds(check(doc))).not.toContain('blocking:section-empty@sec-cluster-vi')
    setResolved(doc, t1, true, ana.id)
    items = check(doc)
    expect(items.find(i => i.kind === 'open-threads')!.params).toMatchObject({ count: 1, threadId: t2 })
    setResolved(doc, t2, true, ana.id)
    markAllFinal(doc)
    items = check(doc)
    expect(kinds(items)).toEqual(['info:deadline'])
    expect(readyToSubmit(items)).toBe(true)
  })

  it('counts open suggestions per section (tracked changes and suggested replacements), not their discussions; decided ones drop out', () => {
    const doc = reportYDoc(sampleReport())
    markAllFinal(doc)
    suggestDeletion(doc, 'sec-cluster-v', 'No budget line', { author: rui, now: 1 })
    suggestInsertion(doc, 'sec-cluster-v', 'comprehensive strategy', ' for 2025–2030', { author: rui, now: 2 })
    commentOn(doc, 'sec-summary', 'network of four organisations', { author: rui, body: 'Five now?', suggestion: 'network of five organisations', now: 3 })
    const [first] = readSuggestions(doc.getXmlFragment(sectionFragmentName('sec-cluster-v')), 'sec-cluster-v')
    replyToSuggestion(doc, first!, { author: ana, body: 'Agreed', mentions: [] })
    let items = check(doc)
    expect(kinds(items)).toEqual(['blocking:open-suggestions@sec-summary', 'blocking:open-suggestions@sec-cluster-v', 'info:deadline'])
    expect(items[1]!.params).toMatchObject({ count: 2 })
    expect(items[1]!.message).toBe('“V. Violence against children” has 2 open suggestions.')
    acceptAll(doc, 'sec-cluster-v')
    items = check(doc)
    expect(kinds(items)).toEqual(['blocking:open-suggestions@sec-summary', 'info:deadline'])
  })

  it('checks the total against the limit without annexes, each section against its budget, and names the LOIPR thematic case', () => {
    const doc = reportYDoc(sampleReport())
    markAllFinal(doc)
    const ctx = checkContextFromDoc(doc, { now: NOW })
    const counted = ctx.sections.filter(s => s.countsTowardLimit).reduce((n, s) => n + s.words, 0)
    const annex = ctx.sections.find(s => s.id === 'sec-annex')!.words
    expect(annex).toBeGreaterThan(0)
    // A limit the body meets exactly is fine, however long the annex.
    writeMeta(doc, { wordLimit: counted })
    expect(kinds(check(doc))).toEqual(['info:deadline'])
    writeMeta(doc, { wordLimit: counted - 5 })
    setSection(doc, 'sec-summary', { wordBudget: 10 })
    setSection(doc, 'sec-annex', { wordBudget: 5 })
    let items = check(doc)
    expect(kinds(items)).toEqual(['blocking:word-limit', 'warning:section-budget@sec-summary', 'warning:section-budget@sec-annex', 'info:deadline'])
    expect(items[0]!.params).toEqual({ words: counted, limit: counted - 5, over: 5 })
    const summaryWords = ctx.sections.find(s => s.id === 'sec-summary')!.words
    expect(items[1]!.params).toMatchObject({ words: summaryWords, budget: 10, over: summaryWords - 10 })

    // A thematic LOIPR submission (3,000 words) built from the sample with extra paragraphs.
    const loipr = reportYDoc(sampleReport({ templateId: 'crc-loipr-submission', wordLimit: 3000 }))
    const body = loipr.getXmlFragment(sectionFragmentName('sec-cluster-v'))
    const { meta } = initProseMirrorDoc(body, chorusSchema())
    const long = chorusSchema().node('doc', null, Array.from({ length: 40 }, (_, k) => chorusSchema().node('paragraph', null, [chorusSchema().text(`Paragraph ${k}: ${'evidence '.repeat(80)}`)])))
    updateYFragment(loipr, body, long, meta)
    items = runChecks(checkContextFromDoc(loipr, { now: NOW, scopes: { comprehensive: 10000, thematic: 3000 } }))
    const over = items.find(i => i.kind === 'word-limit')!
    expect(over.params).toMatchObject({ limit: 3000, scope: 'thematic' })
    expect(over.message).toMatch(/over the thematic submission limit of 3,000/)
  })

  it('reads the deadline in Geneva days: today, close, passed, missing; and a cover date after it', () => {
    const doc = reportYDoc(sampleReport())
    markAllFinal(doc)
    // 23:30 UTC on 28 February is already 1 March in Geneva: the deadline day.
    let items = check(doc, { now: new Date('2027-02-28T23:30:00Z') })
    expect(items.map(i => [i.severity, i.kind, i.params?.daysLeft])).toEqual([['warning', 'deadline', 0]])
    expect(items[0]!.message).toBe('The deadline (2027-03-01) is today, Geneva time.')
    expect(readyToSubmit(items)).toBe(false)
    items = check(doc, { now: new Date('2027-03-03T08:00:00Z') })
    expect(items.map(i => [i.kind, i.params?.daysAgo])).toEqual([['deadline-passed', 2]])
    writeMeta(doc, { submissionDate: '2027-03-02' })
    expect(kinds(check(doc))).toEqual(['warning:submission-date-late', 'info:deadline'])
    writeMeta(doc, { deadline: '', submissionDate: '' })
    expect(kinds(check(doc))).toEqual(['info:deadline-missing'])
    expect(genevaDate(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01') // summer time, UTC+2
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2) // across the change to summer time
  })

  it('names missing cover fields', () => {
    const doc = reportYDoc(sampleReport({ coalition: '', contact: '  ' }))
    markAllFinal(doc)
    expect(check(doc).filter(i => i.kind === 'cover-missing').map(i => i.params?.field)).toEqual(['coalition', 'contact'])
  })

  it('threads of a section that was removed are not counted', () => {
    const doc = reportYDoc(sampleReport())
    markAllFinal(doc)
    commentOn(doc, 'sec-annex', 'Youth Voices Network', { author: rui, body: 'Spelling?' })
    expect(kinds(check(doc))).toContain('warning:open-threads@sec-annex')
    doc.getArray('sections').delete(3, 1)
    expect(kinds(check(doc))).toEqual(['info:deadline'])
  })

  it('takes more check functions: a later kind is one more function in the list', () => {
    const doc = reportYDoc(sampleReport())
    markAllFinal(doc)
    const extra: CheckFn = (ctx: CheckContext) => ctx.sections.slice(0, 1).map(s => ({ kind: 'section-empty', severity: 'blocking', sectionId: s.id, params: { section: s.title } }))
    const items = runChecks(checkContextFromDoc(doc, { now: NOW }), [extra])
    expect(kinds(items)).toEqual(['blocking:section-empty@sec-summary'])
  })

  it('names CRC recommendations citing no article, and recommendations in a submission that asks questions', () => {
    const doc = reportYDoc(recommendationsReport())
    const of = (items: CheckItem[], kind: string) => items.filter(i => i.kind === kind).map(i => [i.sectionId, i.params?.count])
    const crc = check(doc, { blocks: { kind: 'recommendations', articlesRequired: true } })
    expect(of(crc, 'recommendations-without-articles')).toEqual([['sec-cluster-v', 1], ['sec-annex', 1]])
    expect(of(crc, 'recommendations-in-questions')).toEqual([])
    expect(crc.find(i => i.kind === 'recommendations-without-articles')!.message).toBe('“V. Violence against children” has 1 recommendation naming no article of the Convention.')
    // UPR recommendations cite no treaty articles.
    expect(of(check(doc, { blocks: { kind: 'recommendations', articlesRequired: false } }), 'recommendations-without-articles')).toEqual([])
    const loipr = check(doc, { blocks: { kind: 'questions', articlesRequired: true } })
    expect(of(loipr, 'recommendations-in-questions')).toEqual([['sec-cluster-v', 2], ['sec-cluster-vi', 1], ['sec-annex', 1]])
    expect(of(loipr, 'recommendations-without-articles')).toEqual([])
  })

  it('has an English message for every kind', () => {
    for (const kind of CHECK_KINDS) expect(checkMessage(kind, { section: 'S', count: 1, words: 1, over: 1, limit: 1, budget: 1, field: 'contact', deadline: 'd', daysLeft: 1, daysAgo: 1, submissionDate: 'd', status: 'draft' })).toMatch(/\w/)
  })
})
