/**
 * A sample CRC alternative report as the app holds it, for the DOCX tests, the export benchmark and
 * the rendered pages in docs/. Deterministic (no randomness), invented names and figures.
 * `sampleReport()` is a short report touching every node and mark; `largeReport()` is ~100 pages.
 */
import * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '../../shared/editor/extensions'
import { sectionFragmentName } from '../../shared/docNames'
import { seedDoc } from '../../shared/reportDoc'
import { reportMetaSchema, type ReportMeta, type Section } from '../../shared/schemas/report'
import type { ExportInput, PMMark, PMNode } from '../../server/docx/types'
import { threadAt } from './sampleComments'

const t = (text: string, marks?: PMMark[]): PMNode => (marks ? { type: 'text', text, marks } : { type: 'text', text })
const b = (text: string) => t(text, [{ type: 'bold' }])
const i = (text: string) => t(text, [{ type: 'italic' }])
const p = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content })
const h = (level: number, text: string): PMNode => ({ type: 'heading', attrs: { level }, content: [t(text)] })
const ref = (id: string): PMNode => ({ type: 'footnoteReference', attrs: { id } })
const note = (id: string, ...content: PMNode[]): PMNode => ({ type: 'footnote', attrs: { id }, content: [p(...content)] })
const li = (...content: PMNode[]): PMNode => ({ type: 'listItem', content })
const ul = (...items: PMNode[]): PMNode => ({ type: 'bulletList', content: items })
const ol = (...items: PMNode[]): PMNode => ({ type: 'orderedList', attrs: { start: 1, type: null }, content: items })
const link = (text: string, href: string) => t(text, [{ type: 'link', attrs: { href } }])
const cell = (type: 'tableHeader' | 'tableCell', text: string): PMNode => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(t(text))] })
const row = (type: 'tableHeader' | 'tableCell', ...texts: string[]): PMNode => ({ type: 'tableRow', content: texts.map(x => cell(type, x)) })

/** Meta of the sample report. */
export function sampleMeta(overrides: Partial<ReportMeta> = {}): ReportMeta {
  return {
    title: 'Alternative report on the implementation of the Convention on the Rights of the Child',
    stateParty: 'Republic of Arcadia',
    treatyBody: 'Committee on the Rights of the Child',
    session: '98th session, pre-sessional working group',
    coalition: 'Arcadian Coalition for Child Rights',
    members: ['Children’s Legal Aid Centre', 'Office of the Child Ombudsman (observer)', 'Youth Voices Network', 'Humanitarian Child Protection Forum'],
    contact: 'Mira Halden, secretariat@child-rights.example.org, +000 12 345 678',
    confidentiality: 'public',
    language: 'en',
    deadline: '2027-03-01',
    submissionDate: '',
    wordLimit: 10000,
    numberedParagraphs: true,
    templateId: 'crc-alternative-report',
    ...overrides,
  }
}

let noteSeq = 0

/** One cluster section body: headings, numbered paragraphs with footnotes, lists, a table. */
export function clusterBody(cluster: string, withTable: boolean, notesPerSection = 3, extraParagraphs = 0): PMNode {
  const ids = Array.from({ length: notesPerSection }, () => `fn${++noteSeq}`)
  const blocks: PMNode[] = [
    h(2, `A. Follow-up to the previous concluding observations on ${cluster}`),
    p(t('In its previous concluding observations the Committee recommended that the State party adopt a comprehensive strategy. '), b('No budget line'), t(' has been attached to its implementation, and '), i('the monitoring body has not met since 2022'), t('.'), ref(ids[0]!)),
    p(t('The coalition notes that the State report (CRC/C/ARC/5-6, para. 41) describes the strategy as adopted, but does not say which ministry leads it.'), ref(ids[1] ?? ids[0]!)),
    h(3, 'Evidence gathered by the coalition'),
    p(t('Monitoring visits by member organisations covered:')),
    ul(li(p(t('pre-trial detention facilities;'))), li(p(t('temporary detention facilities;')), ul(li(p(t('in the capital;'))), li(p(t('in two regions.'))))), li(p(t('childcare institutions, but only on notice.')))),
    h(3, 'Questions for the State party'),
    ol(li(p(t('What budget is allocated to the strategy?'))), li(p(t('When will the law prohibit corporal punishment in all settings?')), ol(li(p(t('in the home;'))), li(p(t('in alternative care.')))))),
    { type: 'blockquote', content: [p(t('“Every child has the right to be heard in all matters affecting the child.” '), i('Article 12'))] },
    p(t('See the Committee’s '), link('general comment No. 13', 'https://www.ohchr.org/en/treaty-bodies/crc'), t(' and the coalition’s data annex.'), { type: 'hardBreak' }, t('Data are for 2017–2019.'), ...(ids[2] ? [ref(ids[2])] : [])),
  ]
  for (let k = 0; k < extraParagraphs; k++) {
    blocks.push(p(t(`Additional evidence ${k + 1}: administrative data on reported cases are not disaggregated by age, sex, disability or place of residence, and the coalition could only collect partial figures from public sources, which it sets out here so the Committee can compare them with the State report and ask the State party for complete figures in its written replies. Where figures exist, they are published late, in formats that cannot be compared from one year to the next, and without the methodology used to collect them.`)))
  }
  if (withTable) {
    blocks.push({ type: 'table', content: [
      row('tableHeader', 'Year', 'Reported cases', 'Cases brought to court', 'Source'),
      row('tableCell', '2017', '412', '97', 'Ministry statistics'),
      row('tableCell', '2018', '455', '103', 'Ministry statistics'),
      row('tableCell', '2019', '501', '88', 'Ombudsman annual report'),
    ] })
  }
  blocks.push(h(2, 'B. Proposed recommendations'))
  blocks.push(p(t('The coalition recommends that the State party '), i('explicitly prohibit corporal punishment in all settings'), t(', establish a child-friendly complaint mechanism, and publish disaggregated data annually.')))
  blocks.push({ type: 'footnotes', content: ids.map((id, k) => note(id, t(`CRC/C/ARC/CO/4, para. ${31 + k}; see also `), link('the OHCHR database', 'https://tbinternet.ohchr.org/'), t(', '), i('accessed 1 March 2027'), t('.'))) })
  return { type: 'doc', content: blocks }
}

/** A short report that uses every node and mark of the schema, with one annex. */
export function sampleReport(metaOverrides: Partial<ReportMeta> = {}): ExportInput {
  noteSeq = 0
  return {
    meta: sampleMeta(metaOverrides),
    sections: [
      { id: 'sec-summary', title: 'Executive summary', countsTowardLimit: true, content: { type: 'doc', content: [
        p(t('This alternative report is submitted by the Arcadian Coalition for Child Rights, a network of four organisations working on child justice, alternative care and participation.')),
        p(t('Its key recommendations are summarised at the end of each cluster and in part VI.')),
      ] } },
      { id: 'sec-cluster-v', title: 'V. Violence against children', countsTowardLimit: true, content: clusterBody('violence against children', true) },
      { id: 'sec-cluster-vi', title: 'VI. Family environment and alternative care', countsTowardLimit: true, content: clusterBody('alternative care', false) },
      { id: 'sec-annex', title: 'Annex I. Contributing organisations', countsTowardLimit: false, content: { type: 'doc', content: [
        p(t('Children’s Legal Aid Centre — child justice.')),
        p(t('Youth Voices Network — participation of children and young people.')),
      ] } },
    ],
    comments: [],
  }
}

/** ~100 pages: 10 clusters × 100 blocks ≈ 1,000 blocks, 20 tables, 300 footnotes. */
export function largeReport(): ExportInput {
  noteSeq = 0
  const sections = []
  for (let s = 0; s < 10; s++) {
    // Each cluster body has ~15 blocks of its own; repeat it to reach ~100 blocks and 30 notes.
    const content: PMNode[] = []
    const notes: PMNode[] = []
    for (let r = 0; r < 5; r++) {
      const body = clusterBody(`cluster ${s + 1}, part ${r + 1}`, r < 2, 6, 9)
      for (const block of body.content ?? []) {
        if (block.type === 'footnotes') notes.push(...(block.content ?? []))
        else content.push(block)
      }
    }
    content.push({ type: 'footnotes', content: notes })
    // Ids as the server makes them (6–64 url-safe characters): the readers skip any other.
    sections.push({ id: `sec-cluster-${s + 1}`, title: `${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][s]}. Cluster ${s + 1}`, countsTowardLimit: true, content: { type: 'doc', content } })
  }
  return { meta: sampleMeta(), sections, comments: [] }
}

/**
 * A Y.Doc holding `input` the way the app stores a report: seeded like a new report
 * (server/reports/createReport.ts), bodies written through y-tiptap as the editor does, and the
 * input's comment threads opened with the app's comment writers on their `from`–`to` range.
 */
export function reportYDoc(input: ExportInput): Y.Doc {
  const doc = new Y.Doc()
  const schema = chorusSchema()
  const sections: Section[] = input.sections.map(s => ({
    id: s.id, title: s.title, guidance: '', articles: [], wordBudget: null, countsTowardLimit: s.countsTowardLimit, ownerId: null, status: 'draft',
    generated: (s.generated ?? null) as Section['generated'], priorityList: s.priorityList ?? false,
  }))
  seedDoc(doc, reportMetaSchema.parse(input.meta), sections)
  for (const section of input.sections) {
    prosemirrorJSONToYXmlFragment(schema, section.content, doc.getXmlFragment(sectionFragmentName(section.id)))
  }
  for (const c of input.comments) {
    if (c.from === null || c.to === null) continue
    threadAt(doc, c.sectionId, c.from, c.to, c.quote, {
      author: { id: `u-${c.authorName}`, name: c.authorName },
      body: c.body,
      suggestion: c.suggestion,
      now: c.createdAt,
      replies: c.replies.map(r => ({ author: { id: `u-${r.authorName}`, name: r.authorName }, body: r.body, now: r.createdAt })),
    })
  }
  return doc
}
