/**
 * Creating a report from a template: the row, the creator as secretariat, and the Y.Doc seeded
 * exactly once (meta, sections, empty bodies) as the first update in the store.
 */
import * as Y from 'yjs'
import type { CreateReportInput, Section } from '#shared/schemas/report'
import { reportMetaSchema } from '#shared/schemas/report'
import type { ReportTemplate } from '#shared/schemas/template'
import { seedDoc, summarize } from '#shared/reportDoc'
import type { PublicUser } from '#shared/types/user'
import { useStore } from '../store'
import { storeNewReportDoc } from './reportDocument'
import { sectionBudgetsFor, wordLimitFor } from './sectionBudgets'
import { insertReport, deleteReport } from '../repos/reports'
import { audit } from '../repos/audit'
import { newId } from '../utils/newId'
import type { DraftSection } from './import/draftLayout'
import { draftSections, fillDraftBodies } from './import/draftSections'

/**
 * Create a report for `user` from `template`; returns its id. `draft` (a Word draft's sections,
 * server/reports/import/draftLayout.ts) replaces the template's list and fills the bodies in the
 * same first update, so the report never exists half imported.
 */
export async function createReport(user: PublicUser, template: ReportTemplate, input: CreateReportInput, draft?: DraftSection[]): Promise<string> {
  const { db } = await useStore()
  const wordLimit = wordLimitFor(template, input)
  const budgets = sectionBudgetsFor(template, input, wordLimit)
  const { submissionType: _submissionType, scope: _scope, ...fields } = input
  const meta = reportMetaSchema.parse({
    treatyBody: template.treatyBody,
    numberedParagraphs: template.numberedParagraphs,
    ...fields,
    wordLimit,
    templateId: template.id,
  })
  const sections: Section[] = template.sections.map((s, i) => ({
    id: newId(),
    title: s.title,
    guidance: s.guidance,
    articles: s.articles,
    wordBudget: budgets[i] ?? null,
    countsTowardLimit: s.countsTowardLimit,
    ownerId: null,
    status: 'draft',
    generated: s.generated ?? null,
    priorityList: s.priorityList ?? false,
  }))
  // A Word draft's sections replace the template's list, in the draft's order.
  const laidOut = draft ? draftSections(draft, sections) : sections
  const doc = new Y.Doc()
  seedDoc(doc, meta, laidOut)
  if (draft) fillDraftBodies(doc, draft, laidOut)
  const id = newId()
  await insertReport(db, { id, title: meta.title, templateId: template.id, createdBy: user.id, summary: summarize(doc) })
  try {
    await storeNewReportDoc(id, doc)
  } catch (error) {
    await deleteReport(db, id)
    throw error
  }
  doc.destroy()
  await audit(db, { actorId: user.id, reportId: id, action: 'report.create', detail: { templateId: template.id, ...(draft ? { fromWord: true, sections: laidOut.length } : {}) } })
  return id
}
