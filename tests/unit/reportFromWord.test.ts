/**
 * A whole report from a Word file: the draft split at its top headings, parts matched to the
 * template's clusters, the cover read into the settings — and a Chorus export imported this way
 * comes back as the report it was (export → import → export: the same structure).
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { seedDoc } from '../../shared/reportDoc'
import { reportMetaSchema, type ReportLanguage, type Section } from '../../shared/schemas/report'
import { exportDocx } from '../../server/docx/export/exportDocx'
import { reportExportInput } from '../../server/docx/fromYDoc'
import { importDocx } from '../../server/docx/import/importDocx'
import { findTemplate } from '../../server/templates'
import { planReportImport, type FullPlan } from '../../server/reports/import/planReportImport'
import { draftLayout } from '../../server/reports/import/draftLayout'
import { draftSections, fillDraftBodies } from '../../server/reports/import/draftSections'
import type { ExportInput, PMNode } from '../../server/docx/types'
import { reportYDoc, sampleReport } from '../fixtures-gen/sampleReport'
import { docxStructure } from '../fixtures-gen/docxStructure'
import { fodt, libreOfficeDocx, pandocDocx } from '../fixtures-gen/officeFiles'

const DATE = new Date('2027-03-01T00:00:00Z')
const TEMPLATE = 'crc-alternative-report'

/** A report as the from-word route makes it (meta from the cover, sections from the plan), as a Y.Doc. */
function reportFromPlan(plan: FullPlan, language: ReportLanguage = 'en', targets = plan.parts.map(p => p.target)): Y.Doc {
  const template = findTemplate(TEMPLATE, language)!
  const meta = reportMetaSchema.parse({ treatyBody: template.treatyBody, numberedParagraphs: template.numberedParagraphs, ...plan.settings, title: plan.settings.title || 'x', language, wordLimit: template.wordLimit, templateId: template.id })
  const fromTemplate: Section[] = template.sections.map(s => reportSection(s.key, s.title, s.countsTowardLimit))
  const draft = draftLayout(template, plan.parts, targets, language)
  const sections = draftSections(draft, fromTemplate)
  const doc = new Y.Doc()
  seedDoc(doc, meta, sections)
  fillDraftBodies(doc, draft, sections)
  return doc
}

function reportSection(key: string, title: string, countsTowardLimit: boolean): Section {
  return { id: `sec-${key}`.slice(0, 64), title, guidance: '', articles: [], wordBudget: null, countsTowardLimit, ownerId: null, status: 'draft', generated: null, priorityList: false }
}

async function exportReport(input: ExportInput): Promise<Buffer> {
  return (await exportDocx(input, { tocPageNumbers: false, date: DATE })).buffer
}

async function roundTrip(input: ExportInput): Promise<{ first: Buffer, plan: FullPlan, second: Buffer }> {
  const first = await exportReport(input)
  const imported = await importDocx(first)
  const plan = planReportImport(first, imported, findTemplate(TEMPLATE, input.meta.language)!)
  const second = await exportReport(reportExportInput(reportFromPlan(plan, input.meta.language)))
  return { first, plan, second }
}

describe('a Chorus export imported as a whole report', () => {
  it('comes back as the report it was: cover, sections, headings, numbered paragraphs, lists, tables, footnotes', async () => {
    const input = reportExportInput(reportYDoc(sampleReport({ confidentiality: 'confidential' })))
    const { first, plan, second } = await roundTrip(input)
    // The cover fills the settings; it is not a part of the text.
    expect(plan.settings).toMatchObject({
      title: input.meta.title, stateParty: 'Republic of Arcadia', coalition: input.meta.coalition, session: input.meta.session,
      treatyBody: input.meta.treatyBody, members: input.meta.members, contact: input.meta.contact, confidentiality: 'confidential',
    })
    expect(plan.parts.map(p => [p.title, p.target])).toEqual([
      ['Executive summary', 'section:executive-summary'],
      ['V. Violence against children', 'section:violence'],
      ['VI. Family environment and alternative care', 'section:family'],
      ['Annex I. Contributing organisations', 'new'],
    ])
    expect(plan.notices).toEqual([])
    const a = await docxStructure(first)
    const b = await docxStructure(second)
    expect(b.sectionTitles).toEqual(a.sectionTitles)
    expect(b.body).toEqual(a.body)
    expect(b.footnotes).toBe(a.footnotes)
    expect(b.cover).toEqual(a.cover)
    // Each part's body is its section's body: numbered paragraphs are paragraphs again (not an
    // ordered list), headings at their levels, lists, quote, table and notes where they were.
    const shape = (doc: PMNode) => (doc.content ?? []).map(b => `${b.type}${b.attrs?.level ?? ''}${b.type === 'footnotes' ? b.content!.length : ''}`)
    plan.parts.forEach((part, k) => expect(shape(part.body)).toEqual(shape(input.sections[k]!.content)))
    expect(shape(plan.parts[1]!.body).filter(t => t === 'paragraph')).toHaveLength(5)
  })

  it('keeps the structure of any generated report (property)', async () => {
    const word = fc.constantFrom('child', 'rights', 'report', 'data', 'Arcadia', 'court', 'school', 'budget', 'law', 'care')
    const text = fc.array(word, { minLength: 1, maxLength: 10 }).map(ws => ws.join(' '))
    const block = fc.oneof(
      fc.record({ kind: fc.constant('p' as const), text, note: fc.boolean() }),
      fc.record({ kind: fc.constant('h' as const), text, level: fc.integer({ min: 2, max: 4 }) }),
      fc.record({ kind: fc.constantFrom('ul' as const, 'ol' as const), items: fc.array(text, { minLength: 1, maxLength: 3 }) }),
    )
    const templateSections = findTemplate(TEMPLATE)!.sections.filter(s => !s.generated)
    const report = fc.record({
      picked: fc.subarray(templateSections.map((_, i) => i), { minLength: 1, maxLength: 4 }),
      extra: fc.boolean(),
      bodies: fc.array(fc.array(block, { minLength: 0, maxLength: 6 }), { minLength: 5, maxLength: 5 }),
      language: fc.constantFrom<ReportLanguage>('en', 'ru', 'az'),
    })
    await fc.assert(fc.asyncProperty(report, async ({ picked, extra, bodies, language }) => {
      const titles = findTemplate(TEMPLATE, language)!.sections
      const chosen = [...picked].sort((x, y) => x - y).map(i => titles.find(s => s.key === templateSections[i]!.key)!)
      const sections = chosen.map((s, k) => ({ id: `sec-${k}-gen`, title: s.title, countsTowardLimit: s.countsTowardLimit, content: generatedBody(bodies[k]!, k) }))
      if (extra) sections.push({ id: 'sec-extra-gen', title: 'Participation of young people in this submission', countsTowardLimit: true, content: generatedBody(bodies[4]!, 4) })
      const doc = reportYDoc({ meta: sampleReport({ language }).meta, sections, comments: [] })
      const { first, second } = await roundTrip(reportExportInput(doc))
      const a = await docxStructure(first)
      const b = await docxStructure(second)
      expect(b.sectionTitles).toEqual(a.sectionTitles)
      expect(b.body).toEqual(a.body)
      expect(b.footnotes).toBe(a.footnotes)
    }), { numRuns: 15 })
  }, 240_000)
})

/** A section body from generated blocks; always one paragraph of text, so no section is empty. */
function generatedBody(blocks: Array<{ kind: 'p', text: string, note: boolean } | { kind: 'h', text: string, level: number } | { kind: 'ul' | 'ol', items: string[] }>, k: number): PMNode {
  const t = (text: string): PMNode => ({ type: 'text', text })
  const notes: PMNode[] = []
  const content: PMNode[] = [{ type: 'paragraph', content: [t(`Opening paragraph of part ${k + 1}.`)] }]
  for (const b of blocks) {
    if (b.kind === 'p') {
      const id = `n${k}x${notes.length}`
      content.push({ type: 'paragraph', content: [t(b.text), ...(b.note ? [{ type: 'footnoteReference', attrs: { id } }] : [])] })
      if (b.note) notes.push({ type: 'footnote', attrs: { id }, content: [{ type: 'paragraph', content: [t(`Source ${notes.length + 1}.`)] }] })
    } else if (b.kind === 'h') {
      content.push({ type: 'heading', attrs: { level: b.level }, content: [t(b.text)] })
    } else {
      const items = b.items.map(x => ({ type: 'listItem', content: [{ type: 'paragraph', content: [t(x)] }] }))
      content.push(b.kind === 'ul' ? { type: 'bulletList', content: items } : { type: 'orderedList', attrs: { start: 1, type: null }, content: items })
    }
  }
  if (notes.length) content.push({ type: 'footnotes', content: notes })
  return { type: 'doc', content }
}

describe('a draft made by pandoc', () => {
  it('is split at its headings; clusters matched by title, number and articles; the cover fills the settings', async () => {
    const file = await pandocDocx([
      '---',
      'title: Alternative report on the rights of the child in Arcadia',
      'author: Arcadian Coalition for Child Rights',
      '---',
      '',
      'State party: Republic of Arcadia',
      '',
      'This report was written by twelve organisations over two years.',
      '',
      '# General principles',
      '',
      'Children are not heard in courts.[^1]',
      '',
      '## Non-discrimination',
      '',
      'Roma children are left out of school.',
      '',
      '# Cluster 8: what children learn',
      '',
      'Schools lack teachers.',
      '',
      '# Protection from abuse (arts. 19, 34 and 39)',
      '',
      'Violence at home is not reported.',
      '',
      '# Children and the climate',
      '',
      'Air pollution harms children in the capital.',
      '',
      '[^1]: Court records, 2024.',
    ].join('\n'))
    const result = await importDocx(file)
    const plan = planReportImport(file, result, findTemplate(TEMPLATE)!)
    expect(plan.settings).toMatchObject({ title: 'Alternative report on the rights of the child in Arcadia', stateParty: 'Republic of Arcadia', coalition: 'Arcadian Coalition for Child Rights' })
    expect(plan.parts.map(p => [p.title, p.target, p.match])).toEqual([
      ['', 'new', null],
      ['General principles', 'section:general-principles', 'title'],
      ['Cluster 8: what children learn', 'section:education', 'number'],
      ['Protection from abuse (arts. 19, 34 and 39)', 'section:violence', 'articles'],
      ['Children and the climate', 'new', null],
    ])
    expect(plan.parts.map(p => p.words)).toEqual([10, 17, 3, 6, 7])

    // Created with one target changed: the climate part goes to cluster VII instead of a new section.
    const targets = plan.parts.map(p => p.target)
    targets[4] = 'section:health'
    const doc = reportFromPlan(plan, 'en', targets)
    const input = reportExportInput(doc)
    const filled = input.sections.filter(s => (s.content.content ?? []).some(b => b.content?.length))
    expect(filled.map(s => s.title)).toEqual(['Introduction', 'III. General principles', 'V. Violence against children', 'VII. Disability, basic health and welfare', 'VIII. Education, leisure and cultural activities'])
    const principles = input.sections.find(s => s.title === 'III. General principles')!.content
    expect(principles.content!.map(b => b.type + (b.attrs?.level ?? ''))).toEqual(['paragraph', 'heading2', 'paragraph', 'footnotes'])
    // The title, State party and coalition lines are settings, not text.
    const intro = JSON.stringify(input.sections.find(s => s.title === 'Introduction')!.content)
    expect(intro).toContain('twelve organisations')
    expect(intro).not.toContain('Republic of Arcadia')
  })
})

describe('a draft made by LibreOffice', () => {
  it('leaves its table of contents out, reads its title and splits it at its Heading 1s', async () => {
    const body = [
      '<text:p text:style-name="Title">Shadow report on child rights in Arcadia</text:p>',
      '<text:p text:style-name="Standard">State party: Republic of Arcadia</text:p>',
      '<text:table-of-content text:name="Table of Contents1"><text:table-of-content-source text:outline-level="3"><text:index-title-template>Contents</text:index-title-template></text:table-of-content-source>',
      '<text:index-body><text:index-title text:name="Table of Contents1_Head"><text:p text:style-name="Contents_20_Heading">Contents</text:p></text:index-title>',
      '<text:p text:style-name="Contents_20_1">I. General measures of implementation<text:tab/>2</text:p>',
      '<text:p text:style-name="Contents_20_1">Статьи 19 и 34<text:tab/>3</text:p>',
      '</text:index-body></text:table-of-content>',
      '<text:h text:outline-level="1">I. General measures of implementation</text:h>',
      '<text:p text:style-name="Standard">There is no national plan of action.</text:p>',
      '<text:h text:outline-level="2">Budget</text:h>',
      '<text:p text:style-name="Standard">Spending on children fell.</text:p>',
      '<text:h text:outline-level="1">Насилие: статьи 19 и 34</text:h>',
      '<text:p text:style-name="Standard">Побои в школах не расследуются.</text:p>',
    ].join('')
    const file = await libreOfficeDocx(fodt('', body))
    const result = await importDocx(file)
    expect(JSON.stringify(result.content)).not.toContain('Contents')
    const plan = planReportImport(file, result, findTemplate(TEMPLATE, 'ru')!)
    expect(plan.settings).toMatchObject({ title: 'Shadow report on child rights in Arcadia', stateParty: 'Republic of Arcadia' })
    expect(plan.parts.map(p => [p.title, p.target, p.match])).toEqual([
      ['I. General measures of implementation', 'section:general-measures', 'title'],
      ['Насилие: статьи 19 и 34', 'section:violence', 'articles'],
    ])
    expect(plan.parts[0]!.body.content!.map(b => b.type + (b.attrs?.level ?? ''))).toEqual(['paragraph', 'heading2', 'paragraph'])
  })
})

describe('a section import of a Chorus export', () => {
  it('pastes neither the cover nor the contents, and numbered paragraphs stay paragraphs', async () => {
    const input = reportExportInput(reportYDoc(sampleReport({ confidentiality: 'confidential' })))
    const file = await exportReport(input)
    const { content, cover, notices } = await importDocx(file)
    const text = JSON.stringify(content)
    for (const line of [input.meta.stateParty, input.meta.contact, 'CONFIDENTIAL', 'Contents', 'Submitted by']) expect(text).not.toContain(line)
    expect(cover.map(l => l.role)).toContain('title')
    const top = (content.content ?? []).map(b => b.type)
    const original = input.sections.flatMap(s => (s.content.content ?? []).filter(b => b.type !== 'footnotes').map(b => b.type))
    expect(top.filter(t => t === 'orderedList')).toHaveLength(original.filter(t => t === 'orderedList').length)
    expect(top.filter(t => t === 'paragraph')).toHaveLength(original.filter(t => t === 'paragraph').length)
    expect(notices).toEqual([])
  })
})
