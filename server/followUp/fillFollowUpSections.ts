/**
 * Gives the export's follow-up sections (`generated: "followUp"`) their body: the follow-up table
 * built from the same Y.Doc the other sections were read from, so the Word file shows the links
 * as they were at that moment. Paragraph numbers come from the report's one numbering
 * (shared/reportNumbering.ts) over the sections just read, as the export numbers them.
 */
import type * as Y from 'yjs'
import { readSections } from '#shared/reportDoc'
import { readConcludingObservations } from '#shared/followUp/readConcludingObservations'
import { readFollowUpLinks } from '#shared/followUp/readFollowUpLinks'
import { followUpRows } from '#shared/followUp/followUpRows'
import { numberReport, sectionBlocks } from '#shared/reportNumbering'
import type { ExportInput } from '../docx/types'
import { followUpLabels } from './followUpLabels'
import { followUpTableJson } from './followUpTableJson'

/** Replace the (empty) stored body of each follow-up section of `input` with the table. */
export function fillFollowUpSections(doc: Y.Doc, input: ExportInput): void {
  const ids = new Set(readSections(doc).filter(s => s.generated === 'followUp').map(s => s.id))
  const targets = input.sections.filter(s => ids.has(s.id))
  if (!targets.length) return
  const co = readConcludingObservations(doc)
  const table = followUpRows(co, readFollowUpLinks(doc))
  const numbers = numberReport(input.sections.map(s => ({ id: s.id, countsTowardLimit: s.countsTowardLimit, blocks: sectionBlocks(s.content) })), { numberedParagraphs: input.meta.numberedParagraphs })
  const numberOf = (refId: string | null) => (refId ? numbers.byRefId.get(refId)?.number ?? null : null)
  const body = followUpTableJson(table, co?.symbol ?? null, followUpLabels(input.meta.language), numberOf)
  for (const section of targets) section.content = body
}
