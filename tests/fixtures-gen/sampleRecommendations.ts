/**
 * A short CRC report with recommendation blocks in two clusters and an annex, an executive summary
 * headed by the priority list and a generated summary of recommendations (docs/recommendations.md),
 * for the DOCX and word-count tests. Deterministic.
 */
import type { ExportInput, PMNode } from '../../server/docx/types'
import { sampleMeta } from './sampleReport'

const p = (text: string): PMNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** A recommendation (or question) block as the editor stores it. */
export function recommendationBlock(refId: string, texts: string[], attrs: { kind?: 'recommendation' | 'question', articles?: string, priority?: boolean } = {}): PMNode {
  return { type: 'recommendation', attrs: { refId, kind: attrs.kind ?? 'recommendation', articles: attrs.articles ?? '', priority: attrs.priority ?? false }, content: texts.map(p) }
}

/** The report: R1 (priority), R2 in cluster V; R3 in cluster VI; R4 in the annex; the summary generated. */
export function recommendationsReport(): ExportInput {
  return {
    meta: sampleMeta(),
    sections: [
      { id: 'sec-summary', title: 'Executive summary', countsTowardLimit: true, priorityList: true, content: { type: 'doc', content: [p('The coalition’s main concerns are violence and alternative care.')] } },
      { id: 'sec-cluster-v', title: 'V. Violence against children', countsTowardLimit: true, content: { type: 'doc', content: [
        p('Corporal punishment remains lawful in the home.'),
        recommendationBlock('rViolence1', ['Prohibit corporal punishment in all settings.', 'Repeal the defence of reasonable chastisement.'], { articles: '19, 37(a)', priority: true }),
        p('Complaint mechanisms are not accessible to children.'),
        recommendationBlock('rViolence2', ['Establish a child-friendly complaint mechanism.']),
      ] } },
      { id: 'sec-cluster-vi', title: 'VI. Family environment and alternative care', countsTowardLimit: true, content: { type: 'doc', content: [
        recommendationBlock('rCare1', ['Close large residential institutions by 2030.'], { articles: '20' }),
      ] } },
      { id: 'sec-recs', title: 'Summary of recommendations', countsTowardLimit: true, generated: 'recommendations', content: { type: 'doc', content: [{ type: 'paragraph' }] } },
      { id: 'sec-annex', title: 'Annex I. Data', countsTowardLimit: false, content: { type: 'doc', content: [
        recommendationBlock('rAnnex1', ['Publish disaggregated data every year.']),
      ] } },
    ],
    comments: [],
  }
}
